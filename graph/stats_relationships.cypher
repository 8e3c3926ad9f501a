// name: stats_relationships
// title: 关系数量 | Relationship counts
// description: How many relationships of each type.
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS count
