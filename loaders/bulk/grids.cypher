// name: grids
// title: 网格 | Grids, part of their community (bulk: a fresh graph)
// One look-up per community, not per row: the rows are grouped by community_id first.
UNWIND $rows AS r
WITH r.community_id AS parent_id, collect(r) AS rs
MATCH (p:Community {id: parent_id})
UNWIND rs AS r
CREATE (:Grid:Territory {id: r.id, name: r.name})-[:PART_OF]->(p)
