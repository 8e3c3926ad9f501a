"""Spans of days and the counts over time made of them, for the counts a load keeps (:mod:`loaders.rollups`).

A span is ``(since, until)``, both days included, as a dated relationship holds in the
queries (``since <= d`` and ``until`` empty or ``>= d``); ``since`` None: since always,
``until`` None: still open.
"""

from __future__ import annotations

import datetime
from typing import Any, Iterable

__all__ = ["Span", "counts_over_time", "merged", "spans_at_least", "intersection", "without"]

Span = tuple[datetime.date | None, datetime.date | None]
_ONE_DAY = datetime.timedelta(days=1)


def counts_over_time(spans_by_key: dict[Any, list[Span]]) -> tuple[list[datetime.date], list[int]]:
    """How many keys hold on each day, as the days the number changes and the number from each.

    ``spans_by_key`` maps each thing counted (a member, a household) to its spans.  A key counts
    once on a day however many of its spans hold it.  The answer is the pair of
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
        for since, until in (spans if len(spans) == 1 else merged(spans)):
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


def merged(spans: Iterable[Span]) -> list[Span]:
    """The spans in order, those that overlap or touch joined; a span that ends before it begins holds no day.

    Example:
        >>> d = datetime.date
        >>> merged([(d(2021, 3, 1), None), (d(2021, 1, 1), d(2021, 2, 28))])
        [(datetime.date(2021, 1, 1), None)]
    """
    ordered = sorted((s for s in spans if s[0] is None or s[1] is None or s[1] >= s[0]),
                     key=lambda s: s[0] or datetime.date.min)
    joined: list[Span] = []
    for since, until in ordered:
        if joined:
            last_since, last_until = joined[-1]
            if last_until is None:
                continue
            if since is None or since <= last_until + _ONE_DAY:
                joined[-1] = (last_since, None if until is None else max(until, last_until))
                continue
        joined.append((since, until))
    return joined


def spans_at_least(days: list[datetime.date], counts: list[int], least: int = 1) -> list[Span]:
    """The spans in which a count over time (as :func:`counts_over_time` gives it) is ``least`` or more.

    Example:
        >>> d = datetime.date
        >>> spans_at_least([d(2021, 1, 1), d(2021, 2, 1)], [0, 3, 2], least=3)
        [(datetime.date(2021, 1, 1), datetime.date(2021, 1, 31))]
    """
    spans: list[Span] = []
    holding, since = counts[0] >= least, None
    for day, count in zip(days, counts[1:]):
        if count >= least and not holding:
            holding, since = True, day
        elif count < least and holding:
            spans.append((since, day - _ONE_DAY))
            holding = False
    if holding:
        spans.append((since, None))
    return spans


def intersection(first: list[Span], second: list[Span]) -> list[Span]:
    """The days in both lists of spans, as spans; each list already :func:`merged`.

    Example:
        >>> d = datetime.date
        >>> intersection([(None, d(2021, 6, 30))], [(d(2021, 1, 1), None)])
        [(datetime.date(2021, 1, 1), datetime.date(2021, 6, 30))]
    """
    both: list[Span] = []
    i = j = 0
    while i < len(first) and j < len(second):
        since = _later(first[i][0], second[j][0])
        until = _earlier(first[i][1], second[j][1])
        if since is None or until is None or since <= until:
            both.append((since, until))
        if first[i][1] is not None and (second[j][1] is None or first[i][1] <= second[j][1]):
            i += 1
        else:
            j += 1
    return both


def without(spans: list[Span], taken: list[Span]) -> list[Span]:
    """The days of ``spans`` not in ``taken``, as spans; each list already :func:`merged`.

    Example:
        >>> d = datetime.date
        >>> without([(None, None)], [(d(2021, 1, 1), d(2021, 6, 30))])
        [(None, datetime.date(2020, 12, 31)), (datetime.date(2021, 7, 1), None)]
    """
    left: list[Span] = []
    for since, until in spans:
        start, end = since or datetime.date.min, until or datetime.date.max  # None as the farthest day
        for taken_since, taken_until in taken:
            taken_start, taken_end = taken_since or datetime.date.min, taken_until or datetime.date.max
            if taken_end < start or taken_start > end:
                continue
            if taken_start > start:
                left.append((None if start == datetime.date.min else start, taken_start - _ONE_DAY))
            if taken_end >= end:
                break
            start = taken_end + _ONE_DAY
        else:
            left.append((None if start == datetime.date.min else start, until))
    return left


def _later(a: datetime.date | None, b: datetime.date | None) -> datetime.date | None:
    """The later of two beginnings (None: since always)."""
    return b if a is None else (a if b is None else max(a, b))


def _earlier(a: datetime.date | None, b: datetime.date | None) -> datetime.date | None:
    """The earlier of two ends (None: still open)."""
    return b if a is None else (a if b is None else min(a, b))
