// name: r6_checked
// title: R6 检查对象数 | R6: contract-months due
// rule: R6
// param: as_of date = today | 截至日期 | As of
MATCH (k:Contract)
WHERE k.starts_on <= date($as_of)
WITH k, k.starts_on.year * 12 + k.starts_on.month - 1 AS first_month,
     CASE WHEN k.ends_on IS NOT NULL AND k.ends_on <= date($as_of)
          THEN k.ends_on.year * 12 + k.ends_on.month - 1
          ELSE date($as_of).year * 12 + date($as_of).month - 2 END AS last_month
RETURN toInteger(sum(CASE WHEN last_month >= first_month THEN last_month - first_month + 1 ELSE 0 END)) AS checked
