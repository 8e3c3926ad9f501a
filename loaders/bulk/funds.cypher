// name: funds
// title: 经费 | Funds granted to a community or street, by year (bulk: a fresh graph)
// One look-up per territory, not per row: the rows are grouped by territory_id first.
UNWIND $rows AS r
WITH r.territory_id AS parent_id, collect(r) AS rs
MATCH (p:Territory {id: parent_id})
UNWIND rs AS r
CREATE (:Fund {id: r.id, year: r.year, purpose: r.purpose, amount_cny: r.amount_cny})-[:FUNDS]->(p)
