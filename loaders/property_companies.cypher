// name: property_companies
// title: 物业服务企业 | Property companies
UNWIND $rows AS r
MERGE (n:PropertyCompany:Unit {id: r.id})
SET n.name = r.name, n.phone = r.phone
