// name: employment
// title: 工作单位 | A member's workplace (bulk: a fresh graph)
// One look-up per unit (unit_id), not per row: the rows are grouped by it first.
UNWIND $rows AS r
WITH r.unit_id AS grouped_id, collect(r) AS rs
MATCH (g:Unit {id: grouped_id})
UNWIND rs AS r
MATCH (a:Member {id: r.member_id})
CREATE (a)-[:WORKS_AT]->(g)
