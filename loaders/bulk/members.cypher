// name: members
// title: 党员 | Party members (personal data: sensitive) (bulk: a fresh graph)
// organizations_*: what the member keeps of its memberships (loaders/rollups.py with_organization_counts).
UNWIND $rows AS r
CREATE (:Member {id: r.id, name: r.name, gender: r.gender, birth_date: date(r.birth_date), phone: r.phone,
                 id_number: r.id_number, kind: r.kind, status: r.status, joined_on: date(r.joined_on),
                 organizations_dates: [day IN r.organizations_dates | date(day)],
                 organizations_counts: r.organizations_counts, organizations_settled_day: r.organizations_settled_day})
