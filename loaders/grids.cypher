// name: grids
// title: 网格 | Grids, part of their community
UNWIND $rows AS r
MERGE (n:Grid:Territory {id: r.id})
SET n.name = r.name
WITH n, r
MATCH (p:Community {id: r.community_id})
MERGE (n)-[:PART_OF]->(p)
