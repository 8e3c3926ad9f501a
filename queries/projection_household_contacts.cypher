// name: projection_household_contacts
// title: 投影:中心户联系户 | Projection: households central households cover
// description: Every household a central household covers on the date, with the central household's name and the building the household is in, by central household and household. Read by the analytics.
// param: as_of date = today | 截至日期 | As of
MATCH (c:CentralHousehold)-[r:COVERS]->(h:Household)
WHERE r.since <= date($as_of) AND (r.until IS NULL OR r.until >= date($as_of))
OPTIONAL MATCH (h)-[:PART_OF]->(b:Building)
RETURN DISTINCT c.id AS central_household_id, c.name AS central_household, h.id AS household_id,
       b.id AS building_id
ORDER BY central_household_id, household_id
