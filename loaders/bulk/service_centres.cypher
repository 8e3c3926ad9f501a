// name: service_centres
// title: 党群服务中心 | Service centres and the territory they serve (bulk: a fresh graph)
// One look-up per territory, not per row: the rows are grouped by territory_id first.
UNWIND $rows AS r
WITH r.territory_id AS parent_id, collect(r) AS rs
MATCH (p:Territory {id: parent_id})
UNWIND rs AS r
CREATE (:ServiceCentre {id: r.id, name: r.name, level: r.level, area_m2: r.area_m2, opened_on: date(r.opened_on)})-[:SERVES]->(p)
