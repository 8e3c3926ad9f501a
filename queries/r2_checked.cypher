// name: r2_checked
// title: R2 检查对象数 | R2: buildings with resident members
// rule: R2
// param: as_of date = today | 截至日期 | As of
MATCH (m:Member)-[l:LIVES_IN]->(:Household)-[:PART_OF]->(b:Building)
WHERE l.since <= date($as_of) AND (l.until IS NULL OR l.until >= date($as_of))
RETURN count(DISTINCT b) AS checked
