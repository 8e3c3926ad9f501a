// name: r5_checked
// title: R5 检查对象数 | R5: compounds and units checked
// rule: R5
// two label counts, answered from the counts the databases keep, not a scan of every node
MATCH (c:Compound)
WITH count(c) AS compounds
MATCH (u:Unit)
WITH compounds, count(u) AS units
RETURN compounds + units AS checked
