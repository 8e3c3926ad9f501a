// name: shortest_path
// title: 最短路径 | Shortest path between two nodes
// description: One shortest path (ignoring direction, at most max_hops relationships, up to 8) between the two nodes: one row per node from the first to the last, with the relationship type that leads to it and its direction (-> when it points along the path, <- against it). When several paths are equally short, the one whose node ids come first in order. No rows when there is none or the two ids are the same. Names of members and leaders are personal data.
// param: from_id str | 起点编号 | From id
// param: to_id str | 终点编号 | To id
// param: max_hops int = 6 | 最多跳数(最多8) | Most hops (at most 8)
// On FalkorDB this text is not run (its path search is depth-first, over a minute at scale 1)
// and queries/path_search answers with the same rows; see COMPUTED in queries/catalogue.py.
CALL { node_with_id(a, $from_id) }
CALL { node_with_id(b, $to_id) }
WITH a, b
WHERE a <> b
MATCH p = allShortestPaths((a)-[*..8]-(b))
WITH p
WHERE length(p) <= $max_hops
WITH p, reduce(key = '', n IN nodes(p) | key + n.id + '|') + reduce(key = '', r IN relationships(p) | key + type(r) + '|') AS key
ORDER BY key
LIMIT 1
UNWIND range(0, length(p)) AS i
WITH i, nodes(p)[i] AS n, CASE WHEN i = 0 THEN NULL ELSE relationships(p)[i - 1] END AS r,
     CASE WHEN i = 0 THEN NULL ELSE nodes(p)[i - 1] END AS previous
RETURN i AS step, n.id AS id, model_label(n) AS label,
       shown_name(n) AS name, type(r) AS relationship,
       CASE WHEN r IS NULL THEN NULL WHEN startNode(r) = previous THEN '->' ELSE '<-' END AS direction
ORDER BY step
