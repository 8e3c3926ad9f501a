// name: r10_small_centres
// title: 面积不达标的党群服务中心 | Service centres under the area standard
// rule: R10
// gaps: yes
// description_zh: 面积低于标准的社区级(community_min 平方米)和小区级(compound_min 平方米)党群服务中心。
// description: Community centres under community_min m² and compound centres under compound_min m², with the territory they serve.
// param: community_min float = 500 | 社区中心面积下限 | Community centre minimum (m²)
// param: compound_min float = 300 | 小区中心面积下限 | Compound centre minimum (m²)
MATCH (sc:ServiceCentre)-[:SERVES]->(t)
WHERE (sc.level = 'community' AND sc.area_m2 < $community_min)
   OR (sc.level = 'compound' AND sc.area_m2 < $compound_min)
RETURN sc.id AS centre_id, sc.name AS centre, sc.level AS level, sc.area_m2 AS area_m2,
       CASE sc.level WHEN 'community' THEN $community_min ELSE $compound_min END AS standard_m2,
       t.id AS territory_id, t.name AS territory
ORDER BY area_m2, centre_id
