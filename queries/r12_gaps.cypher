// name: r12_gaps
// title: R12 缺口数 | R12: rows of the list of members not reported
// rule: R12
// description_zh: 截至该日,在职党员的居住地中其本人未向该居住社区报到的条数,即“未到居住地社区报到的在职党员”列表的行数;由每次导入时在社区上保存的计数相加得出。
// description: How many rows r12_members_not_reported lists on the date (in-service members' residences in a community they have not reported to), added up from the counts each load keeps on the communities; the rule table reads it instead of running the list.
// param: as_of date = today | 截至日期 | As of
// Listing the 1,500 members took 0.7-0.9 s at scale 1 on either database, most of the rule table's time.
MATCH (cm:Community)
RETURN toInteger(sum(count_on(cm, in_service_not_reported, date($as_of)))) AS gaps  // FalkorDB's sum is a float
