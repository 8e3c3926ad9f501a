"""Problems found in input files, each naming file, row, column and value, in Chinese and English."""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["Problem", "InputError", "format_problems"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input.

    Attributes:
        file: file name (``members.csv``) or ``book.xlsx!members``.
        row: row number as a spreadsheet shows it (the header is row 1); 0 for the whole file.
        column: column header as written in the file ('' for the whole row or file).
        value: the offending value, shortened.
        zh / en: what is wrong, in Chinese and English.
        severity: ``error`` (nothing is loaded) or ``warning`` (loaded anyway).
    """

    file: str
    row: int
    column: str
    value: str
    zh: str
    en: str
    severity: str = "error"

    def as_dict(self) -> dict[str, object]:
        """The problem as a plain dict (for JSON and tables)."""
        return asdict(self)

    def __str__(self) -> str:
        where = self.file + (f" 第{self.row}行 row {self.row}" if self.row else "")
        where += f" 列 column {self.column}" if self.column else ""
        shown = f" 值 value {self.value!r}" if self.value else ""
        return f"[{self.severity}] {where}{shown}: {self.zh} / {self.en}"


class InputError(Exception):
    """The input has errors; nothing was written.  ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{len(errors)} problem(s) in the input; nothing was loaded")
        self.problems = problems


def short(value: object, limit: int = 60) -> str:
    """The value as text, cut to ``limit`` characters for a readable report."""
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[:limit] + f"…(+{len(text) - limit})"


def format_problems(problems: list[Problem]) -> str:
    """Every problem on its own line, errors first, then a count."""
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.file, p.row, p.column))
    errors = sum(p.severity == "error" for p in problems)
    lines = [str(p) for p in ordered]
    lines.append(f"{errors} 个错误 errors, {len(problems) - errors} 个警告 warnings")
    return "\n".join(lines)
