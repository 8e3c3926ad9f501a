// name: r12_checked
// title: R12 检查对象数 | R12: in-service members with a residence
// rule: R12
// param: as_of date = today | 截至日期 | As of
// Adds up the count each load keeps on the communities (loaders/rollups.py, which counts a member living
// in two communities on a day in one): matching every in-service member's residences for the date took
// 110-120 ms at scale 1, on either database.
MATCH (cm:Community)
RETURN toInteger(sum(count_on(cm, in_service_residents, date($as_of)))) AS checked  // FalkorDB's sum is a float
