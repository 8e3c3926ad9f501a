// name: residences
// title: 居住关系 | A member's household, since when (bulk: a fresh graph)
UNWIND $rows AS r
MATCH (a:Member {id: r.member_id})
MATCH (b:Household {id: r.household_id})
CREATE (a)-[:LIVES_IN {since: date(r.since), until: date(r.until)}]->(b)
