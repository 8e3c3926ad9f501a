"""Read an input folder of CSV files or one Excel workbook into raw tables.

CSV files may be UTF-8 (with or without BOM) or GBK/GB18030; the encoding is detected.
Headers may be English (``name``) or Chinese (``名称``).  Nothing is typed or checked
here beyond what is needed to read the file: :mod:`loaders.validate` does the rest.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Callable, Iterator

from loaders.input_files import LOAD_ORDER, InputFile, find_input_file
from loaders.problems import Problem, short

__all__ = ["RawTable", "InputReading", "open_input", "read_input", "decode_csv"]

MAX_CELL_CHARS = 10_000
_CSV_FIELD_LIMIT = 256 * 1024 * 1024


@dataclass
class RawTable:
    """One file or sheet as read: header cells and rows of text keyed by column name.

    ``columns`` maps each recognised header cell to its column name; ``rows`` holds
    (row number, {column name: text}) with the header as row 1.
    """

    spec: InputFile
    source: str
    columns: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# What GBK bytes become when UTF-8 reads them by chance: C1 controls and the two-byte letters
# (Latin Extended, Greek, Cyrillic, Armenian, Hebrew, Arabic …), not Latin-1 or Chinese.
_UNLIKELY = re.compile(r"[\u0080-\u009f\u0100-\u07ff]")


def _reads_as_utf8(text: str) -> bool:
    """Chinese text without the letters that GBK bytes turn into when read as UTF-8."""
    return bool(_CJK.search(text)) and not _UNLIKELY.search(text)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def decode_csv(data: bytes, source: str) -> tuple[str | None, list[Problem]]:
    """Decode CSV bytes as UTF-8 (BOM or not), else GB18030; a problem when neither fits.

    GB18030 decodes almost any bytes, so a file that is UTF-8 in some lines and not in
    others (two encodings pasted together, or a UTF-8 file cut in the middle of a
    character) would come out as garbled text: it is reported, naming the first odd line.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
        not_utf8 = [number for number, line in enumerate(lines, start=1) if not _decodes(line, "utf-8")]
        odd = set(not_utf8)
        utf8 = [number for number, line in enumerate(lines, start=1)
                if number not in odd and not line.isascii() and _reads_as_utf8(line.decode("utf-8"))]
        if utf8:
            first = (utf8 if len(utf8) < len(not_utf8) else not_utf8)[0]  # the odd one out: the fewer lines
            return None, [Problem(
                source, first, "", short(lines[first - 1].decode("utf-8", "replace")),
                "这一行的编码与其他行不同(UTF-8与GBK混用),或文件在一个汉字中间被截断;请把整个文件另存为UTF-8",
                "this line is not in the encoding of the other lines (UTF-8 and GBK mixed), or the file "
                "was cut in the middle of a character; save the whole file as UTF-8")]
        if _decodes(data, "gb18030"):
            return data.decode("gb18030"), []
        first = next((n for n, line in enumerate(lines, start=1) if not _decodes(line, "gb18030")), 0)
        return None, [Problem(
            source, first, "", f"byte {utf8_error.start}",
            "文件编码无法识别(应为UTF-8或GBK),可能混有两种编码",
            "cannot decode the file as UTF-8 or GBK; it may mix both encodings")]
    # Short GBK text can be valid UTF-8 by chance (员 is D4 B1, which UTF-8 reads as Ա): when the
    # UTF-8 reading has no Chinese, and the GBK reading is Chinese, it is GBK.  With odd letters
    # in the UTF-8 reading that is sure; with only Latin-1 ones (路 is C2 B7, which UTF-8 reads
    # as ·) the same bytes are also a UTF-8 file without a Chinese character, rare in a roster:
    # read as GBK, with a warning saying how to have it read as UTF-8.
    if text.isascii() or _CJK.search(text) or data.startswith(b"\xef\xbb\xbf"):
        return text, []
    try:
        gbk = data.decode("gb18030")
    except UnicodeDecodeError:
        return text, []
    if not _reads_as_utf8(gbk):
        return text, []
    if _UNLIKELY.search(text):
        return gbk, []
    return gbk, [_read_as_gbk_warning(source, text, gbk)]


def _read_as_gbk_warning(source: str, utf8: str, gbk: str) -> Problem:
    """The warning for a file whose bytes read as Chinese in GBK and as Latin letters in UTF-8."""
    utf8_lines, gbk_lines = utf8.split("\n"), gbk.split("\n")
    line = next(number for number, (a, b) in enumerate(zip(utf8_lines, gbk_lines), start=1) if a != b)
    value = f"GBK: {short(gbk_lines[line - 1].strip())} / UTF-8: {short(utf8_lines[line - 1].strip())}"
    return Problem(
        source, line, "", value,
        "文件既可按GBK读也可按UTF-8读,已按GBK读取;若应为UTF-8,请另存为带BOM的UTF-8(Excel的“CSV UTF-8”)",
        "the file reads both as GBK and as UTF-8 and was read as GBK; if it is UTF-8, save it as UTF-8 "
        "with a BOM (Excel's \"CSV UTF-8\")", "warning")


def _header_map(spec: InputFile, header: list[str], source: str) -> tuple[dict[str, str], list[Problem]]:
    by_header = {}
    for column in spec.columns:
        by_header[column.name.lower()] = column.name
        by_header[column.zh] = column.name
    mapping: dict[str, str] = {}
    problems: list[Problem] = []
    for cell in header:
        text = (cell or "").strip()
        name = by_header.get(text) or by_header.get(text.lower())
        if name is None:
            problems.append(Problem(source, 1, text, "", "未知的列,已忽略", "unknown column, ignored", "warning"))
        elif name in mapping.values():
            problems.append(Problem(source, 1, text, "", "列重复", "the same column appears twice"))
        else:
            mapping[text] = name
    for column in spec.columns:
        if column.required and column.name not in mapping.values():
            problems.append(Problem(source, 1, column.name, "", f"缺少必需的列 {column.name}/{column.zh}",
                                    f"required column {column.name} ({column.zh}) is missing"))
    return mapping, problems


def _row_from_values(header: list[str], mapping: dict[str, str], source: str, offset: int,
                     values: list[object], problems: list[Problem]) -> dict[str, object] | None:
    """One row as {column name: value}, or None for a blank row; problems of the row appended."""
    if all(v is None or str(v).strip() == "" for v in values):
        return None
    row: dict[str, object] = {}
    for header_cell, value in zip(header, values):
        name = mapping.get(header_cell.strip())
        if name is None:
            continue
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            problems.append(Problem(source, offset, header_cell, short(value),
                                    f"单元格过长(超过{MAX_CELL_CHARS}字)",
                                    f"cell longer than {MAX_CELL_CHARS} characters"))
            value = None
        row[name] = value
    if len(values) > len(header) and any(str(v).strip() for v in values[len(header):] if v is not None):
        problems.append(Problem(source, offset, "", short(values[len(header):]),
                                "该行的值多于表头的列", "the row has more values than the header has columns"))
    return row


def _table_from_cells(spec: InputFile, source: str, cells: list[list[object]],
                      text_only: bool = False) -> tuple[RawTable, list[Problem]]:
    """A raw table from the cells of a file or sheet (header first).

    ``text_only`` says every cell is a ``str`` (a CSV file): a row then goes through a
    fast path that gives the same row, and the general path only when it is blank-looking,
    holds an over-long cell or has more values than the header.
    """
    table = RawTable(spec, source)
    if not cells:
        return table, [Problem(source, 0, "", "", "文件为空(没有表头)", "the file is empty (no header row)")]
    header = ["" if c is None else str(c) for c in cells[0]]
    mapping, problems = _header_map(spec, header, source)
    table.columns = mapping
    rows = table.rows
    if not text_only:
        for offset in range(1, len(cells)):
            row = _row_from_values(header, mapping, source, offset + 1, cells[offset], problems)
            if row is not None:
                rows.append((offset + 1, row))
        return table, problems
    width = len(header)
    names = [mapping.get(cell.strip()) for cell in header]
    kept = [(i, name) for i, name in enumerate(names) if name is not None]
    every_column = len(kept) == width
    keep_names = [name for _, name in kept]
    keep_index = [i for i, _ in kept]
    join = "".join
    long_cells = max(map(len, chain.from_iterable(cells)), default=0) > MAX_CELL_CHARS  # once per file
    for offset in range(1, len(cells)):
        values = cells[offset]
        if len(values) > width or long_cells or not (values and values[0].strip() or join(values).strip()):
            row = _row_from_values(header, mapping, source, offset + 1, values, problems)
            if row is not None:
                rows.append((offset + 1, row))
        elif every_column:
            rows.append((offset + 1, dict(zip(names, values))))
        elif len(values) == width:
            rows.append((offset + 1, dict(zip(keep_names, [values[i] for i in keep_index]))))
        else:
            rows.append((offset + 1, {name: value for name, value in zip(names, values) if name is not None}))
    return table, problems


def _read_csv(path: Path, spec: InputFile) -> tuple[RawTable | None, list[Problem]]:
    text, problems = decode_csv(path.read_bytes(), path.name)
    if text is None:
        return None, problems
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)  # an over-long cell is reported by row and column below
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        cells = list(reader)
    except csv.Error as error:
        return None, [Problem(path.name, reader.line_num, "", "", f"CSV格式错误:{error}", f"malformed CSV: {error}")]
    table, table_problems = _table_from_cells(spec, path.name, cells, text_only=True)
    return table, problems + table_problems


def _read_workbook(path: Path) -> tuple[list[RawTable], list[Problem]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=False, data_only=False)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        return [], [Problem(path.name, 0, "", "", f"无法读取工作簿:{error}", f"cannot read the workbook: {error}")]
    tables, problems = [], []
    for sheet in book.worksheets:
        spec = find_input_file(sheet.title)
        source = f"{path.name}!{sheet.title}"
        if spec is None:
            if sheet.title not in ("说明", "README"):
                problems.append(Problem(source, 0, "", "", "未知的工作表,已忽略", "unknown sheet, ignored", "warning"))
            continue
        for merged in sheet.merged_cells.ranges:
            problems.append(Problem(source, merged.min_row, "", str(merged), "不支持合并单元格",
                                    "merged cells are not supported; unmerge them"))
        cells = []
        for row in sheet.iter_rows():
            values = []
            for cell in row:
                value = cell.value
                if cell.data_type == "f":
                    problems.append(Problem(source, cell.row, str(cell.column_letter), short(value),
                                            "单元格是公式,请粘贴为数值", "the cell holds a formula; paste it as a value"))
                    value = None
                values.append(value)
            cells.append(values)
        table, found = _table_from_cells(spec, source, cells)
        tables.append(table)
        problems.extend(found)
    return tables, problems


class InputReading:
    """An input that is read file by file, in load order, as :meth:`tables` is iterated.

    A load validates and writes each file while the next is read.  ``problems`` grows as
    the files are read; it is complete once :meth:`tables` is exhausted.
    """

    def __init__(self, path: Path, estimated_rows: int, problems: list[Problem],
                 readers: list[Callable[[], tuple[RawTable | None, list[Problem]]]]) -> None:
        self.path = path
        #: Data rows in the input, counted from its line breaks before reading (a quoted line
        #: break in a cell counts too): enough to choose how to commit a load.
        self.estimated_rows = estimated_rows
        self.problems = problems
        self._readers = readers

    def tables(self) -> Iterator[RawTable]:
        """Read and yield each table in load order (can be iterated once)."""
        readers, self._readers = self._readers, []
        any_table = any_rows = False
        for read in readers:
            table, found = read()
            self.problems.extend(found)
            if table is not None:
                any_table = True
                any_rows = any_rows or bool(table.rows)
                yield table
        if any(p.severity == "error" for p in self.problems):
            return
        if not any_table:
            self.problems.append(Problem(str(self.path), 0, "", "", "没有找到可识别的输入文件",
                                         "no recognised input file found"))
        elif not any_rows:
            # A file with a header and no rows loads nothing and is fine; a data set of nothing but is a mistake.
            self.problems.append(Problem(self.path.name, 0, "", "", "每个文件都只有表头、没有数据行:没有可导入的内容",
                                         "every file has a header but no rows: there is nothing to load"))


def open_input(path: Path) -> InputReading:
    """Get ready to read a folder of ``<name>.csv`` files or one ``.xlsx`` workbook.

    A folder's files are read one at a time as the tables are iterated; a workbook is read
    whole here (openpyxl reads it in one piece).

    Raises:
        FileNotFoundError: ``path`` is neither a folder nor a workbook.
    """
    path = Path(path)
    if path.is_file() and path.suffix.lower() in (".xlsx", ".xlsm"):
        tables, problems = _read_workbook(path)
        tables.sort(key=lambda t: LOAD_ORDER[t.spec.name])
        readers = [lambda table=table: (table, []) for table in tables]
        return InputReading(path, sum(len(t.rows) for t in tables), problems, readers)
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: not a folder of CSV files or an .xlsx workbook")
    problems, files = [], []
    for csv_path in sorted(path.glob("*.csv")):
        spec = find_input_file(csv_path.stem)
        if spec is None:
            problems.append(Problem(csv_path.name, 0, "", "", "未知的文件,已忽略", "unknown file, ignored",
                                    "warning"))
        else:
            files.append((csv_path, spec))
    files.sort(key=lambda item: LOAD_ORDER[item[1].name])
    estimated = sum(max(0, _line_breaks(csv_path) - 1) for csv_path, _ in files)
    readers = [lambda csv_path=csv_path, spec=spec: _read_csv(csv_path, spec) for csv_path, spec in files]
    return InputReading(path, estimated, problems, readers)


def _line_breaks(csv_path: Path) -> int:
    data = csv_path.read_bytes()
    return data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)


def read_input(path: Path) -> tuple[list[RawTable], list[Problem]]:
    """Read a folder of ``<name>.csv`` files or one ``.xlsx`` workbook, whole.

    Returns the tables in load order and every problem met while reading.

    Example:
        >>> tables, problems = read_input(Path("demo"))  # doctest: +SKIP
    """
    reading = open_input(path)
    tables = list(reading.tables())
    return tables, reading.problems
