// name: central_households
// title: 党员中心户 | Central households: host member, home, building group (bulk: a fresh graph)
UNWIND $rows AS r
CREATE (n:CentralHousehold {id: r.id, name: r.name})
WITH n, r
MATCH (m:Member {id: r.member_id})
MATCH (h:Household {id: r.household_id})
MATCH (g:Organization {id: r.group_id})
CREATE (n)-[:HOSTED_BY]->(m), (n)-[:LOCATED_AT]->(h), (n)-[:UNDER]->(g)
