// Neo4j's text of r2_checked (same count; the header is the common file's).
// Each building is asked whether a member lives in it on the date, and the search stops at the first one
// (EXISTS): a few thousand short searches instead of a walk over every residence (scale 1: 126 -> 27 ms).
// FalkorDB has no EXISTS subquery and reads the common text.  Unlabelled below the building: by
// graph/model.py only a Household is PART_OF a Building, and LIVES_IN only starts at a Member.
MATCH (b:Building)
WHERE EXISTS { MATCH (b)<-[:PART_OF]-(h)<-[l:LIVES_IN]-()
               WHERE l.since <= date($as_of) AND (l.until IS NULL OR l.until >= date($as_of)) }
RETURN count(b) AS checked
