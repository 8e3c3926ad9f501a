// name: neighbourhood
// title: 邻域 | Neighbourhood of a node
// description: The nodes within depth hops of the node with this id (ignoring direction; depth 1 to 3) and every relationship between them, one row per relationship, nearest first (hops: the smaller distance of its two ends), at most limit rows. Names of members and leaders are personal data.
// param: id str | 编号 | Node id
// param: depth int = 1 | 跳数(最多3) | Hops (at most 3)
// param: limit int = 200 | 最多行数 | Most rows
CALL { node_with_id(start, $id) }
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
WITH collect(n) AS nodes, collect(hops) AS distances
UNWIND range(0, size(nodes) - 1) AS i
WITH nodes, distances, nodes[i] AS a, distances[i] AS a_hops
MATCH (a)-[r]->(b)
WHERE b IN nodes
WITH a, r, b, a_hops, [j IN range(0, size(nodes) - 1) WHERE nodes[j] = b | distances[j]][0] AS b_hops
RETURN CASE WHEN a_hops < b_hops THEN a_hops ELSE b_hops END AS hops,
       a.id AS source_id, model_label(a) AS source_label,
       shown_name(a) AS source_name, type(r) AS type,
       b.id AS target_id, model_label(b) AS target_label,
       shown_name(b) AS target_name
ORDER BY hops, source_id, type, target_id
LIMIT $limit
