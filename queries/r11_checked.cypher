// name: r11_checked
// title: R11 检查对象数 | R11: communities checked
// rule: R11
MATCH (cm:Community)
RETURN count(cm) AS checked
