// name: central_households
// title: 党员中心户 | Central households: host member, home, building group
UNWIND $rows AS r
MERGE (n:CentralHousehold {id: r.id})
SET n.name = r.name
WITH n, r
MATCH (m:Member {id: r.member_id})
MATCH (h:Household {id: r.household_id})
MATCH (g:Organization {id: r.group_id})
MERGE (n)-[:HOSTED_BY]->(m)
MERGE (n)-[:LOCATED_AT]->(h)
MERGE (n)-[:UNDER]->(g)
