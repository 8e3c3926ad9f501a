// name: r9_checked
// title: R9 检查对象数 | R9: demands raised
// rule: R9
// param: as_of date = today | 截至日期 | As of
MATCH (d:Demand)
WHERE d.raised_on <= date($as_of)
RETURN count(d) AS checked
