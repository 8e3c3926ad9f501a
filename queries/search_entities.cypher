// name: search_entities
// title: 搜索 | Search by name
// description: Every node whose name (a demand: its title) contains the text, or whose id is the text, with its label in the model (not Territory or Unit), by label then id, at most limit rows. Members' and leaders' names are personal data.
// param: text str | 搜索文字 | Text to find
// param: limit int = 20 | 最多行数 | Most rows
CALL { node_named(n, $text) }
WITH n, model_label(n) AS label
RETURN n.id AS id, label, coalesce(n.name, n.title) AS name
ORDER BY label, id
LIMIT $limit
