// name: communities
// title: 社区 | Communities, part of their street (bulk: a fresh graph)
// One look-up per street, not per row: the rows are grouped by street_id first.
UNWIND $rows AS r
WITH r.street_id AS parent_id, collect(r) AS rs
MATCH (p:Street {id: parent_id})
UNWIND rs AS r
CREATE (:Community:Territory {id: r.id, name: r.name})-[:PART_OF]->(p)
