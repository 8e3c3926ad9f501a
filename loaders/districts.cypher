// name: districts
// title: 城区 | Districts, part of their city
UNWIND $rows AS r
MERGE (n:District:Territory {id: r.id})
SET n.name = r.name
WITH n, r
MATCH (p:City {id: r.city_id})
MERGE (n)-[:PART_OF]->(p)
