// name: rollup_grid_org_covers
// title: 网格党组织覆盖(汇总用) | Each grid's grid organizations
// description: For loaders/rollups.py: per grid, each grid organization covering it with the dates.
MATCH (o:Organization {kind: 'grid_org'})-[c:COVERS]->(g:Grid)
RETURN g.id AS id, collect([o.id, c.since, c.until]) AS spans
