"""Counts the loader keeps on each building for any date, so that whole-city questions read
one property per building instead of walking every residence and household.

Each count is a pair of lists (:func:`graph.model.dated_count`): the days it changes and the
count from each.  They are worked out from the graph itself at the end of every load, inside
the load's atomic unit (:mod:`loaders.load`), so they always match what the load committed:

* ``residents``: members living in one of the building's households (``LIVES_IN``);
* ``households_reached``: its households a central household covers (``COVERS``) or sits in
  (``LOCATED_AT``, always);
* ``groups``: building groups covering the building (``COVERS``).

Every date is a day included at both ends, as in the queries: a relationship holds on ``d``
when ``since <= d`` and ``until`` is empty or ``>= d``.

A load into a fresh graph works the counts out from its own input, which is then the whole
graph; any other load reads the spans back from the graph (scale 1, embedded: 0.2 against 4 s).

Example:
    >>> rows = building_count_rows_from_input(check_path(None, "demo").rows)  # doctest: +SKIP
    >>> rows[0]["residents_dates"], rows[0]["residents_counts"]  # doctest: +SKIP
    ([datetime.date(2016, 3, 1), datetime.date(2019, 8, 1)], [0, 1, 2])
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, Iterable

from graph.backend import Writer
from graph.statements import read_statements

__all__ = ["counts_over_time", "building_count_rows", "building_count_rows_from_input", "INPUT_FILES",
           "WRITE_STATEMENT"]

_STATEMENTS = read_statements(Path(__file__).parent)
#: The statement that writes :func:`building_count_rows` (``UNWIND $rows …``).
WRITE_STATEMENT = _STATEMENTS["rollup_write"]

Span = tuple[datetime.date | None, datetime.date | None]
_ONE_DAY = datetime.timedelta(days=1)


def counts_over_time(spans_by_key: dict[Any, list[Span]]) -> tuple[list[datetime.date], list[int]]:
    """How many keys hold on each day, as the days the number changes and the number from each.

    ``spans_by_key`` maps each thing counted (a member, a household) to its spans ``(since,
    until)``, both days included; ``since`` None: since always, ``until`` None: still open.
    A key counts once on a day however many of its spans hold it.  The answer is the pair of
    :func:`graph.model.dated_count`: ``counts`` is one longer than ``days``, ``counts[0]`` is
    the number before the first day.

    Example:
        >>> d = datetime.date
        >>> counts_over_time({"a": [(d(2021, 1, 1), d(2021, 1, 31))], "b": [(None, None)]})
        ([datetime.date(2021, 1, 1), datetime.date(2021, 2, 1)], [1, 2, 1])
    """
    changes: dict[datetime.date, int] = {}
    before_any_day = 0
    for spans in spans_by_key.values():
        # most keys have one span: merging is only needed for the others
        for since, until in (spans if len(spans) == 1 else _merged(spans)):
            if since is None:
                before_any_day += 1
            elif until is not None and until < since:
                continue
            else:
                changes[since] = changes.get(since, 0) + 1
            if until is not None:
                after = until + _ONE_DAY
                changes[after] = changes.get(after, 0) - 1
    days, counts = [], [before_any_day]
    for day in sorted(changes):
        if changes[day]:
            days.append(day)
            counts.append(counts[-1] + changes[day])
    return days, counts


def _merged(spans: Iterable[Span]) -> list[Span]:
    """The spans with those that overlap or touch joined; a span that ends before it begins holds no day."""
    ordered = sorted((s for s in spans if s[0] is None or s[1] is None or s[1] >= s[0]),
                     key=lambda s: s[0] or datetime.date.min)
    merged: list[Span] = []
    for since, until in ordered:
        if merged:
            last_since, last_until = merged[-1]
            if last_until is None:
                continue
            if since is None or since <= last_until + _ONE_DAY:
                merged[-1] = (last_since, None if until is None else max(until, last_until))
                continue
        merged.append((since, until))
    return merged


def building_count_rows(writer: Writer) -> list[dict]:
    """Every building's dated counts, read from the graph as ``writer`` sees it (inside a load's
    unit), as rows for :data:`WRITE_STATEMENT`."""
    buildings = [row["building_id"] for row in writer.run(_STATEMENTS["rollup_buildings"].text)]
    residents = _spans_per_building(writer, "rollup_residents",
                                    lambda member, since, until: (member, (since, until)) if since else None)
    households = _spans_per_building(writer, "rollup_households_reached",
                                     lambda household, since, until, always:
                                     (household, (None, None)) if always else
                                     ((household, (since, until)) if since else None))
    groups = _spans_per_building(writer, "rollup_groups",
                                 lambda group, since, until: (group, (since, until)) if since else None)
    return _count_rows(buildings, residents, households, groups)


#: The input files :func:`building_count_rows_from_input` reads.
INPUT_FILES = ("buildings", "households", "residences", "central_households", "central_household_contacts",
               "organizations", "coverage")


def building_count_rows_from_input(rows: dict[str, list[dict]]) -> list[dict]:
    """The same rows as :func:`building_count_rows`, worked out from a load's validated input
    (file name → rows, those of :data:`INPUT_FILES` that it has) when that input is the whole graph:
    a load into a fresh graph.  Nothing is read back (at scale 1: 0.2 against 4 s)."""
    building_of = {row["id"]: row["building_id"] for row in rows.get("households", ())}
    residents = _spans_from_rows(rows.get("residences", ()), building_of.get, "member_id")
    households = _spans_from_rows(rows.get("central_household_contacts", ()), building_of.get, "household_id")
    for row in rows.get("central_households", ()):
        building = building_of.get(row["household_id"])
        if building is not None:  # a central household reaches the household it sits in on every day
            households.setdefault(building, {}).setdefault(row["household_id"], []).append((None, None))
    building_groups = {row["id"] for row in rows.get("organizations", ()) if row["kind"] == "building_group"}
    groups = _spans_from_rows([row for row in rows.get("coverage", ()) if row["org_id"] in building_groups],
                              lambda territory: territory, "org_id", building_column="territory_id")
    return _count_rows([row["id"] for row in rows.get("buildings", ())], residents, households, groups)


def _spans_from_rows(rows: Iterable[dict], building_of, key_column: str,
                     building_column: str = "household_id") -> dict[str, dict[Any, list[Span]]]:
    """building id → key → spans from input rows with ``since`` and ``until``; ``building_of``
    maps a row's ``building_column`` to its building (None: not in a building)."""
    per_building: dict[str, dict[Any, list[Span]]] = {}
    for row in rows:
        building, since = building_of(row[building_column]), row["since"]
        if building is not None and since is not None:
            keyed = per_building.get(building)
            if keyed is None:
                keyed = per_building[building] = {}
            spans = keyed.get(row[key_column])
            if spans is None:
                keyed[row[key_column]] = [(since, row["until"])]
            else:
                spans.append((since, row["until"]))
    return per_building


def _count_rows(buildings: Iterable[str], residents, households, groups) -> list[dict]:
    rows = []
    for building in buildings:
        counts: dict[str, Any] = {"building_id": building}
        for name, spans in (("residents", residents), ("households_reached", households), ("groups", groups)):
            counts[f"{name}_dates"], counts[f"{name}_counts"] = counts_over_time(spans.get(building, {}))
        rows.append(counts)
    return rows


def _spans_per_building(writer: Writer, statement: str, span_of) -> dict[str, dict[Any, list[Span]]]:
    """building id → key → spans, from a statement returning ``building_id`` and ``spans`` (lists
    that ``span_of`` turns into ``(key, span)``, or None for one that never holds)."""
    per_building: dict[str, dict[Any, list[Span]]] = {}
    for row in writer.run(_STATEMENTS[statement].text):
        keyed: dict[Any, list[Span]] = per_building.setdefault(row["building_id"], {})
        for item in row["spans"]:
            found = span_of(*item)
            if found is not None:
                keyed.setdefault(found[0], []).append(found[1])
    return per_building
