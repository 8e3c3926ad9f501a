// name: rollup_organization_reports
// title: 社区报到单位党组织(汇总用) | Each community's reporting organizations
// description: For loaders/rollups.py: per community, each organization that reported to it with the dates.
MATCH (o:Organization)-[r:REPORTED_TO]->(cm:Community)
RETURN cm.id AS id, collect([o.id, r.since, r.until]) AS spans
