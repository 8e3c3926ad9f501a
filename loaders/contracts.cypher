// name: contracts
// title: 共建契约 | Co-building contracts and their two parties
UNWIND $rows AS r
MERGE (n:Contract {id: r.id})
SET n.name = r.name, n.signed_on = date(r.signed_on), n.starts_on = date(r.starts_on),
    n.ends_on = date(r.ends_on), n.problems_solved = r.problems_solved
WITH n, r
MATCH (l:Organization {id: r.local_org_id})
MATCH (u:Organization {id: r.unit_org_id})
MERGE (n)-[:LOCAL_PARTY]->(l)
MERGE (n)-[:UNIT_PARTY]->(u)
