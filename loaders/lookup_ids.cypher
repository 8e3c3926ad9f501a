// name: lookup_ids
// title: 查找已有编号 | Which of these ids the graph already has, with their labels
// param: ids str | 编号列表 | ids
MATCH (n)
WHERE n.id IN $ids
RETURN n.id AS id, labels(n) AS labels
