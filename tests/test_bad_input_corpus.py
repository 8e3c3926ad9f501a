"""The bad-input corpus (``tests/data/bad``): every class of problem, in UTF-8 and GBK CSV files
and in workbooks, is reported with its file, row, column and value in Chinese and English;
``partygraph load`` exits with 2; and the graph is unchanged, checksum for checksum.

Valid cases in the corpus (injection text, an unknown column, a header-only file) load, and
read back literally.  ``tools/make_bad_corpus.py`` writes the corpus; a test checks it is
current.  A last, systematic test breaks each of the 33 input files in every way that
applies to its columns.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.backend import open_backend
from graph.checksum import graph_checksum
from graph.config import Settings
from graph.stats import graph_stats
from loaders.input_files import INPUT_FILES
from loaders.load import check_path, load_path
from loaders.problems import InputError, Problem

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "data" / "bad"
FIXTURE = Path(__file__).parent / "fixtures" / "dongfeng"
PARTYGRAPH = str(Path(sys.executable).with_name("partygraph"))
CASES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())
CJK = re.compile(r"[\u4e00-\u9fff]")


def spec_of(case: str) -> dict:
    return json.loads((CORPUS / case / "case.json").read_text(encoding="utf-8"))


def is_valid(case: str) -> bool:
    return spec_of(case)["expect"]["exit"] == 0


ERROR_CASES = [case for case in CASES if not is_valid(case)]
VALID_CASES = [case for case in CASES if is_valid(case)]


# --- materialising a case ----------------------------------------------------------------

def _fill_big_cell(folder: Path, big: dict) -> None:
    path = folder / big["file"]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[big["row"] - 1][rows[0].index(big["column"])] = big["text"] * big["repeat"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _workbook(csv_folder: Path, target: Path, edits: dict) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for path in sorted(csv_folder.glob("*.csv")):
        sheet = book.create_sheet(path.stem)
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                sheet.append([cell if cell != "" else None for cell in row])
    for merge in edits.get("merge", []):
        book[merge["sheet"]].merge_cells(merge["range"])
    for formula in edits.get("formulas", []):
        book[formula["sheet"]][formula["cell"]] = formula["formula"]
    for value in edits.get("values", []):
        book[value["sheet"]][value["cell"]] = value["value"]
    for text in edits.get("text_cells", []):
        cell = book[text["sheet"]][text["cell"]]
        cell.value = text["text"]
        cell.data_type = "s"  # text that starts with '=', as Excel keeps a cell typed as text
    book.save(target)


def materialise(case: str, root: Path) -> Path:
    """The input of ``case`` under ``root``: a folder ``dataset`` or a workbook ``input.xlsx``."""
    spec = spec_of(case)
    base = root / case
    folder = base / "dataset"
    folder.mkdir(parents=True)
    if "*" not in spec["delete"]:
        for path in FIXTURE.glob("*.csv"):
            if path.name not in spec["delete"]:
                shutil.copyfile(path, folder / path.name)
    for name in spec["files"]:
        shutil.copyfile(CORPUS / case / name, folder / name)
    for big in spec.get("big_cells", []):
        _fill_big_cell(folder, big)
    if spec["input"] == "folder":
        return folder
    workbook = base / "input.xlsx"
    if spec.get("raw_input"):
        shutil.copyfile(CORPUS / case / spec["raw_input"], workbook)
    else:
        _workbook(folder, workbook, spec.get("workbook", {}))
    return workbook


# --- matching the report ---------------------------------------------------------------

def _same_place(problem: Problem, wanted: dict, path: Path) -> bool:
    file_matches = (problem.file in (path.name, str(path)) if wanted["file"] == "dataset"
                    else problem.file == wanted["file"])
    return (file_matches and problem.row == wanted["row"] and problem.column == wanted["column"]
            and ("value" not in wanted or problem.value == wanted["value"]))


def _clear(problem: Problem) -> bool:
    """A message a reader can act on, in Chinese and in English."""
    return bool(CJK.search(problem.zh)) and bool(re.search(r"[A-Za-z]{3,}", problem.en))


def assert_reported(problems: list[Problem], spec: dict, path: Path) -> None:
    for severity, wanted_list in (("error", spec["expect"]["errors"]), ("warning", spec["expect"]["warnings"])):
        for wanted in wanted_list:
            matches = [p for p in problems if p.severity == severity and _same_place(p, wanted, path)]
            assert matches, f"{spec['name']}: no {severity} at {wanted}; got {[str(p) for p in problems]}"
            assert all(_clear(p) for p in matches), [str(p) for p in matches]
    if spec["expect"]["exit"] == 0:
        assert not [p for p in problems if p.severity == "error"], [str(p) for p in problems]
    assert all(_clear(p) for p in problems), [str(p) for p in problems if not _clear(p)]


# --- the corpus itself ----------------------------------------------------------------

def _generator():
    spec = importlib.util.spec_from_file_location("make_bad_corpus", ROOT / "tools" / "make_bad_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def test_the_corpus_is_what_the_generator_writes():
    generator = _generator()
    cases = generator.cases()
    assert CASES == [f"{n:02d}_{case.name}" for n, case in enumerate(cases, start=1)]
    for folder, case in zip(CASES, cases):
        assert spec_of(folder) == json.loads(json.dumps(case.spec())), folder
        for name, data in case.files.items():
            assert (CORPUS / folder / name).read_bytes() == data, f"{folder}/{name}"


def test_the_corpus_covers_every_class():
    classes = {spec_of(case)["class"] for case in CASES}
    wanted = {"missing required column", "unknown column (warning only)", "empty required value",
              "wrong type: int", "wrong type: float", "wrong type: bool", "wrong type: date", "bad date",
              "out-of-range number", "bad choice", "duplicate id", "duplicate row key",
              "reference to a missing id", "id with spaces", "id with full-width characters", "org cycle",
              "member in two organizations", "until before since", "the same id in two files",
              "mixed encodings", "truncated file", "empty file", "header only (valid)", "empty data set",
              "merged header cells", "formula", "huge cell", "Cypher injection text (valid)",
              "formula injection text (valid)"}
    assert wanted <= classes, wanted - classes
    assert len(CASES) >= 40
    gbk = [case for case in ERROR_CASES if any(_is_gbk_only(CORPUS / case / f) for f in spec_of(case)["files"])]
    workbooks = [case for case in ERROR_CASES if spec_of(case)["input"] == "workbook"]
    assert len(gbk) >= 3 and len(workbooks) >= 5, (gbk, workbooks)


def _is_gbk_only(path: Path) -> bool:
    data = path.read_bytes()
    if _is_utf8(data):
        return False
    try:
        data.decode("gbk")
    except UnicodeDecodeError:
        return False
    return True


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --- in process, on both backends -----------------------------------------------------------

class LoadedFixture:
    """The 东风 fixture loaded in one backend, with its checksum; reloaded if another test emptied it."""

    def __init__(self, db) -> None:
        self.db = db
        db.clear()
        load_path(db, FIXTURE)
        self.checksum = graph_checksum(db)

    def ensure(self):
        if graph_checksum(self.db) != self.checksum:
            self.db.clear()
            load_path(self.db, FIXTURE)
            assert graph_checksum(self.db) == self.checksum
        return self.db


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def loaded(request, backends):
    from tests.conftest import _backend

    return LoadedFixture(_backend(request, backends, request.param))


@pytest.mark.parametrize("case", ERROR_CASES)
def test_bad_input_is_reported_and_changes_nothing(loaded, case, tmp_path):
    db = loaded.ensure()
    spec = spec_of(case)
    path = materialise(case, tmp_path)
    with pytest.raises(InputError) as raised:
        load_path(db, path)
    assert_reported(raised.value.problems, spec, path)
    assert graph_checksum(db) == loaded.checksum


@pytest.mark.parametrize("case", VALID_CASES)
def test_valid_corpus_input_loads_literally_and_deletes_nothing(db, case, tmp_path):
    spec = spec_of(case)
    path = materialise(case, tmp_path)
    load_path(db, FIXTURE)
    before = graph_stats(db)
    ids_before = db.read("MATCH (n) RETURN n.id AS id ORDER BY id")
    report = load_path(db, path)
    assert_reported(report.warnings, spec, path)
    assert graph_stats(db) == before
    assert db.read("MATCH (n) RETURN n.id AS id ORDER BY id") == ids_before
    for literal in spec["expect"].get("literal", []):
        assert _property(db, literal) == literal["value"], literal


def _property(db, literal: dict):
    rows = db.read("MATCH (n {id: $id}) WHERE $label IN labels(n) RETURN properties(n) AS properties",
                   {"id": literal["id"], "label": literal["label"]})
    assert len(rows) == 1, rows
    return rows[0]["properties"].get(literal["property"])


# --- the command line, on the embedded backend -------------------------------------------------

@pytest.fixture(scope="module")
def cli_home(tmp_path_factory):
    """A PARTYGRAPH_HOME holding the fixture; this process keeps its embedded server up."""
    home = tmp_path_factory.mktemp("corpus-cli")
    db = open_backend(Settings(backend="embedded", home=home))
    from graph.schema import apply_schema

    apply_schema(db)
    load_path(db, FIXTURE)
    yield home, db
    db.close()


def _cli_load(home: Path, path: Path, graph: str = "partygraph") -> subprocess.CompletedProcess:
    env = {**os.environ, "PARTYGRAPH_HOME": str(home), "PARTYGRAPH_BACKEND": "embedded",
           "PARTYGRAPH_GRAPH": graph}
    return subprocess.run([PARTYGRAPH, "load", str(path)], capture_output=True, text=True, env=env, timeout=120)


def _listed(stderr: str, wanted: dict, path: Path) -> bool:
    file = path.name if wanted["file"] == "dataset" else wanted["file"]
    parts = [file + (f" 第{wanted['row']}行 row {wanted['row']}" if wanted["row"] else "")]
    if wanted["column"]:
        parts.append(f"列 column {wanted['column']}")
    if wanted.get("value"):
        parts.append(f"值 value {wanted['value']!r}")
    return any(all(part in line for part in parts) and " / " in line for line in stderr.splitlines())


@pytest.mark.parametrize("case", ERROR_CASES)
def test_partygraph_load_exits_2_and_lists_the_problem(cli_home, case, tmp_path):
    home, db = cli_home
    before = graph_checksum(db)
    spec = spec_of(case)
    path = materialise(case, tmp_path)
    result = _cli_load(home, path)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    for wanted in spec["expect"]["errors"]:
        assert _listed(result.stderr, wanted, path), (wanted, result.stderr[-3000:])
    assert graph_checksum(db) == before


@pytest.mark.parametrize("case", VALID_CASES)
def test_partygraph_load_of_valid_corpus_input_exits_0(cli_home, case, tmp_path):
    home, _ = cli_home
    graph = f"valid_{case}"
    with open_backend(Settings(backend="embedded", home=home, graph_name=graph)) as own:
        load_path(own, FIXTURE)
        stats = graph_stats(own)
        result = _cli_load(home, materialise(case, tmp_path), graph)
        assert result.returncode == 0, result.stderr[-2000:]
        assert graph_stats(own) == stats
        for literal in spec_of(case)["expect"].get("literal", []):
            assert _property(own, literal) == literal["value"], literal
        own.command("GRAPH.DELETE", graph)


# --- every input file, every class that applies ----------------------------------------------

def _fixture_rows(name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((FIXTURE / f"{name}.csv").read_text(encoding="utf-8"), newline="")))


def _breakages(spec) -> list[tuple[str, list[list[str]], tuple[int, str]]]:
    """(class, broken rows, (row, column) that must be reported) for every class that applies."""
    rows = _fixture_rows(spec.name)
    header = rows[0]
    out = []

    def with_cell(column: str, value: str) -> list[list[str]]:
        changed = [list(r) for r in rows]
        changed[1][header.index(column)] = value
        return changed

    required = [c for c in spec.columns if c.required]
    first = required[0]
    out.append(("empty required value", with_cell(first.name, ""), (2, first.name)))
    dropped = header.index(first.name)
    out.append(("missing required column", [r[:dropped] + r[dropped + 1:] for r in rows], (1, first.name)))
    bad_values = {"int": "十二", "float": "很多", "date": "2021-13-45", "bool": "也许"}
    for column in spec.columns:
        if column.type in bad_values and not column.references:
            out.append((f"wrong type: {column.type}", with_cell(column.name, bad_values[column.type]),
                        (2, column.name)))
            break
    for column in spec.columns:
        if column.maximum is not None:
            out.append(("out-of-range number", with_cell(column.name, f"{column.maximum * 10 + 1:g}"),
                        (2, column.name)))
            break
    for column in spec.columns:
        if column.choices and column.type == "str":
            out.append(("bad choice", with_cell(column.name, "不存在的选项"), (2, column.name)))
            break
    for column in spec.columns:
        if column.references:
            out.append(("reference to a missing id", with_cell(column.name, "NOPE_404"), (2, column.name)))
            out.append(("id with spaces", with_cell(column.name, "CP 01"), (2, column.name)))
            break
    if "id" in header:
        out.append(("id with full-width characters", with_cell("id", "ＩＤ１"), (2, "id")))
    out.append(("duplicate row key", rows + [list(rows[1])], (len(rows) + 1, spec.key[0])))
    if "since" in header and "until" in header:
        changed = with_cell("since", "2021-01-01")
        changed[1][header.index("until")] = "2020-01-01"
        out.append(("until before since", changed, (2, "until")))
    return out


@pytest.mark.parametrize("name", [spec.name for spec in INPUT_FILES])
def test_every_class_of_problem_in_every_input_file(name, tmp_path):
    spec = next(s for s in INPUT_FILES if s.name == name)
    missed = []
    folder = tmp_path / "dataset"
    shutil.copytree(FIXTURE, folder)
    for kind, rows, (row, column) in _breakages(spec):
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
        problems = check_path(None, folder).problems
        if not any(p.severity == "error" and (p.file, p.row, p.column) == (f"{name}.csv", row, column)
                   and _clear(p) for p in problems):
            missed.append((kind, row, column, [str(p) for p in problems]))
    assert missed == []
