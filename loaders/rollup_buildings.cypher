// name: rollup_buildings
// title: 全部楼栋(汇总用) | Every building, so that each has its dated counts
MATCH (b:Building)
RETURN b.id AS id
