// name: r10_checked
// title: R10 检查对象数 | R10: community and compound centres
// rule: R10
MATCH (sc:ServiceCentre)
WHERE sc.level IN ['community', 'compound']
RETURN count(sc) AS checked
