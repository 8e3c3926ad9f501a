// name: communities
// title: 社区 | Communities, part of their street
UNWIND $rows AS r
MERGE (n:Community:Territory {id: r.id})
SET n.name = r.name
WITH n, r
MATCH (p:Street {id: r.street_id})
MERGE (n)-[:PART_OF]->(p)
