// name: rollup_write_communities
// title: 写入社区汇总 | Write each community's counts
// description: For loaders/rollups.py: its compounds, grids and households, the lists of graph.model.dated_count (dates as ISO text), and R12's list (rollups.not_reported_lists).
UNWIND $rows AS r
MATCH (cm:Community {id: r.community_id})
SET cm.compounds = r.compounds, cm.grids = r.grids, cm.households = r.households,
    cm.compounds_covered_dates = [day IN r.compounds_covered_dates | date(day)],
    cm.compounds_covered_counts = r.compounds_covered_counts,
    cm.compounds_effectively_covered_dates = [day IN r.compounds_effectively_covered_dates | date(day)],
    cm.compounds_effectively_covered_counts = r.compounds_effectively_covered_counts,
    cm.buildings_with_members_dates = [day IN r.buildings_with_members_dates | date(day)],
    cm.buildings_with_members_counts = r.buildings_with_members_counts,
    cm.buildings_with_group_dates = [day IN r.buildings_with_group_dates | date(day)],
    cm.buildings_with_group_counts = r.buildings_with_group_counts,
    cm.households_reached_dates = [day IN r.households_reached_dates | date(day)],
    cm.households_reached_counts = r.households_reached_counts,
    cm.grids_with_org_dates = [day IN r.grids_with_org_dates | date(day)],
    cm.grids_with_org_counts = r.grids_with_org_counts,
    cm.members_reporting_dates = [day IN r.members_reporting_dates | date(day)],
    cm.members_reporting_counts = r.members_reporting_counts,
    cm.organizations_reporting_dates = [day IN r.organizations_reporting_dates | date(day)],
    cm.organizations_reporting_counts = r.organizations_reporting_counts,
    cm.in_service_residents_dates = [day IN r.in_service_residents_dates | date(day)],
    cm.in_service_residents_counts = r.in_service_residents_counts,
    cm.in_service_not_reported_dates = [day IN r.in_service_not_reported_dates | date(day)],
    cm.in_service_not_reported_counts = r.in_service_not_reported_counts,
    cm.not_reported_members = r.not_reported_members, cm.not_reported_households = r.not_reported_households,
    cm.not_reported_first_days = r.not_reported_first_days, cm.not_reported_last_days = r.not_reported_last_days
