// name: member_reports
// title: 在职党员双报到 | In-service members reporting to a community (bulk: a fresh graph)
// One look-up per community (community_id), not per row: the rows are grouped by it first.
UNWIND $rows AS r
WITH r.community_id AS grouped_id, collect(r) AS rs
MATCH (g:Community {id: grouped_id})
UNWIND rs AS r
MATCH (a:Member {id: r.member_id})
CREATE (a)-[:REPORTED_TO {since: date(r.since), until: date(r.until)}]->(g)
