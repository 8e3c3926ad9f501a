// name: replace_delete
// title: 替换:删除旧图 | Replace: delete the old graph
// description: Neo4j, last statement of the load's transaction: the nodes without an id are the old graph's (every loaded node has one), except the commit fence (graph/commit_fence.py), which another transaction raises while this one commits.
MATCH (n)
WHERE n.id IS NULL AND NOT n:PartygraphCommit
DETACH DELETE n
