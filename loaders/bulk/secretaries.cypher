// name: secretaries
// title: 党组织书记 | Who is secretary of an organization, since when (bulk: a fresh graph)
// One look-up per organization (org_id), not per row: the rows are grouped by it first.
UNWIND $rows AS r
WITH r.org_id AS grouped_id, collect(r) AS rs
MATCH (g:Organization {id: grouped_id})
UNWIND rs AS r
MATCH (a:Member {id: r.member_id})
CREATE (a)-[:SECRETARY_OF {since: date(r.since), until: date(r.until)}]->(g)
