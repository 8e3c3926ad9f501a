// name: r8_checked
// title: R8 检查对象数 | R8: no-property compounds
// rule: R8
MATCH (c:Compound {no_property: true})
RETURN count(c) AS checked
