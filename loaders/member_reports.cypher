// name: member_reports
// title: 在职党员双报到 | In-service members reporting to a community
UNWIND $rows AS r
MATCH (m:Member {id: r.member_id})
MATCH (c:Community {id: r.community_id})
MERGE (m)-[p:REPORTED_TO {since: date(r.since)}]->(c)
SET p.until = date(r.until)
