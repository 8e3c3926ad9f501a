// name: r6_missing_meeting_months
// title: 缺少联席会议的月份 | Months without the contract's joint meeting
// rule: R6
// gaps: yes
// description_zh: 每份共建契约从生效到到期(或截至日期)的每个完整月份中,没有召开联席会议的月份。
// description: For each co-building contract, every full month from its start to its end (or the date) with no joint meeting held.
// param: as_of date = today | 截至日期 | As of
MATCH (k:Contract)-[:LOCAL_PARTY]->(lo:Organization), (k)-[:UNIT_PARTY]->(uo:Organization)
WHERE k.starts_on <= date($as_of)
WITH k, lo, uo, k.starts_on.year * 12 + k.starts_on.month - 1 AS first_month,
     CASE WHEN k.ends_on IS NOT NULL AND k.ends_on <= date($as_of)
          THEN k.ends_on.year * 12 + k.ends_on.month - 1
          ELSE date($as_of).year * 12 + date($as_of).month - 2 END AS last_month
OPTIONAL MATCH (jm:JointMeeting)-[:MEETING_OF]->(k)
WITH k, lo, uo, first_month, last_month, collect(jm.held_on.year * 12 + jm.held_on.month - 1) AS held
UNWIND range(first_month, last_month) AS month
WITH k, lo, uo, month, held
WHERE NOT month IN held
RETURN k.id AS contract_id, k.name AS contract, lo.name AS local_org, uo.name AS unit_org,
       toString(month / 12) + '-' + CASE WHEN month % 12 < 9 THEN '0' ELSE '' END + toString(month % 12 + 1)
         AS missing_month
ORDER BY contract_id, missing_month
