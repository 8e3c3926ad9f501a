// name: streets
// title: 街道 | Streets, part of their district (bulk: a fresh graph)
// One look-up per district, not per row: the rows are grouped by district_id first.
UNWIND $rows AS r
WITH r.district_id AS parent_id, collect(r) AS rs
MATCH (p:District {id: parent_id})
UNWIND rs AS r
CREATE (:Street:Territory {id: r.id, name: r.name, households: r.households})-[:PART_OF]->(p)
