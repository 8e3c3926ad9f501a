// name: rollup_full_members
// title: 支部正式党员(汇总用) | Each branch's full members
// description: For loaders/rollups.py: per compound or joint branch, each full member belonging to it with the dates.
MATCH (m:Member {status: 'full'})-[bt:BELONGS_TO]->(b:Organization)
WHERE b.kind IN $branch_kinds
RETURN b.id AS id, collect([m.id, bt.since, bt.until]) AS spans
