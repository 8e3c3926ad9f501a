// name: residences
// title: 居住关系 | A member's household, since when
UNWIND $rows AS r
MATCH (m:Member {id: r.member_id})
MATCH (h:Household {id: r.household_id})
MERGE (m)-[l:LIVES_IN {since: date(r.since)}]->(h)
SET l.until = date(r.until)
