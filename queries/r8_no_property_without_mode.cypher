// name: r8_no_property_without_mode
// title: 未落实“四管”模式的无物业小区 | No-property compounds without a management mode
// rule: R8
// gaps: yes
// sensitive: secretary
// description_zh: 没有物业服务企业、也没有落实“四管”任一模式的小区,列出已有的“五有”服务数和负责的党支部。
// description: Compounds without a property company that have none of the four management modes, with the services they lack and the branch responsible.
MATCH (c:Compound {no_property: true})-[:PART_OF]->(g:Grid)-[:PART_OF]->(cm:Community)-[:PART_OF]->(s:Street)
WHERE c.management_mode IS NULL
OPTIONAL MATCH (c)<-[bc:COVERS]-(br:Organization)
WHERE br.kind IN ['compound_branch', 'joint_branch'] AND bc.until IS NULL
OPTIONAL MATCH (sec:Member)-[sr:SECRETARY_OF]->(br) WHERE sr.until IS NULL
OPTIONAL MATCH (h:Household)-[:PART_OF]->(:Building)-[:PART_OF]->(c)
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, g.name AS grid,
       c.id AS compound_id, c.name AS compound, size(coalesce(c.services, [])) AS services,
       count(DISTINCT h) AS households, br.name AS responsible_org, sec.name AS secretary
ORDER BY households DESC, compound_id
