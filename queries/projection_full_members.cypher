// name: projection_full_members
// title: 投影:正式党员数 | Projection: full members per organization
// description: For every organization, its full members on the date (an organization relation in force); for every central household, 1 when its host is a full member, else 0. By id. Read by the analytics.
// param: as_of date = today | 截至日期 | As of
CALL {
  MATCH (o:Organization)
  OPTIONAL MATCH (m:Member {status: 'full'})-[r:BELONGS_TO]->(o)
  WHERE r.since <= date($as_of) AND (r.until IS NULL OR r.until >= date($as_of))
  RETURN o.id AS id, count(DISTINCT m) AS full_members
  UNION
  MATCH (c:CentralHousehold)
  OPTIONAL MATCH (c)-[:HOSTED_BY]->(h:Member {status: 'full'})
  RETURN c.id AS id, count(DISTINCT h) AS full_members
}
RETURN id, full_members
ORDER BY id
