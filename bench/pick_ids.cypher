// name: pick_ids
// title: 基准参数用的编号 | Real ids for the parameters of the catalogue queries
// description: One id per label, the first by id among the nodes that are wired in (a member with an organization and a home, a household with a member …).
MATCH (n:Member)-[:BELONGS_TO]->(:Organization)
WITH DISTINCT n ORDER BY n.id LIMIT 1
RETURN 'Member' AS label, n.id AS id
UNION ALL
MATCH (n:Household)<-[:LIVES_IN]-(:Member)
WITH DISTINCT n ORDER BY n.id LIMIT 1
RETURN 'Household' AS label, n.id AS id
UNION ALL
MATCH (n:Building)<-[:PART_OF]-(:Household)
WITH DISTINCT n ORDER BY n.id LIMIT 1
RETURN 'Building' AS label, n.id AS id
UNION ALL
MATCH (n:Compound)<-[:COVERS]-(:Organization)
WITH DISTINCT n ORDER BY n.id LIMIT 1
RETURN 'Compound' AS label, n.id AS id
UNION ALL
MATCH (n:Community)
WITH n ORDER BY n.id LIMIT 1
RETURN 'Community' AS label, n.id AS id
UNION ALL
MATCH (n:Organization {kind: 'community_committee'})
WITH n ORDER BY n.id LIMIT 1
RETURN 'Organization' AS label, n.id AS id
UNION ALL
MATCH (n:Contract)
WITH n ORDER BY n.id LIMIT 1
RETURN 'Contract' AS label, n.id AS id
UNION ALL
MATCH (n:StationedUnit)
WITH n ORDER BY n.id LIMIT 1
RETURN 'StationedUnit' AS label, n.id AS id
