"""Output for the terminal: rows as an aligned table, JSON or CSV, and a progress bar."""

from __future__ import annotations

import csv
import datetime
import io
import json
import sys
import unicodedata
from typing import Any, Callable, Iterable

__all__ = ["render", "FORMATS", "to_json", "progress_bar"]

FORMATS = ("table", "json", "csv")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(data: Any) -> str:
    """JSON text with Chinese kept readable and dates as ISO text."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, dict)):
        return to_json(value).replace("\n", " ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _width(text: str) -> int:
    # Chinese characters take two columns in a terminal.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: Iterable[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line("-" * w for w in widths)]
    out.extend(line(r) for r in cells)
    out.append(f"({len(rows)} rows)")
    return "\n".join(out)


def render(rows: list[dict[str, Any]], fmt: str = "table") -> str:
    """Render ``rows`` as ``table``, ``json`` (a list of row objects) or ``csv``.

    Example:
        >>> print(render([{"a": 1}], "json"))
        [
          {
            "a": 1
          }
        ]
    """
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    if fmt == "json":
        return to_json(rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: _cell(row.get(c)) for c in columns} for row in rows)
        return buffer.getvalue().rstrip("\n")
    return _table(rows, columns)


def progress_bar(total: int, label: str, unit: str):
    """A progress bar on standard error (none when it is not a terminal) and its update function,
    ``update(name, done)``: ``done`` more ``unit`` of ``total``, the latest of them ``name``.
    Close the bar when done."""
    from tqdm import tqdm

    bar = tqdm(total=total, unit=unit, desc=label, file=sys.stderr, dynamic_ncols=True,
               disable=None, mininterval=0.5)

    def update(name: str, done: int) -> None:
        bar.set_postfix_str(name, refresh=False)
        bar.update(done)

    return bar, update
