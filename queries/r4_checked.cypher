// name: r4_checked
// title: R4 检查对象数 | R4: members checked
// rule: R4
MATCH (m:Member)
RETURN count(m) AS checked
