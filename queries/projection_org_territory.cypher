// name: projection_org_territory
// title: 投影:组织—地域网络 | Projection: the organization–territory network
// description: The edges of the organization–territory network on the date, households left out (see projection_building_households and projection_household_contacts): UNDER between organizations and central households, COVERS in force from an organization to a territory above the household, and PART_OF from buildings, compounds and grids upward; each end with its id, label, name and kind (central_household for a central household, none for a territory). Read by the analytics.
// param: as_of date = today | 截至日期 | As of
CALL {
  MATCH (a)-[:UNDER]->(b:Organization)
  RETURN a, 'UNDER' AS type, b
  UNION
  MATCH (a)-[r:COVERS]->(b:Territory)
  WHERE NOT b:Household AND r.since <= date($as_of) AND (r.until IS NULL OR r.until >= date($as_of))
  RETURN a, 'COVERS' AS type, b
  UNION
  MATCH (a:Territory)-[:PART_OF]->(b:Territory)
  WHERE a:Building OR a:Compound OR a:Grid
  RETURN a, 'PART_OF' AS type, b
}
RETURN a.id AS source_id, model_label(a) AS source_label,
       a.name AS source_name, CASE WHEN a:CentralHousehold THEN 'central_household' ELSE a.kind END AS source_kind,
       type,
       b.id AS target_id, model_label(b) AS target_label,
       b.name AS target_name, CASE WHEN b:CentralHousehold THEN 'central_household' ELSE b.kind END AS target_kind
ORDER BY source_id, type, target_id
