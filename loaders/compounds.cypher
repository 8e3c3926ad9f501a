// name: compounds
// title: 居民小区 | Compounds, part of their grid
UNWIND $rows AS r
MERGE (n:Compound:Territory {id: r.id})
SET n.name = r.name, n.address = r.address, n.no_property = r.no_property,
    n.management_mode = r.management_mode, n.services = r.services
WITH n, r
MATCH (p:Grid {id: r.grid_id})
MERGE (n)-[:PART_OF]->(p)
