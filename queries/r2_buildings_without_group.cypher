// name: r2_buildings_without_group
// title: 有党员居住但未建楼宇党小组的楼栋 | Buildings with resident members but no building group
// rule: R2
// gaps: yes
// sensitive: secretary
// description_zh: 有党员居住但没有楼宇党小组覆盖的楼栋,按居住党员数从多到少,列出覆盖该小区的党支部及其书记。
// description: Buildings where party members live on the date and no building group covers them, most members first, with the branch covering the compound and its secretary.
// param: as_of date = today | 截至日期 | As of
// The members living in each building and the building groups covering it are counted by the loader for any
// date (loaders/rollups.py): one read of two properties per building, instead of a test of each building's
// group links and a walk down to its residents (scale 1: FalkorDB 68, Neo4j 83 ms p50 before).
// Unlabelled nodes above the building: PART_OF climbs one territory level (the loaders create no other), so
// c, g, cm, s are a Compound, Grid, Community and Street without a label check per row.
WITH date($as_of) AS as_of
MATCH (b:Building)
WITH b, count_on(b, residents, as_of) AS members, count_on(b, groups, as_of) AS groups
WHERE members > 0 AND groups = 0
MATCH (b)-[:PART_OF]->(c)-[:PART_OF]->(g)-[:PART_OF]->(cm)-[:PART_OF]->(s)
// COVERS also starts at central households: the Organization labels stay
OPTIONAL MATCH (c)<-[bc:COVERS]-(br:Organization)
WHERE br.kind IN ['compound_branch', 'joint_branch'] AND bc.until IS NULL
OPTIONAL MATCH (sec:Member)-[sr:SECRETARY_OF]->(br) WHERE sr.until IS NULL
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, g.name AS grid,
       c.name AS compound, b.id AS building_id, b.name AS building, members,
       br.name AS responsible_org, sec.name AS secretary
ORDER BY members DESC, building_id
