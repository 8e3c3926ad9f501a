// name: r2_buildings_without_group
// title: 有党员居住但未建楼宇党小组的楼栋 | Buildings with resident members but no building group
// rule: R2
// gaps: yes
// sensitive: secretary
// description_zh: 有党员居住但没有楼宇党小组覆盖的楼栋,按居住党员数从多到少,列出覆盖该小区的党支部及其书记。
// description: Buildings where party members live on the date and no building group covers them, most members first, with the branch covering the compound and its secretary.
// param: as_of date = today | 截至日期 | As of
// unlabelled nodes on the territory path: by graph/model.py LIVES_IN only ends at a Household and PART_OF
// climbs one territory level (the loaders create no other), so the labels would only add a check per row
// (h is a Household, b a Building, and c, g, cm, s a Compound, Grid, Community and Street).
// Members are counted per building first, and only the buildings without a group climb to their street:
// the climb runs a few hundred times instead of once per member (FalkorDB, scale 1: 0.60 -> 0.32 s).
MATCH (m:Member)-[l:LIVES_IN]->(h)-[:PART_OF]->(b)
WHERE l.since <= date($as_of) AND (l.until IS NULL OR l.until >= date($as_of))
WITH b, count(DISTINCT m) AS members
OPTIONAL MATCH (b)<-[cov:COVERS]-(grp:Organization)
// tests inside the aggregate, not in a WHERE of the OPTIONAL MATCH: FalkorDB runs that several times slower
WITH b, members, count(CASE WHEN grp.kind = 'building_group' AND cov.since <= date($as_of)
                             AND (cov.until IS NULL OR cov.until >= date($as_of)) THEN grp END) AS groups
WHERE groups = 0
MATCH (b)-[:PART_OF]->(c)-[:PART_OF]->(g)-[:PART_OF]->(cm)-[:PART_OF]->(s)
// COVERS also starts at central households: the Organization labels stay
OPTIONAL MATCH (c)<-[bc:COVERS]-(br:Organization)
WHERE br.kind IN ['compound_branch', 'joint_branch'] AND bc.until IS NULL
OPTIONAL MATCH (sec:Member)-[sr:SECRETARY_OF]->(br) WHERE sr.until IS NULL
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, g.name AS grid,
       c.name AS compound, b.id AS building_id, b.name AS building, members,
       br.name AS responsible_org, sec.name AS secretary
ORDER BY members DESC, building_id
