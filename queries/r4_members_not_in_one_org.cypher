// name: r4_members_not_in_one_org
// title: 组织关系不唯一的党员 | Members in no organization or in several
// rule: R4
// gaps: yes
// sensitive: member
// description_zh: 截至该日没有组织关系(口袋党员)或同时属于两个及以上党组织的党员,列出居住地。
// description: Pocket members (no organization on the date) and members belonging to two or more at once, with where they live.
// param: as_of date = today | 截至日期 | As of
// unlabelled nodes: by graph/model.py BELONGS_TO only ends at an Organization, LIVES_IN only at a Household,
// and PART_OF climbs one territory level (the loaders create no other), so o is an Organization and
// h, bd, c, g, cm, s a Household, Building … Street without a label check per row.
// Most members have one membership: those are read straight from their one relationship, and only the few
// with none or several are grouped.  Grouping all 55,000 members of scale 1 took FalkorDB 0.56 s, this 0.22 s.
CALL {
  MATCH (m:Member)-[b:BELONGS_TO]->()
  WHERE out_degree(m, BELONGS_TO) = 1
    AND NOT (b.since <= date($as_of) AND (b.until IS NULL OR b.until >= date($as_of)))
  RETURN m, 0 AS organizations
  UNION ALL
  MATCH (m:Member)
  WHERE out_degree(m, BELONGS_TO) <> 1
  // the date test inside collect, not in a WHERE of the OPTIONAL MATCH: FalkorDB runs that 2.5x slower
  OPTIONAL MATCH (m)-[b:BELONGS_TO]->(o)
  WITH m, collect(DISTINCT CASE WHEN b.since <= date($as_of) AND (b.until IS NULL OR b.until >= date($as_of)) THEN o END) AS held
  WITH m, size(held) AS organizations
  WHERE organizations <> 1
  RETURN m, organizations
}
WITH m, organizations
OPTIONAL MATCH (m)-[l:LIVES_IN]->(h)-[:PART_OF]->(bd)-[:PART_OF]->(c)
               -[:PART_OF]->(g)-[:PART_OF]->(cm)-[:PART_OF]->(s)
WHERE l.until IS NULL
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, g.name AS grid,
       c.name AS compound, m.id AS member_id, m.name AS member, m.kind AS kind, organizations,
       CASE WHEN organizations = 0 THEN '无组织关系 no organization' ELSE '多个组织 several organizations' END AS problem
ORDER BY organizations DESC, member_id
