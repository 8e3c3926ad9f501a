"""Typing the text of one cell: numbers, dates, yes/no, coded values and id lists."""

from __future__ import annotations

import datetime
import re

from graph.model import Choice

__all__ = ["CellError", "parse_cell", "ID_PATTERN"]

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_TRUE = {"是", "true", "yes", "y", "1", "t"}
_FALSE = {"否", "false", "no", "n", "0", "f"}
_LIST_SEPARATORS = re.compile(r"[;；、]")


class CellError(ValueError):
    """A cell whose value does not fit its column; ``zh``/``en`` say why."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


def _parse_date(value: object) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    match = _DATE.match(str(value).strip())
    if not match:
        raise CellError("日期格式错误,应为YYYY-MM-DD", "not a date; write YYYY-MM-DD")
    try:
        day = datetime.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise CellError("不存在的日期", "no such date") from None
    if not 1900 <= day.year <= 2100:
        raise CellError("日期超出1900–2100年", "date outside 1900–2100")
    return day


def _parse_number(value: object, kind: str) -> int | float:
    if isinstance(value, bool):
        raise CellError("应为数字", "not a number")
    text = str(value).strip().replace(",", "").replace(",", "")
    try:
        number = float(text)
    except ValueError:
        raise CellError("应为数字", "not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise CellError("应为有限的数字", "not a finite number")
    if kind == "int":
        if not number.is_integer():
            raise CellError("应为整数", "not a whole number")
        return int(number)
    return number


def _parse_choice(text: str, choices: tuple[Choice, ...]) -> str:
    folded = text.strip().lower()
    for choice in choices:
        if folded in (choice.code.lower(), choice.zh.lower(), choice.en.lower()):
            return choice.code
    allowed = "、".join(c.zh for c in choices)
    raise CellError(f"不是允许的值,应为:{allowed}", f"not an allowed value; use one of: {allowed}")


def parse_cell(value: object, kind: str, choices: tuple[Choice, ...] = (), is_id: bool = False):
    """Turn one non-empty cell into a typed value, or raise :class:`CellError`.

    Example:
        >>> parse_cell("2020/1/5", "date")
        datetime.date(2020, 1, 5)
    """
    if kind == "date":
        return _parse_date(value)
    if kind in ("int", "float"):
        return _parse_number(value, kind)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise CellError("应为“是”或“否”", "not yes/no (是/否)")
    if kind == "list":
        items = [item.strip() for item in _LIST_SEPARATORS.split(str(value)) if item.strip()]
        return [_parse_choice(item, choices) for item in items] if choices else items
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))  # Excel stores 1001 as 1001.0
    if is_id and not ID_PATTERN.match(text):
        raise CellError("编号只能包含半角字母、数字、下划线、点和减号,且不含空格",
                        "an id may hold only ASCII letters, digits, _ . - and no spaces")
    if choices:
        return _parse_choice(text, choices)
    return text
