// name: visits
// title: 走访 | Visits under a contract: who visited whom, when
UNWIND $rows AS r
MERGE (n:Visit {id: r.id})
SET n.visited_on = date(r.visited_on), n.direction = r.direction, n.note = r.note
WITH n, r
MATCH (k:Contract {id: r.contract_id})
MATCH (f:Organization {id: r.from_org_id})
MATCH (t:Organization {id: r.to_org_id})
MERGE (n)-[:VISIT_OF]->(k)
MERGE (n)-[:VISIT_FROM]->(f)
MERGE (n)-[:VISIT_TO]->(t)
