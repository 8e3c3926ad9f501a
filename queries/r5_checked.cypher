// name: r5_checked
// title: R5 检查对象数 | R5: compounds and units checked
// rule: R5
MATCH (n)
WHERE n:Compound OR n:Unit
RETURN count(n) AS checked
