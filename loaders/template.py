"""Empty input templates: one CSV per input file, or one workbook with an explanation sheet."""

from __future__ import annotations

import csv
from pathlib import Path

from loaders.input_files import INPUT_FILES, Column

__all__ = ["write_templates", "column_notes"]


def column_notes(column: Column) -> str:
    """What may go into a column, in Chinese and English (type, required, allowed values, references)."""
    from graph.model import NODES

    kinds = {"str": "文本 text", "int": "整数 whole number", "float": "数字 number", "bool": "是/否 yes/no",
             "date": "日期 YYYY-MM-DD", "list": "多个值,用;分隔 values separated by ;"}
    parts = [kinds[column.type] if not column.references else "编号 id"]
    parts.append("必填 required" if column.required else "选填 optional")
    if column.choices:
        parts.append("可选值 allowed: " + "、".join(c.zh for c in column.choices))
    if column.references:
        parts.append("引用 refers to: " + "/".join(f"{NODES[label].zh} {label}" for label in column.references))
    if column.many:
        parts.append("多个编号用;分隔 several ids separated by ;")
    if column.minimum is not None or column.maximum is not None:
        parts.append(f"范围 range {column.minimum:g}–{column.maximum:g}")
    if column.sensitive:
        parts.append("个人敏感信息 personal data")
    return ";".join(parts)


def write_templates(out: Path, workbook: bool = False, language: str = "zh") -> list[Path]:
    """Write empty templates to ``out``: a folder of CSV files, or one ``.xlsx`` workbook.

    Headers are Chinese (``language="zh"``) or English; both are accepted on load.
    The workbook opens with a sheet ``说明`` that explains every column.

    Returns:
        The paths written.
    """
    out = Path(out)
    def header(column: Column) -> str:
        return column.zh if language == "zh" else column.name

    if not workbook:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for spec in INPUT_FILES:
            path = out / f"{spec.name}.csv"
            with path.open("w", encoding="utf-8-sig", newline="") as handle:
                csv.writer(handle).writerow([header(c) for c in spec.columns])
            written.append(path)
        return written

    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["文件/工作表 sheet", "列 column", "中文列名 Chinese header", "说明 description",
                  "填写要求 what to write", "示例 example"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for spec in INPUT_FILES:
        for column in spec.columns:
            notes.append([f"{spec.name}({spec.zh})", column.name, column.zh, column.en, column_notes(column),
                          column.example])
    for spec in INPUT_FILES:
        sheet = book.create_sheet(spec.name)
        sheet.append([header(c) for c in spec.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    path = out if out.suffix == ".xlsx" else out.with_suffix(".xlsx")
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return [path]
