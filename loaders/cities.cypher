// name: cities
// title: 市 | Cities
UNWIND $rows AS r
MERGE (n:City:Territory {id: r.id})
SET n.name = r.name
