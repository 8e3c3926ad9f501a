// name: contracts
// title: 共建契约 | Co-building contracts and their two parties (bulk: a fresh graph)
UNWIND $rows AS r
CREATE (n:Contract {id: r.id, name: r.name, signed_on: date(r.signed_on), starts_on: date(r.starts_on),
                    ends_on: date(r.ends_on), problems_solved: r.problems_solved})
WITH n, r
MATCH (l:Organization {id: r.local_org_id})
MATCH (u:Organization {id: r.unit_org_id})
CREATE (n)-[:LOCAL_PARTY]->(l), (n)-[:UNIT_PARTY]->(u)
