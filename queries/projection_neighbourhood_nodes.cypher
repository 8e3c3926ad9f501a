// name: projection_neighbourhood_nodes
// title: 投影:邻域节点 | Projection: nodes around a node
// description: The node with id around and every node within depth hops of it (ignoring direction; depth 0 to 3), with labels, properties and distance (hops), by id. Read by the export of a neighbourhood.
// param: around str | 中心节点编号 | Centre node id
// param: depth int = 2 | 跳数(最多3) | Hops (at most 3)
// the start through each label's id index (graph/dialect.py): without a label both databases read every node
// (scale 1: Neo4j 92 -> 23 ms, FalkorDB 28 -> 7 ms)
CALL { node_with_id(start, $around) }
CALL {
  WITH start
  RETURN start AS n, 0 AS hops
  UNION
  WITH start
  MATCH (start)--(n)
  WHERE $depth >= 1
  RETURN n, 1 AS hops
  UNION
  WITH start
  MATCH (start)--()--(n)
  WHERE $depth >= 2
  RETURN n, 2 AS hops
  UNION
  WITH start
  MATCH (start)--()--()--(n)
  WHERE $depth >= 3
  RETURN n, 3 AS hops
}
WITH n, min(hops) AS hops
RETURN n.id AS id, n AS node, hops
ORDER BY id
