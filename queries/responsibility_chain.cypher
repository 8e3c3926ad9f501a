// name: responsibility_chain
// title: 责任链条 | Chain of responsibility
// description: For a household or building (any territory id works), the territory chain up to the city (chain 'territory', step 1 = the place itself), then the organization chain (chain 'organization'): the organizations that cover the lowest level of that territory chain that has one on the date (for a household: a central household covering it or located in it; else the building group; else the compound or joint branch; else the grid organization, community committee and so on), and every organization above them through UNDER up to the city committee. level is the territory level of the row (for an organization: the lowest level of the chain it covers, if any); kind is the territory label, the organization kind or central_household.
// param: id str | 编号(户或楼栋) | Household or building id
// param: as_of date = today | 截至日期 | As of
MATCH (t:Territory {id: $id})
MATCH p = (t)-[:PART_OF*0..7]->(a:Territory)
WITH t, a, length(p) AS depth,
     [l IN labels(a) WHERE l <> 'Territory'][0] AS level
RETURN 'territory' AS chain, depth + 1 AS step, level, a.id AS id, a.name AS name, level AS kind
UNION
MATCH (t:Territory {id: $id})
MATCH p = (t)-[:PART_OF*0..7]->(a:Territory)
WITH t, a, length(p) AS depth
OPTIONAL MATCH (a)<-[cov:COVERS]-(o)
WHERE (o:Organization OR o:CentralHousehold)
  AND cov.since <= date($as_of) AND (cov.until IS NULL OR cov.until >= date($as_of))
OPTIONAL MATCH (a)<-[:LOCATED_AT]-(home:CentralHousehold)
WITH t, a, depth, collect(o) + collect(home) AS coverers
UNWIND coverers AS o
WITH t, a, depth, o
ORDER BY depth
WITH t, collect({depth: depth, org: o}) AS found
WITH t, found, reduce(lowest = 99, f IN found | CASE WHEN f.depth < lowest THEN f.depth ELSE lowest END) AS lowest
UNWIND [f IN found WHERE f.depth = lowest | f.org] AS low
MATCH q = (low)-[:UNDER*0..12]->(o)
WITH t, o, min(length(q)) AS distance
OPTIONAL MATCH r = (t)-[:PART_OF*0..7]->(a:Territory)<-[cov:COVERS]-(o)
WHERE cov.since <= date($as_of) AND (cov.until IS NULL OR cov.until >= date($as_of))
WITH t, o, distance, min(length(r)) AS covered_depth
OPTIONAL MATCH (t)-[:PART_OF*0..7]->(ca:Territory)<-[cc:COVERS]-(o)
WHERE cc.since <= date($as_of) AND (cc.until IS NULL OR cc.until >= date($as_of))
WITH t, o, distance, covered_depth, ca
OPTIONAL MATCH s = (t)-[:PART_OF*0..7]->(ca)
WITH o, distance, covered_depth, ca, length(s) AS ca_depth
WITH o, distance, collect(CASE WHEN ca_depth = covered_depth - 1 THEN [l IN labels(ca) WHERE l <> 'Territory'][0] END) AS levels
RETURN 'organization' AS chain, distance + 1 AS step, levels[0] AS level, o.id AS id, o.name AS name,
       coalesce(o.kind, 'central_household') AS kind
ORDER BY chain DESC, step, id
