"""The differences between Neo4j's Cypher and FalkorDB's, handled here and nowhere else.

Query files are written in the common subset of both.  Where the two differ, a query
uses one of the macros below, which each dialect expands:

* ``days_since_epoch(x)`` — the day number of the date ``x`` (1970-01-01 is 0), so that
  ``days_since_epoch(b) - days_since_epoch(a)`` is the days between two dates.
  FalkorDB has no date subtraction and no ``duration.between``; the expansion is the
  day count from ``x.year`` and ``x.ordinalDay``.
* ``node_with_id(x, $param)`` — inside ``CALL { … }``: the node of any model label whose
  ``id`` is ``$param``, found through each label's id index (a ``UNION`` over the labels of
  :mod:`graph.model`).  ``MATCH (x {id: $param})`` without a label reads every node instead:
  ~100 ms at scale 1 on either database, against ~1 ms.
* ``node_named(x, $param)`` — inside ``CALL { … }``: every node of a model label whose name
  (a demand's title) contains ``$param`` or whose ``id`` is ``$param``, a ``UNION`` over the
  labels: a name scan (through the text index on Neo4j) and an id index look-up each,
  instead of reading every node's properties (scale 1, p95: Neo4j 433 -> 59 ms, FalkorDB
  138 -> 100 ms; scale 10 on Neo4j: 2.4 s -> 84 ms).
* ``count_on(x, name, day)`` — a count the loader keeps on the node ``x`` for any date
  (:func:`graph.model.dated_count`: the lists ``x.name_dates`` and ``x.name_counts``), read for
  the date ``day``; 0 where the node has none.  A query that asks, say, which buildings have
  members living in them on a date reads one property per building instead of walking every
  residence (scale 1, whole city: 63 to 247 ms before, on either database).
* ``model_label(x)`` — the node's label in the model, not a shared one (``Territory``, ``Unit``).
* ``shown_name(x)`` — what names the node on screen: its name, a demand's title, a meeting's
  topic, else its id.
* ``seek_by_id(x, Label)`` — after a ``MATCH`` that finds ``(x:Label {id: …})``: on Neo4j the
  hint ``USING INDEX SEEK x:Label(id)``, so the id is always sought in the index.  A plan made
  on other statistics (in a test session, after tests on empty graphs) otherwise read the whole
  index and filtered it for every row: R12's list ran for minutes that way at scale 1, and the
  plain ``USING INDEX`` hint was met by that scan too.  FalkorDB has no hints and always seeks:
  nothing.
* ``in_degree(x, TYPE)`` — how many ``TYPE`` relationships end at the node ``x``, read
  from the node's degree without expanding them: ``COUNT { (x)<-[:TYPE]-() }`` on Neo4j,
  ``indegree(x, 'TYPE')`` on FalkorDB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Dialect", "NEO4J", "FALKORDB"]

_DAYS = re.compile(r"days_since_epoch\(((?:[^()]|\([^()]*\))*)\)")
_NODE_WITH_ID = re.compile(r"node_with_id\((\w+), (\$\w+)\)")
_NODE_NAMED = re.compile(r"node_named\((\w+), (\$\w+)\)")
_COUNT_ON = re.compile(r"count_on\((\w+), (\w+), ([\w$]+(?:\([\w$]*\))?)\)")
_MODEL_LABEL = re.compile(r"model_label\((\w+)\)")
_SHOWN_NAME = re.compile(r"shown_name\((\w+)\)")
_IN_DEGREE = re.compile(r"in_degree\((\w+), ([A-Z_]+)\)")
_SEEK_BY_ID = re.compile(r"seek_by_id\((\w+), (\w+)\)")

# Days from 1970-01-01 to the date: 365 a year, one more for each leap year before it (the
# Gregorian count of leap years up to year y - 1, less the 477 up to 1969), and the day of the year.
# Integer division throughout; read from the year and ordinalDay, two reads instead of nine.
_FALKOR_DAYS = (
    "(({y} - 1970) * 365 + ({y} - 1) / 4 - ({y} - 1) / 100 + ({y} - 1) / 400 - 477 + {o} - 1)"
)


@dataclass(frozen=True)
class Dialect:
    """One database's flavour of Cypher.

    Attributes:
        name: ``neo4j`` or ``falkordb``; also the suffix of a query's dialect variant file.
        has_ddl_if_not_exists: ``CREATE … IF NOT EXISTS`` is accepted.
        has_fulltext: a full-text name index can be created.
    """

    name: str
    has_ddl_if_not_exists: bool
    has_fulltext: bool

    def expand(self, cypher: str) -> str:
        """Expand the macros in ``cypher`` for this database.

        Example:
            >>> NEO4J.expand("RETURN days_since_epoch(d)")
            "RETURN duration.inDays(date('1970-01-01'), d).days"
        """
        cypher = _NODE_WITH_ID.sub(_node_with_id, cypher)
        cypher = _NODE_NAMED.sub(_node_named, cypher)
        cypher = _COUNT_ON.sub(_count_on, cypher)
        cypher = _MODEL_LABEL.sub(_model_label, cypher)
        cypher = _SHOWN_NAME.sub(_shown_name, cypher)
        if self.name == "neo4j":
            cypher = _SEEK_BY_ID.sub(lambda m: f"USING INDEX SEEK {m.group(1)}:{m.group(2)}(id)", cypher)
            cypher = _IN_DEGREE.sub(lambda m: f"COUNT {{ ({m.group(1)})<-[:{m.group(2)}]-() }}", cypher)
            return _DAYS.sub(lambda m: f"duration.inDays(date('1970-01-01'), {m.group(1)}).days", cypher)
        cypher = _SEEK_BY_ID.sub("", cypher)
        cypher = _IN_DEGREE.sub(lambda m: f"indegree({m.group(1)}, '{m.group(2)}')", cypher)

        def falkor_days(match: re.Match[str]) -> str:
            expr = f"({match.group(1)})"
            return _FALKOR_DAYS.format(y=f"{expr}.year", o=f"{expr}.ordinalDay")

        return _DAYS.sub(falkor_days, cypher)


def _node_with_id(match: re.Match[str]) -> str:
    from graph.model import NODES

    variable, parameter = match.group(1), match.group(2)
    return " UNION ".join(f"MATCH ({variable}:{label} {{id: {parameter}}}) RETURN {variable}" for label in NODES)


def _node_named(match: re.Match[str]) -> str:
    from graph.model import NODE_TYPES

    variable, parameter = match.group(1), match.group(2)
    branches = []
    for node in NODE_TYPES:
        name = node.name_property()
        if name:
            branches.append(f"MATCH ({variable}:{node.label}) WHERE {variable}.{name} CONTAINS {parameter} "
                            f"RETURN {variable}")
        branches.append(f"MATCH ({variable}:{node.label} {{id: {parameter}}}) RETURN {variable}")
    return " UNION ".join(branches)


def _count_on(match: re.Match[str]) -> str:
    node, name, day = match.group(1), match.group(2), match.group(3)
    return f"coalesce({node}.{name}_counts[size([changed IN {node}.{name}_dates WHERE changed <= {day}])], 0)"


def _model_label(match: re.Match[str]) -> str:
    from graph.model import SHARED_LABELS

    listed = ", ".join(f"'{label}'" for label in SHARED_LABELS)
    return f"[l IN labels({match.group(1)}) WHERE NOT l IN [{listed}]][0]"


def _shown_name(match: re.Match[str]) -> str:
    variable = match.group(1)
    return f"coalesce({variable}.name, {variable}.title, {variable}.topic, {variable}.id)"


NEO4J = Dialect("neo4j", has_ddl_if_not_exists=True, has_fulltext=True)
FALKORDB = Dialect("falkordb", has_ddl_if_not_exists=False, has_fulltext=True)
