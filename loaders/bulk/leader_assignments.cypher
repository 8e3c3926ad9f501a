// name: leader_assignments
// title: 包联关系 | Which leader is responsible for which territory, since when (bulk: a fresh graph)
// One look-up per leader (leader_id), not per row: the rows are grouped by it first.
UNWIND $rows AS r
WITH r.leader_id AS grouped_id, collect(r) AS rs
MATCH (g:Leader {id: grouped_id})
UNWIND rs AS r
MATCH (a:Territory {id: r.territory_id})
CREATE (g)-[:RESPONSIBLE_FOR {since: date(r.since), until: date(r.until)}]->(a)
