// name: rollup_residents
// title: 楼栋居住党员(汇总用) | Each building's residences, for its dated count of resident members
// description: For loaders/rollups.py: per building, each member living in one of its households with the residence's dates, and each in-service member's residences (member, household, dates) for each community's counts of them and R12's gaps.
// Unlabelled household: by graph/model.py LIVES_IN only ends at a Household.
MATCH (m:Member)-[l:LIVES_IN]->(h)-[:PART_OF]->(b:Building)
RETURN b.id AS id, collect([m.id, l.since, l.until]) AS spans,
       collect(CASE WHEN m.kind = $in_service THEN [m.id, h.id, l.since, l.until] END) AS in_service
