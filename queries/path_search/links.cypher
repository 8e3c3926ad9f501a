// name: links
// description: The relationships between the two nodes of each pair of $pairs ([from, to], the database's own ids), with their type, whether they start at from, and the id properties of the two nodes. Two directed matches: FalkorDB takes ~5 ms per pair for an undirected one that names the relationship.
UNWIND $pairs AS pair
MATCH (n) WHERE id(n) = pair[0]
MATCH (m) WHERE id(m) = pair[1]
MATCH (n)-[r]->(m)
RETURN pair[0] AS source, pair[1] AS target, n.id AS source_id, m.id AS target_id, type(r) AS type, true AS outgoing
UNION ALL
UNWIND $pairs AS pair
MATCH (n) WHERE id(n) = pair[0]
MATCH (m) WHERE id(m) = pair[1]
MATCH (n)<-[r]-(m)
RETURN pair[0] AS source, pair[1] AS target, n.id AS source_id, m.id AS target_id, type(r) AS type, false AS outgoing
