// name: stats_nodes
// title: 节点数量 | Node counts
// description: How many nodes carry each label combination.
MATCH (n)
RETURN labels(n) AS labels, count(n) AS count
