// name: r1_uncovered_compounds
// title: 未被党支部覆盖的居民小区 | Compounds no branch covers
// rule: R1
// gaps: yes
// sensitive: secretary
// description_zh: 截至该日没有小区党支部或联合党支部覆盖的居民小区,列出所在街道、社区、网格,负责的社区党委及其书记,涉及的户数和党员数。
// description: Compounds with no compound or joint branch covering them on the date, with where they are, the community committee responsible, its secretary, and the households and members affected.
// param: as_of date = today | 截至日期 | As of
// The compounds without a branch are found first, grouped by the compound alone, and only they climb to their
// grid, community and street. The date is read once, and each compound's branch links are collected and their
// dates tested on the list: a test on each row of the grouping took FalkorDB most of the query
// (scale 10: 0.28 -> 0.25 s).
WITH date($as_of) AS as_of
MATCH (c:Compound)
OPTIONAL MATCH (c)<-[cov:COVERS]-(b:Organization)
// the kind tested inside the aggregate, not in a WHERE of the OPTIONAL MATCH: FalkorDB runs that several times slower
WITH c, as_of, collect(CASE WHEN b.kind IN ['compound_branch', 'joint_branch'] THEN cov END) AS links
WITH c, size([link IN links WHERE link.since <= as_of AND (link.until IS NULL OR link.until >= as_of)]) AS branches
WHERE branches = 0
MATCH (c)-[:PART_OF]->(g:Grid)-[:PART_OF]->(cm:Community)-[:PART_OF]->(s:Street)
OPTIONAL MATCH (cm)<-[:COVERS]-(cc:Organization {kind: 'community_committee'})
OPTIONAL MATCH (sec:Member)-[sr:SECRETARY_OF]->(cc) WHERE sr.until IS NULL
// written from the bound end: FalkorDB otherwise starts from every household
OPTIONAL MATCH (c)<-[:PART_OF]-(:Building)<-[:PART_OF]-(h:Household)
OPTIONAL MATCH (h)<-[l:LIVES_IN]-(m:Member)
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, g.name AS grid,
       c.id AS compound_id, c.name AS compound, cc.name AS responsible_org, sec.name AS secretary,
       count(DISTINCT h) AS households,
       count(DISTINCT CASE WHEN l.until IS NULL THEN m END) AS members
ORDER BY members DESC, households DESC, compound_id
