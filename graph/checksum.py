"""A checksum of a whole graph — every node's labels and properties, every relationship's
type, ends and properties — that is the same on both backends for the same data.

Tests use it to prove that bad input, a killed load or a refused write left the graph
exactly as it was, and that the two databases hold the same graph after the same load.
Values are put in one canonical form before hashing: dates as ISO text, whole numbers
the same whether a database returns them as ``int`` or ``float``, other floats to 12
significant digits, lists in their order, maps and rows sorted.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

from graph.backend import Backend
from graph.model import NODES
from graph.statements import read_statements

__all__ = ["graph_checksum", "graph_snapshot", "checksum_of", "node_row", "relationship_row", "canonical"]

_STATEMENTS = read_statements(Path(__file__).parent)


def canonical(value: Any) -> Any:
    """One value in the form both backends agree on, ready for JSON.

    Example:
        >>> canonical(520.0) == canonical(520), canonical(datetime.date(2021, 6, 30))
        (True, ['date', '2021-06-30'])
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return ["num", str(value)]
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ["num", repr(value)]
        if value.is_integer() and abs(value) < 1e15:
            return ["num", str(int(value))]
        return ["num", format(value, ".12g")]
    if isinstance(value, datetime.datetime):
        return ["datetime", value.isoformat()]
    if isinstance(value, datetime.date):
        return ["date", value.isoformat()]
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in sorted(value.items())}
    return ["other", str(value)]


def _properties(properties: dict[str, Any] | None) -> dict[str, Any]:
    # A property set to null does not exist in either database; drop any that slips through.
    return {k: canonical(v) for k, v in sorted((properties or {}).items()) if v is not None}


def node_row(labels: Iterable[str], properties: dict[str, Any] | None) -> str:
    """The canonical text of one node."""
    return json.dumps(["node", sorted(labels), _properties(properties)], ensure_ascii=False, sort_keys=True)


def relationship_row(rel_type: str, start_id: Any, end_id: Any, properties: dict[str, Any] | None) -> str:
    """The canonical text of one relationship, its ends named by their ``id`` property."""
    return json.dumps(["rel", rel_type, canonical(start_id), canonical(end_id), _properties(properties)],
                      ensure_ascii=False, sort_keys=True)


def checksum_of(rows: Iterable[str]) -> str:
    """sha256 of canonical rows (from :func:`node_row` / :func:`relationship_row`) in sorted order.

    The same multiset of rows gives the same checksum, whatever order they come in.
    """
    digest = hashlib.sha256()
    for row in sorted(rows):
        digest.update(row.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def graph_snapshot(db: Backend, label: str | None = None, rel_type: str | None = None,
                   derived: bool = True) -> list[str]:
    """Every node and relationship of the graph as canonical rows, sorted (for diffs in tests).

    Args:
        db: the graph.
        label: only nodes with this label (default: every node).
        rel_type: only relationships of this type (default: every relationship).
        derived: keep the derived properties (the counts a load keeps on buildings and communities); without
            them, the rows are only what was loaded.
    """
    nodes = db.read(_STATEMENTS["checksum_nodes"].text, {"label_filter": label})
    rels = db.read(_STATEMENTS["checksum_relationships"].text, {"type_filter": rel_type})
    if not derived:
        nodes = [{"labels": r["labels"], "properties": _loaded_only(r["labels"], r["properties"])} for r in nodes]
    rows = [node_row(r["labels"], r["properties"]) for r in nodes]
    rows += [relationship_row(r["type"], r["start_id"], r["end_id"], r["properties"]) for r in rels]
    return sorted(rows)


def graph_checksum(db: Backend, label: str | None = None, rel_type: str | None = None,
                   derived: bool = True) -> str:
    """sha256 over every node (labels, properties) and relationship (type, start id, end id,
    properties) of the graph; the same data gives the same checksum on either backend.
    ``derived``: as in :func:`graph_snapshot`.

    Example:
        >>> graph_checksum(db)  # doctest: +SKIP
        '3f1c…'
    """
    return checksum_of(graph_snapshot(db, label, rel_type, derived))


def _loaded_only(labels: Iterable[str], properties: dict[str, Any] | None) -> dict[str, Any]:
    models = [NODES[label] for label in labels if label in NODES]
    return {k: v for k, v in (properties or {}).items() if not any(m.is_derived(k) for m in models)}
