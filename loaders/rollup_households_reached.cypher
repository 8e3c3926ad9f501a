// name: rollup_households_reached
// title: 楼栋中心户联系户(汇总用) | Each building's households a central household reaches, for its dated count
// description: For loaders/rollups.py: per building, each household a central household covers (with the dates) or sits in (always).
MATCH (:CentralHousehold)-[hc:COVERS|LOCATED_AT]->(h:Household)-[:PART_OF]->(b:Building)
RETURN b.id AS id, collect([h.id, hc.since, hc.until, type(hc) = 'LOCATED_AT']) AS spans
