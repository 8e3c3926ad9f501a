// name: stationed_units
// title: 驻区单位 | Stationed units and the community they sit in (bulk: a fresh graph)
UNWIND $rows AS r
CREATE (n:StationedUnit:Unit {id: r.id, name: r.name, kind: r.kind})
WITH n, r
OPTIONAL MATCH (c:Community {id: r.community_id})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (n)-[:LOCATED_IN]->(c))
