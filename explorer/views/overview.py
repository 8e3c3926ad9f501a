"""概览 Overview: the seed's figures in the graph, the rule table, coverage by place and over time, the worst gaps."""

import functools

import pandas as pd
import streamlit as st

from explorer import data
from explorer.i18n import column_label, frame, lang, t
from queries.catalogue import RULES, gap_count_query, rule_query
from queries.street_rollup import streets_from_communities
from queries.figures import SEED_FIGURES

st.title(t("概览", "Overview"))

# Every whole-city query of the page at once, the slowest first; the sections below then find them cached.
rules_slowest_first = sorted(RULES, key=lambda rule: rule not in ("R12", "R2", "R5", "R4"))
data.side_by_side(functools.partial(data.query, "coverage_by_community"),
                  *(functools.partial(data.coverage, (rule,)) for rule in rules_slowest_first),
                  data.figures, functools.partial(data.query, "coverage_trend"))

# --- headline figures beside the seed's -----------------------------------------------
st.subheader(t("头条数字:图中与原文", "Headline figures: the graph beside the seed"))
counted = data.figures()
columns = st.columns(5)
for column, key in zip(columns, ("communities", "grids", "compounds", "compounds_covered", "compound_branches")):
    seed, zh, en = SEED_FIGURES[key]
    column.metric(t(zh, en), f"{counted[key]:,}", help=t(f"原文:{seed:,}", f"Seed: {seed:,}"))
figures = [{"figure": t(zh, en), "in_graph": counted.get(key, 0), "seed": seed,
            "ratio": round(counted.get(key, 0) / seed, 3) if seed else None}
           for key, (seed, zh, en) in SEED_FIGURES.items()]
with st.expander(t("全部头条数字", "All headline figures"), expanded=False):
    st.dataframe(frame(figures), hide_index=True, key="figures")

# --- the rule table --------------------------------------------------------------------
st.subheader(t("规则 R1–R12 达标情况", "Rules R1–R12"))
table = data.coverage()
rule_rows = [{"rule": r["rule"], "title": r["title"] if lang() == "zh" else r["title_en"],
              "checked": r["checked"], "gaps": r["gaps"], "share": r["share"]} for r in table]
st.dataframe(frame(rule_rows), hide_index=True, key="rules",
             column_config={column_label("share"): st.column_config.ProgressColumn(
                 column_label("share"), min_value=0.0, max_value=1.0, format="percent")})

# --- coverage by street and community ---------------------------------------------------
st.subheader(t("各街道、社区的小区覆盖率", "Compound coverage by street and community"))
st.caption(t("有形覆盖:有党支部覆盖;有效覆盖:该支部有3名以上正式党员、90天内开过会且有书记。",
             "Formal: a branch covers the compound; effective: that branch has 3+ full members, met in the "
             "last 90 days and has a secretary."))


def coverage_chart(rows: list[dict], place: str) -> None:
    df = pd.DataFrame(rows)
    if not {place, "compounds", "compounds_covered"} <= set(df.columns):
        st.dataframe(frame(rows), hide_index=True)
        return
    total = df["compounds"].where(df["compounds"] > 0)
    shares = pd.DataFrame({t("有形覆盖", "Formal"): (df["compounds_covered"] / total).fillna(0).round(4)},
                          index=df[place])
    if "compounds_effectively_covered" in df.columns:
        shares[t("有效覆盖", "Effective")] = (df["compounds_effectively_covered"] / total).fillna(0).round(4)
    st.bar_chart(shares, stack=False, y_label=column_label("share"), x_label="")


# The streets' figures are their communities' summed: one query less than running coverage_by_street.
by_community = data.try_query("coverage_by_community")
left, right = st.columns(2)
with left:
    if by_community:
        st.caption(t("街道", "Streets"))
        coverage_chart(streets_from_communities(by_community), "street")
with right:
    if by_community:
        st.caption(t("社区", "Communities"))
        coverage_chart(by_community, "community")

# --- the trend ---------------------------------------------------------------------------
st.subheader(t("覆盖率走势", "Coverage over time"))
trend = data.try_query("coverage_trend")
if trend:
    df = pd.DataFrame(trend)
    if {"month", "share"} <= set(df.columns):
        st.line_chart(df.set_index("month")["share"], y_label=column_label("share"))
elif trend is not None:
    st.caption(t("没有可画的月份。", "No months to draw."))

# --- the ten worst gaps --------------------------------------------------------------------
st.subheader(t("缺口最多的十个社区", "The ten communities with the most gaps"))
per_community: dict[str, dict] = {}
for rule in RULES:
    # a rule with a gap count has its list's rows counted per community (read from what each load keeps,
    # as the rule table above did); any other rule's list is read, a row at a time
    count_query = gap_count_query(rule)
    rows = data.try_query((count_query or rule_query(rule)).name) or []
    for row in rows:
        if not row.get("community"):
            continue
        entry = per_community.setdefault(row.get("community_id") or row["community"],
                                         {"street": row.get("street"), "community": row["community"],
                                          "gap_rows": 0})
        gaps = row["gaps"] if count_query else 1
        entry["gap_rows"] += gaps
        entry[rule] = entry.get(rule, 0) + gaps
worst = sorted(per_community.values(), key=lambda e: (-e["gap_rows"], str(e["community"])))[:10]
if worst:
    rules_present = [r for r in RULES if any(r in e for e in worst)]
    for entry in worst:
        for rule in rules_present:
            entry.setdefault(rule, 0)
    st.dataframe(frame(worst, ["street", "community", "gap_rows", *rules_present]), hide_index=True, key="worst")
else:
    st.success(t("没有发现缺口。", "No gaps found."))
