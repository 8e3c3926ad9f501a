"""Every catalogue query on the loaded graph, warm: p50 and p95 over repeated runs.

Parameters without a default get a real id from the data (``bench/pick_ids.cypher``):
the label is read from the query's name and the parameter's display name (a member
profile gets a member id, a responsibility chain a household id …); text gets '锦绣'.
Dates are the demo's day, 2021-12-31, so the rules find what the demo planted.
"""

from __future__ import annotations

import datetime
import math
import time
from pathlib import Path
from typing import Any, Callable

from bench.system import Target
from graph.statements import Parameter, Statement, read_statements

__all__ = ["AS_OF", "pick_ids", "parameters_for", "bench_queries", "percentile"]

AS_OF = datetime.date(2021, 12, 31)
SEARCH_TEXT = "锦绣"
_STATEMENTS = read_statements(Path(__file__).parent)

# Words in a query's name or a parameter's display name, and the label whose id fits.
_LABEL_WORDS = (
    ("member", "Member"), ("党员", "Member"),
    ("household", "Household"), ("户", "Household"), ("responsibility", "Household"),
    ("building", "Building"), ("compound", "Compound"), ("community", "Community"),
    ("organization", "Organization"), ("党组织", "Organization"),
    ("contract", "Contract"), ("契约", "Contract"),
    ("unit", "StationedUnit"), ("单位", "StationedUnit"),
)


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile of ``values`` by nearest rank (p95 of 20 runs is the 19th fastest)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def pick_ids(target: Target) -> dict[str, str]:
    """One real id per label: Member, Household, Building, Compound, Community, Organization …"""
    return {row["label"]: row["id"] for row in target.db.read(_STATEMENTS["pick_ids"].text)}


def _label_for(statement: Statement, parameter: Parameter) -> str:
    words = f"{parameter.en} {parameter.zh} {statement.name}".lower()
    for word, label in _LABEL_WORDS:
        if word in words:
            return label
    return "Compound"


def parameters_for(statement: Statement, ids: dict[str, str]) -> dict[str, Any]:
    """Values for the parameters of ``statement`` that have no default, and the demo's day for dates."""
    values: dict[str, Any] = {}
    for parameter in statement.parameters:
        if parameter.type == "date" and parameter.name != "from_date":
            values[parameter.name] = AS_OF
        elif parameter.default is not None:
            continue
        elif parameter.type == "str" and parameter.name in ("text", "q", "query", "search"):
            values[parameter.name] = SEARCH_TEXT
        elif parameter.type == "str" and parameter.name == "from_id":
            values[parameter.name] = ids.get("Member", "")
        elif parameter.type == "str" and parameter.name == "to_id":
            values[parameter.name] = ids.get("Compound", "")
        elif parameter.type == "str":
            values[parameter.name] = ids.get(_label_for(statement, parameter), "")
    return values


def bench_queries(target: Target, runs: int, budget_s: float = 60.0, only: set[str] | None = None,
                  log: Callable[[str], None] = print) -> dict[str, Any]:
    """p50/p95 in ms of every catalogue query on ``target``, after two warm-up runs.

    A query slower than ``budget_s`` over its runs is run fewer times (at least 3).
    """
    from queries.catalogue import CATALOGUE, run_query

    ids = pick_ids(target)
    results: dict[str, Any] = {}
    for name, statement in sorted(CATALOGUE.items()):
        if only and name not in only:
            continue
        params = parameters_for(statement, ids)
        try:
            for _ in range(2):
                began = time.perf_counter()
                rows = run_query(target.db, name, params)
                first = time.perf_counter() - began
            count = runs if first * runs <= budget_s else max(3, int(budget_s / max(first, 1e-9)))
            timings = []
            for _ in range(count):
                began = time.perf_counter()
                run_query(target.db, name, params)
                timings.append((time.perf_counter() - began) * 1000)
        except Exception as error:  # noqa: BLE001 - a failing query is reported, the others still run
            results[name] = {"error": f"{type(error).__name__}: {error}"[:500],
                             "params": {k: str(v) for k, v in params.items()}}
            log(f"  {target.name} query {name}: FAILED {error}")
            continue
        results[name] = {
            "p50_ms": round(percentile(timings, 0.50), 1),
            "p95_ms": round(percentile(timings, 0.95), 1),
            "runs": count,
            "rows": len(rows),
            "params": {k: str(v) for k, v in params.items()},
        }
        log(f"  {target.name} query {name}: p50 {results[name]['p50_ms']} ms, p95 {results[name]['p95_ms']} ms, "
            f"{len(rows)} rows")
    return results
