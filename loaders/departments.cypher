// name: departments
// title: 街长制派驻部门 | Street-chief departments stationed in a street
UNWIND $rows AS r
MERGE (n:Department {id: r.id})
SET n.name = r.name, n.kind = r.kind, n.duty_items = r.duty_items
WITH n, r
MATCH (s:Street {id: r.street_id})
MERGE (n)-[:STATIONED_IN]->(s)
