// name: joint_meeting_units
// title: 联席会议成员单位 | Member units of the city's joint-meeting system (bulk: a fresh graph)
// One look-up per organization, not per row: the rows are grouped by committee_id first.
UNWIND $rows AS r
WITH r.committee_id AS parent_id, collect(r) AS rs
MATCH (p:Organization {id: parent_id})
UNWIND rs AS r
CREATE (:JointMeetingUnit {id: r.id, name: r.name})-[:SITS_ON]->(p)
