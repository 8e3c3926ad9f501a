// name: central_household_contacts
// title: 中心户联系户 | Households a central household keeps in touch with (bulk: a fresh graph)
// One look-up per centralhousehold (central_household_id), not per row: the rows are grouped by it first.
UNWIND $rows AS r
WITH r.central_household_id AS grouped_id, collect(r) AS rs
MATCH (g:CentralHousehold {id: grouped_id})
UNWIND rs AS r
MATCH (a:Household {id: r.household_id})
CREATE (g)-[:COVERS {since: date(r.since), until: date(r.until)}]->(a)
