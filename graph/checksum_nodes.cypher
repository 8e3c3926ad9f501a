// name: checksum_nodes
// title: 全部节点 | Every node with its labels and properties
// description: For graph.checksum: one row per node. $label_filter empty reads every node but Neo4j's commit fence (bookkeeping, graph/commit_fence.py).
// param: label_filter str = null | 标签 | Only nodes with this label
MATCH (n)
WHERE ($label_filter IS NULL OR $label_filter IN labels(n)) AND NOT n:PartygraphCommit
RETURN labels(n) AS labels, properties(n) AS properties
