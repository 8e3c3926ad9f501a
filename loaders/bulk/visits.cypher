// name: visits
// title: 走访 | Visits under a contract: who visited whom, when (bulk: a fresh graph)
UNWIND $rows AS r
CREATE (n:Visit {id: r.id, visited_on: date(r.visited_on), direction: r.direction, note: r.note})
WITH n, r
MATCH (k:Contract {id: r.contract_id})
MATCH (f:Organization {id: r.from_org_id})
MATCH (t:Organization {id: r.to_org_id})
CREATE (n)-[:VISIT_OF]->(k), (n)-[:VISIT_FROM]->(f), (n)-[:VISIT_TO]->(t)
