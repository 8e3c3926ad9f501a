"""覆盖缺口 Coverage gaps: one tab per rule R1–R12 with its gap list, filters, downloads and a drill-down."""

import streamlit as st

from explorer import data, widgets
from explorer.i18n import frame, lang, t
from queries.catalogue import RULES, rule_query

st.title(t("覆盖缺口", "Coverage gaps"))
st.caption(t("每条规则一页:选街道、社区筛选,点表格中的一行(或在下方选择)查看它的责任链和相连节点。",
             "One tab per rule: filter by street and community, pick a row (in the table or below) "
             "to see its responsibility chain and neighbours."))


def gap_tab(rule: str) -> None:
    statement = rule_query(rule)
    st.markdown(f"**{statement.title_zh if lang() == 'zh' else statement.title_en}**")
    if statement.description(lang()):
        st.caption(statement.description(lang()))
    rows = data.try_query(statement.name)
    if rows is None:
        return
    rows = widgets.place_filters(rows, key=rule)
    st.caption(t(f"{len(rows)} 条", f"{len(rows)} rows"))
    if not rows:
        st.success(t("没有缺口。", "No gaps."))
        return
    df = frame(rows)
    event = st.dataframe(df, hide_index=True, key=f"{rule}_table", on_select="rerun", selection_mode="single-row")
    widgets.downloads(df, f"{rule}_{statement.name}", key=rule)
    labels = [" · ".join(str(v) for k, v in row.items() if v not in (None, "", []) and not k.endswith("_id"))[:90]
              for row in rows]
    selected = [i for i in (event.selection.rows if event else []) if i < len(rows)]
    picked = selected[0] if selected else None
    if picked is None:
        picked = st.selectbox(t("下钻到一行", "Drill down into a row"), range(len(rows)), index=None,
                              format_func=lambda i: labels[i], key=f"{rule}_pick",
                              placeholder=t("选择一行", "Choose a row"))
    if picked is not None:
        entity = widgets.entity_of(rows[picked])
        if entity:
            widgets.drill_down(entity, key=f"{rule}_drill")


# Only the open tab runs its query (on_change="rerun"): four rules read the whole city, and
# running all twelve made the page's first render take 2.3 s at scale 1 on the embedded backend.
for tab, rule in zip(st.tabs(list(RULES), key="gaps_rule", on_change="rerun"), RULES):
    if tab.open:
        with tab:
            gap_tab(rule)
