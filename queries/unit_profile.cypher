// name: unit_profile
// title: 单位档案 | Unit profile
// sensitive: member
// description: One stationed unit or property company, section by section: itself (kind), the community it sits in, its party organization, the members who work there (kind, status), the communities its party organization reported to (双报到), its co-building contracts (value: problems solved), compounds it manages (property companies), and demands taken by its party organization or its members.
// param: id str | 单位编号 | Unit id
CALL {
  MATCH (u:Unit {id: $id})
  RETURN 1 AS seq, 'unit' AS section, u.id AS id, u.name AS name, NULL AS member,
         coalesce(u.kind, 'property_company') AS kind, NULL AS status, NULL AS since, NULL AS until, NULL AS value
  UNION
  MATCH (u:Unit {id: $id})-[:LOCATED_IN]->(cm:Community)
  RETURN 2 AS seq, 'located_in' AS section, cm.id AS id, cm.name AS name, NULL AS member, 'Community' AS kind,
         NULL AS status, NULL AS since, NULL AS until, NULL AS value
  UNION
  MATCH (u:Unit {id: $id})<-[:PARTY_ORG_OF]-(o:Organization)
  RETURN 3 AS seq, 'party_org' AS section, o.id AS id, o.name AS name, NULL AS member, o.kind AS kind,
         NULL AS status, o.founded AS since, NULL AS until, NULL AS value
  UNION
  MATCH (u:Unit {id: $id})<-[:WORKS_AT]-(m:Member)
  RETURN 4 AS seq, 'worker' AS section, m.id AS id, NULL AS name, m.name AS member, m.kind AS kind,
         m.status AS status, NULL AS since, NULL AS until, NULL AS value
  UNION
  MATCH (u:Unit {id: $id})<-[:PARTY_ORG_OF]-(:Organization)-[r:REPORTED_TO]->(cm:Community)
  RETURN 5 AS seq, 'reported_to' AS section, cm.id AS id, cm.name AS name, NULL AS member, 'Community' AS kind,
         NULL AS status, r.since AS since, r.until AS until, NULL AS value
  UNION
  MATCH (u:Unit {id: $id})<-[:PARTY_ORG_OF]-(:Organization)<-[r:LOCAL_PARTY|UNIT_PARTY]-(k:Contract)
  RETURN 6 AS seq, 'contract' AS section, k.id AS id, k.name AS name, NULL AS member,
         CASE type(r) WHEN 'LOCAL_PARTY' THEN 'local_party' ELSE 'unit_party' END AS kind, NULL AS status,
         k.starts_on AS since, k.ends_on AS until, k.problems_solved AS value
  UNION
  MATCH (u:Unit {id: $id})-[r:MANAGES]->(c:Compound)
  RETURN 7 AS seq, 'manages' AS section, c.id AS id, c.name AS name, NULL AS member, 'Compound' AS kind,
         NULL AS status, r.since AS since, r.until AS until, NULL AS value
  UNION
  MATCH (u:Unit {id: $id})<-[:PARTY_ORG_OF|WORKS_AT]-(taker)<-[:ASSIGNED_TO]-(d:Demand)
  RETURN 8 AS seq, 'demand' AS section, d.id AS id, d.title AS name, NULL AS member, d.kind AS kind,
         d.evaluation AS status, d.raised_on AS since, d.done_on AS until, NULL AS value
}
RETURN section, id, name, member, kind, status, since, until, value
ORDER BY seq, id, kind, status, since
