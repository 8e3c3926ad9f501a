// name: rollup_grids
// title: 网格所在社区(汇总用) | Each grid's community
MATCH (g:Grid)-[:PART_OF]->(cm:Community)
RETURN g.id AS id, cm.id AS community_id
