// name: r12_members_not_reported
// title: 未到居住地社区报到的在职党员 | In-service members not reported to their residence community
// rule: R12
// gaps: yes
// sensitive: member
// description_zh: 没有到居住地社区报到(未报到,或报到社区不是居住社区)的在职党员。
// description: In-service members whose open dual-reporting record is missing or names another community than the one they live in.
// param: as_of date = today | 截至日期 | As of
// Read from the lists each load keeps on the communities (loaders/rollups.py, not_reported_lists): which
// member's residence in which household is a gap from which day to which, as day numbers. Walking every
// in-service member's residences up to the community and its reports took 0.5-0.85 s at scale 1 on either
// database. The lists (~30,000 entries at scale 1) are filtered inside a list comprehension, not row by row
// after an UNWIND (FalkorDB: 21 -> 10 ms), and the street is found once per community.
// The household is reached from the member, not looked up by its id as well: two look-ups side by side
// made FalkorDB pair them up (a Cartesian product, 240 ms for 1,500 rows against 62), and on Neo4j left the
// planner a choice that once ran for minutes on a test server. Unlabelled nodes: by graph/model.py
// LIVES_IN only ends at a Household and PART_OF climbs one territory level.
MATCH (cm:Community)
OPTIONAL MATCH (cm)-[:PART_OF]->(s:Street)
WITH cm, s, days_since_epoch(date($as_of)) AS day,  // none on a graph an older version loaded
     coalesce(cm.not_reported_first_days, []) AS firsts, coalesce(cm.not_reported_last_days, []) AS lasts
UNWIND [gap IN range(0, size(firsts) - 1) WHERE firsts[gap] <= day AND lasts[gap] >= day] AS gap
MATCH (m:Member {id: cm.not_reported_members[gap]})-[:LIVES_IN]->(h)-[:PART_OF]->()-[:PART_OF]->(c)
seek_by_id(m, Member)
WHERE h.id = cm.not_reported_households[gap]
OPTIONAL MATCH (m)-[r:REPORTED_TO]->(rc)
// the date test inside collect, not in a WHERE of the OPTIONAL MATCH: FalkorDB runs that 2.5x slower
WITH gap, m, c, cm, s, r.since <= date($as_of) AND (r.until IS NULL OR r.until >= date($as_of)) AS current, rc
WITH gap, m, c, cm, s, collect(CASE WHEN current THEN rc END) AS reported
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, c.name AS compound,
       m.id AS member_id, m.name AS member, [x IN reported | x.name] AS reported_to,
       CASE WHEN size(reported) = 0 THEN '未报到 not reported'
            ELSE '报到社区不是居住社区 reported elsewhere' END AS problem
ORDER BY community_id, member_id
