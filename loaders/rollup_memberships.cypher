// name: rollup_memberships
// title: 党员组织关系(汇总用) | Each member's memberships, for its kept count of organizations
// description: For loaders/rollups.py: per member named, each organization it belongs to with the dates, and what it keeps now.
// Unlabelled organization: by graph/model.py BELONGS_TO only ends at an Organization.
MATCH (m:Member)
WHERE m.id IN $member_ids
OPTIONAL MATCH (m)-[b:BELONGS_TO]->(o)
RETURN m.id AS id, m.organizations_dates AS dates, m.organizations_counts AS counts,
       m.organizations_settled_day AS settled_day,
       collect([o.id, b.since, b.until]) AS spans
