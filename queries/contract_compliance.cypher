// name: contract_compliance
// title: 共建契约履约情况 | Contract compliance
// description: Per co-building contract started by the date: the full months due a joint meeting and those that had one (as in R6), the annual visits due and done in each direction — unit to street/community and street/community to unit (as in R7) — the visits overdue, and the problems solved.
// param: as_of date = today | 截至日期 | As of
MATCH (k:Contract)-[:LOCAL_PARTY]->(lo:Organization), (k)-[:UNIT_PARTY]->(uo:Organization)
WHERE k.starts_on <= date($as_of)
WITH k, lo, uo, k.starts_on.year * 12 + k.starts_on.month - 1 AS first_month,
     CASE WHEN k.ends_on IS NOT NULL AND k.ends_on <= date($as_of)
          THEN k.ends_on.year * 12 + k.ends_on.month - 1
          ELSE date($as_of).year * 12 + date($as_of).month - 2 END AS last_month,
     CASE WHEN k.ends_on IS NOT NULL AND k.ends_on < date($as_of) THEN k.ends_on ELSE date($as_of) END AS last_day
OPTIONAL MATCH (jm:JointMeeting)-[:MEETING_OF]->(k)
WITH k, lo, uo, first_month, last_month, last_day,
     collect(DISTINCT jm.held_on.year * 12 + jm.held_on.month - 1) AS held
OPTIONAL MATCH (v:Visit)-[:VISIT_OF]->(k)
WITH k, lo, uo, first_month, last_month, last_day, held,
     collect(DISTINCT v.direction + ':' + toString(v.visited_on.year)) AS visited
WITH k, lo, uo, visited,
     CASE WHEN last_month >= first_month THEN last_month - first_month + 1 ELSE 0 END AS months_due,
     size([x IN held WHERE x >= first_month AND x <= last_month]) AS months_met,
     [yr IN range(k.starts_on.year, last_day.year)
      WHERE CASE WHEN k.ends_on IS NOT NULL AND k.ends_on.year = yr THEN k.ends_on
                 ELSE date({year: yr, month: 12, day: 31}) END <= date($as_of)] AS due_years
WITH k, lo, uo, months_due, months_met, size(due_years) AS visits_due,
     size([yr IN due_years WHERE ('unit_to_local:' + toString(yr)) IN visited]) AS unit_visits_done,
     size([yr IN due_years WHERE ('local_to_unit:' + toString(yr)) IN visited]) AS local_visits_done
RETURN k.id AS contract_id, k.name AS contract, lo.name AS local_org, uo.name AS unit_org,
       k.starts_on AS starts_on, k.ends_on AS ends_on,
       months_due, months_met, months_due - months_met AS months_missing,
       visits_due AS unit_visits_due, unit_visits_done, visits_due AS local_visits_due, local_visits_done,
       2 * visits_due - unit_visits_done - local_visits_done AS visits_overdue,
       k.problems_solved AS problems_solved
ORDER BY contract_id
