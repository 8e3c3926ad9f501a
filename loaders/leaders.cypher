// name: leaders
// title: 包联领导 | Leaders assigned to communities, grids and compounds
UNWIND $rows AS r
MERGE (n:Leader {id: r.id})
SET n.name = r.name, n.level = r.level, n.post = r.post
