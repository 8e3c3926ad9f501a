"""The explorer's two languages: the chosen one, short texts in both, and display names of columns.

Node labels, relationship types and coded values take their display names from
:mod:`graph.model`; only the column names of query results are named here.
"""

from __future__ import annotations

import streamlit as st

from graph.model import (
    CENTRE_LEVELS,
    DEMAND_CHANNELS,
    DEMAND_KINDS,
    EVALUATIONS,
    MEMBER_KINDS,
    ORGANIZATION_KINDS,
    UNIT_KINDS,
    VISIT_DIRECTIONS,
    choice_label,
    display_name,
)

__all__ = ["LANGUAGES", "lang", "t", "column_label", "label_name", "frame"]

LANGUAGES = {"中文": "zh", "English": "en"}

# Columns that catalogue queries return, with their display names (zh, en).
COLUMNS: dict[str, tuple[str, str]] = {
    "street_id": ("街道编号", "Street ID"), "street": ("街道", "Street"),
    "community_id": ("社区编号", "Community ID"), "community": ("社区", "Community"),
    "grid_id": ("网格编号", "Grid ID"), "grid": ("网格", "Grid"),
    "compound_id": ("小区编号", "Compound ID"), "compound": ("居民小区", "Compound"),
    "building_id": ("楼栋编号", "Building ID"), "building": ("楼栋", "Building"),
    "household_id": ("户编号", "Household ID"), "household": ("户", "Household"),
    "member_id": ("党员编号", "Member ID"), "member": ("党员", "Member"),
    "responsible_org": ("责任党组织", "Responsible organization"), "secretary": ("书记", "Secretary"),
    "households": ("户数", "Households"), "members": ("党员数", "Members"),
    "full_members": ("正式党员数", "Full members"), "compounds": ("小区数", "Compounds"),
    "covered": ("已覆盖", "Covered"), "kind": ("类型", "Kind"), "organizations": ("所属组织数", "Organizations"),
    "problem": ("问题", "Problem"), "place_kind": ("对象类型", "Place kind"), "place_id": ("对象编号", "Place ID"),
    "place": ("对象", "Place"), "contract_id": ("契约编号", "Contract ID"), "contract": ("共建契约", "Contract"),
    "local_org": ("街道社区方", "Street/community party"), "unit_org": ("驻区单位方", "Unit party"),
    "missing_month": ("缺会月份", "Month missing"), "month": ("月份", "Month"), "year": ("年度", "Year"),
    "direction": ("走访方向", "Direction"), "should_visit": ("应走访方", "Should visit"), "due": ("截止日期", "Due"),
    "days_overdue": ("逾期天数", "Days overdue"), "demand_id": ("需求编号", "Demand ID"), "demand": ("需求", "Demand"),
    "raised_on": ("提出日期", "Raised on"), "stage": ("环节", "Stage"), "taken_by": ("承接方", "Taken by"),
    "age_days": ("已过天数", "Age (days)"), "centre_id": ("中心编号", "Centre ID"), "centre": ("党群服务中心", "Centre"),
    "level": ("层级", "Level"), "area_m2": ("面积(平方米)", "Area (m²)"), "standard_m2": ("标准(平方米)", "Standard (m²)"),
    "territory_id": ("服务范围编号", "Territory ID"), "territory": ("服务范围", "Territory"),
    "service_cny": ("服务群众经费(元)", "Service fund (CNY)"), "work_cny": ("工作经费(元)", "Work fund (CNY)"),
    "service_short_cny": ("服务经费缺口(元)", "Service fund short (CNY)"),
    "work_short_cny": ("工作经费缺口(元)", "Work fund short (CNY)"),
    "reported_to": ("报到社区", "Reported to"), "services": ("五有服务数", "Services"),
    "rule": ("规则", "Rule"), "title": ("内容", "Title"), "checked": ("检查对象数", "Checked"),
    "gaps": ("缺口数", "Gaps"), "share": ("达标率", "Share holding"), "query": ("查询", "Query"),
    "id": ("编号", "ID"), "label": ("类别", "Type"), "name": ("名称", "Name"), "type": ("关系", "Relationship"),
    "source_id": ("起点编号", "From ID"), "source_label": ("起点类别", "From type"), "source_name": ("起点", "From"),
    "target_id": ("终点编号", "To ID"), "target_label": ("终点类别", "To type"), "target_name": ("终点", "To"),
    "step": ("序号", "Step"), "figure": ("指标", "Figure"), "in_graph": ("图中", "In the graph"),
    "seed": ("原文数字", "Seed figure"), "ratio": ("图中/原文", "Graph / seed"),
    "raised": ("提出", "Raised"), "assigned": ("已认领/派单", "Claimed or dispatched"),
    "claimed": ("主动认领", "Claimed"), "dispatched": ("社区派单", "Dispatched"),
    "done": ("已办结", "Done"), "evaluated": ("已评价", "Evaluated"), "satisfied": ("满意", "Satisfied"),
    "unit": ("单位", "Unit"), "unit_id": ("单位编号", "Unit ID"), "org": ("党组织", "Organization"),
    "org_id": ("党组织编号", "Organization ID"), "meetings": ("会议次数", "Meetings"),
    "meetings_held": ("已开会议", "Meetings held"), "months_due": ("应开月数", "Months due"),
    "months_missing": ("缺会月数", "Months missing"), "visits_due": ("应走访次数", "Visits due"),
    "visits_overdue": ("逾期走访", "Visits overdue"), "visits_done": ("已走访", "Visits done"),
    "starts_on": ("生效日期", "Starts"), "ends_on": ("到期日期", "Ends"), "gap_rows": ("缺口数", "Gaps"),
    "bucket": ("时长", "Age"), "count": ("数量", "Count"), "file": ("文件", "File"), "row": ("行", "Row"),
    "column": ("列", "Column"), "value": ("值", "Value"), "message": ("问题", "Problem"),
    "severity": ("级别", "Severity"), "chain": ("链条", "Chain"),
    "compounds_covered": ("有形覆盖小区", "Compounds covered"),
    "compounds_effectively_covered": ("有效覆盖小区", "Compounds effectively covered"),
    "buildings_with_members": ("有党员楼栋", "Buildings with members"),
    "buildings_with_group": ("有党小组楼栋", "Buildings with a group"), "grids": ("网格数", "Grids"),
    "grids_with_org": ("有党组织网格", "Grids with an organization"), "communities": ("社区数", "Communities"),
    "households_reached": ("中心户联系户数", "Households reached"), "day": ("日期", "Day"),
    "taken": ("已承接", "Taken"), "median_days_to_done": ("办结天数中位数", "Median days to done"),
    "months_met": ("已开会月数", "Months met"), "unit_visits_due": ("单位应走访", "Unit visits due"),
    "unit_visits_done": ("单位已走访", "Unit visits done"), "local_visits_due": ("街道社区应走访", "Local visits due"),
    "local_visits_done": ("街道社区已走访", "Local visits done"), "problems_solved": ("解决问题数", "Problems solved"),
}

# Values that are codes of the explorer's own tables (not of the model).
VALUES: dict[str, tuple[str, str]] = {
    "territory": ("地域链", "Territory"), "organization": ("组织链", "Organization"),
    "error": ("错误", "error"), "warning": ("警告", "warning"),
    "property_company": ("物业服务企业", "Property company"),
}


# Columns holding coded values, with the model's choices that name them (codes are unique within each).
CODED: dict[str, tuple] = {
    "direction": VISIT_DIRECTIONS,
    "kind": MEMBER_KINDS + DEMAND_KINDS + ORGANIZATION_KINDS + UNIT_KINDS,
    "level": CENTRE_LEVELS,
    "channel": DEMAND_CHANNELS,
    "evaluation": EVALUATIONS,
}


_LABEL_COLUMNS = ("label", "source_label", "target_label", "type", "chain", "severity")


def _coded(column: str, value):
    if not isinstance(value, str):
        return value
    named = choice_label(CODED.get(column, ()), value, lang())
    if named == value:
        named = display_name(value, lang())
    if named == value and value in VALUES:
        named = VALUES[value][0 if lang() == "zh" else 1]
    return named


def lang() -> str:
    """The chosen language, ``zh`` (the default) or ``en``."""
    return st.session_state.get("lang", "zh")


def t(zh: str, en: str) -> str:
    """The text in the chosen language.

    Example:
        >>> t("覆盖缺口", "Coverage gaps")  # doctest: +SKIP
        '覆盖缺口'
    """
    return zh if lang() == "zh" else en


def column_label(column: str) -> str:
    """Display name of a result column; the column itself when it has none."""
    names = COLUMNS.get(column)
    if names is None:
        return column
    return names[0] if lang() == "zh" else names[1]


def label_name(label: str | None) -> str:
    """Display name of a node label or relationship type in the chosen language."""
    return display_name(label or "", lang()) if label else ""


def frame(rows: list[dict], columns: list[str] | None = None):
    """A pandas DataFrame of ``rows`` with display names as column headers."""
    import pandas as pd

    df = pd.DataFrame(rows, columns=columns or (list(rows[0]) if rows else None))
    for column in df.columns:
        if column in CODED or column in _LABEL_COLUMNS:
            df[column] = df[column].map(lambda v, c=column: _coded(c, v))
        if df[column].map(lambda v: isinstance(v, (list, dict))).any():
            df[column] = df[column].map(lambda v: ", ".join(map(str, v)) if isinstance(v, list) else v)
            df[column] = df[column].map(lambda v: str(v) if isinstance(v, dict) else v)
    return df.rename(columns={c: column_label(c) for c in df.columns})
