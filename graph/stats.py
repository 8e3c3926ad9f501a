"""Counts of nodes per model label and relationships per type."""

from __future__ import annotations

from graph.backend import Backend
from graph.model import NODES, RELATIONSHIPS

__all__ = ["graph_stats"]

# FalkorDB: one small statement per model label and per relationship type, built from the model
# (never from user text).  A count over one label or one type is answered from the counts FalkorDB
# keeps, without reading a node: 35 ms for the scale-1 demo, where counting labels(n) over every
# node took 3.2 s and a UNION ALL of these counts 13 s (it reads every node).
_NODE_COUNTS = {label: f"MATCH (n:{label}) RETURN count(n) AS count" for label in NODES}
_RELATIONSHIP_COUNTS = {kind: f"MATCH ()-[r:{kind}]->() RETURN count(r) AS count" for kind in RELATIONSHIPS}

# Neo4j: one statement, a COUNT subquery per label and type, each answered from its count store.
# Each read there is a transaction of its own, about 6 ms: the 51 statements above took 0.3 s, this 6 ms
# (scale 1, after its first run plans it).
_ALL_COUNTS_NEO4J = "RETURN " + ", ".join(
    [f"COUNT {{ (:{label}) }} AS node_{label}" for label in NODES]
    + [f"COUNT {{ ()-[:{kind}]->() }} AS relationship_{kind}" for kind in RELATIONSHIPS])


def _counts(db: Backend, statements: dict[str, str]) -> dict[str, int]:
    counted = {}
    for name, statement in statements.items():
        rows = db.read(statement)  # no rows: the embedded graph does not exist yet
        if rows and rows[0]["count"]:
            counted[name] = int(rows[0]["count"])
    return dict(sorted(counted.items()))


def _nonzero(counts: dict[str, int], names, prefix: str) -> dict[str, int]:
    return dict(sorted((name, int(counts[prefix + name])) for name in names if counts[prefix + name]))


def graph_stats(db: Backend) -> dict[str, dict[str, int]]:
    """``{"nodes": {label: count}, "relationships": {type: count}}``, sorted by name; zero counts left out.

    A node is counted under its model label (``Compound``), not its shared label
    (``Territory``).
    """
    if db.dialect.name == "neo4j":
        counts = db.read(_ALL_COUNTS_NEO4J)[0]
        return {"nodes": _nonzero(counts, NODES, "node_"),
                "relationships": _nonzero(counts, RELATIONSHIPS, "relationship_")}
    return {"nodes": _counts(db, _NODE_COUNTS), "relationships": _counts(db, _RELATIONSHIP_COUNTS)}
