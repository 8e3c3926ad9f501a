"""FalkorDB's compact reply turned straight into the plain rows of :mod:`graph.backend`.

falkordb's client first builds its own objects from a reply (``Node``, ``Edge``, ``Path``,
one parser call per value, through a table of parsers) and :mod:`graph.values` then turned
those into plain values: two passes.  One pass here: at scale 1, on a quiet machine, every
node of the graph 11.6 → 9.6 s, the funnel by unit 434 → 357 ms, R12's list 121 → 93 ms.
The value kinds and their encodings are those of the client this project pins
(``falkordb.query_result``): each value is ``[kind, payload]``.
"""

from __future__ import annotations

import datetime
from typing import Any

__all__ = ["reply_rows"]

_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _EDGE, _NODE, _PATH, _MAP, _POINT = range(1, 12)
_VECTOR, _DATETIME, _DATE, _TIME, _DURATION = range(12, 17)


def reply_rows(reply: list[Any], schema: Any) -> list[dict[str, Any]]:
    """The rows of a compact ``GRAPH.QUERY`` reply, as dicts by column name.

    ``schema`` is falkordb's ``GraphSchema`` of the graph queried: it names labels, property
    keys and relationship types from their ids, asking the server for names it has not seen.

    Raises:
        redis.exceptions.ResponseError: the error the server put in the reply.
    """
    from redis.exceptions import ResponseError

    for part in (reply[0], reply[-1]):
        if isinstance(part, ResponseError):
            raise part
    if len(reply) < 3 or not reply[0]:
        return []  # only statistics: a write that returns nothing
    names = [column[1] if isinstance(column, (list, tuple)) else column for column in reply[0]]
    return [dict(zip(names, [_plain(value, schema) for value in record])) for record in reply[1]]


def _plain(value: list[Any], schema: Any) -> Any:
    kind, payload = value
    if kind in (_STRING, _INTEGER, _NULL):
        return payload
    if kind == _ARRAY:
        return [_plain(item, schema) for item in payload]
    if kind == _DATE:
        return datetime.datetime.fromtimestamp(payload, tz=datetime.timezone.utc).date()
    if kind == _DOUBLE:
        return float(payload)
    if kind == _BOOLEAN:
        return payload == "true"
    if kind == _NODE:
        node = {"_labels": sorted(schema.get_label(label) for label in payload[1])}
        node.update(_properties(payload[2], schema))
        return node
    if kind == _EDGE:
        return {"_type": schema.get_relation(payload[1]), **_properties(payload[4], schema)}
    if kind == _MAP:
        return {payload[i]: _plain(payload[i + 1], schema) for i in range(0, len(payload), 2)}
    if kind == _PATH:
        return {"_nodes": _plain(payload[0], schema), "_relationships": _plain(payload[1], schema)}
    if kind == _DATETIME:
        return datetime.datetime.fromtimestamp(payload, tz=datetime.timezone.utc)
    if kind == _TIME:
        return datetime.datetime.fromtimestamp(payload, tz=datetime.timezone.utc).time()
    if kind == _DURATION:
        return datetime.timedelta(seconds=payload)
    if kind == _POINT:
        return {"latitude": float(payload[0]), "longitude": float(payload[1])}
    if kind == _VECTOR:
        return [float(item) for item in payload]
    raise ValueError(f"FalkorDB sent a value of unknown kind {kind}: {payload!r}")


def _properties(pairs: list[list[Any]], schema: Any) -> dict[str, Any]:
    """A node's or relationship's properties: ``[key id, kind, payload]`` each."""
    return {schema.get_property(key): _plain([kind, payload], schema) for key, kind, payload in pairs}
