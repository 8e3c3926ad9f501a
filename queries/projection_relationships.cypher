// name: projection_relationships
// title: 投影:全部关系 | Projection: every relationship
// description: Every relationship with its type and properties, and the ids of the nodes it links, by source, type, target and since. Read by the export.
MATCH (a)-[r]->(b)
RETURN a.id AS source_id, type(r) AS type, b.id AS target_id, r AS relationship
ORDER BY source_id, type, target_id, r.since
