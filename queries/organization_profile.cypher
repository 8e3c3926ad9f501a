// name: organization_profile
// title: 党组织档案 | Organization profile
// sensitive: member
// description: One party organization, section by section: itself (kind, new field, founded; last_met_on as its own row), its parent and children (UNDER), the territory it covers (with since/until), its members on the date counted by kind and status (value), its secretaries, its co-building contracts (kind local_party or unit_party, value: problems solved), the unit it is the party organization of, the communities it reported to, demands it took, and joint-meeting member units sitting on it.
// param: id str | 党组织编号 | Organization id
// param: as_of date = today | 截至日期 | As of
CALL {
  MATCH (o:Organization {id: $id})
  RETURN 1 AS seq, 'organization' AS section, o.id AS id, o.name AS name, NULL AS member, o.kind AS kind,
         o.field AS status, o.founded AS since, NULL AS until, NULL AS value
  UNION
  MATCH (o:Organization {id: $id})
  WHERE o.last_met_on IS NOT NULL
  RETURN 2 AS seq, 'last_met_on' AS section, o.id AS id, o.name AS name, NULL AS member, o.kind AS kind,
         NULL AS status, o.last_met_on AS since, NULL AS until,
         days_since_epoch(date($as_of)) - days_since_epoch(o.last_met_on) AS value
  UNION
  MATCH (o:Organization {id: $id})-[:UNDER]->(p:Organization)
  RETURN 3 AS seq, 'parent' AS section, p.id AS id, p.name AS name, NULL AS member, p.kind AS kind,
         NULL AS status, NULL AS since, NULL AS until, NULL AS value
  UNION
  MATCH (o:Organization {id: $id})<-[:UNDER]-(c)
  RETURN 4 AS seq, 'child' AS section, c.id AS id, c.name AS name, NULL AS member,
         coalesce(c.kind, 'central_household') AS kind, NULL AS status, NULL AS since, NULL AS until, NULL AS value
  UNION
  MATCH (o:Organization {id: $id})-[r:COVERS]->(t:Territory)
  RETURN 5 AS seq, 'covers' AS section, t.id AS id, t.name AS name, NULL AS member,
         [l IN labels(t) WHERE l <> 'Territory'][0] AS kind, NULL AS status, r.since AS since, r.until AS until,
         NULL AS value
  UNION
  MATCH (o:Organization {id: $id})<-[r:BELONGS_TO]-(m:Member)
  WHERE r.since <= date($as_of) AND (r.until IS NULL OR r.until >= date($as_of))
  WITH m.kind AS kind, m.status AS status, count(DISTINCT m) AS members
  RETURN 6 AS seq, 'members' AS section, NULL AS id, NULL AS name, NULL AS member, kind, status,
         NULL AS since, NULL AS until, members AS value
  UNION
  MATCH (o:Organization {id: $id})<-[r:SECRETARY_OF]-(m:Member)
  RETURN 7 AS seq, 'secretary' AS section, m.id AS id, NULL AS name, m.name AS member, m.kind AS kind,
         m.status AS status, r.since AS since, r.until AS until, NULL AS value
  UNION
  MATCH (o:Organization {id: $id})<-[r:LOCAL_PARTY|UNIT_PARTY]-(k:Contract)
  RETURN 8 AS seq, 'contract' AS section, k.id AS id, k.name AS name, NULL AS member,
         CASE type(r) WHEN 'LOCAL_PARTY' THEN 'local_party' ELSE 'unit_party' END AS kind, NULL AS status,
         k.starts_on AS since, k.ends_on AS until, k.problems_solved AS value
  UNION
  MATCH (o:Organization {id: $id})-[:PARTY_ORG_OF]->(u:Unit)
  RETURN 9 AS seq, 'unit' AS section, u.id AS id, u.name AS name, NULL AS member,
         coalesce(u.kind, 'property_company') AS kind, NULL AS status, NULL AS since, NULL AS until, NULL AS value
  UNION
  MATCH (o:Organization {id: $id})-[r:REPORTED_TO]->(cm:Community)
  RETURN 10 AS seq, 'reported_to' AS section, cm.id AS id, cm.name AS name, NULL AS member, 'Community' AS kind,
         NULL AS status, r.since AS since, r.until AS until, NULL AS value
  UNION
  MATCH (o:Organization {id: $id})<-[:ASSIGNED_TO]-(d:Demand)
  RETURN 11 AS seq, 'demand' AS section, d.id AS id, d.title AS name, NULL AS member, d.kind AS kind,
         d.evaluation AS status, d.raised_on AS since, d.done_on AS until, NULL AS value
  UNION
  MATCH (o:Organization {id: $id})<-[:SITS_ON]-(j:JointMeetingUnit)
  RETURN 12 AS seq, 'joint_meeting_unit' AS section, j.id AS id, j.name AS name, NULL AS member,
         'JointMeetingUnit' AS kind, NULL AS status, NULL AS since, NULL AS until, NULL AS value
}
RETURN section, id, name, member, kind, status, since, until, value
ORDER BY seq, id, kind, status, since
