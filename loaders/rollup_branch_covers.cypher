// name: rollup_branch_covers
// title: 小区覆盖支部(汇总用) | Each compound's covering branches
// description: For loaders/rollups.py: per compound, each compound or joint branch covering it with the dates.
MATCH (b:Organization)-[c:COVERS]->(cp:Compound)
WHERE b.kind IN $branch_kinds
RETURN cp.id AS id, collect([b.id, c.since, c.until]) AS spans
