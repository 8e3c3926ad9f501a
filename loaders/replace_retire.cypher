// name: replace_retire
// title: 替换:旧图让位 | Replace: the old graph steps aside
// description: Neo4j, in the load's transaction: the old nodes lose their id, so the new ones can take it; they are deleted at the end (replace_delete). Deleting them first would make every index look-up of the load copy the set of deleted nodes (Neo4j 5 transaction state), hours at scale 1.
MATCH (n)
WHERE n.id IS NOT NULL
REMOVE n.id
