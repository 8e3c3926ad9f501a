// name: r12_gaps
// title: 各社区 R12 缺口数 | R12: rows of the list of members not reported, per community
// rule: R12
// gaps: count
// description_zh: 截至该日,每个社区中在职党员未向本社区报到的居住地条数,即“未到居住地社区报到的在职党员”列表在该社区的行数(只列出有缺口的社区);由每次导入时在社区上保存的计数得出。
// description: Per community with any, how many rows r12_members_not_reported lists in it on the date (in-service members' residences there whose member has not reported to it), read from the counts each load keeps on the communities. The rule table and the overview's worst communities read it instead of running the list.
// param: as_of date = today | 截至日期 | As of
// Listing the 1,500 members took 0.55-0.9 s at scale 1 on either database, the slowest of the overview's reads.
MATCH (cm:Community)
WITH cm, count_on(cm, in_service_not_reported, date($as_of)) AS gaps
WHERE gaps > 0
OPTIONAL MATCH (cm)-[:PART_OF]->(s:Street)
RETURN s.id AS street_id, s.name AS street, cm.id AS community_id, cm.name AS community, gaps
ORDER BY community_id
