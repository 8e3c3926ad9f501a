// name: rollup_secretaries
// title: 支部书记(汇总用) | Each branch's secretaries
// description: For loaders/rollups.py: per compound or joint branch, each secretary with the dates.
MATCH (m:Member)-[sr:SECRETARY_OF]->(b:Organization)
WHERE b.kind IN $branch_kinds
RETURN b.id AS id, collect([m.id, sr.since, sr.until]) AS spans
