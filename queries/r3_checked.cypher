// name: r3_checked
// title: R3 检查对象数 | R3: grids checked
// rule: R3
MATCH (g:Grid)
RETURN count(g) AS checked
