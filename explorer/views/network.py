"""关系网络 Network: find an entity, draw what surrounds it, click a node to see it, expand it, download the drawing."""

import streamlit as st

from explorer import data, export, netview, widgets
from explorer.i18n import frame, label_name, t
from graph.model import TERRITORY_LEVELS

st.title(t("关系网络", "Network"))
state = st.session_state
state.setdefault("net_nodes", {})   # id -> {"label", "name"} (names unmasked; masked when drawn)
state.setdefault("net_edges", [])   # (source id, target id, relationship type)


def add_rows(rows: list[dict], cap: int) -> int:
    """Add neighbourhood rows to the drawing, up to ``cap`` nodes; the number of rows left out."""
    nodes, edges = state.net_nodes, state.net_edges
    left_out = 0
    for row in rows:
        new = [side for side in ("source", "target") if row[f"{side}_id"] not in nodes]
        if len(nodes) + len(new) > cap:
            left_out += 1
            continue
        for side in new:
            nodes[row[f"{side}_id"]] = {"label": row.get(f"{side}_label") or "",
                                        "name": row.get(f"{side}_name") or row[f"{side}_id"]}
        edge = (row["source_id"], row["target_id"], row.get("type") or "")
        if edge not in edges:
            edges.append(edge)
    return left_out


def expand(node_id: str, depth: int, cap: int) -> None:
    rows = data.try_query("neighbourhood", {"id": node_id, "depth": depth, "limit": cap * 4}, masked=False)
    if rows is None:
        return
    left_out = add_rows(rows, cap)
    if left_out:
        state.net_notice = t(f"已达节点上限 {cap}:{left_out} 条关系未画出。提高上限或从更小的范围开始。",
                             f"Node cap {cap} reached: {left_out} links not drawn. Raise the cap or start smaller.")


def start(node_id: str, label: str, name: str, depth: int, cap: int) -> None:
    state.net_nodes = {node_id: {"label": label, "name": name}}
    state.net_edges = []
    state.net_notice = ""
    state.net_selected = node_id
    expand(node_id, depth, cap)


# --- find where to start ----------------------------------------------------------------
search, depth_column, cap_column = st.columns([3, 1, 1])
text = search.text_input(t("搜索名称或编号", "Search a name or ID"), key="net_search",
                         placeholder=t("如:东风社区、灏景玥城、CP04", "e.g. 东风社区, 灏景玥城, CP04"))
depth = depth_column.slider(t("层数", "Depth"), 1, 3, 1, key="net_depth")
cap = cap_column.number_input(t("节点上限", "Node cap"), 10, 1000, 150, step=10, key="net_cap")
if text.strip():
    found = data.try_query("search_entities", {"text": text.strip(), "limit": 20}, masked=False)
    if found is not None and not found:
        st.info(t("没有找到。", "Nothing found."))
    if found:
        shown = data.mask_entities(found)
        exact = next((i for i, hit in enumerate(found) if text.strip() in (hit["id"], hit["name"])), 0)
        results = [f"{hit['name']} · {label_name(hit['label'])} · {hit['id']}" for hit in shown]
        choice = st.selectbox(t("搜索结果", "Results"), range(len(found)), index=exact, key="net_result",
                              format_func=results.__getitem__)
        if st.button(t("从这里开始", "Start here"), key="net_start", type="primary") or not state.net_nodes:
            hit = found[choice]
            start(hit["id"], hit["label"], hit["name"], depth, int(cap))

if not state.net_nodes:
    st.caption(t("输入名称或编号开始。", "Type a name or an ID to start."))
    st.stop()

# --- the drawing -----------------------------------------------------------------------
if state.get("net_notice"):
    st.warning(state.net_notice)
shown_nodes = data.mask_nodes(state.net_nodes)
netview.legend(shown_nodes)
event = netview.draw(shown_nodes, state.net_edges, key="net_graph", height=560)
if event and event.get("timestamp") != state.get("net_event_seen"):
    state.net_event_seen = event.get("timestamp")
    if event["action"] == "expand":
        for node_id in event["ids"]:
            expand(node_id, 1, int(cap))
        st.rerun()
    elif event["ids"]:
        state.net_node = event["ids"][0]
st.caption(t(f"{len(state.net_nodes)} 个节点,{len(state.net_edges)} 条关系。双击节点(或用下方按钮)展开。",
             f"{len(state.net_nodes)} nodes, {len(state.net_edges)} links. Double-click a node "
             "(or use the button below) to expand it."))

# --- the chosen node ----------------------------------------------------------------------
ids = list(state.net_nodes)
if state.get("net_node") not in ids:
    state.net_node = state.get("net_selected") if state.get("net_selected") in ids else ids[0]
names = {i: f"{n['name']} · {label_name(n['label'])} · {i}" for i, n in shown_nodes.items()}
chosen = st.selectbox(t("节点", "Node"), ids, key="net_node", format_func=names.__getitem__)
left, right = st.columns([1, 1])
if left.button(t("展开相邻节点", "Expand its neighbours"), key="net_expand"):
    expand(chosen, 1, int(cap))
    st.rerun()
graphml = export.to_graphml(shown_nodes, state.net_edges)
right.download_button(t("下载 GraphML", "Download GraphML"), graphml, file_name="partygraph.graphml",
                      mime="application/graphml+xml", key="net_graphml", on_click="ignore")

properties, chain = st.columns([1, 1])
with properties:
    st.markdown(f"**{t('属性', 'Properties')}**")
    node = data.node(chosen)
    if node:
        st.dataframe(frame(widgets.properties(node)), hide_index=True, key="net_properties")
with chain:
    if state.net_nodes[chosen]["label"] in TERRITORY_LEVELS:  # a place: who answers for it, up to the city
        st.markdown(f"**{t('责任链', 'Responsibility chain')}**")
        steps = data.try_query("responsibility_chain", {"id": chosen})
        if steps:
            nodes, edges = widgets.chain_graph(steps)
            netview.draw(nodes, edges, key="net_chain", height=300, expandable=False, layout="breadthfirst")
            st.dataframe(frame(steps), hide_index=True, key="net_chain_table")
        elif steps is not None:
            st.caption(t("没有找到责任链。", "No responsibility chain found."))
