// name: describe
// description: The nodes $nodes (the database's own ids) in order, as the shortest_path catalogue entry shows them: step, id, label and name.
UNWIND range(0, size($nodes) - 1) AS step
MATCH (n) WHERE id(n) = $nodes[step]
RETURN step, n.id AS id, [l IN labels(n) WHERE NOT l IN ['Territory', 'Unit']][0] AS label,
       coalesce(n.name, n.title, n.topic, n.id) AS name
ORDER BY step
