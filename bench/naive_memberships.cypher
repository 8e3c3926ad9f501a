// name: naive_memberships
// title: 逐行导入:组织关系 | Naive loader: one membership per query
// description: What a py2neo-era script sends for each row of memberships.csv, in its own transaction.
MATCH (m:Member {id: $member_id})
MATCH (o:Organization {id: $org_id})
MERGE (m)-[b:BELONGS_TO {since: date($since)}]->(o)
SET b.until = date($until)
