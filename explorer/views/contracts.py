"""共建契约 Contracts: each co-building contract's months with and without its joint meeting, and its visits."""

import datetime

import pandas as pd
import streamlit as st

from explorer import data, widgets
from explorer.i18n import column_label, frame, t

st.title(t("共建契约", "Co-building contracts"))
st.caption(t("每份契约每月一次联席会议(R6);双方每年互相走访一次(R7)。",
             "One joint meeting a month per contract (R6); both sides visit each other once a year (R7)."))

compliance = data.try_query("contract_compliance") or []
missing = data.try_query("r6_missing_meeting_months") or []
overdue = data.try_query("r7_overdue_visits") or []


def month_of(day) -> str:
    return f"{day.year}-{day.month:02d}"


def months_between(first: datetime.date, last: datetime.date) -> list[str]:
    months, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        months.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def last_due_month(ends_on) -> datetime.date:
    """Meetings are due up to the contract's end, or up to last month while it runs."""
    today = data.as_of() or datetime.date.today()
    previous_month = today.replace(day=1) - datetime.timedelta(days=1)
    return min(ends_on, previous_month) if ends_on else previous_month


# --- the calendar: contracts × months ----------------------------------------------------------
st.subheader(t("联席会议日历", "Joint-meeting calendar"))
gaps_by_contract: dict[str, set[str]] = {}
names: dict[str, str] = {}
for row in missing:
    gaps_by_contract.setdefault(row["contract_id"], set()).add(row["missing_month"])
    names[row["contract_id"]] = row["contract"]
calendar: dict[str, dict[str, str]] = {}
for row in compliance:
    contract_id = row.get("contract_id")
    names.setdefault(contract_id, row.get("contract") or contract_id)
    starts = row.get("starts_on")
    if isinstance(starts, datetime.date):
        for month in months_between(starts, last_due_month(row.get("ends_on"))):
            calendar.setdefault(contract_id, {})[month] = "✓"
for contract_id, months in gaps_by_contract.items():
    for month in months:
        calendar.setdefault(contract_id, {})[month] = "✗"
if calendar:
    grid = pd.DataFrame.from_dict(calendar, orient="index").sort_index(axis=1).fillna("")
    grid.index = [f"{names.get(i, i)} ({i})" for i in grid.index]
    st.dataframe(grid, key="calendar")
    st.caption(t("✓ 已开会 · ✗ 缺会 · 空白 不在契约期内", "✓ met · ✗ no meeting · blank: outside the contract"))
else:
    st.success(t("没有到期的联席会议。", "No joint meetings due."))

# --- compliance per contract ------------------------------------------------------------------
if compliance:
    st.subheader(t("各契约履约情况", "Compliance per contract"))
    df = frame(compliance)
    st.dataframe(df, hide_index=True, key="compliance")
    widgets.downloads(df, "contract_compliance", key="compliance")

# --- missing months and overdue visits --------------------------------------------------------
left, right = st.columns(2)
with left:
    st.subheader(t("缺会月份", "Months without a meeting"))
    if missing:
        st.dataframe(frame(missing), hide_index=True, key="missing")
    else:
        st.success(t("没有缺会月份。", "No month is missing."))
with right:
    st.subheader(t("逾期走访", "Visits overdue"))
    if overdue:
        ordered = sorted(overdue, key=lambda r: -(r.get("days_overdue") or 0))
        st.dataframe(frame(ordered), hide_index=True, key="overdue")
        which = [f"{r['contract_id']} {r.get('year', '')} {r.get('should_visit', '')}" for r in ordered]
        chart = pd.DataFrame({column_label("contract"): which,
                              column_label("days_overdue"): [r.get("days_overdue") or 0 for r in ordered]})
        st.bar_chart(chart, x=column_label("contract"), y=column_label("days_overdue"), horizontal=True)
    else:
        st.success(t("没有逾期走访。", "No visit is overdue."))
