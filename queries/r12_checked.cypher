// name: r12_checked
// title: R12 检查对象数 | R12: in-service members with a residence
// rule: R12
// param: as_of date = today | 截至日期 | As of
// by graph/model.py LIVES_IN only ends at a Household: no label check needed
MATCH (m:Member {kind: 'in_service'})-[l:LIVES_IN]->()
WHERE l.since <= date($as_of) AND (l.until IS NULL OR l.until >= date($as_of))
RETURN count(DISTINCT m) AS checked
