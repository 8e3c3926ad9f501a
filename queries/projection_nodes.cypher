// name: projection_nodes
// title: 投影:全部节点 | Projection: every node
// description: Every node with its labels and properties (as a node value, so members' and leaders' personal data is masked wherever rows are shown), by id. Read by the export. Leaves out Neo4j's commit fence (bookkeeping).
MATCH (n)
WHERE NOT n:PartygraphCommit
RETURN n.id AS id, n AS node
ORDER BY id
