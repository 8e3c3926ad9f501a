// name: central_household_contacts
// title: 中心户联系户 | Households a central household keeps in touch with
UNWIND $rows AS r
MATCH (c:CentralHousehold {id: r.central_household_id})
MATCH (h:Household {id: r.household_id})
MERGE (c)-[k:COVERS {since: date(r.since)}]->(h)
SET k.until = date(r.until)
