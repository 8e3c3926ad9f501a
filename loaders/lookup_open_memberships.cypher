// name: lookup_open_memberships
// title: 已有组织关系 | Open memberships of these members already in the graph
// param: ids str | 党员编号列表 | member ids
MATCH (m:Member)-[b:BELONGS_TO]->(o:Organization)
WHERE m.id IN $ids AND b.until IS NULL
RETURN m.id AS member_id, o.id AS org_id, b.since AS since
