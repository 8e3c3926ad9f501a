// name: property_companies
// title: 物业服务企业 | Property companies (bulk: a fresh graph)
UNWIND $rows AS r
CREATE (n:PropertyCompany:Unit {id: r.id, name: r.name, phone: r.phone})
