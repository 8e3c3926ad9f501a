// name: rollup_branches
// title: 小区党支部与联合党支部(汇总用) | Compound and joint branches, with their last meeting
// description: For loaders/rollups.py; $branch_kinds: the kinds of organization that cover compounds.
MATCH (b:Organization)
WHERE b.kind IN $branch_kinds
RETURN b.id AS id, b.last_met_on AS last_met_on
