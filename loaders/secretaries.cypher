// name: secretaries
// title: 党组织书记 | Who is secretary of an organization, since when
UNWIND $rows AS r
MATCH (m:Member {id: r.member_id})
MATCH (o:Organization {id: r.org_id})
MERGE (m)-[s:SECRETARY_OF {since: date(r.since)}]->(o)
SET s.until = date(r.until)
