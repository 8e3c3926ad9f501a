// name: coverage_by_community
// title: 各社区覆盖情况 | Coverage by community
// description: Per street and community on the date: compounds; compounds formally covered by a compound or joint branch; compounds effectively covered (the covering branch has 3+ full members, met within the 90 days before the date and has a secretary); buildings with resident members; buildings a building group covers; grids and grids with a grid organization; households, and households a central household reaches (those it covers and its own).
// param: as_of date = today | 截至日期 | As of
// Every column is read from the counts the loader keeps on each community for any date (loaders/rollups.py,
// which defines them as above): walking every residence, every household a central household reaches and every
// branch's members took most of the query (scale 1, p50: FalkorDB 444 ms, Neo4j 373 ms before), and climbing
// from every building, compound and grid to its community still 100-180 ms.
WITH date($as_of) AS as_of
MATCH (cm:Community)-[:PART_OF]->(s:Street)
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community,
       coalesce(cm.compounds, 0) AS compounds,
       count_on(cm, compounds_covered, as_of) AS compounds_covered,
       count_on(cm, compounds_effectively_covered, as_of) AS compounds_effectively_covered,
       count_on(cm, buildings_with_members, as_of) AS buildings_with_members,
       count_on(cm, buildings_with_group, as_of) AS buildings_with_group,
       coalesce(cm.grids, 0) AS grids, count_on(cm, grids_with_org, as_of) AS grids_with_org,
       coalesce(cm.households, 0) AS households, count_on(cm, households_reached, as_of) AS households_reached
ORDER BY street_id, community_id
