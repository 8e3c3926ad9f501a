"""Turn each driver's result values into the plain Python values of :mod:`graph.backend`."""

from __future__ import annotations

import datetime
from typing import Any

__all__ = ["plain_value"]


def plain_value(value: Any) -> Any:
    """Convert one value returned by the neo4j driver or falkordb-py into plain Python.

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
    # Nodes: neo4j Node has .labels (frozenset) and items(); falkordb Node has .labels and .properties.
    if hasattr(value, "labels"):
        props = value.properties if hasattr(value, "properties") else dict(value.items())
        return {"_labels": sorted(value.labels or []), **{k: plain_value(v) for k, v in props.items()}}
    # Relationships: neo4j has .type, falkordb Edge has .relation.
    if hasattr(value, "relation") or (hasattr(value, "type") and hasattr(value, "start_node")):
        rel_type = getattr(value, "relation", None) or value.type
        props = value.properties if hasattr(value, "properties") else dict(value.items())
        return {"_type": rel_type, **{k: plain_value(v) for k, v in props.items()}}
    # Paths: neo4j Path has .nodes/.relationships attributes, falkordb Path has nodes()/edges().
    if hasattr(value, "relationships") or hasattr(value, "edges"):
        nodes = value.nodes() if callable(value.nodes) else value.nodes
        rels = value.edges() if hasattr(value, "edges") else value.relationships
        return {"_nodes": [plain_value(n) for n in nodes], "_relationships": [plain_value(r) for r in rels]}
    return value
