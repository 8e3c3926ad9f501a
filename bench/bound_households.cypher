// name: bound_households
// title: 上限:户 | Bound: households created, no MERGE, no index look-up
// description: The building is addressed by its internal node id (r.building), the cheapest way to attach a relationship.
UNWIND $rows AS r
MATCH (p) WHERE id(p) = r.building
CREATE (:Household:Territory {id: r.id, name: r.name, residents: r.residents})-[:PART_OF]->(p)
