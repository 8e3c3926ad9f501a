// name: coverage
// title: 组织覆盖 | Which organization covers which territory, since when (bulk: a fresh graph)
// One look-up per organization (org_id), not per row: the rows are grouped by it first.
UNWIND $rows AS r
WITH r.org_id AS grouped_id, collect(r) AS rs
MATCH (g:Organization {id: grouped_id})
UNWIND rs AS r
MATCH (a:Territory {id: r.territory_id})
CREATE (g)-[:COVERS {since: date(r.since), until: date(r.until)}]->(a)
