"""Downloads: tables as CSV and Excel (safe to open in a spreadsheet), graphs as GraphML."""

from __future__ import annotations

import datetime
import io
from typing import Any, Iterable

import pandas as pd

__all__ = ["neutralise", "to_csv", "to_excel", "to_graphml"]

# A cell starting with one of these is read as a formula by Excel, WPS and LibreOffice.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, prefixed with a single quote.

    Example:
        >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-3"), neutralise(-3)
        ('\\'=HYPERLINK("http://x")', "'-3", -3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _safe(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def to_csv(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM (so Excel shows Chinese), formula cells neutralised."""
    return _safe(df).to_csv(index=False).encode("utf-8-sig")


def to_excel(df: pd.DataFrame, sheet: str = "partygraph") -> bytes:
    """An .xlsx workbook of one sheet, formula cells neutralised and stored as text."""
    buffer = io.BytesIO()
    safe = _safe(df)
    for column in safe.columns:
        if safe[column].map(lambda v: isinstance(v, (datetime.date, list, dict))).any():
            safe[column] = safe[column].map(lambda v: v.isoformat() if isinstance(v, datetime.date)
                                            else (", ".join(map(str, v)) if isinstance(v, list) else v))
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, index=False, sheet_name=sheet[:31] or "sheet")
    return buffer.getvalue()


def _graphml_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def to_graphml(nodes: dict[str, dict], edges: Iterable[tuple[str, str, str]]) -> bytes:
    """GraphML of ``nodes`` ({id: {attribute: value}}) and ``edges`` ((source, target, type)).

    Example:
        >>> b"<graphml" in to_graphml({"CP01": {"label": "Compound"}}, [])
        True
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    for node_id, attributes in nodes.items():
        graph.add_node(node_id, **{k: _graphml_value(v) for k, v in attributes.items()})
    for source, target, rel_type in edges:
        if source in graph and target in graph:
            graph.add_edge(source, target, key=rel_type, type=rel_type)
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8")
    return buffer.getvalue()
