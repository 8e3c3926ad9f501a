// name: r2_checked
// title: R2 检查对象数 | R2: buildings with resident members
// rule: R2
// param: as_of date = today | 截至日期 | As of
// unlabelled: by graph/model.py LIVES_IN only ends at a Household and PART_OF climbs one territory level
// (the loaders create no other), so h is a Household and b a Building without a label check per row
MATCH (m:Member)-[l:LIVES_IN]->(h)-[:PART_OF]->(b)
WHERE l.since <= date($as_of) AND (l.until IS NULL OR l.until >= date($as_of))
RETURN count(DISTINCT b) AS checked
