// name: r3_grids_without_org
// title: 未建网格党组织的网格 | Grids without a grid party organization
// rule: R3
// gaps: yes
// sensitive: secretary
// description_zh: 截至该日没有网格党组织覆盖的网格,列出所属社区党委、书记和网格内的小区数。
// description: Grids that no grid party organization covers on the date, with their community committee, its secretary and how many compounds the grid holds.
// param: as_of date = today | 截至日期 | As of
// The grids without an organization are found first, grouped by the grid alone, and only they climb to their
// community and street. The date is read once, and the dates of each grid's grid-organization links are tested
// on its list: evaluated on each row of the grouping, the test took FalkorDB most of the query
// (scale 10: 74 -> 45 ms).
WITH date($as_of) AS as_of
MATCH (g:Grid)
// the kind tested inside the aggregate, not in a WHERE of the OPTIONAL MATCH: FalkorDB runs that several times slower
OPTIONAL MATCH (g)<-[cov:COVERS]-(o:Organization)
WITH g, as_of, collect(CASE WHEN o.kind = 'grid_org' THEN cov END) AS links
WITH g, size([link IN links WHERE link.since <= as_of AND (link.until IS NULL OR link.until >= as_of)]) AS orgs
WHERE orgs = 0
MATCH (g)-[:PART_OF]->(cm:Community)-[:PART_OF]->(s:Street)
OPTIONAL MATCH (cm)<-[:COVERS]-(cc:Organization {kind: 'community_committee'})
OPTIONAL MATCH (sec:Member)-[sr:SECRETARY_OF]->(cc) WHERE sr.until IS NULL
OPTIONAL MATCH (c:Compound)-[:PART_OF]->(g)
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community,
       g.id AS grid_id, g.name AS grid, count(DISTINCT c) AS compounds,
       cc.name AS responsible_org, sec.name AS secretary
ORDER BY compounds DESC, grid_id
