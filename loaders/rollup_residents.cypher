// name: rollup_residents
// title: 楼栋居住党员(汇总用) | Each building's residences, for its dated count of resident members
// description: For loaders/rollups.py: per building, each member living in one of its households with the residence's dates, and which of them are in-service members (for each community's count of them).
// Unlabelled household: by graph/model.py LIVES_IN only ends at a Household.
MATCH (m:Member)-[l:LIVES_IN]->()-[:PART_OF]->(b:Building)
RETURN b.id AS id, collect([m.id, l.since, l.until]) AS spans, collect(CASE WHEN m.kind = $in_service THEN m.id END) AS in_service
