// name: streets
// title: 街道 | Streets, part of their district
UNWIND $rows AS r
MERGE (n:Street:Territory {id: r.id})
SET n.name = r.name, n.households = r.households
WITH n, r
MATCH (p:District {id: r.district_id})
MERGE (n)-[:PART_OF]->(p)
