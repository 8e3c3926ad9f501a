"""Counts of nodes per model label and relationships per type."""

from __future__ import annotations

from pathlib import Path

from graph.backend import Backend
from graph.model import NODES
from graph.statements import read_statements

__all__ = ["graph_stats"]

_STATEMENTS = read_statements(Path(__file__).parent)


def graph_stats(db: Backend) -> dict[str, dict[str, int]]:
    """``{"nodes": {label: count}, "relationships": {type: count}}``, sorted by name.

    A node is counted under its model label (``Compound``), not its shared label
    (``Territory``).
    """
    nodes: dict[str, int] = {}
    for row in db.read(_STATEMENTS["stats_nodes"].text):
        label = next((lab for lab in row["labels"] if lab in NODES), None)
        if label:
            nodes[label] = nodes.get(label, 0) + int(row["count"])
    rels = {row["type"]: int(row["count"]) for row in db.read(_STATEMENTS["stats_relationships"].text)}
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}
