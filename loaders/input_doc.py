"""docs/INPUT.md: every input file and column with an example row, generated from the declarations."""

from __future__ import annotations

from loaders.input_files import INPUT_FILES
from loaders.template import column_notes

__all__ = ["input_markdown"]


def input_markdown() -> str:
    """The input format as Markdown: how files are read, then a section per file."""
    lines = [
        "# Input format 输入格式", "",
        "Generated from `loaders/input_files.py` by `python -m loaders.input_doc > docs/INPUT.md`; "
        "a test checks it is current.", "",
        "A data set is **a folder of CSV files** named `<file>.csv` (or by the Chinese title, e.g. `党员名册.csv`), "
        "or **one `.xlsx` workbook** with a sheet per file named the same way. Columns are the same either way.", "",
        "- Headers may be English (`name`) or Chinese (`名称`); column order does not matter; unknown columns are "
        "reported as warnings and ignored.",
        "- CSV may be UTF-8, UTF-8 with BOM, or GBK/GB18030: the encoding is detected.",
        "- Ids are unique across the whole data set and hold only ASCII letters, digits, `_ . -`.",
        "- Coded values may be written as the Chinese name (`社区党委`), the English name or the code.",
        "- Dates are `YYYY-MM-DD` (also `YYYY/M/D`, `YYYY年M月D日`, or an Excel date cell); yes/no is `是/否`.",
        "- Relationships that change over time have `since` and `until` (`until` empty while it holds).",
        "- A file may be left out, or hold only its header row: it then adds nothing. An empty file (no header "
        "row) is an error, and so is a data set in which no file has a single row.",
        "- Files are loaded in the order below; a reference may point at a row of any file, or at a node "
        "already in the graph.",
        "- `partygraph template OUT [--xlsx]` writes empty templates; `partygraph check PATH` validates "
        "without loading.", "",
    ]
    for spec in INPUT_FILES:
        lines += [f"## `{spec.name}.csv` — {spec.zh}", "", spec.en + (f"; one row per {spec.label} node" if spec.label
                                                                       else ""), "",
                  f"Row key (a repeat is an error): {', '.join(f'`{k}`' for k in spec.key)}", "",
                  "| column | 中文列名 | meaning | what to write |", "|---|---|---|---|"]
        for column in spec.columns:
            lines.append(f"| `{column.name}` | {column.zh} | {column.en} | {column_notes(column)} |")
        lines += ["", "Example:", "", "```csv", ",".join(c.name for c in spec.columns),
                  ",".join(c.example for c in spec.columns), "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(input_markdown())
