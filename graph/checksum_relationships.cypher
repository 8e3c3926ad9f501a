// name: checksum_relationships
// title: 全部关系 | Every relationship with its ends and properties
// description: For graph.checksum: one row per relationship, its ends named by their id. $type_filter empty reads every relationship.
// param: type_filter str = null | 关系类型 | Only relationships of this type
MATCH (a)-[r]->(b)
WHERE $type_filter IS NULL OR type(r) = $type_filter
RETURN type(r) AS type, a.id AS start_id, b.id AS end_id, properties(r) AS properties
