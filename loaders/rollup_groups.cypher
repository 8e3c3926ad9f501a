// name: rollup_groups
// title: 楼栋楼宇党小组(汇总用) | Each building's building groups, for its dated count
// description: For loaders/rollups.py: per building, each building group covering it with the dates.
MATCH (grp:Organization {kind: 'building_group'})-[c:COVERS]->(b:Building)
RETURN b.id AS id, collect([grp.id, c.since, c.until]) AS spans
