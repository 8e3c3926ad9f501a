// name: demands
// title: 需求 | Demands: where raised, who took them, done and evaluated when
UNWIND $rows AS r
MERGE (n:Demand {id: r.id})
SET n.title = r.title, n.kind = r.kind, n.raised_on = date(r.raised_on), n.channel = r.channel,
    n.assigned_on = date(r.assigned_on), n.done_on = date(r.done_on), n.evaluation = r.evaluation,
    n.evaluated_on = date(r.evaluated_on)
WITH n, r
MATCH (c:Community {id: r.community_id})
MERGE (n)-[:RAISED_IN]->(c)
WITH n, r
OPTIONAL MATCH (o:Organization {id: r.assignee_org_id})
OPTIONAL MATCH (m:Member {id: r.assignee_member_id})
FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | MERGE (n)-[:ASSIGNED_TO]->(o))
FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END | MERGE (n)-[:ASSIGNED_TO]->(m))
