// name: r2_checked
// title: R2 检查对象数 | R2: buildings with resident members
// rule: R2
// param: as_of date = today | 截至日期 | As of
// buildings_with_residents: see graph/dialect.py (Neo4j asks each building, FalkorDB walks every residence)
buildings_with_residents(b, $as_of)
RETURN count(b) AS checked
