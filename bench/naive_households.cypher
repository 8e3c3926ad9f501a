// name: naive_households
// title: 逐行导入:户 | Naive loader: one household per query
// description: What a py2neo-era script sends for each row of households.csv, in its own transaction.
MERGE (n:Household:Territory {id: $id})
SET n.name = $name, n.residents = $residents
WITH n
MATCH (p:Building {id: $building_id})
MERGE (n)-[:PART_OF]->(p)
