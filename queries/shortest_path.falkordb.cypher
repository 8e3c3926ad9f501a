// FalkorDB: allShortestPaths explores far past the shortest length (tens of seconds on the
// scale-1 demo), so find the length with algo.SPpaths, growing maxLen one hop at a time,
// then take every shortest path of that length and pick the same one as the common text.
CALL { node_with_id(a, $from_id) }
CALL { node_with_id(b, $to_id) }
WITH a, b
WHERE a <> b
UNWIND range(1, CASE WHEN $max_hops > 8 THEN 8 ELSE $max_hops END) AS len
CALL algo.SPpaths({sourceNode: a, targetNode: b, relDirection: 'both', maxLen: len, pathCount: 1})
YIELD path
WITH a, b, length(path) AS shortest
LIMIT 1
CALL algo.SPpaths({sourceNode: a, targetNode: b, relDirection: 'both', maxLen: shortest, pathCount: 0})
YIELD path
WITH path AS p
WITH p, reduce(key = '', n IN nodes(p) | key + n.id + '|') + reduce(key = '', r IN relationships(p) | key + type(r) + '|') AS key
ORDER BY key
LIMIT 1
UNWIND range(0, length(p)) AS i
WITH i, nodes(p)[i] AS n, CASE WHEN i = 0 THEN NULL ELSE relationships(p)[i - 1] END AS r,
     CASE WHEN i = 0 THEN NULL ELSE nodes(p)[i - 1] END AS previous
RETURN i AS step, n.id AS id, [l IN labels(n) WHERE NOT l IN ['Territory', 'Unit']][0] AS label,
       coalesce(n.name, n.title, n.topic, n.id) AS name, type(r) AS relationship,
       CASE WHEN r IS NULL THEN NULL WHEN startNode(r) = previous THEN '->' ELSE '<-' END AS direction
ORDER BY step
