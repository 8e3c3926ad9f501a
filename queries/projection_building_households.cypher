// name: projection_building_households
// title: 投影:各楼栋户数 | Projection: households per building
// description: Every building with its compound and the number of households in it, by building id. Read by the analytics.
MATCH (b:Building)
OPTIONAL MATCH (b)-[:PART_OF]->(c:Compound)
OPTIONAL MATCH (h:Household)-[:PART_OF]->(b)
RETURN b.id AS building_id, c.id AS compound_id, count(DISTINCT h) AS households
ORDER BY building_id
