"""双报到与需求 Dual reporting & demands: how far raised demands get, per community and per unit; open demands by age."""

import functools

import pandas as pd
import streamlit as st

from explorer import data, widgets
from explorer.i18n import column_label, frame, t

st.title(t("双报到与需求", "Dual reporting & demands"))
st.caption(t("需求在社区提出,由单位或党员认领、社区派单,办结后评价(R9)。",
             "A demand is raised in a community, claimed by a unit or member or dispatched, done, "
             "then evaluated (R9)."))

# The page's queries at once; the sections below then read them from the cache.
data.side_by_side(functools.partial(data.query, "r12_members_not_reported"),
                  functools.partial(data.query, "demand_funnel_by_unit"), data.figures,
                  functools.partial(data.query, "demand_funnel_by_community"),
                  functools.partial(data.query, "r9_open_demands"))

# --- dual reporting at a glance -----------------------------------------------------------------
counted = data.figures()
not_reported = data.try_query("r12_members_not_reported")
units, members, missing = st.columns(3)
units.metric(t("双报到党支部", "Reporting unit branches"), f"{counted.get('reporting_unit_branches', 0):,}",
             help=t("原文:2,400+", "Seed: 2,400+"))
members.metric(t("双报到在职党员", "Reporting in-service members"), f"{counted.get('reporting_members', 0):,}",
               help=t("原文:30,000+", "Seed: 30,000+"))
if not_reported is not None:
    missing.metric(t("未到居住地社区报到(R12)", "Not reported where they live (R12)"), f"{len(not_reported):,}")

# Funnel stages, in order, as the funnel queries name them.
STAGES = ("raised", "taken", "done", "evaluated", "satisfied")


def funnel(rows: list[dict], by: str, key: str) -> None:
    stages = [s for s in STAGES if rows and s in rows[0]]
    if stages:
        totals = pd.DataFrame({"stage": [column_label(s) for s in stages],
                               "count": [sum(int(r.get(s) or 0) for r in rows) for s in stages]})
        st.bar_chart(totals, x="stage", y="count", x_label="", y_label=column_label("count"), sort=False)
        per = pd.DataFrame(rows).set_index(by)[list(stages)] if by in rows[0] else None
        if per is not None:
            st.bar_chart(per.rename(columns=column_label), stack=False, horizontal=True)
    df = frame(rows)
    st.dataframe(df, hide_index=True, key=key)
    widgets.downloads(df, key, key=key)


by_community, by_unit = st.tabs([t("按社区", "By community"), t("按单位", "By unit")])
with by_community:
    rows = data.try_query("demand_funnel_by_community")
    if rows:
        funnel(widgets.place_filters(rows, key="funnel_community"), "community", "demand_funnel_by_community")
    elif rows is not None:
        st.info(t("没有需求。", "No demands."))
with by_unit:
    rows = data.try_query("demand_funnel_by_unit")
    if rows:
        funnel(rows, "unit", "demand_funnel_by_unit")
    elif rows is not None:
        st.info(t("没有单位承接的需求。", "No demand taken by a unit."))

# --- open demands by age ---------------------------------------------------------------------
st.subheader(t("未闭环需求(按已过天数)", "Open demands by age"))
open_demands = data.try_query("r9_open_demands")
if open_demands:
    open_demands = widgets.place_filters(open_demands, key="open_demands")
    buckets = ((30, t("30天内", "≤ 30 days")), (90, t("31–90天", "31–90 days")), (180, t("91–180天", "91–180 days")),
               (365, t("181–365天", "181–365 days")), (None, t("一年以上", "over a year")))

    def bucket(age) -> str:
        return next(name for limit, name in buckets if limit is None or (age or 0) <= limit)

    counts = pd.DataFrame({"bucket": [name for _, name in buckets],
                           "count": [sum(bucket(r.get("age_days")) == name for r in open_demands)
                                     for _, name in buckets]})
    st.bar_chart(counts, x="bucket", y="count", x_label=column_label("bucket"), y_label=column_label("count"),
                 sort=False)
    df = frame(open_demands)
    st.dataframe(df, hide_index=True, key="open_demands_table")
    widgets.downloads(df, "r9_open_demands", key="open_demands")
elif open_demands is not None:
    st.success(t("所有需求都已闭环。", "Every demand is closed."))
