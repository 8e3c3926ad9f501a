// name: households
// title: 户 | Households, part of their building
UNWIND $rows AS r
MERGE (n:Household:Territory {id: r.id})
SET n.name = r.name, n.residents = r.residents
WITH n, r
MATCH (p:Building {id: r.building_id})
MERGE (n)-[:PART_OF]->(p)
