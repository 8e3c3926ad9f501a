// name: r12_members_not_reported
// title: 未到居住地社区报到的在职党员 | In-service members not reported to their residence community
// rule: R12
// gaps: yes
// sensitive: member
// description_zh: 没有到居住地社区报到(未报到,或报到社区不是居住社区)的在职党员。
// description: In-service members whose open dual-reporting record is missing or names another community than the one they live in.
// param: as_of date = today | 截至日期 | As of
// unlabelled nodes on the territory path: by graph/model.py LIVES_IN only ends at a Household, PART_OF
// climbs one territory level (the loaders create no other) and REPORTED_TO only ends at a Community, so the
// labels would only add a check per row (h, b, c, g, cm, s: Household, Building … Street; rc a Community).
// The residents are collected per building, which alone climbs to its street, then unwound: one row per
// residence path as before, but the climb runs per building, not per member (FalkorDB, scale 1: 0.77 -> 0.45 s).
MATCH (m:Member {kind: 'in_service'})-[l:LIVES_IN]->(h)-[:PART_OF]->(b)
WHERE l.since <= date($as_of) AND (l.until IS NULL OR l.until >= date($as_of))
WITH b, collect(m) AS residents
MATCH (b)-[:PART_OF]->(c)-[:PART_OF]->(g)-[:PART_OF]->(cm)-[:PART_OF]->(s)
UNWIND residents AS m
OPTIONAL MATCH (m)-[r:REPORTED_TO]->(rc)
// the date test inside collect, not in a WHERE of the OPTIONAL MATCH: FalkorDB runs that 2.5x slower
WITH m, c, cm, s, r.since <= date($as_of) AND (r.until IS NULL OR r.until >= date($as_of)) AS current, rc
// The communities reported to are collected as nodes and their names read only for the rows kept: one list
// instead of two, and no id read per row (scale 1: FalkorDB 377 -> 287 ms, Neo4j 280 -> 229 ms).
WITH m, c, cm, s, collect(CASE WHEN current THEN rc END) AS reported
WHERE NOT cm IN reported
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, c.name AS compound,
       m.id AS member_id, m.name AS member, [x IN reported | x.name] AS reported_to,
       CASE WHEN size(reported) = 0 THEN '未报到 not reported'
            ELSE '报到社区不是居住社区 reported elsewhere' END AS problem
ORDER BY community_id, member_id
