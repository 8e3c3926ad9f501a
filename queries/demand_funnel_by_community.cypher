// name: demand_funnel_by_community
// title: 各社区需求办理漏斗 | Demand funnel by community
// description: Per street and community, the demands raised there by the date, how many were taken (claimed or dispatched), done and evaluated by the date, how many evaluations were satisfied, and the median days from raised to done (the lower middle value when the count is even).
// param: as_of date = today | 截至日期 | As of
MATCH (cm:Community)-[:PART_OF]->(s:Street)
OPTIONAL MATCH (d:Demand)-[:RAISED_IN]->(cm)
WHERE d.raised_on <= date($as_of)
WITH s, cm, d,
     d.channel IS NOT NULL AND (d.assigned_on IS NULL OR d.assigned_on <= date($as_of)) AS taken,
     d.done_on IS NOT NULL AND d.done_on <= date($as_of) AS done,
     d.evaluation IS NOT NULL AND (d.evaluated_on IS NULL OR d.evaluated_on <= date($as_of)) AS evaluated
WITH s, cm, d, taken, done, evaluated,
     CASE WHEN done THEN days_since_epoch(d.done_on) - days_since_epoch(d.raised_on) END AS days_to_done
WITH s, cm, count(d) AS raised,
     count(CASE WHEN taken THEN d END) AS taken,
     count(CASE WHEN taken AND d.channel = 'claimed' THEN d END) AS claimed,
     count(CASE WHEN taken AND d.channel = 'dispatched' THEN d END) AS dispatched,
     count(CASE WHEN done THEN d END) AS done,
     count(CASE WHEN evaluated THEN d END) AS evaluated,
     count(CASE WHEN evaluated AND d.evaluation = 'satisfied' THEN d END) AS satisfied,
     percentileDisc(days_to_done, 0.5) AS median
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community,
       raised, taken, claimed, dispatched, done, evaluated, satisfied,
       toInteger(median) AS median_days_to_done
ORDER BY street_id, community_id
