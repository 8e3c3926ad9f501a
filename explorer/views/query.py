"""查询 Query: any catalogue query through a form made from its parameters, and a free read-only Cypher box."""

import datetime

import streamlit as st

from explorer import data, netview, widgets
from explorer.i18n import frame, lang, t
from graph.statements import Parameter
from queries.catalogue import CATALOGUE, RULES

st.title(t("查询", "Query"))
MAX_ROWS_SHOWN = 2000


def title(name: str) -> str:
    statement = CATALOGUE[name]
    rule = statement.meta.get("rule")
    text = statement.title_zh if lang() == "zh" else statement.title_en
    return f"{rule + ' · ' if rule else ''}{text} ({name})"


def parameter_widget(param: Parameter, key: str):
    """A widget of the parameter's type, showing its default."""
    label = (param.zh if lang() == "zh" else param.en) or param.name
    default = param.default
    if param.type == "date":
        value = datetime.date.today() if default in (None, "today") else param.convert(default)
        if default == "today" and data.as_of():
            value = data.as_of()
        return st.date_input(label, value=value, key=key, min_value=datetime.date(1900, 1, 1),
                             max_value=datetime.date(2100, 12, 31))
    if param.type == "int":
        return st.number_input(label, value=param.convert(default), step=1, key=key)
    if param.type == "float":
        value = param.convert(default)
        return st.number_input(label, value=float(value) if value is not None else None, key=key)
    if param.type == "bool":
        return st.checkbox(label, value=bool(param.convert(default)), key=key)
    return st.text_input(label, value=default or "", key=key)


def show(rows: list[dict], name: str, key: str) -> None:
    st.caption(t(f"{len(rows)} 行", f"{len(rows)} rows"))
    if not rows:
        return
    if len(rows) > MAX_ROWS_SHOWN:
        st.warning(t(f"只显示前 {MAX_ROWS_SHOWN} 行;下载包含全部。",
                     f"Only the first {MAX_ROWS_SHOWN} rows are shown; downloads hold them all."))
    df = frame(rows)
    st.dataframe(df.head(MAX_ROWS_SHOWN), hide_index=True, key=f"{key}_table")
    widgets.downloads(df, name, key=key)
    nodes, edges = netview.graph_from_rows(rows)
    if len(nodes) > 1:
        with st.expander(t(f"画成图({len(nodes)} 个节点)", f"As a graph ({len(nodes)} nodes)"),
                         expanded=bool(edges)):
            nodes = dict(list(data.mask_nodes(nodes).items())[:300])
            netview.legend(nodes)
            netview.draw(nodes, edges, key=f"{key}_graph", height=480, expandable=False)


# --- a catalogue query --------------------------------------------------------------------
st.subheader(t("查询目录", "The catalogue"))
rule_order = {rule: i for i, rule in enumerate(RULES)}
names = sorted(CATALOGUE, key=lambda n: (rule_order.get(CATALOGUE[n].meta.get("rule"), len(RULES)), n))
titles = {n: title(n) for n in names}
name = st.selectbox(t("选择查询", "Choose a query"), names, format_func=titles.__getitem__, key="q_name")
statement = CATALOGUE[name]
if statement.description(lang()):
    st.caption(statement.description(lang()))
with st.form(key=f"q_form_{name}"):
    values = {p.name: parameter_widget(p, key=f"q_{name}_{p.name}") for p in statement.parameters}
    submitted = st.form_submit_button(t("运行", "Run"), type="primary")
if submitted:
    st.session_state["q_run"] = (name, {k: v for k, v in values.items() if v is not None and v != ""})
if st.session_state.get("q_run") and st.session_state["q_run"][0] == name:
    rows = data.try_query(name, st.session_state["q_run"][1])
    if rows is not None:
        show(rows, name, key="q_result")

# --- free read-only Cypher ---------------------------------------------------------------------
st.subheader(t("自由查询(只读 Cypher)", "Free query (read-only Cypher)"))
st.caption(t("在只读会话中运行,数据库拒绝任何写入。个人信息只按列名(member、phone…)和党员、领导节点隐去。",
             "Runs in a read-only session: the database refuses any write. Personal data is masked only by "
             "column name (member, phone …) and in Member and Leader nodes."))
with st.form(key="cypher_form"):
    text = st.text_area("Cypher", key="cypher_text", height=140,
                        placeholder="MATCH (c:Compound)-[:PART_OF]->(g:Grid) RETURN c.name, g.name LIMIT 20")
    run = st.form_submit_button(t("运行(只读)", "Run (read-only)"))
if run and text.strip():
    try:
        st.session_state["cypher_rows"] = data.free_cypher(text)
        st.session_state["cypher_error"] = None
    except data.BackendError as error:
        st.session_state["cypher_rows"] = None
        st.session_state["cypher_error"] = str(error)
if st.session_state.get("cypher_error"):
    st.error(st.session_state["cypher_error"])
elif st.session_state.get("cypher_rows") is not None:
    show(data.mask_free(st.session_state["cypher_rows"]), "cypher", key="cypher_result")
