// name: bound_memberships
// title: 上限:组织关系 | Bound: memberships created, no MERGE, no index look-up
// description: Member and organization are addressed by their internal node ids (r.member, r.org).
UNWIND $rows AS r
MATCH (m) WHERE id(m) = r.member
MATCH (o) WHERE id(o) = r.org
CREATE (m)-[:BELONGS_TO {since: date(r.since), until: date(r.until)}]->(o)
