// name: owners_committees
// title: 业主委员会 | Owners' committees of compounds
UNWIND $rows AS r
MERGE (n:OwnersCommittee {id: r.id})
SET n.name = r.name, n.founded = date(r.founded), n.term_end = date(r.term_end)
WITH n, r
MATCH (p:Compound {id: r.compound_id})
MERGE (n)-[:OWNERS_COMMITTEE_OF]->(p)
