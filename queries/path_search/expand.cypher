// name: expand
// description: The neighbours, either way, of each node of $nodes (the database's own ids). The pattern names no relationship, so FalkorDB reads its adjacency matrices without building the relationships: ~2 ms for 500 nodes with 5,000 neighbours at scale 1, against ~70 ms with them.
UNWIND $nodes AS node
MATCH (n) WHERE id(n) = node
MATCH (n)--(m)
RETURN node, collect(id(m)) AS neighbours
