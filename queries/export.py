"""Export the graph, or the neighbourhood of one node, as GraphML, GEXF or JSON (node-link).

The graph is read with the catalogue's projection queries (``projection_nodes``,
``projection_relationships`` and their ``projection_neighbourhood_*`` forms), built as a
networkx multigraph in memory and written with networkx's writers.

Every node keeps its labels — ``label`` is its label in the model (``Compound``, not
``Territory``), ``labels`` all of them joined with ``;`` — and all its properties but the
derived ones (the counts a load keeps on each building and community, :mod:`loaders.rollups`).  Every
relationship keeps its properties, with its type as ``label`` (and as ``type`` in GraphML
and JSON: GEXF reserves an edge's ``type`` for directed/undirected).  Dates are written
as ISO text; lists are joined with ``;`` in GraphML and GEXF, which have no list type.
Personal data — the properties the model marks sensitive: members' names, phones and ID
numbers, leaders' names — is masked unless ``show_personal`` is true.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.backend import Backend
from graph.model import NODES, SHARED_LABELS
from graph.privacy import mask_value
from queries.catalogue import run_query

__all__ = ["FORMATS", "ExportError", "export_graph"]

FORMATS = ("graphml", "gexf", "json")
MAX_DEPTH = 3

# label → names of its properties that are personal data
_SENSITIVE = {label: {p.name for p in node.properties if p.sensitive} for label, node in NODES.items()}


class ExportError(ValueError):
    """An export that cannot be made: unknown format, no such node, bad depth."""


def _model_label(labels: list[str]) -> str:
    own = [label for label in labels if label not in SHARED_LABELS]
    return own[0] if own else (labels[0] if labels else "")


def _value(value: Any, join_lists: bool) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        items = [_value(v, join_lists) for v in value]
        return ";".join(str(v) for v in items) if join_lists else items
    return value


def _node_attributes(node: dict[str, Any], join_lists: bool, show_personal: bool) -> dict[str, Any]:
    labels = sorted(node.get("_labels", []))
    label = _model_label(labels)
    hidden = set() if show_personal else _SENSITIVE.get(label, set())
    attributes: dict[str, Any] = {"label": label, "labels": ";".join(labels)}
    model = NODES.get(label)
    for key, value in sorted(node.items()):
        if key == "_labels" or value is None or (model and model.is_derived(key)):
            continue
        if key in hidden:
            value = mask_value(value, key if key in ("phone", "id_number") else "name")
        attributes[key] = _value(value, join_lists)
    return attributes


def _edge_attributes(relationship: dict[str, Any], fmt: str, join_lists: bool) -> dict[str, Any]:
    rel_type = relationship.get("_type")
    attributes: dict[str, Any] = {"label": rel_type}
    if fmt != "gexf":
        attributes["type"] = rel_type
    for key, value in sorted(relationship.items()):
        if key == "_type" or value is None:
            continue
        attributes[key] = _value(value, join_lists)
    return attributes


def _read(db: Backend, around: str | None, depth: int) -> tuple[list[dict], list[dict]]:
    if around is None:
        return run_query(db, "projection_nodes"), run_query(db, "projection_relationships")
    params = {"around": around, "depth": depth}
    nodes = run_query(db, "projection_neighbourhood_nodes", params)
    if not nodes:
        raise ExportError(f"no node with id {around!r} to export around")
    return nodes, run_query(db, "projection_neighbourhood_relationships", params)


def export_graph(db: Backend, fmt: str, out: Path, around: str | None = None, depth: int = 2,
                 show_personal: bool = False) -> dict[str, Any]:
    """Write the whole graph, or the nodes within ``depth`` hops of node ``around``, to ``out``.

    Args:
        db: the graph.
        fmt: ``graphml``, ``gexf`` or ``json`` (networkx node-link data, edges under ``edges``).
        out: the file to write (its folder is created).
        around: id of the centre node; ``None`` exports the whole graph.
        depth: hops around the centre, 0 to 3 (ignoring direction).
        show_personal: write members' names, phones and ID numbers unmasked.

    Returns:
        ``{"nodes": n, "relationships": m, "path": str(out)}``.

    Raises:
        ExportError: an unknown format, a depth outside 0–3, or no node with id ``around``.

    Example:
        >>> export_graph(db, "graphml", Path("dongfeng.graphml"))  # doctest: +SKIP
        {'nodes': 125, 'relationships': 212, 'path': 'dongfeng.graphml'}
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if around is not None and not 0 <= depth <= MAX_DEPTH:
        raise ExportError(f"depth must be 0 to {MAX_DEPTH}, got {depth}")
    node_rows, relationship_rows = _read(db, around, depth)
    join_lists = fmt != "json"
    graph = nx.MultiDiGraph()
    for row in node_rows:
        graph.add_node(row["id"], **_node_attributes(row["node"], join_lists, show_personal))
    for row in relationship_rows:
        graph.add_edge(row["source_id"], row["target_id"],
                       **_edge_attributes(row["relationship"], fmt, join_lists))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(graph, out, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(graph, out, encoding="utf-8")
    else:
        try:
            data = nx.node_link_data(graph, edges="edges")
        except TypeError:  # networkx before 3.4 names the key argument ``link``
            data = nx.node_link_data(graph, link="edges")
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return {"nodes": graph.number_of_nodes(), "relationships": graph.number_of_edges(), "path": str(out)}
