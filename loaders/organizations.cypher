// name: organizations
// title: 党组织 | Party organizations, their parent and their unit
// The parent may come later in the file, so it is merged by id and filled when its row arrives.
UNWIND $rows AS r
MERGE (n:Organization {id: r.id})
SET n.name = r.name, n.kind = r.kind, n.founded = date(r.founded), n.field = r.field,
    n.last_met_on = date(r.last_met_on)
FOREACH (_ IN CASE WHEN r.parent_id IS NULL THEN [] ELSE [1] END |
  MERGE (p:Organization {id: r.parent_id})
  MERGE (n)-[:UNDER]->(p))
WITH n, r
OPTIONAL MATCH (u:Unit {id: r.unit_id})
FOREACH (_ IN CASE WHEN u IS NULL THEN [] ELSE [1] END | MERGE (n)-[:PARTY_ORG_OF]->(u))
