// name: rollup_write_members
// title: 写入党员所属组织数 | Write what each member keeps of its organizations
// description: For loaders/rollups.py: the lists of graph.model.dated_count (dates as ISO text) and the day it is in one for good.
UNWIND $rows AS r
MATCH (m:Member {id: r.member_id})
SET m.organizations_dates = [day IN r.organizations_dates | date(day)],
    m.organizations_counts = r.organizations_counts, m.organizations_settled_day = r.organizations_settled_day
