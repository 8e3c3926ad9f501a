// name: demand_funnel_by_unit
// title: 各单位需求承接漏斗 | Demand funnel by unit
// description: Per stationed unit or property company: the demands raised by the date in the community where it sits (raised_in_community), the demands it took by the date (through its party organization or members who work there; claimed or dispatched), how many of those were done and evaluated by the date, how many evaluations were satisfied, and the median days from raised to done (the lower middle value when the count is even).
// param: as_of date = today | 截至日期 | As of
MATCH (u:Unit)
OPTIONAL MATCH (u)-[:LOCATED_IN]->(cm:Community)
OPTIONAL MATCH (cm)<-[:RAISED_IN]-(local:Demand)
WHERE local.raised_on <= date($as_of)
WITH u, cm, count(local) AS raised_in_community
OPTIONAL MATCH (u)<-[:PARTY_ORG_OF|WORKS_AT]-(taker)<-[:ASSIGNED_TO]-(d:Demand)
WHERE d.raised_on <= date($as_of) AND (d.assigned_on IS NULL OR d.assigned_on <= date($as_of))
WITH DISTINCT u, cm, raised_in_community, d
WITH u, cm, raised_in_community, d,
     d.done_on IS NOT NULL AND d.done_on <= date($as_of) AS done,
     d.evaluation IS NOT NULL AND (d.evaluated_on IS NULL OR d.evaluated_on <= date($as_of)) AS evaluated
WITH u, cm, raised_in_community, d, done, evaluated,
     CASE WHEN done THEN days_since_epoch(d.done_on) - days_since_epoch(d.raised_on) END AS days_to_done
WITH u, cm, raised_in_community, count(d) AS taken,
     count(CASE WHEN d.channel = 'claimed' THEN d END) AS claimed,
     count(CASE WHEN d.channel = 'dispatched' THEN d END) AS dispatched,
     count(CASE WHEN done THEN d END) AS done,
     count(CASE WHEN evaluated THEN d END) AS evaluated,
     count(CASE WHEN evaluated AND d.evaluation = 'satisfied' THEN d END) AS satisfied,
     percentileDisc(days_to_done, 0.5) AS median
RETURN u.id AS unit_id, u.name AS unit, coalesce(u.kind, 'property_company') AS kind, cm.name AS community,
       raised_in_community, taken, claimed, dispatched, done, evaluated, satisfied, toInteger(median) AS median_days_to_done
ORDER BY taken DESC, unit_id
