// name: demand_funnel_by_unit
// title: 各单位需求承接漏斗 | Demand funnel by unit
// description: Per stationed unit or property company: the demands raised by the date in the community where it sits (raised_in_community), the demands it took by the date (through its party organization or members who work there; claimed or dispatched), how many of those were done and evaluated by the date, how many evaluations were satisfied, and the median days from raised to done (the lower middle value when the count is even).
// param: as_of date = today | 截至日期 | As of
// The demands are walked from the demand side (a few thousand) and joined to every unit by UNION ALL, and
// each community's raised demands are counted once for all its units: walking from each unit to its takers
// and to its community's demands took FalkorDB 3.5x longer at scale 1 (0.76 -> 0.22 s; Neo4j 0.34 -> 0.19 s).
CALL {
  MATCH (u:Unit)
  RETURN u, null AS d
  UNION ALL
  MATCH (d:Demand)-[:ASSIGNED_TO]->()-[:PARTY_ORG_OF|WORKS_AT]->(u:Unit)
  WHERE d.raised_on <= date($as_of) AND (d.assigned_on IS NULL OR d.assigned_on <= date($as_of))
  RETURN u, d
}
WITH DISTINCT u, d
WITH u, d,
     d.done_on IS NOT NULL AND d.done_on <= date($as_of) AS done,
     d.evaluation IS NOT NULL AND (d.evaluated_on IS NULL OR d.evaluated_on <= date($as_of)) AS evaluated
WITH u, d, done, evaluated,
     CASE WHEN done THEN days_since_epoch(d.done_on) - days_since_epoch(d.raised_on) END AS days_to_done
WITH u, count(d) AS taken,
     count(CASE WHEN d.channel = 'claimed' THEN d END) AS claimed,
     count(CASE WHEN d.channel = 'dispatched' THEN d END) AS dispatched,
     count(CASE WHEN done THEN d END) AS done,
     count(CASE WHEN evaluated THEN d END) AS evaluated,
     count(CASE WHEN evaluated AND d.evaluation = 'satisfied' THEN d END) AS satisfied,
     percentileDisc(days_to_done, 0.5) AS median
OPTIONAL MATCH (u)-[:LOCATED_IN]->(cm:Community)
WITH cm, collect({unit_id: u.id, unit: u.name, kind: coalesce(u.kind, 'property_company'), taken: taken,
                  claimed: claimed, dispatched: dispatched, done: done, evaluated: evaluated,
                  satisfied: satisfied, median: median}) AS units
CALL {
  WITH cm
  OPTIONAL MATCH (cm)<-[:RAISED_IN]-(local:Demand)
  RETURN count(CASE WHEN local.raised_on <= date($as_of) THEN local END) AS raised_in_community
}
UNWIND units AS row
RETURN row.unit_id AS unit_id, row.unit AS unit, row.kind AS kind, cm.name AS community,
       raised_in_community, row.taken AS taken, row.claimed AS claimed, row.dispatched AS dispatched,
       row.done AS done, row.evaluated AS evaluated, row.satisfied AS satisfied,
       toInteger(row.median) AS median_days_to_done
ORDER BY taken DESC, unit_id
