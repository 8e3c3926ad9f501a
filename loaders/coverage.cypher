// name: coverage
// title: 组织覆盖 | Which organization covers which territory, since when
UNWIND $rows AS r
MATCH (o:Organization {id: r.org_id})
MATCH (t:Territory {id: r.territory_id})
MERGE (o)-[c:COVERS {since: date(r.since)}]->(t)
SET c.until = date(r.until)
