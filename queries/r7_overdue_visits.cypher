// name: r7_overdue_visits
// title: 逾期未完成的年度走访 | Annual visits overdue
// rule: R7
// gaps: yes
// description_zh: 每份契约每年两个方向(驻区单位走访街道社区、街道社区走访驻区单位)各需至少一次走访;列出逾期未走访的,按逾期天数排序。
// description: For each contract and year, each direction (unit to street/community, street/community to unit) needs one visit by the year's end or the contract's end; the ones missing, by days overdue.
// param: as_of date = today | 截至日期 | As of
MATCH (k:Contract)-[:LOCAL_PARTY]->(lo:Organization), (k)-[:UNIT_PARTY]->(uo:Organization)
WHERE k.starts_on <= date($as_of)
WITH k, lo, uo, CASE WHEN k.ends_on IS NOT NULL AND k.ends_on < date($as_of) THEN k.ends_on
                     ELSE date($as_of) END AS last_day
UNWIND range(k.starts_on.year, last_day.year) AS yr
UNWIND ['unit_to_local', 'local_to_unit'] AS direction
WITH k, lo, uo, yr, direction,
     CASE WHEN k.ends_on IS NOT NULL AND k.ends_on.year = yr THEN k.ends_on
          ELSE date({year: yr, month: 12, day: 31}) END AS due
WHERE due <= date($as_of)
OPTIONAL MATCH (k)<-[:VISIT_OF]-(v:Visit)
// tests inside the aggregate, not in a WHERE of the OPTIONAL MATCH: FalkorDB runs that several times slower
WITH k, lo, uo, yr, direction, due, count(CASE WHEN v.direction = direction AND v.visited_on.year = yr THEN v END) AS visits
WHERE visits = 0
RETURN k.id AS contract_id, k.name AS contract, lo.name AS local_org, uo.name AS unit_org, yr AS year,
       direction, CASE direction WHEN 'unit_to_local' THEN uo.name ELSE lo.name END AS should_visit,
       due, days_since_epoch(date($as_of)) - days_since_epoch(due) AS days_overdue
ORDER BY days_overdue DESC, contract_id, direction
