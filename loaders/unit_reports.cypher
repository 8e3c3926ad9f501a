// name: unit_reports
// title: 单位党组织双报到 | Unit organizations reporting to a community
UNWIND $rows AS r
MATCH (o:Organization {id: r.org_id})
MATCH (c:Community {id: r.community_id})
MERGE (o)-[p:REPORTED_TO {since: date(r.since)}]->(c)
SET p.until = date(r.until)
