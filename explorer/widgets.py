"""Pieces several pages share: place filters, downloads of a table, the drill-down into one entity."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explorer import data, export, netview
from explorer.i18n import column_label, frame, label_name, lang, t

__all__ = ["place_filters", "downloads", "drill_down", "properties", "chain_graph", "ENTITY_COLUMNS", "entity_of"]

# Columns that name the entity a gap row is about, most specific first.
ENTITY_COLUMNS = ("building_id", "compound_id", "place_id", "grid_id", "member_id", "demand_id",
                  "contract_id", "centre_id", "territory_id", "community_id", "street_id", "id")


def entity_of(row: dict) -> str | None:
    """The id of the entity a row is about (its most specific ``*_id`` column)."""
    return next((row[c] for c in ENTITY_COLUMNS if row.get(c)), None)


def place_filters(rows: list[dict], key: str) -> list[dict]:
    """Street and community filters drawn from the rows' own values; the rows that pass."""
    if not rows:
        return rows
    left, right = st.columns(2)
    if any(row.get("street") for row in rows):
        streets = sorted({row["street"] for row in rows if row.get("street")})
        chosen = left.multiselect(column_label("street"), streets, key=f"{key}_streets",
                                  placeholder=t("全部街道", "All streets"))
        if chosen:
            rows = [row for row in rows if row.get("street") in chosen]
    if any(row.get("community") for row in rows):
        communities = sorted({row["community"] for row in rows if row.get("community")})
        chosen = right.multiselect(column_label("community"), communities, key=f"{key}_communities",
                                   placeholder=t("全部社区", "All communities"))
        if chosen:
            rows = [row for row in rows if row.get("community") in chosen]
    return rows


def downloads(df: pd.DataFrame, name: str, key: str) -> None:
    """CSV and Excel downloads of ``df`` (formula cells neutralised)."""
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(t("下载 CSV", "Download CSV"), data=lambda: export.to_csv(df), file_name=f"{name}.csv",
                         mime="text/csv", key=f"{key}_csv", on_click="ignore", icon=":material/download:")
    right.download_button(t("下载 Excel", "Download Excel"), data=lambda: export.to_excel(df, name),
                          file_name=f"{name}.xlsx", key=f"{key}_xlsx", on_click="ignore",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/download:")


def drill_down(entity_id: str, key: str) -> None:
    """What an entity hangs on: its responsibility chain (as a path) and its direct neighbours."""
    st.markdown(f"**{t('下钻', 'Drill down')}: `{entity_id}`**")
    chain = data.try_query("responsibility_chain", {"id": entity_id})
    if chain is not None:
        if chain:
            st.caption(t("责任链", "Responsibility chain"))
            nodes, edges = chain_graph(chain)
            netview.draw(nodes, edges, key=f"{key}_chain", height=260, expandable=False, layout="breadthfirst")
            st.dataframe(frame(chain), hide_index=True, key=f"{key}_chain_table")
        else:
            st.caption(t("没有找到责任链。", "No responsibility chain found."))
    around = data.try_query("neighbourhood", {"id": entity_id, "depth": 1, "limit": 60})
    if around:
        st.caption(t("直接相连", "Directly linked"))
        nodes, edges = netview.graph_from_rows(around)
        netview.legend(nodes)
        netview.draw(nodes, edges, key=f"{key}_around", height=360, expandable=False)
        shown = [{"type": label_name(r.get("type")), "source_name": r.get("source_name"),
                  "target_name": r.get("target_name"), "target_label": label_name(r.get("target_label")),
                  "target_id": r.get("target_id")} for r in around]
        st.dataframe(frame(shown), hide_index=True, key=f"{key}_around_table")


def properties(node: dict) -> list[dict]:
    """A node's properties as rows of display name and value, coded values by their display names."""
    from graph.model import NODES, choice_label

    label = next((lab for lab in node.get("_labels", []) if lab in NODES), None)
    declared = {p.name: p for p in NODES[label].properties} if label else {}
    zh = lang() == "zh"
    rows = [{"name": t("类别", "Type"), "value": label_name(label) if label else ", ".join(node.get("_labels", []))}]
    for key, value in node.items():
        if key.startswith("_") or (label and NODES[label].is_derived(key)):
            continue
        prop = declared.get(key)
        if prop and prop.choices:
            value = ([choice_label(prop.choices, v, "zh" if zh else "en") for v in value] if isinstance(value, list)
                     else choice_label(prop.choices, value, "zh" if zh else "en"))
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        shown = "" if value is None else str(value)
        rows.append({"name": (prop.zh if zh else prop.en) if prop else key, "value": shown})
    return rows


def chain_graph(chain: list[dict]) -> tuple[dict[str, dict], list[tuple[str, str, str]]]:
    """A responsibility chain drawn as two paths: the territory up to the city (PART_OF) and the
    organizations above it (UNDER), each organization linked to the level it covers (COVERS).
    """
    territory = sorted((r for r in chain if r.get("chain") != "organization"), key=lambda r: r.get("step") or 0)
    organizations = sorted((r for r in chain if r.get("chain") == "organization"), key=lambda r: r.get("step") or 0)
    nodes: dict[str, dict] = {}
    for row in territory:
        nodes.setdefault(row["id"], {"label": row.get("level") or "", "name": row.get("name") or row["id"]})
    for row in organizations:
        label = "CentralHousehold" if row.get("kind") == "central_household" else "Organization"
        nodes.setdefault(row["id"], {"label": label, "name": row.get("name") or row["id"]})
    edges = [(a["id"], b["id"], "PART_OF") for a, b in zip(territory, territory[1:])]
    edges += [(a["id"], b["id"], "UNDER") for a, b in zip(organizations, organizations[1:])]
    by_level = {row.get("level"): row["id"] for row in territory}
    edges += [(row["id"], by_level[row["level"]], "COVERS") for row in organizations if row.get("level") in by_level]
    return nodes, edges
