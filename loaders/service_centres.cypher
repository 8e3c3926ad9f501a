// name: service_centres
// title: 党群服务中心 | Service centres and the territory they serve
UNWIND $rows AS r
MERGE (n:ServiceCentre {id: r.id})
SET n.name = r.name, n.level = r.level, n.area_m2 = r.area_m2, n.opened_on = date(r.opened_on)
WITH n, r
MATCH (t:Territory {id: r.territory_id})
MERGE (n)-[:SERVES]->(t)
