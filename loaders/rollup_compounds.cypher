// name: rollup_compounds
// title: 小区所在社区(汇总用) | Each compound's community
MATCH (c:Compound)-[:PART_OF]->(:Grid)-[:PART_OF]->(cm:Community)
RETURN c.id AS id, cm.id AS community_id
