// FalkorDB's text of r4_members_not_in_one_org (same rows; the header is the common file's).
// Only the members who could hold other than one organization are grouped: those with no membership or
// one not current on the date, and those with two or more memberships (5,515 of 55,000 at scale 1).
// Grouping every member's memberships took FalkorDB 0.44 s of 0.52; this takes 0.26 s in all.  On Neo4j
// the common text is the faster (96 against 200 ms).  Labels and degree functions: see the common file.
WITH date($as_of) AS as_of
CALL {
  WITH as_of
  MATCH (m:Member)
  OPTIONAL MATCH (m)-[b:BELONGS_TO]->()
  WITH m, b, as_of
  WHERE b IS NULL OR NOT (b.since <= as_of AND (b.until IS NULL OR b.until >= as_of))
  RETURN m
  UNION
  WITH as_of
  MATCH (m:Member)-[b1:BELONGS_TO]->()
  MATCH (m)-[b2:BELONGS_TO]->()
  WHERE id(b1) < id(b2)
  RETURN m
}
WITH m, date($as_of) AS as_of
OPTIONAL MATCH (m)-[b:BELONGS_TO]->(o)
WITH m, collect(DISTINCT CASE WHEN b.since <= as_of AND (b.until IS NULL OR b.until >= as_of) THEN o END) AS held
WITH m, size(held) AS organizations
WHERE organizations <> 1
OPTIONAL MATCH (m)-[l:LIVES_IN]->(h)-[:PART_OF]->(bd)-[:PART_OF]->(c)
               -[:PART_OF]->(g)-[:PART_OF]->(cm)-[:PART_OF]->(s)
WHERE l.until IS NULL
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, g.name AS grid,
       c.name AS compound, m.id AS member_id, m.name AS member, m.kind AS kind, organizations,
       CASE WHEN organizations = 0 THEN '无组织关系 no organization' ELSE '多个组织 several organizations' END AS problem
ORDER BY organizations DESC, member_id
