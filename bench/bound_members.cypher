// name: bound_members
// title: 上限:党员 | Bound: members created, no MERGE
UNWIND $rows AS r
CREATE (:Member {id: r.id, name: r.name, gender: r.gender, birth_date: date(r.birth_date), phone: r.phone,
                 id_number: r.id_number, kind: r.kind, status: r.status, joined_on: date(r.joined_on)})
