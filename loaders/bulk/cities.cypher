// name: cities
// title: 市 | Cities (bulk: a fresh graph)
UNWIND $rows AS r
CREATE (n:City:Territory {id: r.id, name: r.name})
