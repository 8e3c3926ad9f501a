// name: r2_checked
// title: R2 检查对象数 | R2: buildings with resident members
// rule: R2
// param: as_of date = today | 截至日期 | As of
// the members living in each building are counted by the loader for any date (loaders/rollups.py): one
// property read per building instead of a walk of every residence (scale 1: FalkorDB 136, Neo4j 39 ms p50 before)
WITH date($as_of) AS as_of
MATCH (b:Building)
WHERE count_on(b, residents, as_of) > 0
RETURN count(b) AS checked
