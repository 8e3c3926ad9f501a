// name: rollup_building_places
// title: 楼栋所在社区与户数(汇总用) | Each building's community and households
// description: For loaders/rollups.py: the community each building is in (through its compound and grid) and how many households are part of it.
MATCH (b:Building)-[:PART_OF]->(:Compound)-[:PART_OF]->(:Grid)-[:PART_OF]->(cm:Community)
RETURN b.id AS id, cm.id AS community_id, in_degree(b, PART_OF) AS households
