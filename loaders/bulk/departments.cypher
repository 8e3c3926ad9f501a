// name: departments
// title: 街长制派驻部门 | Street-chief departments stationed in a street (bulk: a fresh graph)
// One look-up per street, not per row: the rows are grouped by street_id first.
UNWIND $rows AS r
WITH r.street_id AS parent_id, collect(r) AS rs
MATCH (p:Street {id: parent_id})
UNWIND rs AS r
CREATE (:Department {id: r.id, name: r.name, kind: r.kind, duty_items: r.duty_items})-[:STATIONED_IN]->(p)
