// name: households
// title: 户 | Households, part of their building (bulk: a fresh graph)
// One look-up per building, not per row: the rows are grouped by building_id first.
UNWIND $rows AS r
WITH r.building_id AS parent_id, collect(r) AS rs
MATCH (p:Building {id: parent_id})
UNWIND rs AS r
CREATE (:Household:Territory {id: r.id, name: r.name, residents: r.residents})-[:PART_OF]->(p)
