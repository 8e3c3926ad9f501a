// name: memberships
// title: 组织关系 | A member's organization, since when
UNWIND $rows AS r
MATCH (m:Member {id: r.member_id})
MATCH (o:Organization {id: r.org_id})
MERGE (m)-[b:BELONGS_TO {since: date(r.since)}]->(o)
SET b.until = date(r.until)
