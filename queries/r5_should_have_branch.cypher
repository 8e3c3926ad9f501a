// name: r5_should_have_branch
// title: 应建未建党组织的小区和单位 | Compounds and units with 3+ full members but no organization
// rule: R5
// gaps: yes
// sensitive: secretary
// description_zh: 居住着至少 min_members 名正式党员却没有党支部覆盖的小区,以及有至少 min_members 名正式党员工作却没有自己党组织的单位。
// description: Compounds where at least min_members full members live but no branch covers them, and units where at least min_members full members work but that have no party organization of their own.
// param: as_of date = today | 截至日期 | As of
// param: min_members int = 3 | 正式党员人数下限 | Minimum full members
// unlabelled nodes: by graph/model.py LIVES_IN only ends at a Household, PART_OF climbs one territory level
// (the loaders create no other), WORKS_AT ends at a StationedUnit or PropertyCompany (both also Unit),
// PARTY_ORG_OF starts at an Organization and LOCATED_IN ends at a Community, so those labels would only
// add a check per row.  COVERS also starts at central households: its Organization labels stay.
// The compounds without a branch and the units without an organization are found first, and full members
// are counted only in those: each test runs once per compound or unit, and the count walks down from a few
// of them instead of up from every member (scale 1: FalkorDB 0.23 -> 0.03 s, Neo4j 0.30 -> 0.02 s).
// Tests inside the aggregate, not in a WHERE of the OPTIONAL MATCH: FalkorDB runs that several times slower.
// the date read once; each compound's branch links collected and their dates tested on the list (as in R1)
WITH date($as_of) AS as_of
CALL {
  WITH as_of
  MATCH (c:Compound)
  OPTIONAL MATCH (c)<-[cov:COVERS]-(b:Organization)
  WITH c, as_of, collect(CASE WHEN b.kind IN ['compound_branch', 'joint_branch'] THEN cov END) AS links
  WITH c, as_of, size([link IN links WHERE link.since <= as_of AND (link.until IS NULL OR link.until >= as_of)]) AS branches
  WHERE branches = 0
  MATCH (m:Member {status: 'full'})-[l:LIVES_IN]->(h)-[:PART_OF]->(bd)-[:PART_OF]->(c)
  WHERE l.since <= as_of AND (l.until IS NULL OR l.until >= as_of)
  WITH c, count(DISTINCT m) AS full_members
  WHERE full_members >= $min_members
  MATCH (c)-[:PART_OF]->(g)-[:PART_OF]->(cm)-[:PART_OF]->(s)
  OPTIONAL MATCH (cm)<-[:COVERS]-(cc:Organization {kind: 'community_committee'})
  OPTIONAL MATCH (sec:Member)-[sr:SECRETARY_OF]->(cc) WHERE sr.until IS NULL
  RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community,
         '居民小区 compound' AS place_kind, c.id AS place_id, c.name AS place, full_members,
         cc.name AS responsible_org, sec.name AS secretary
  UNION
  MATCH (u:Unit)
  OPTIONAL MATCH (u)<-[:PARTY_ORG_OF]-(own)
  WITH u, count(own) AS own_orgs
  WHERE own_orgs = 0
  MATCH (m:Member {status: 'full'})-[:WORKS_AT]->(u)
  WITH u, count(DISTINCT m) AS full_members
  WHERE full_members >= $min_members
  OPTIONAL MATCH (u)-[:LOCATED_IN]->(cm)-[:PART_OF]->(s)
  OPTIONAL MATCH (cm)<-[:COVERS]-(cc:Organization {kind: 'community_committee'})
  OPTIONAL MATCH (sec:Member)-[sr:SECRETARY_OF]->(cc) WHERE sr.until IS NULL
  RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community,
         '单位 unit' AS place_kind, u.id AS place_id, u.name AS place, full_members,
         cc.name AS responsible_org, sec.name AS secretary
}
RETURN street_id, street, community_id, community, place_kind, place_id, place, full_members,
       responsible_org, secretary
ORDER BY full_members DESC, place_id
