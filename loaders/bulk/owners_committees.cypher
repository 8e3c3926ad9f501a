// name: owners_committees
// title: 业主委员会 | Owners' committees of compounds (bulk: a fresh graph)
// One look-up per compound, not per row: the rows are grouped by compound_id first.
UNWIND $rows AS r
WITH r.compound_id AS parent_id, collect(r) AS rs
MATCH (p:Compound {id: parent_id})
UNWIND rs AS r
CREATE (:OwnersCommittee {id: r.id, name: r.name, founded: date(r.founded), term_end: date(r.term_end)})-[:OWNERS_COMMITTEE_OF]->(p)
