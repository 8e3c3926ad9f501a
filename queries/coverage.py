"""The rule table R1–R12: for each rule, how many were checked, how many fall short, the share that holds."""

from __future__ import annotations

import datetime
from typing import Any

from graph.backend import Backend
from queries.catalogue import CATALOGUE, RULES, rule_query, run_query

__all__ = ["coverage_table", "streets_from_communities"]

# The counts of coverage_by_community.  Each counts things of one community only (a compound, building,
# grid or household lies in one community), so a street's count is the sum over its communities.
COMMUNITY_COUNTS = ("compounds", "compounds_covered", "compounds_effectively_covered", "buildings_with_members",
                    "buildings_with_group", "grids", "grids_with_org", "households", "households_reached")


def _params_for(name: str, values: dict[str, Any]) -> dict[str, Any]:
    declared = {p.name for p in CATALOGUE[name].parameters}
    return {k: v for k, v in values.items() if k in declared and v is not None}


def coverage_table(db: Backend, as_of: datetime.date | None = None, year: int | None = None) -> list[dict]:
    """One row per rule: ``rule``, ``title``, ``checked``, ``gaps``, ``share`` (0–1, 1 when nothing is checked).

    Args:
        db: the graph.
        as_of: the date rules are read at (default today).
        year: the year of R11's funds (default: the year of ``as_of``, else the query's default).
    """
    values = {"as_of": as_of, "year": year if year is not None else (as_of.year if as_of else None)}
    table = []
    for rule in RULES:
        gaps_query = rule_query(rule)
        checked_name = f"{rule.lower()}_checked"
        gaps = len(run_query(db, gaps_query.name, _params_for(gaps_query.name, values)))
        checked_rows = run_query(db, checked_name, _params_for(checked_name, values))
        checked = int(checked_rows[0]["checked"] or 0) if checked_rows else 0
        share = 1.0 if checked == 0 else max(0.0, 1 - gaps / checked)
        table.append({"rule": rule, "title": gaps_query.title_zh, "title_en": gaps_query.title_en,
                      "query": gaps_query.name, "checked": checked, "gaps": gaps, "share": round(share, 4)})
    return table


def streets_from_communities(rows: list[dict]) -> list[dict]:
    """The rows of ``coverage_by_street`` from those of ``coverage_by_community``, without another query.

    One row per street that has a community, ordered by ``street_id``: ``street_id``, ``street``,
    ``communities`` (how many rows it had) and the sum of each of :data:`COMMUNITY_COUNTS` over its
    communities.  A street with no community, which ``coverage_by_street`` lists with zeros, is not here.

    Example:
        >>> streets_from_communities([{"street_id": "S1", "street": "东风街道", "compounds": 2},
        ...                           {"street_id": "S1", "street": "东风街道", "compounds": 3}])
        [{'street_id': 'S1', 'street': '东风街道', 'communities': 2, 'compounds': 5}]
    """
    streets: dict[str, dict] = {}
    for row in rows:
        street = streets.setdefault(row["street_id"], {"street_id": row["street_id"], "street": row["street"],
                                                       "communities": 0})
        street["communities"] += 1
        for column in COMMUNITY_COUNTS:
            if column in row:
                street[column] = street.get(column, 0) + int(row[column] or 0)
    return [streets[key] for key in sorted(streets)]
