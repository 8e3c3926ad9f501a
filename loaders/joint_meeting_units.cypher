// name: joint_meeting_units
// title: 联席会议成员单位 | Member units of the city's joint-meeting system
UNWIND $rows AS r
MERGE (n:JointMeetingUnit {id: r.id})
SET n.name = r.name
WITH n, r
MATCH (o:Organization {id: r.committee_id})
MERGE (n)-[:SITS_ON]->(o)
