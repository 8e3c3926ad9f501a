// name: rollup_members_lacking
// title: 缺少组织计数的党员(汇总用) | Members lacking their kept count of organizations
// description: For loaders/load.py: the members a load should work the count out for although its input does not name them, because an older partygraph loaded them without it.
MATCH (m:Member)
WHERE m.organizations_settled_day IS NULL
RETURN m.id AS id
