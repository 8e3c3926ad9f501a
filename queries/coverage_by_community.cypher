// name: coverage_by_community
// title: 各社区覆盖情况 | Coverage by community
// description: Per street and community on the date: compounds; compounds formally covered by a compound or joint branch; compounds effectively covered (the covering branch has 3+ full members, met within the 90 days before the date and has a secretary); buildings with resident members; buildings a building group covers; grids and grids with a grid organization; households, and households a central household reaches (those it covers and its own).
// param: as_of date = today | 截至日期 | As of
// Buildings with members and households reached are counted once for the whole graph, walking up from the
// buildings and households found: walking down every community to every household took FalkorDB 3x longer.
CALL {
  // buildings_with_residents: see graph/dialect.py (Neo4j, scale 1: 449 -> 279 ms p50 for the whole query).
  // Unlabelled above the building: PART_OF climbs one territory level (the loaders create no other), so
  // these are a Compound, Grid and Community (FalkorDB, scale 1: 0.14 -> 0.11 s)
  buildings_with_residents(bm, $as_of)
  MATCH (bm)-[:PART_OF]->()-[:PART_OF]->()-[:PART_OF]->(mc)
  WITH mc, count(bm) AS n
  RETURN collect({id: mc.id, n: n}) AS with_members
}
CALL {
  // the households reached counted per building before climbing; unlabelled above the household, as above
  // (FalkorDB, scale 1: 0.21 -> 0.12 s)
  MATCH (:CentralHousehold)-[hc:COVERS|LOCATED_AT]->(hr:Household)
  WHERE type(hc) = 'LOCATED_AT' OR (hc.since <= date($as_of) AND (hc.until IS NULL OR hc.until >= date($as_of)))
  WITH DISTINCT hr
  MATCH (hr)-[:PART_OF]->(hrb)
  WITH hrb, count(hr) AS n
  MATCH (hrb)-[:PART_OF]->()-[:PART_OF]->()-[:PART_OF]->(rc)
  WITH rc, sum(n) AS n
  RETURN collect({id: rc.id, n: toInteger(n)}) AS reached
}
CALL {
  // Each branch's strength is reckoned once, not once per compound it covers (a joint branch covers
  // several), and members are counted only in the branches that met in time (scale 1: 0.10 -> 0.03 s).
  MATCH (b:Organization)
  WHERE b.kind IN ['compound_branch', 'joint_branch'] AND b.last_met_on IS NOT NULL
    AND b.last_met_on <= date($as_of) AND days_since_epoch(date($as_of)) - days_since_epoch(b.last_met_on) <= 90
  OPTIONAL MATCH (fm:Member {status: 'full'})-[bt:BELONGS_TO]->(b)
  WHERE bt.since <= date($as_of) AND (bt.until IS NULL OR bt.until >= date($as_of))
  WITH b, count(DISTINCT fm) AS full_members
  WHERE full_members >= 3
  OPTIONAL MATCH (sec:Member)-[sr:SECRETARY_OF]->(b)
  WHERE sr.since <= date($as_of) AND (sr.until IS NULL OR sr.until >= date($as_of))
  WITH b, count(sec) AS secretaries
  WHERE secretaries > 0
  RETURN collect(b.id) AS effective_branches
}
MATCH (cm:Community)-[:PART_OF]->(s:Street)
WITH s, cm, effective_branches,
     coalesce(head([x IN with_members WHERE x.id = cm.id | x.n]), 0) AS buildings_with_members,
     coalesce(head([x IN reached WHERE x.id = cm.id | x.n]), 0) AS households_reached
OPTIONAL MATCH (c:Compound)-[:PART_OF]->(:Grid)-[:PART_OF]->(cm)
OPTIONAL MATCH (c)<-[cov:COVERS]-(b:Organization)
WHERE b.kind IN ['compound_branch', 'joint_branch']
  AND cov.since <= date($as_of) AND (cov.until IS NULL OR cov.until >= date($as_of))
WITH s, cm, buildings_with_members, households_reached, count(DISTINCT c) AS compounds,
     count(DISTINCT CASE WHEN b IS NOT NULL THEN c END) AS compounds_covered,
     count(DISTINCT CASE WHEN b.id IN effective_branches THEN c END) AS compounds_effectively_covered
OPTIONAL MATCH (grp:Organization {kind: 'building_group'})-[gc:COVERS]->(bg:Building)-[:PART_OF]->(:Compound)
               -[:PART_OF]->(:Grid)-[:PART_OF]->(cm)
WHERE gc.since <= date($as_of) AND (gc.until IS NULL OR gc.until >= date($as_of))
WITH s, cm, buildings_with_members, households_reached, compounds, compounds_covered, compounds_effectively_covered,
     count(DISTINCT bg) AS buildings_with_group
OPTIONAL MATCH (g:Grid)-[:PART_OF]->(cm)
OPTIONAL MATCH (g)<-[oc:COVERS]-(go:Organization {kind: 'grid_org'})
WHERE oc.since <= date($as_of) AND (oc.until IS NULL OR oc.until >= date($as_of))
WITH s, cm, buildings_with_members, households_reached, compounds, compounds_covered,
     compounds_effectively_covered, buildings_with_group, count(DISTINCT g) AS grids, count(DISTINCT CASE WHEN go IS NOT NULL THEN g END) AS grids_with_org
// households from each building's degree: only households are PART_OF a building
OPTIONAL MATCH (hb:Building)-[:PART_OF]->(:Compound)-[:PART_OF]->(:Grid)-[:PART_OF]->(cm)
WITH s, cm, buildings_with_members, households_reached, compounds, compounds_covered,
     compounds_effectively_covered, buildings_with_group, grids, grids_with_org,
     toInteger(sum(CASE WHEN hb IS NULL THEN 0 ELSE in_degree(hb, PART_OF) END)) AS households
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community,
       compounds, compounds_covered, compounds_effectively_covered, buildings_with_members,
       buildings_with_group, grids, grids_with_org, households, households_reached
ORDER BY street_id, community_id
