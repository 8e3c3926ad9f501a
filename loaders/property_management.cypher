// name: property_management
// title: 物业服务小区 | Compounds a property company manages, since when
UNWIND $rows AS r
MATCH (c:PropertyCompany {id: r.company_id})
MATCH (p:Compound {id: r.compound_id})
MERGE (c)-[m:MANAGES {since: date(r.since)}]->(p)
SET m.until = date(r.until)
