// name: r2_buildings_without_group
// title: 有党员居住但未建楼宇党小组的楼栋 | Buildings with resident members but no building group
// rule: R2
// gaps: yes
// sensitive: secretary
// description_zh: 有党员居住但没有楼宇党小组覆盖的楼栋,按居住党员数从多到少,列出覆盖该小区的党支部及其书记。
// description: Buildings where party members live on the date and no building group covers them, most members first, with the branch covering the compound and its secretary.
// param: as_of date = today | 截至日期 | As of
MATCH (m:Member)-[l:LIVES_IN]->(:Household)-[:PART_OF]->(b:Building)-[:PART_OF]->(c:Compound)
WHERE l.since <= date($as_of) AND (l.until IS NULL OR l.until >= date($as_of))
WITH b, c, count(DISTINCT m) AS members
OPTIONAL MATCH (b)<-[cov:COVERS]-(grp:Organization)
// tests inside the aggregate, not in a WHERE of the OPTIONAL MATCH: FalkorDB runs that several times slower
WITH b, c, members, count(CASE WHEN grp.kind = 'building_group' AND cov.since <= date($as_of)
                                AND (cov.until IS NULL OR cov.until >= date($as_of)) THEN grp END) AS groups
WHERE groups = 0
MATCH (c)-[:PART_OF]->(g:Grid)-[:PART_OF]->(cm:Community)-[:PART_OF]->(s:Street)
OPTIONAL MATCH (c)<-[bc:COVERS]-(br:Organization)
WHERE br.kind IN ['compound_branch', 'joint_branch'] AND bc.until IS NULL
OPTIONAL MATCH (sec:Member)-[sr:SECRETARY_OF]->(br) WHERE sr.until IS NULL
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, g.name AS grid,
       c.name AS compound, b.id AS building_id, b.name AS building, members,
       br.name AS responsible_org, sec.name AS secretary
ORDER BY members DESC, building_id
