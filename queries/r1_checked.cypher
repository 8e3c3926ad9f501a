// name: r1_checked
// title: R1 检查对象数 | R1: compounds checked
// rule: R1
// description: How many compounds R1 checks.
MATCH (c:Compound)
RETURN count(c) AS checked
