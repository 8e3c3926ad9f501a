// name: joint_meetings
// title: 联席会议 | Joint meetings of a contract and who attended (bulk: a fresh graph)
// An organization named twice in attendee_ids attends once, hence MERGE for ATTENDED.
UNWIND $rows AS r
CREATE (n:JointMeeting {id: r.id, held_on: date(r.held_on), topic: r.topic})
WITH n, r
MATCH (k:Contract {id: r.contract_id})
CREATE (n)-[:MEETING_OF]->(k)
WITH n, r
UNWIND coalesce(r.attendee_ids, []) AS attendee_id
MATCH (o:Organization {id: attendee_id})
MERGE (o)-[:ATTENDED]->(n)
