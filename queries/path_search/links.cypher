// name: links
// description: The relationships between the two nodes of each pair of $pairs ([from, to], the database's own ids), either way, with their type, whether they start at from, and the id properties of the two nodes. The WITH makes FalkorDB match the relationship between the two nodes found (Expand Into, ~0.02 ms a pair at scale 1) instead of reading every relationship of one and filtering (~0.3 ms a pair, ~5 ms undirected).
UNWIND $pairs AS pair
MATCH (n) WHERE id(n) = pair[0]
MATCH (m) WHERE id(m) = pair[1]
WITH pair, n, m
MATCH (n)-[r]-(m)
RETURN pair[0] AS source, pair[1] AS target, n.id AS source_id, m.id AS target_id, type(r) AS type,
       startNode(r) = n AS outgoing
