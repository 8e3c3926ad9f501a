// name: buildings
// title: 楼栋 | Buildings, part of their compound
UNWIND $rows AS r
MERGE (n:Building:Territory {id: r.id})
SET n.name = r.name, n.floors = r.floors
WITH n, r
MATCH (p:Compound {id: r.compound_id})
MERGE (n)-[:PART_OF]->(p)
