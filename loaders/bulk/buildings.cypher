// name: buildings
// title: 楼栋 | Buildings, part of their compound (bulk: a fresh graph)
// One look-up per compound, not per row: the rows are grouped by compound_id first.
UNWIND $rows AS r
WITH r.compound_id AS parent_id, collect(r) AS rs
MATCH (p:Compound {id: parent_id})
UNWIND rs AS r
CREATE (:Building:Territory {id: r.id, name: r.name, floors: r.floors})-[:PART_OF]->(p)
