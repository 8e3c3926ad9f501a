"""Cypher statement files: the one place that reads, lists and parameterises query text.

Each statement is a ``.cypher`` file beside the Python that runs it, opening with a
header of ``// key: value`` lines::

    // name: r1_uncovered_compounds
    // title: 未覆盖的居民小区 | Compounds no branch covers
    // rule: R1
    // description: Compounds with no current COVERS from a compound or joint branch.
    // param: as_of date = today | 截至日期 | As of
    MATCH ...

A dialect variant, where one backend needs it, sits beside it as ``NAME.falkordb.cypher``
or ``NAME.neo4j.cypher`` and has no header of its own.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Parameter", "Statement", "ParameterError", "bind_parameters", "read_statements"]

_TYPES = ("str", "int", "float", "bool", "date")


class ParameterError(ValueError):
    """A parameter that is unknown or has a value of the wrong type."""


@dataclass(frozen=True)
class Parameter:
    """A declared parameter: name, type, default (``None``: no default), display names."""

    name: str
    type: str
    default: Any
    zh: str = ""
    en: str = ""

    def convert(self, raw: Any) -> Any:
        """Turn ``raw`` (text from the command line or a form, or a typed value) into this type.

        Example:
            >>> Parameter("depth", "int", 2).convert("3")
            3
        """
        if raw is None or raw == "":
            return None
        try:
            if self.type == "int":
                if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                    raise ValueError(raw)
                return int(raw)
            if self.type == "float":
                return float(raw)
            if self.type == "bool":
                if isinstance(raw, bool):
                    return raw
                text = str(raw).strip().lower()
                if text in ("true", "1", "yes", "是"):
                    return True
                if text in ("false", "0", "no", "否"):
                    return False
                raise ValueError(raw)
            if self.type == "date":
                if isinstance(raw, datetime.date):
                    return raw
                return datetime.date.fromisoformat(str(raw).strip())
            return str(raw)
        except ValueError:
            raise ParameterError(
                f"parameter {self.name} must be {self.type}"
                + (" (YYYY-MM-DD)" if self.type == "date" else "") + f", got {raw!r}"
            ) from None


@dataclass(frozen=True)
class Statement:
    """A named Cypher statement with its header and any dialect variants."""

    name: str
    path: Path
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    parameters: tuple[Parameter, ...] = ()
    variants: dict[str, str] = field(default_factory=dict)

    @property
    def title_zh(self) -> str:
        """Chinese title."""
        return self.meta.get("title", "").split("|")[0].strip()

    @property
    def title_en(self) -> str:
        """English title."""
        parts = self.meta.get("title", "").split("|")
        return parts[1].strip() if len(parts) > 1 else parts[0].strip()

    def description(self, language: str = "zh") -> str:
        """The description in ``zh`` (falling back to English when there is none) or ``en``."""
        if language == "zh" and self.meta.get("description_zh"):
            return self.meta["description_zh"]
        return self.meta.get("description", "")

    @property
    def sensitive_columns(self) -> tuple[str, ...]:
        """Result columns that hold personal data (the header's ``sensitive:`` list)."""
        return tuple(c.strip() for c in self.meta.get("sensitive", "").split(",") if c.strip())

    def text_for(self, dialect_name: str) -> str:
        """The statement text for a dialect: its variant if it has one, else the common text."""
        return self.variants.get(dialect_name, self.text)

    def bind(self, values: dict[str, Any] | None = None) -> dict[str, Any]:
        """Check and convert ``values`` against the declared parameters, filling defaults.

        Raises:
            ParameterError: a name that is not declared, or a value of the wrong type.
        """
        return bind_parameters(self.name, self.parameters, values)


def bind_parameters(owner: str, parameters: tuple[Parameter, ...] | list[Parameter],
                    values: dict[str, Any] | None = None) -> dict[str, Any]:
    """Check ``values`` against ``parameters`` of ``owner`` (a query or an analysis), convert
    them to their types and fill the defaults (``today`` for a date means today).

    Raises:
        ParameterError: a name that is not declared, or a value of the wrong type.

    Example:
        >>> bind_parameters("demo", [Parameter("depth", "int", "2")], {"depth": "3"})
        {'depth': 3}
    """
    values = dict(values or {})
    known = {p.name: p for p in parameters}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ParameterError(
            f"{owner} has no parameter {', '.join(unknown)}; it takes: "
            + (", ".join(f"{p.name} ({p.type})" for p in parameters) or "none")
        )
    bound = {}
    for name, param in known.items():
        raw = values.get(name, param.default)
        if raw == "today":
            raw = datetime.date.today()
        bound[name] = param.convert(raw)
    return bound


def _parse_parameter(spec: str) -> Parameter:
    # "as_of date = today | 截至日期 | As of"
    head, _, names = spec.partition("|")
    zh, _, en = names.partition("|")
    decl, _, default = head.partition("=")
    name, type_ = decl.split()
    if type_ not in _TYPES:
        raise ValueError(f"parameter {name}: unknown type {type_}")
    default_text = default.strip()
    return Parameter(name, type_, None if default_text in ("", "null") else default_text, zh.strip(), en.strip())


def _parse(path: Path) -> tuple[dict[str, str], tuple[Parameter, ...], str]:
    meta: dict[str, str] = {}
    params: list[Parameter] = []
    body: list[str] = []
    in_header = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if in_header and line.startswith("//"):
            key, sep, value = line[2:].partition(":")
            if sep and key.strip().isidentifier():
                if key.strip() == "param":
                    params.append(_parse_parameter(value.strip()))
                else:
                    meta[key.strip()] = (meta.get(key.strip(), "") + " " + value.strip()).strip()
            continue
        in_header = False
        body.append(line)
    return meta, tuple(params), "\n".join(body).strip()


def read_statements(folder: Path) -> dict[str, Statement]:
    """Read every ``*.cypher`` file of ``folder`` (with its dialect variants), by name.

    Example:
        >>> from pathlib import Path
        >>> "r1_uncovered_compounds" in read_statements(Path("queries"))  # doctest: +SKIP
        True
    """
    statements: dict[str, Statement] = {}
    variants: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.cypher")):
        parts = path.name.split(".")
        if len(parts) == 3:
            variants.setdefault(parts[0], {})[parts[1]] = _parse(path)[2]
            continue
        meta, params, text = _parse(path)
        name = meta.get("name", parts[0])
        if name != parts[0]:
            raise ValueError(f"{path}: header name {name!r} differs from the file name")
        statements[name] = Statement(name, path, text, meta, params)
    for name, by_dialect in variants.items():
        if name not in statements:
            raise ValueError(f"{folder}: dialect variant of {name!r} without its common statement")
        statements[name] = Statement(**{**statements[name].__dict__, "variants": by_dialect})
    return statements
