// name: r9_open_demands
// title: 未闭环的群众需求 | Demands not claimed, done or evaluated
// rule: R9
// gaps: yes
// description_zh: 截至该日已提出但尚未认领或派单、尚未办结或尚未评价的需求,按提出时间从早到晚。
// description: Demands raised by the date that are not yet claimed or dispatched, not done, or not evaluated, oldest first.
// param: as_of date = today | 截至日期 | As of
MATCH (d:Demand)-[:RAISED_IN]->(cm:Community)-[:PART_OF]->(s:Street)
WHERE d.raised_on <= date($as_of)
  AND (d.assigned_on IS NULL OR d.done_on IS NULL OR d.evaluated_on IS NULL)
OPTIONAL MATCH (d)-[:ASSIGNED_TO]->(a)
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community,
       d.id AS demand_id, d.title AS demand, d.kind AS kind, d.raised_on AS raised_on,
       CASE WHEN d.assigned_on IS NULL THEN '未认领/派单 not taken'
            WHEN d.done_on IS NULL THEN '未办结 not done'
            ELSE '未评价 not evaluated' END AS stage,
       coalesce(a.name, '') AS taken_by,
       days_since_epoch(date($as_of)) - days_since_epoch(d.raised_on) AS age_days
ORDER BY age_days DESC, demand_id
