// name: leader_assignments
// title: 包联关系 | Which leader is responsible for which territory, since when
UNWIND $rows AS r
MATCH (l:Leader {id: r.leader_id})
MATCH (t:Territory {id: r.territory_id})
MERGE (l)-[a:RESPONSIBLE_FOR {since: date(r.since)}]->(t)
SET a.until = date(r.until)
