// name: contract_profile
// title: 共建契约档案 | Contract profile
// description: One co-building contract, section by section: itself (starts, ends; value: problems solved), when it was signed, its two parties (local_party: the street or community organization; unit_party: the stationed unit's organization), the joint meetings held (by the date) in each month from its start to its end or the date (id: the month, value: meetings, zero included), and every visit up to the date (kind: direction; name: who visited; since: the day).
// param: id str | 契约编号 | Contract id
// param: as_of date = today | 截至日期 | As of
CALL {
  MATCH (k:Contract {id: $id})
  RETURN 1 AS seq, 'contract' AS section, k.id AS id, k.name AS name, NULL AS kind,
         k.starts_on AS since, k.ends_on AS until, k.problems_solved AS value
  UNION
  MATCH (k:Contract {id: $id})
  RETURN 2 AS seq, 'signed_on' AS section, k.id AS id, k.name AS name, NULL AS kind,
         k.signed_on AS since, NULL AS until, NULL AS value
  UNION
  MATCH (k:Contract {id: $id})-[r:LOCAL_PARTY|UNIT_PARTY]->(o:Organization)
  RETURN CASE type(r) WHEN 'LOCAL_PARTY' THEN 3 ELSE 4 END AS seq,
         CASE type(r) WHEN 'LOCAL_PARTY' THEN 'local_party' ELSE 'unit_party' END AS section,
         o.id AS id, o.name AS name, o.kind AS kind, NULL AS since, NULL AS until, NULL AS value
  UNION
  MATCH (k:Contract {id: $id})
  WHERE k.starts_on <= date($as_of)
  WITH k, CASE WHEN k.ends_on IS NOT NULL AND k.ends_on < date($as_of) THEN k.ends_on
               ELSE date($as_of) END AS last_day
  UNWIND range(k.starts_on.year * 12 + k.starts_on.month - 1, last_day.year * 12 + last_day.month - 1) AS month
  OPTIONAL MATCH (jm:JointMeeting)-[:MEETING_OF]->(k)
  WHERE jm.held_on.year * 12 + jm.held_on.month - 1 = month AND jm.held_on <= date($as_of)
  WITH month, count(jm) AS meetings
  RETURN 5 AS seq, 'meetings' AS section,
         toString(month / 12) + '-' + CASE WHEN month % 12 < 9 THEN '0' ELSE '' END + toString(month % 12 + 1) AS id,
         NULL AS name, NULL AS kind, NULL AS since, NULL AS until, meetings AS value
  UNION
  // v unlabelled, and its date tested after the match: by graph/model.py VISIT_OF only starts at a Visit,
  // and with the label and the test in the pattern FalkorDB began from every visit of the graph
  // (scale 10: 26 -> 1 ms)
  MATCH (k:Contract {id: $id})<-[:VISIT_OF]-(v)
  WITH v
  WHERE v.visited_on <= date($as_of)
  OPTIONAL MATCH (v)-[:VISIT_FROM]->(f:Organization)
  RETURN 6 AS seq, 'visit' AS section, v.id AS id, f.name AS name, v.direction AS kind,
         v.visited_on AS since, NULL AS until, NULL AS value
}
RETURN section, id, name, kind, since, until, value
ORDER BY seq, id, since
