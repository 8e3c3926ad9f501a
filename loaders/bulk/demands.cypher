// name: demands
// title: 需求 | Demands: where raised, who took them, done and evaluated when (bulk: a fresh graph)
UNWIND $rows AS r
CREATE (n:Demand {id: r.id, title: r.title, kind: r.kind, raised_on: date(r.raised_on), channel: r.channel,
                  assigned_on: date(r.assigned_on), done_on: date(r.done_on), evaluation: r.evaluation,
                  evaluated_on: date(r.evaluated_on)})
WITH n, r
MATCH (c:Community {id: r.community_id})
CREATE (n)-[:RAISED_IN]->(c)
WITH n, r
OPTIONAL MATCH (o:Organization {id: r.assignee_org_id})
OPTIONAL MATCH (m:Member {id: r.assignee_member_id})
FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (n)-[:ASSIGNED_TO]->(o))
FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END | CREATE (n)-[:ASSIGNED_TO]->(m))
