// name: projection_cobuilding
// title: 投影:共建网络 | Projection: the co-building network
// description: The edges of the co-building network: the two party organizations of each contract (via: the contract id), and each organization's report to a community (via: REPORTED_TO); each end with its id, label, name and kind. Read by the analytics.
CALL {
  MATCH (k:Contract)-[:LOCAL_PARTY]->(a:Organization), (k)-[:UNIT_PARTY]->(b:Organization)
  RETURN a, k.id AS via, b
  UNION
  MATCH (a:Organization)-[:REPORTED_TO]->(b:Community)
  RETURN a, 'REPORTED_TO' AS via, b
}
RETURN a.id AS source_id, model_label(a) AS source_label,
       a.name AS source_name, a.kind AS source_kind, via,
       b.id AS target_id, model_label(b) AS target_label,
       b.name AS target_name, b.kind AS target_kind
ORDER BY source_id, via, target_id
