"""Counts of nodes per model label and relationships per type."""

from __future__ import annotations

from graph.backend import Backend
from graph.model import NODES, RELATIONSHIPS

__all__ = ["graph_stats"]

# One small statement per model label and per relationship type, built from the model (never
# from user text).  A count over one label or one type is answered from the counts both Neo4j
# and FalkorDB keep, without reading a node: 35 ms for the scale-1 demo on the embedded backend,
# where counting labels(n) over every node took 3.2 s (and a UNION ALL of these counts, 5.8 s).
_NODE_COUNTS = {label: f"MATCH (n:{label}) RETURN count(n) AS count" for label in NODES}
_RELATIONSHIP_COUNTS = {kind: f"MATCH ()-[r:{kind}]->() RETURN count(r) AS count" for kind in RELATIONSHIPS}


def _counts(db: Backend, statements: dict[str, str]) -> dict[str, int]:
    counted = {}
    for name, statement in statements.items():
        rows = db.read(statement)  # no rows: the embedded graph does not exist yet
        if rows and rows[0]["count"]:
            counted[name] = int(rows[0]["count"])
    return dict(sorted(counted.items()))


def graph_stats(db: Backend) -> dict[str, dict[str, int]]:
    """``{"nodes": {label: count}, "relationships": {type: count}}``, sorted by name; zero counts left out.

    A node is counted under its model label (``Compound``), not its shared label
    (``Territory``).
    """
    return {"nodes": _counts(db, _NODE_COUNTS), "relationships": _counts(db, _RELATIONSHIP_COUNTS)}
