// name: members
// title: 党员 | Party members (personal data: sensitive) (bulk: a fresh graph)
UNWIND $rows AS r
CREATE (:Member {id: r.id, name: r.name, gender: r.gender, birth_date: date(r.birth_date), phone: r.phone,
                 id_number: r.id_number, kind: r.kind, status: r.status, joined_on: date(r.joined_on)})
