"""Turn the neo4j driver's result values into the plain Python values of :mod:`graph.backend`.

(FalkorDB's replies become plain values in :mod:`graph.falkordb_reply`.)
"""

from __future__ import annotations

import datetime
from typing import Any

__all__ = ["plain_value"]


def plain_value(value: Any) -> Any:
    """Convert one value returned by the neo4j driver into plain Python.

    Example:
        >>> plain_value([1, "a", None])
        [1, 'a', None]
    """
    if value is None or isinstance(value, (str, bool, int, float, datetime.date)):
        return value
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    # neo4j.time.Date and friends
    to_native = getattr(value, "to_native", None)
    if callable(to_native):
        return to_native()
    # Nodes have .labels (a frozenset); relationships .type and .start_node; paths .relationships
    if hasattr(value, "labels"):
        return {"_labels": sorted(value.labels), **{k: plain_value(v) for k, v in value.items()}}
    if hasattr(value, "type") and hasattr(value, "start_node"):
        return {"_type": value.type, **{k: plain_value(v) for k, v in value.items()}}
    if hasattr(value, "relationships"):
        return {"_nodes": [plain_value(n) for n in value.nodes],
                "_relationships": [plain_value(r) for r in value.relationships]}
    return value
