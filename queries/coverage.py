"""The rule table R1–R12: for each rule, how many were checked, how many fall short, the share that holds."""

from __future__ import annotations

import datetime
from typing import Any

from graph.backend import Backend
from queries.catalogue import CATALOGUE, RULES, gap_count_query, rule_query, run_query

__all__ = ["coverage_table"]


def _params_for(name: str, values: dict[str, Any]) -> dict[str, Any]:
    declared = {p.name for p in CATALOGUE[name].parameters}
    return {k: v for k, v in values.items() if k in declared and v is not None}


def coverage_table(db: Backend, as_of: datetime.date | None = None, year: int | None = None,
                   rules: tuple[str, ...] | None = None) -> list[dict]:
    """One row per rule: ``rule``, ``title``, ``checked``, ``gaps``, ``share`` (0–1, 1 when nothing is checked).

    ``gaps`` is the number of rows of the rule's gap list: by running the list, or, where the
    rule has a :func:`~queries.catalogue.gap_count_query` (the list's rows per community,
    counted from what each load keeps), the sum of its ``gaps`` column.

    Args:
        db: the graph.
        as_of: the date rules are read at (default today).
        year: the year of R11's funds (default: the year of ``as_of``, else the query's default).
        rules: the rules to tabulate, in this order (default: R1–R12).
    """
    values = {"as_of": as_of, "year": year if year is not None else (as_of.year if as_of else None)}
    table = []
    for rule in rules or RULES:
        gaps_query = rule_query(rule)
        checked_name, count_query = f"{rule.lower()}_checked", gap_count_query(rule)
        if count_query is not None:  # the list's rows counted from what each load keeps, without listing them
            counted = run_query(db, count_query.name, _params_for(count_query.name, values))
            gaps = sum(int(row["gaps"]) for row in counted)
        else:
            gaps = len(run_query(db, gaps_query.name, _params_for(gaps_query.name, values)))
        checked_rows = run_query(db, checked_name, _params_for(checked_name, values))
        checked = int(checked_rows[0]["checked"] or 0) if checked_rows else 0
        share = 1.0 if checked == 0 else max(0.0, 1 - gaps / checked)
        table.append({"rule": rule, "title": gaps_query.title_zh, "title_en": gaps_query.title_en,
                      "query": gaps_query.name, "checked": checked, "gaps": gaps, "share": round(share, 4)})
    return table
