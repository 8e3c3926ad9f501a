// name: unit_reports
// title: 单位党组织双报到 | Unit organizations reporting to a community (bulk: a fresh graph)
// One look-up per community (community_id), not per row: the rows are grouped by it first.
UNWIND $rows AS r
WITH r.community_id AS grouped_id, collect(r) AS rs
MATCH (g:Community {id: grouped_id})
UNWIND rs AS r
MATCH (a:Organization {id: r.org_id})
CREATE (a)-[:REPORTED_TO {since: date(r.since), until: date(r.until)}]->(g)
