// name: rollup_write_buildings
// title: 写入楼栋汇总 | Write each building's dated counts
// description: For loaders/rollups.py: the lists of graph.model.dated_count, dates as ISO text.
UNWIND $rows AS r
MATCH (b:Building {id: r.building_id})
SET b.residents_dates = [day IN r.residents_dates | date(day)], b.residents_counts = r.residents_counts,
    b.households_reached_dates = [day IN r.households_reached_dates | date(day)],
    b.households_reached_counts = r.households_reached_counts,
    b.groups_dates = [day IN r.groups_dates | date(day)], b.groups_counts = r.groups_counts
