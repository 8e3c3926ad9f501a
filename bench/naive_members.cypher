// name: naive_members
// title: 逐行导入:党员 | Naive loader: one member per query
// description: What a py2neo-era script sends for each row of members.csv, in its own transaction.
MERGE (n:Member {id: $id})
SET n.name = $name, n.gender = $gender, n.birth_date = date($birth_date), n.phone = $phone,
    n.id_number = $id_number, n.kind = $kind, n.status = $status, n.joined_on = date($joined_on)
