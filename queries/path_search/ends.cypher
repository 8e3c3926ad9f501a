// name: ends
// description: The database's own ids of the nodes whose id is $from_id and $to_id (no row when either is missing).
CALL { node_with_id(a, $from_id) }
CALL { node_with_id(b, $to_id) }
RETURN id(a) AS source, id(b) AS target
