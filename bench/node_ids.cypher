// name: node_ids
// title: 内部节点编号 | Internal node ids of these ids (for the bound, which attaches by internal id)
MATCH (n)
WHERE n.id IN $ids
RETURN n.id AS id, id(n) AS node
