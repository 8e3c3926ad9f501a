// name: coverage_by_community
// title: 各社区覆盖情况 | Coverage by community
// description: Per street and community on the date: compounds; compounds formally covered by a compound or joint branch; compounds effectively covered (the covering branch has 3+ full members, met within the 90 days before the date and has a secretary); buildings with resident members; buildings a building group covers; grids and grids with a grid organization; households, and households a central household reaches (those it covers and its own).
// param: as_of date = today | 截至日期 | As of
// Everything counted in buildings — members living there, households reached, building groups, households —
// is read from the counts the loader keeps on each building for any date (loaders/rollups.py), in one pass
// over the buildings summed per community: walking every residence and every household a central household
// reaches took most of the query (scale 1, p50: FalkorDB 444 ms, Neo4j 373 ms before).
WITH date($as_of) AS as_of
CALL {
  // Unlabelled above the building: PART_OF climbs one territory level (the loaders create no other)
  WITH as_of
  MATCH (bd:Building)-[:PART_OF]->()-[:PART_OF]->()-[:PART_OF]->(bc)
  WITH bc, count_on(bd, residents, as_of) AS residents, count_on(bd, groups, as_of) AS groups,
       count_on(bd, households_reached, as_of) AS reached, in_degree(bd, PART_OF) AS households
  WITH bc, sum(CASE WHEN residents > 0 THEN 1 ELSE 0 END) AS with_members,
       sum(CASE WHEN groups > 0 THEN 1 ELSE 0 END) AS with_group, sum(reached) AS reached, sum(households) AS households
  RETURN collect({id: bc.id, with_members: with_members, with_group: with_group, reached: reached,
                  households: households}) AS by_building
}
CALL {
  // Each branch's strength is reckoned once, not once per compound it covers (a joint branch covers
  // several), and members are counted only in the branches that met in time (scale 1: 0.10 -> 0.03 s).
  WITH as_of
  MATCH (b:Organization)
  WHERE b.kind IN ['compound_branch', 'joint_branch'] AND b.last_met_on IS NOT NULL
    AND b.last_met_on <= as_of AND days_since_epoch(as_of) - days_since_epoch(b.last_met_on) <= 90
  OPTIONAL MATCH (fm:Member {status: 'full'})-[bt:BELONGS_TO]->(b)
  WHERE bt.since <= as_of AND (bt.until IS NULL OR bt.until >= as_of)
  WITH b, as_of, count(DISTINCT fm) AS full_members
  WHERE full_members >= 3
  OPTIONAL MATCH (sec:Member)-[sr:SECRETARY_OF]->(b)
  WHERE sr.since <= as_of AND (sr.until IS NULL OR sr.until >= as_of)
  WITH b, count(sec) AS secretaries
  WHERE secretaries > 0
  RETURN collect(b.id) AS effective_branches
}
MATCH (cm:Community)-[:PART_OF]->(s:Street)
WITH s, cm, as_of, effective_branches, head([x IN by_building WHERE x.id = cm.id]) AS in_buildings
OPTIONAL MATCH (c:Compound)-[:PART_OF]->(:Grid)-[:PART_OF]->(cm)
OPTIONAL MATCH (c)<-[cov:COVERS]-(b:Organization)
WHERE b.kind IN ['compound_branch', 'joint_branch']
  AND cov.since <= as_of AND (cov.until IS NULL OR cov.until >= as_of)
WITH s, cm, as_of, in_buildings, count(DISTINCT c) AS compounds,
     count(DISTINCT CASE WHEN b IS NOT NULL THEN c END) AS compounds_covered,
     count(DISTINCT CASE WHEN b.id IN effective_branches THEN c END) AS compounds_effectively_covered
OPTIONAL MATCH (g:Grid)-[:PART_OF]->(cm)
OPTIONAL MATCH (g)<-[oc:COVERS]-(go:Organization {kind: 'grid_org'})
WHERE oc.since <= as_of AND (oc.until IS NULL OR oc.until >= as_of)
WITH s, cm, in_buildings, compounds, compounds_covered, compounds_effectively_covered,
     count(DISTINCT g) AS grids, count(DISTINCT CASE WHEN go IS NOT NULL THEN g END) AS grids_with_org
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community,
       compounds, compounds_covered, compounds_effectively_covered,
       coalesce(in_buildings.with_members, 0) AS buildings_with_members,
       coalesce(in_buildings.with_group, 0) AS buildings_with_group, grids, grids_with_org,
       toInteger(coalesce(in_buildings.households, 0)) AS households,
       toInteger(coalesce(in_buildings.reached, 0)) AS households_reached
ORDER BY street_id, community_id
