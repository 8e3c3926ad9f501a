"""The benchmark runs end to end at a tiny size, and the bulk loaders it relies on build the same graph.

Nothing here asserts a time: the machine running the tests is not the one the figures are for.
"""

from __future__ import annotations

import json

import pytest

from graph.checksum import graph_snapshot
from loaders.input_files import INPUT_FILES
from loaders.load import BULK_LOADERS, LOADERS, check_path, load_validated


def test_every_bulk_loader_is_the_bulk_form_of_a_loader():
    names = {f.name for f in INPUT_FILES}
    assert set(BULK_LOADERS) <= names and set(BULK_LOADERS) <= set(LOADERS)
    # organizations may name a parent that comes later in the file: it keeps MERGE
    assert set(names) - set(BULK_LOADERS) == {"organizations"}
    for name, statement in BULK_LOADERS.items():
        assert "CREATE" in statement.text, name


def test_bulk_and_merge_loaders_build_the_same_graph(db, fixture_dir):
    validated = check_path(None, fixture_dir)
    load_validated(db, validated, bulk=False)
    merged = graph_snapshot(db)
    db.clear()
    load_validated(db, validated)  # an empty graph: the bulk loaders run
    assert graph_snapshot(db) == merged
    assert len(merged) > 300


def test_bulk_loading_into_a_graph_with_data_is_refused(db, fixture_dir):
    validated = check_path(None, fixture_dir)
    load_validated(db, validated)
    with pytest.raises(ValueError, match="fresh graph"):
        load_validated(db, validated, bulk=True)
    before = graph_snapshot(db)
    load_validated(db, validated, replace=True, bulk=True)  # replacing: fresh again
    assert graph_snapshot(db) == before


def test_bench_runs_on_the_fixture_and_writes_the_documented_keys(fixture_dir, tmp_path, capsys):
    from graph.cli import main
    from queries.catalogue import CATALOGUE

    out, tables = tmp_path / "bench.json", tmp_path / "RESULTS.md"
    code = main(["bench", "--backend", "embedded", "--data", str(fixture_dir), "--repeat", "1",
                 "--sample", "200", "--sample-repeat", "1", "--runs", "2", "--page-repeat", "1",
                 "--out", str(out), "--markdown", str(tables)])
    assert code == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert list(figures) == ["embedded"]
    embedded = figures["embedded"]
    assert {"scale", "versions", "load", "queries", "pages", "memory"} <= set(embedded)
    assert {"python", "falkordblite", "falkordb_module"} <= set(embedded["versions"])
    load = embedded["load"]
    for key in ("rows_per_s", "naive_rows_per_s", "bound_rows_per_s", "seconds", "write_rows_per_s",
                "sample_rows_per_s"):
        assert isinstance(load[key], (int, float)) and load[key] > 0, key
    assert load["rows"] > 0 and load["nodes"] > 0 and load["relationships"] > 0
    assert set(embedded["queries"]) == set(CATALOGUE)
    for name, query in embedded["queries"].items():
        assert "error" not in query, (name, query)
        assert {"p50_ms", "p95_ms"} <= set(query), name
    pages = embedded["pages"]
    if isinstance(pages, str):
        assert pages.startswith("not measured")
    else:
        assert pages and all("ms" in page or "error" in page for page in pages.values())
    assert embedded["memory"]["loader_mb"] > 0 and embedded["memory"]["db_mb"] > 0
    restart = embedded["restart"]  # the embedded server was stopped and started again
    assert restart["page"] == "overview" and restart["ms"] > 0 and "warm_up_s" not in restart
    text = tables.read_text(encoding="utf-8")
    assert "## Load" in text and "## Queries" in text and "naive" in text
    assert "## First page after the database restarted" in text
    assert "## Load" in capsys.readouterr().out


def test_the_tables_name_the_repeats_of_the_parts_measured_only():
    from bench.report import markdown

    result = {"scale": 10, "repeat": {"load": 1, "sample": 1, "queries": 5, "pages": 1}, "load": {"rows": 100},
              "queries": {}, "pages": "not measured: left out (--parts)"}
    text = markdown({"embedded": result})
    assert "every time is a median (1 loads, 1 sample runs, 5 query runs)." in text
    assert "page renders" not in text
    text = markdown({"embedded": {**result, "pages": {"overview": {"ms": 900}}}})
    assert "(1 loads, 1 sample runs, 5 query runs, 1 page renders)." in text
