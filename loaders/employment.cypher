// name: employment
// title: 工作单位 | A member's workplace
UNWIND $rows AS r
MATCH (m:Member {id: r.member_id})
MATCH (u:Unit {id: r.unit_id})
MERGE (m)-[:WORKS_AT]->(u)
