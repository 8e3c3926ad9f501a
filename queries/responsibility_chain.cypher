// name: responsibility_chain
// title: 责任链条 | Chain of responsibility
// description: For a household or building (any territory id works), the territory chain up to the city (chain 'territory', step 1 = the place itself), then the organization chain (chain 'organization'): the organizations that reach the lowest level of that territory chain reached by any on the date (for a household: a central household covering it or located in it; else the building group covering the building; else the compound or joint branch covering the compound; else the grid organization, the community committee and so on), and every organization above them through UNDER up to the city committee. level is the territory level of the row (for an organization: the lowest level of the chain it covers, if it covers one); kind is the territory label, the organization kind, or central_household.
// param: id str | 编号(户或楼栋) | Household or building id
// param: as_of date = today | 截至日期 | As of
CALL {
  MATCH (t:Territory {id: $id})
  MATCH p = (t)-[:PART_OF*0..7]->(a:Territory)
  WITH a, length(p) AS depth, [l IN labels(a) WHERE l <> 'Territory'][0] AS level
  RETURN 'territory' AS chain, depth + 1 AS step, level, a.id AS id, a.name AS name, level AS kind
  UNION
  MATCH (t:Territory {id: $id})
  MATCH p = (t)-[:PART_OF*0..7]->(a:Territory)<-[r:COVERS|LOCATED_AT]-(o)
  WHERE (o:Organization OR o:CentralHousehold)
    AND (type(r) = 'LOCATED_AT'
         OR (r.since <= date($as_of) AND (r.until IS NULL OR r.until >= date($as_of))))
  WITH t, collect({depth: length(p) - 1, org: o}) AS found
  WITH t, found, reduce(lowest = 99, f IN found | CASE WHEN f.depth < lowest THEN f.depth ELSE lowest END) AS lowest
  UNWIND [f IN found WHERE f.depth = lowest | f.org] AS low
  MATCH q = (low)-[:UNDER*0..12]->(o)
  WITH t, o, min(length(q)) AS distance
  OPTIONAL MATCH p = (t)-[:PART_OF*0..7]->(a:Territory)<-[r:COVERS|LOCATED_AT]-(o)
  WHERE type(r) = 'LOCATED_AT' OR (r.since <= date($as_of) AND (r.until IS NULL OR r.until >= date($as_of)))
  WITH o, distance, collect({depth: length(p), level: [l IN labels(a) WHERE l <> 'Territory'][0]}) AS reached
  WITH o, distance,
       reduce(best = {depth: 99, level: null}, x IN reached |
              CASE WHEN x.depth IS NOT NULL AND x.depth < best.depth THEN x ELSE best END) AS lowest
  RETURN 'organization' AS chain, distance + 1 AS step, lowest.level AS level, o.id AS id, o.name AS name,
         coalesce(o.kind, 'central_household') AS kind
}
RETURN chain, step, level, id, name, kind
ORDER BY chain DESC, step, id
