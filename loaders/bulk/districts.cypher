// name: districts
// title: 城区 | Districts, part of their city (bulk: a fresh graph)
// One look-up per city, not per row: the rows are grouped by city_id first.
UNWIND $rows AS r
WITH r.city_id AS parent_id, collect(r) AS rs
MATCH (p:City {id: parent_id})
UNWIND rs AS r
CREATE (:District:Territory {id: r.id, name: r.name})-[:PART_OF]->(p)
