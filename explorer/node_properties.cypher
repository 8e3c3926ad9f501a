// name: node_properties
// title: 节点属性 | A node's properties
// description: The node with the given id, all its properties and labels (the Network page shows it when a node is clicked).
// param: id str | 编号 | ID
MATCH (n)
WHERE n.id = $id
RETURN n AS node
LIMIT 1
