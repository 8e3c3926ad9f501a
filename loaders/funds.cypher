// name: funds
// title: 经费 | Funds granted to a community or street, by year
UNWIND $rows AS r
MERGE (n:Fund {id: r.id})
SET n.year = r.year, n.purpose = r.purpose, n.amount_cny = r.amount_cny
WITH n, r
MATCH (t:Territory {id: r.territory_id})
MERGE (n)-[:FUNDS]->(t)
