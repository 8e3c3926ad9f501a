// name: members
// title: 党员 | Party members (personal data: sensitive)
UNWIND $rows AS r
MERGE (n:Member {id: r.id})
SET n.name = r.name, n.gender = r.gender, n.birth_date = date(r.birth_date), n.phone = r.phone,
    n.id_number = r.id_number, n.kind = r.kind, n.status = r.status, n.joined_on = date(r.joined_on)
