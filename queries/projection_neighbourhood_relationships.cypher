// name: projection_neighbourhood_relationships
// title: 投影:邻域关系 | Projection: relationships around a node
// description: Every relationship between the nodes within depth hops of the node with id around (ignoring direction; depth 0 to 3), with type and properties, by source, type, target and since. Read by the export of a neighbourhood.
// param: around str | 中心节点编号 | Centre node id
// param: depth int = 2 | 跳数(最多3) | Hops (at most 3)
// the start through each label's id index (graph/dialect.py): without a label both databases read every node
// (scale 1: Neo4j 92 -> 23 ms, FalkorDB 28 -> 7 ms)
CALL { node_with_id(start, $around) }
CALL {
  WITH start
  RETURN start AS n
  UNION
  WITH start
  MATCH (start)--(n)
  WHERE $depth >= 1
  RETURN n
  UNION
  WITH start
  MATCH (start)--()--(n)
  WHERE $depth >= 2
  RETURN n
  UNION
  WITH start
  MATCH (start)--()--()--(n)
  WHERE $depth >= 3
  RETURN n
}
WITH collect(n) AS nodes
UNWIND nodes AS a
MATCH (a)-[r]->(b)
WHERE b IN nodes
RETURN a.id AS source_id, type(r) AS type, b.id AS target_id, r AS relationship
ORDER BY source_id, type, target_id, r.since
