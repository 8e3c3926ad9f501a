// name: rollup_member_ids
// title: 全部党员编号(汇总用) | Every member's id, for its kept count of organizations
// description: For loaders/load.py refresh_counts: every member's id, so that each member's kept count is worked out again.
MATCH (m:Member)
RETURN m.id AS id
ORDER BY id
