"""Drawing a piece of the network: an interactive graph (st-link-analysis) or, without it, a static one.

A drawn graph is ``nodes`` ({id: {"label": node label, "name": shown name}}) and ``edges``
([(source id, target id, relationship type)]), coloured by node label.
"""

from __future__ import annotations

import html
from typing import Any

import streamlit as st

from explorer.i18n import label_name, t
from graph.model import NODE_TYPES

__all__ = ["COLOURS", "INTERACTIVE", "draw", "graph_from_rows", "legend"]

try:  # the interactive component is optional: without it the page draws a static graph
    from st_link_analysis import EdgeStyle, Event, NodeStyle, st_link_analysis

    INTERACTIVE = True
except ImportError:  # pragma: no cover - depends on the installation
    INTERACTIVE = False

_PALETTE = (
    "#c0392b", "#e67e22", "#f1c40f", "#27ae60", "#16a085", "#2980b9", "#8e44ad", "#2c3e50",
    "#d35400", "#7f8c8d", "#e84393", "#00b894", "#0984e3", "#6c5ce7", "#fdcb6e", "#e17055",
    "#00cec9", "#636e72", "#a29bfe", "#55efc4", "#fab1a0", "#74b9ff", "#b33939", "#218c74", "#cd6133",
)
COLOURS: dict[str, str] = {node.label: _PALETTE[i % len(_PALETTE)] for i, node in enumerate(NODE_TYPES)}


def graph_from_rows(rows: list[dict]) -> tuple[dict[str, dict], list[tuple[str, str, str]]]:
    """Nodes and edges found in result rows: ``source_*``/``target_*`` columns, ``*_id``/``*_label``
    column pairs, or node values (``{"_labels": …}``) and relationships between consecutive ones.
    """
    nodes: dict[str, dict] = {}
    edges: list[tuple[str, str, str]] = []
    for row in rows:
        if "source_id" in row and "target_id" in row:
            for side in ("source", "target"):
                if row.get(f"{side}_id") is not None:
                    nodes.setdefault(row[f"{side}_id"], {"label": row.get(f"{side}_label") or "",
                                                         "name": row.get(f"{side}_name") or row[f"{side}_id"]})
            if row.get("source_id") is not None and row.get("target_id") is not None:
                edges.append((row["source_id"], row["target_id"], row.get("type") or ""))
            continue
        if "id" in row and "label" in row and row.get("id") is not None:
            nodes.setdefault(row["id"], {"label": row.get("label") or "", "name": row.get("name") or row["id"]})
        for key, value in row.items():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict) and "_labels" in item and item.get("id") is not None:
                    label = next((lab for lab in item["_labels"] if lab in COLOURS), (item["_labels"] or [""])[0])
                    nodes.setdefault(item["id"], {"label": label,
                                                  "name": item.get("name") or item.get("title") or item["id"]})
    return nodes, edges


def legend(nodes: dict[str, dict]) -> None:
    """One chip in its colour per node label present."""
    labels = sorted({n["label"] for n in nodes.values() if n.get("label")})
    chips = [f'<span style="background:{COLOURS.get(label, "#999999")};color:white;padding:1px 6px;'
             f'border-radius:4px;margin-right:4px">{html.escape(label_name(label))}</span>' for label in labels]
    if chips:
        st.markdown(" ".join(chips), unsafe_allow_html=True)


def draw(nodes: dict[str, dict], edges: list[tuple[str, str, str]], key: str, height: int = 520,
         expandable: bool = True, layout: str = "cose") -> dict[str, Any] | None:
    """Draw the graph; return the last click or expand request (interactive mode) or None.

    Returns:
        ``{"action": "clicked" | "expand", "ids": [...], "timestamp": …}`` or None.
    """
    if not nodes:
        return None
    if INTERACTIVE:
        return _draw_interactive(nodes, edges, key, height, expandable, layout)
    _draw_static(nodes, edges)
    return None


def _draw_interactive(nodes, edges, key, height, expandable, layout) -> dict[str, Any] | None:
    elements = {
        "nodes": [{"data": {"id": node_id, "label": n["label"] or "Node", "name": str(n["name"]),
                            "type": label_name(n["label"])}} for node_id, n in nodes.items()],
        "edges": [{"data": {"id": f"{s}|{rel}|{tgt}", "source": s, "target": tgt, "label": rel or "LINK",
                            "name": label_name(rel)}}
                  for s, tgt, rel in dict.fromkeys(edges) if s in nodes and tgt in nodes],
    }
    node_styles = [NodeStyle(label, colour, "name") for label, colour in COLOURS.items()]
    node_styles.append(NodeStyle("Node", "#999999", "name"))
    rel_types = sorted({e["data"]["label"] for e in elements["edges"]})
    edge_styles = [EdgeStyle(rel, caption="name", labeled=None, directed=True) for rel in rel_types]
    event = st_link_analysis(elements, layout=layout, node_styles=node_styles, edge_styles=edge_styles,
                             height=height, key=key, node_actions=["expand"] if expandable else [],
                             events=[Event("clicked", "click tap", "node")])
    if not isinstance(event, dict) or "action" not in event:
        return None
    data = event.get("data") or {}
    ids = data.get("node_ids") or ([data["target_id"]] if data.get("target_id") else [])
    return {"action": event["action"], "ids": ids, "timestamp": event.get("timestamp")}


def _dot_text(text: str) -> str:
    return str(text).replace("\\", "\\\\").replace('"', '\\"')


def _draw_static(nodes, edges) -> None:
    lines = ["digraph G {", 'graph [rankdir=LR, overlap=false]; node [style=filled, fontcolor=white];']
    for node_id, n in nodes.items():
        lines.append(f'"{_dot_text(node_id)}" [label="{_dot_text(n["name"])}", '
                     f'fillcolor="{COLOURS.get(n["label"], "#999999")}"];')
    for s, tgt, rel in dict.fromkeys(edges):
        if s in nodes and tgt in nodes:
            lines.append(f'"{_dot_text(s)}" -> "{_dot_text(tgt)}" [label="{_dot_text(label_name(rel))}"];')
    lines.append("}")
    st.graphviz_chart("\n".join(lines))
    st.caption(t("静态图:点击节点不可用,请用下方的选择框查看或展开节点。",
                 "Static drawing: choose a node in the box below to see or expand it."))
