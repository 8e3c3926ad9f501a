// name: headline_figures
// title: 头条数字 | Headline figures of the seed
// description: The seed's headline figures counted from the graph: streets, communities, grids, compounds and how many are covered, branches, property branches, no-property compounds, new-field organizations, pocket and floating members, reporting unit branches and members, service centres, joint-meeting units.
// param: as_of date = today | 截至日期 | As of
CALL { MATCH (n:Street) RETURN count(n) AS streets }
CALL { MATCH (n:Community) RETURN count(n) AS communities }
CALL { MATCH (n:Grid) RETURN count(n) AS grids }
CALL { MATCH (n:Compound) RETURN count(n) AS compounds }
CALL {
  MATCH (c:Compound)<-[cov:COVERS]-(b:Organization)
  WHERE b.kind IN ['compound_branch', 'joint_branch']
    AND cov.since <= date($as_of) AND (cov.until IS NULL OR cov.until >= date($as_of))
  RETURN count(DISTINCT c) AS compounds_covered }
CALL { MATCH (o:Organization) WHERE o.kind IN ['compound_branch', 'joint_branch'] RETURN count(o) AS compound_branches }
CALL { MATCH (o:Organization {kind: 'property_branch'}) RETURN count(o) AS property_branches }
CALL { MATCH (c:Compound {no_property: true}) RETURN count(c) AS no_property_compounds }
CALL { MATCH (o:Organization {kind: 'new_field_org'}) RETURN count(o) AS new_field_orgs }
CALL { MATCH (m:Member) WHERE m.kind IN ['pocket', 'floating'] RETURN count(m) AS pocket_or_floating_members }
CALL {
  MATCH (o:Organization)-[r:REPORTED_TO]->(:Community)
  WHERE r.since <= date($as_of) AND (r.until IS NULL OR r.until >= date($as_of))
  RETURN count(DISTINCT o) AS reporting_unit_branches }
CALL {
  MATCH (m:Member)-[r:REPORTED_TO]->(:Community)
  WHERE r.since <= date($as_of) AND (r.until IS NULL OR r.until >= date($as_of))
  RETURN count(DISTINCT m) AS reporting_members }
CALL { MATCH (n:ServiceCentre) RETURN count(n) AS service_centres }
CALL { MATCH (n:JointMeetingUnit) RETURN count(n) AS joint_meeting_units }
RETURN streets, communities, grids, compounds, compounds_covered, compound_branches, property_branches,
       no_property_compounds, new_field_orgs, pocket_or_floating_members, reporting_unit_branches,
       reporting_members, service_centres, joint_meeting_units
