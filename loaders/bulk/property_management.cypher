// name: property_management
// title: 物业服务小区 | Compounds a property company manages, since when (bulk: a fresh graph)
// One look-up per propertycompany (company_id), not per row: the rows are grouped by it first.
UNWIND $rows AS r
WITH r.company_id AS grouped_id, collect(r) AS rs
MATCH (g:PropertyCompany {id: grouped_id})
UNWIND rs AS r
MATCH (a:Compound {id: r.compound_id})
CREATE (g)-[:MANAGES {since: date(r.since), until: date(r.until)}]->(a)
