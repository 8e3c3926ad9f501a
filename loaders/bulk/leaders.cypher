// name: leaders
// title: 包联领导 | Leaders assigned to communities, grids and compounds (bulk: a fresh graph)
UNWIND $rows AS r
CREATE (:Leader {id: r.id, name: r.name, level: r.level, post: r.post})
