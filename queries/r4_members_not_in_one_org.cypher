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
// Not by out-degree (members with one membership read straight from it): 2.5x faster on a graph FalkorDB has
// just built, 5x slower once it has copied the graph (every --replace load) or read it from disk, when its
// degree functions take 20-180 µs a node.
WITH date($as_of) AS as_of
MATCH (m:Member)
OPTIONAL MATCH (m)-[b:BELONGS_TO]->(o)
// the date test inside collect, not in a WHERE of the OPTIONAL MATCH: FalkorDB runs that 2.5x slower.
// A plain collect, not collect(DISTINCT …) or count(DISTINCT …), which keep a set for each of the members;
// the few members whose list is not of one are then counted without repeats
WITH m, collect(CASE WHEN b.since <= as_of AND (b.until IS NULL OR b.until >= as_of) THEN o END) AS held
WHERE size(held) <> 1
WITH m, size(reduce(seen = [], x IN held | CASE WHEN x IN seen THEN seen ELSE seen + [x] END)) AS organizations
WHERE organizations <> 1
OPTIONAL MATCH (m)-[l:LIVES_IN]->(h)-[:PART_OF]->(bd)-[:PART_OF]->(c)
               -[:PART_OF]->(g)-[:PART_OF]->(cm)-[:PART_OF]->(s)
WHERE l.until IS NULL
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, g.name AS grid,
       c.name AS compound, m.id AS member_id, m.name AS member, m.kind AS kind, organizations,
       CASE WHEN organizations = 0 THEN '无组织关系 no organization' ELSE '多个组织 several organizations' END AS problem
ORDER BY organizations DESC, member_id
