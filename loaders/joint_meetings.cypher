// name: joint_meetings
// title: 联席会议 | Joint meetings of a contract and who attended
UNWIND $rows AS r
MERGE (n:JointMeeting {id: r.id})
SET n.held_on = date(r.held_on), n.topic = r.topic
WITH n, r
MATCH (k:Contract {id: r.contract_id})
MERGE (n)-[:MEETING_OF]->(k)
WITH n, r
UNWIND coalesce(r.attendee_ids, []) AS attendee_id
MATCH (o:Organization {id: attendee_id})
MERGE (o)-[:ATTENDED]->(n)
