// name: r7_checked
// title: R7 检查对象数 | R7: annual visits due
// rule: R7
// param: as_of date = today | 截至日期 | As of
MATCH (k:Contract)
WHERE k.starts_on <= date($as_of)
WITH k, CASE WHEN k.ends_on IS NOT NULL AND k.ends_on < date($as_of) THEN k.ends_on ELSE date($as_of) END AS last_day
UNWIND range(k.starts_on.year, last_day.year) AS yr
WITH k, CASE WHEN k.ends_on IS NOT NULL AND k.ends_on.year = yr THEN k.ends_on
             ELSE date({year: yr, month: 12, day: 31}) END AS due
WHERE due <= date($as_of)
RETURN 2 * count(*) AS checked
