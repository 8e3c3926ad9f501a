// name: rollup_member_reports
// title: 社区报到党员(汇总用) | Each community's reporting members
// description: For loaders/rollups.py: per community, each member that reported to it with the dates (one row per community, not per member: a third of the time).
MATCH (m:Member)-[r:REPORTED_TO]->(cm:Community)
RETURN cm.id AS id, collect([m.id, r.since, r.until]) AS spans
