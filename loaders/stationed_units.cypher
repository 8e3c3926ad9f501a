// name: stationed_units
// title: 驻区单位 | Stationed units and the community they sit in
UNWIND $rows AS r
MERGE (n:StationedUnit:Unit {id: r.id})
SET n.name = r.name, n.kind = r.kind
WITH n, r
OPTIONAL MATCH (c:Community {id: r.community_id})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (n)-[:LOCATED_IN]->(c))
