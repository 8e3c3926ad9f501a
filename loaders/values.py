"""Typing the text of one cell: numbers, dates, yes/no, coded values and id lists."""

from __future__ import annotations

import datetime
import re

from graph.model import Choice

__all__ = ["CellError", "parse_cell", "cell_parser", "column_parser", "ID_PATTERN"]

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


def _parse_iso_date(text: str) -> datetime.date:
    # The common case, ``YYYY-MM-DD`` in ASCII, without the regular expression; anything
    # else (other separators, 年月日, an impossible day) goes the general way and its message.
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:
            return _parse_date(text)
        if 1900 <= day.year <= 2100:
            return day
    return _parse_date(text)


def _check_id(text: str) -> str:
    if not ID_PATTERN.match(text):
        raise CellError("编号只能包含半角字母、数字、下划线、点和减号,且不含空格",
                        "an id may hold only ASCII letters, digits, _ . - and no spaces")
    return text


def _text_parser(kind: str, choices: tuple[Choice, ...], is_id: bool):
    """What :func:`parse_cell` does to a stripped, non-empty text; None for free text (kept as is)."""
    if kind == "date":
        return _parse_iso_date
    if kind == "str" and not choices:
        return _check_id if is_id else None

    def parse_text(text: str):
        return parse_cell(text, kind, choices, is_id=is_id)

    return parse_text


def cell_parser(kind: str, choices: tuple[Choice, ...] = (), is_id: bool = False, many: bool = False,
                memo: bool = True):
    """A parser of one column's non-empty cells, the same as :func:`parse_cell` but faster on text.

    Validation types hundreds of thousands of cells per load, so the decisions
    ``parse_cell`` takes per cell are taken once per column here.  Text cells are
    stripped once; ISO dates skip the regular expression; with ``memo`` the typed value of
    each distinct text is kept (dates, numbers, coded values and references repeat a
    lot).  Anything not text (a workbook's numbers and dates) goes through ``parse_cell``.
    The results and the :class:`CellError` raised are exactly those of ``parse_cell``;
    ``many`` reads a list of ids, as the validation of an id-list column does.

    Example:
        >>> cell_parser("date")(" 2020-01-05 ")
        datetime.date(2020, 1, 5)
    """
    if many:
        def parse_many(value: object) -> list[str]:
            return [parse_cell(v, "str", is_id=True) for v in parse_cell(value, "list")]

        return parse_many  # a fresh list each time: lists are not shared between rows
    if kind == "list":
        def parse_list(value: object) -> list[str]:
            return parse_cell(value, "list", choices)

        return parse_list
    parse_text = _text_parser(kind, choices, is_id)
    if parse_text is None:
        def parse_free(value: object):
            if value.__class__ is str:
                return value.strip()
            return parse_cell(value, kind, choices, is_id=is_id)

        return parse_free
    if not memo:
        def parse(value: object):
            if value.__class__ is str:
                return parse_text(value.strip())
            return parse_cell(value, kind, choices, is_id=is_id)

        return parse
    seen: dict[str, object] = {}

    def parse_memo(value: object):
        if value.__class__ is str:
            text = value.strip()
            typed = seen.get(text, seen)
            if typed is seen:
                typed = seen[text] = parse_text(text)  # a CellError is raised, never kept
            return typed
        return parse_cell(value, kind, choices, is_id=is_id)

    return parse_memo


def column_parser(kind: str, choices: tuple[Choice, ...] = (), is_id: bool = False, many: bool = False,
                  memo: bool = True):
    """A parser of a whole column: ``parse(values) -> (typed values, whether a cell was blank)``.

    Each cell is typed as :func:`cell_parser` types it; a blank cell (None, or only
    spaces) becomes None — ``[]`` in an id-list column.  The first bad cell raises its
    :class:`CellError`: the caller then types the rows one by one to name every problem.

    Example:
        >>> column_parser("int")(["3", " ", "4"])
        ([3, None, 4], True)
    """
    cell = cell_parser(kind, choices, is_id=is_id, many=many, memo=memo)
    parse_text = None if many or kind == "list" else _text_parser(kind, choices, is_id)
    if many or kind == "list":
        def parse_cells(values: list) -> tuple[list, bool]:
            out, blank = [], False
            for value in values:
                if value is None or (isinstance(value, str) and not value.strip()):
                    blank = True
                    out.append([] if many else None)
                else:
                    out.append(cell(value))
            return out, blank

        return parse_cells
    seen: dict[str, object] = {}

    def parse_texts(values: list) -> tuple[list, bool]:
        out = []
        append = out.append
        blank = False
        get = seen.get
        for value in values:
            if value.__class__ is str:
                text = value.strip()
                if not text:
                    blank = True
                    append(None)
                elif parse_text is None:
                    append(text)
                elif not memo:
                    append(parse_text(text))
                else:
                    typed = get(text, seen)
                    if typed is seen:
                        typed = seen[text] = parse_text(text)
                    append(typed)
            elif value is None or (isinstance(value, str) and not value.strip()):
                blank = True
                append(None)
            else:
                append(cell(value))
        return out, blank

    return parse_texts
