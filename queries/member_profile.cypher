// name: member_profile
// title: 党员档案 | Member profile
// sensitive: member
// description: One party member, section by section: the member (kind, status, joined on), organizations (组织关系, with since/until), households lived in, workplace, organizations of which the member is secretary, community reported to (双报到), the central household hosted (value: households it covers on the date), and demands taken (kind, evaluation, raised on, done on).
// param: id str | 党员编号 | Member id
// param: as_of date = today | 截至日期 | As of
CALL {
  MATCH (m:Member {id: $id})
  RETURN 1 AS seq, 'member' AS section, m.id AS id, NULL AS name, m.name AS member, m.kind AS kind,
         m.status AS status, m.joined_on AS since, NULL AS until, NULL AS value
  UNION
  MATCH (m:Member {id: $id})-[r:BELONGS_TO]->(o:Organization)
  RETURN 2 AS seq, 'organization' AS section, o.id AS id, o.name AS name, NULL AS member, o.kind AS kind,
         NULL AS status, r.since AS since, r.until AS until, NULL AS value
  UNION
  MATCH (m:Member {id: $id})-[r:LIVES_IN]->(h:Household)
  OPTIONAL MATCH (h)-[:PART_OF]->(:Building)-[:PART_OF]->(c:Compound)
  RETURN 3 AS seq, 'household' AS section, h.id AS id, coalesce(c.name + ' ', '') + h.name AS name,
         NULL AS member, 'Household' AS kind, NULL AS status, r.since AS since, r.until AS until, h.residents AS value
  UNION
  MATCH (m:Member {id: $id})-[:WORKS_AT]->(u:Unit)
  RETURN 4 AS seq, 'works_at' AS section, u.id AS id, u.name AS name, NULL AS member,
         coalesce(u.kind, 'property_company') AS kind, NULL AS status, NULL AS since, NULL AS until, NULL AS value
  UNION
  MATCH (m:Member {id: $id})-[r:SECRETARY_OF]->(o:Organization)
  RETURN 5 AS seq, 'secretary_of' AS section, o.id AS id, o.name AS name, NULL AS member, o.kind AS kind,
         NULL AS status, r.since AS since, r.until AS until, NULL AS value
  UNION
  MATCH (m:Member {id: $id})-[r:REPORTED_TO]->(cm:Community)
  RETURN 6 AS seq, 'reported_to' AS section, cm.id AS id, cm.name AS name, NULL AS member, 'Community' AS kind,
         NULL AS status, r.since AS since, r.until AS until, NULL AS value
  UNION
  MATCH (m:Member {id: $id})<-[:HOSTED_BY]-(ch:CentralHousehold)
  OPTIONAL MATCH (ch)-[r:COVERS]->(h:Household)
  WHERE r.since <= date($as_of) AND (r.until IS NULL OR r.until >= date($as_of))
  WITH ch, count(DISTINCT h) AS households
  RETURN 7 AS seq, 'central_household' AS section, ch.id AS id, ch.name AS name, NULL AS member,
         'central_household' AS kind, NULL AS status, NULL AS since, NULL AS until, households AS value
  UNION
  MATCH (m:Member {id: $id})<-[:ASSIGNED_TO]-(d:Demand)
  RETURN 8 AS seq, 'demand' AS section, d.id AS id, d.title AS name, NULL AS member, d.kind AS kind,
         d.evaluation AS status, d.raised_on AS since, d.done_on AS until, NULL AS value
}
RETURN section, id, name, member, kind, status, since, until, value
ORDER BY seq, id, since
