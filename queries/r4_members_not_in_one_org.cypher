// name: r4_members_not_in_one_org
// title: 组织关系不唯一的党员 | Members in no organization or in several
// rule: R4
// gaps: yes
// sensitive: member
// description_zh: 截至该日没有组织关系(口袋党员)或同时属于两个及以上党组织的党员,列出居住地。
// description: Pocket members (no organization on the date) and members belonging to two or more at once, with where they live.
// param: as_of date = today | 截至日期 | As of
// Each member's organizations on the date are read from what each load keeps on it (loaders/rollups.py), not
// from its memberships: grouping 55,000 members' memberships took 0.45-0.6 s on FalkorDB and 0.22-0.38 s on
// Neo4j at scale 1, and reading every member's count 60-110 ms on either.  The index on the day from which a
// member is in one organization for good finds those that may not be on the date (55 on 2021-12-31).
// unlabelled nodes: by graph/model.py LIVES_IN only ends at a Household, and PART_OF climbs one territory
// level (the loaders create no other), so h, bd, c, g, cm, s are a Household, Building … Street without a
// label check per row.
MATCH (m:Member)
WHERE m.organizations_settled_day > days_since_epoch(date($as_of))
WITH m, count_on(m, organizations, date($as_of)) AS organizations
WHERE organizations <> 1
OPTIONAL MATCH (m)-[l:LIVES_IN]->(h)-[:PART_OF]->(bd)-[:PART_OF]->(c)
               -[:PART_OF]->(g)-[:PART_OF]->(cm)-[:PART_OF]->(s)
WHERE l.until IS NULL
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, g.name AS grid,
       c.name AS compound, m.id AS member_id, m.name AS member, m.kind AS kind, organizations,
       CASE WHEN organizations = 0 THEN '无组织关系 no organization' ELSE '多个组织 several organizations' END AS problem
ORDER BY organizations DESC, member_id
