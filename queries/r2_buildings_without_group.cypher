// name: r2_buildings_without_group
// title: 有党员居住但未建楼宇党小组的楼栋 | Buildings with resident members but no building group
// rule: R2
// gaps: yes
// sensitive: secretary
// description_zh: 有党员居住但没有楼宇党小组覆盖的楼栋,按居住党员数从多到少,列出覆盖该小区的党支部及其书记。
// description: Buildings where party members live on the date and no building group covers them, most members first, with the branch covering the compound and its secretary.
// param: as_of date = today | 截至日期 | As of
// The buildings without a group are found first, and members are counted only in those: the group test
// runs once per building, the member count walks down from a few hundred buildings instead of up from every
// member (scale 1: FalkorDB 0.21 -> 0.06 s, Neo4j 0.16 -> 0.04 s).
// Unlabelled nodes below a building: by graph/model.py only a Household is PART_OF a Building and LIVES_IN
// only ends at a Household; above it PART_OF climbs one territory level (the loaders create no other), so
// c, g, cm, s are a Compound, Grid, Community and Street without a label check per row.
// The date is read once, and each building's group links are collected and their dates tested on the list:
// a test on each row of the grouping took FalkorDB most of the query (scale 10: 0.61 -> 0.50 s).
WITH date($as_of) AS as_of
MATCH (b:Building)
OPTIONAL MATCH (b)<-[cov:COVERS]-(grp:Organization)
// the kind tested inside the aggregate, not in a WHERE of the OPTIONAL MATCH: FalkorDB runs that several times slower
WITH b, as_of, collect(CASE WHEN grp.kind = 'building_group' THEN cov END) AS links
WITH b, as_of, size([link IN links WHERE link.since <= as_of AND (link.until IS NULL OR link.until >= as_of)]) AS groups
WHERE groups = 0
MATCH (m:Member)-[l:LIVES_IN]->(h)-[:PART_OF]->(b)
WHERE l.since <= as_of AND (l.until IS NULL OR l.until >= as_of)
WITH b, count(DISTINCT m) AS members
MATCH (b)-[:PART_OF]->(c)-[:PART_OF]->(g)-[:PART_OF]->(cm)-[:PART_OF]->(s)
// COVERS also starts at central households: the Organization labels stay
OPTIONAL MATCH (c)<-[bc:COVERS]-(br:Organization)
WHERE br.kind IN ['compound_branch', 'joint_branch'] AND bc.until IS NULL
OPTIONAL MATCH (sec:Member)-[sr:SECRETARY_OF]->(br) WHERE sr.until IS NULL
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, g.name AS grid,
       c.name AS compound, b.id AS building_id, b.name AS building, members,
       br.name AS responsible_org, sec.name AS secretary
ORDER BY members DESC, building_id
