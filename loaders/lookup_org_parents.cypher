// name: lookup_org_parents
// title: 已有上级关系 | The parent of every organization already in the graph
MATCH (o:Organization)-[:UNDER]->(p:Organization)
RETURN o.id AS id, p.id AS parent_id
