// name: describe
// description: The nodes $nodes (the database's own ids) in order, as the shortest_path catalogue entry shows them: step, id, label and name.
UNWIND range(0, size($nodes) - 1) AS step
MATCH (n) WHERE id(n) = $nodes[step]
RETURN step, n.id AS id, model_label(n) AS label,
       shown_name(n) AS name
ORDER BY step
