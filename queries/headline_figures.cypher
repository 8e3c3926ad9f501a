// name: headline_figures
// title: 头条数字 | Headline figures of the seed
// description: The seed's headline figures counted from the graph: streets, communities, grids, compounds and how many are covered, branches, property branches, no-property compounds, new-field organizations, pocket and floating members, reporting unit branches and members, service centres, joint-meeting units.
// param: as_of date = today | 截至日期 | As of
CALL { MATCH (n:Street) RETURN count(n) AS streets }
CALL { MATCH (n:Community) RETURN count(n) AS communities }
CALL { MATCH (n:Grid) RETURN count(n) AS grids }
CALL { MATCH (n:Compound) RETURN count(n) AS compounds }
// The dated figures add up the counts each load keeps on the communities (loaders/rollups.py, which
// counts a member reporting to two communities on a day in one): matching the 28,500 members' reports
// for the date took 90 ms of the query's 120 at scale 1, on either database.  toInteger: FalkorDB's sum is a float.
CALL {
  MATCH (cm:Community)
  RETURN toInteger(sum(count_on(cm, compounds_covered, date($as_of)))) AS compounds_covered,
         toInteger(sum(count_on(cm, organizations_reporting, date($as_of)))) AS reporting_unit_branches,
         toInteger(sum(count_on(cm, members_reporting, date($as_of)))) AS reporting_members }
CALL { MATCH (o:Organization) WHERE o.kind IN ['compound_branch', 'joint_branch'] RETURN count(o) AS compound_branches }
CALL { MATCH (o:Organization {kind: 'property_branch'}) RETURN count(o) AS property_branches }
CALL { MATCH (c:Compound {no_property: true}) RETURN count(c) AS no_property_compounds }
CALL { MATCH (o:Organization {kind: 'new_field_org'}) RETURN count(o) AS new_field_orgs }
CALL { MATCH (m:Member) WHERE m.kind IN ['pocket', 'floating'] RETURN count(m) AS pocket_or_floating_members }
CALL { MATCH (n:ServiceCentre) RETURN count(n) AS service_centres }
CALL { MATCH (n:JointMeetingUnit) RETURN count(n) AS joint_meeting_units }
RETURN streets, communities, grids, compounds, compounds_covered, compound_branches, property_branches,
       no_property_compounds, new_field_orgs, pocket_or_floating_members, reporting_unit_branches,
       reporting_members, service_centres, joint_meeting_units
