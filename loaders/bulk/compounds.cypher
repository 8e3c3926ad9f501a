// name: compounds
// title: 居民小区 | Compounds, part of their grid (bulk: a fresh graph)
// One look-up per grid, not per row: the rows are grouped by grid_id first.
UNWIND $rows AS r
WITH r.grid_id AS parent_id, collect(r) AS rs
MATCH (p:Grid {id: parent_id})
UNWIND rs AS r
CREATE (:Compound:Territory {id: r.id, name: r.name, address: r.address, no_property: r.no_property,
                             management_mode: r.management_mode, services: r.services})-[:PART_OF]->(p)
