"""One benchmark run over one or both backends: load, queries, pages, memory — JSON and Markdown."""

from __future__ import annotations

import datetime
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from bench.loading import bench_full_load, bench_sample
from bench.pages import bench_first_page_after_restart, bench_pages
from bench.querying import AS_OF, bench_queries
from bench.report import markdown
from bench.system import machine, open_target, peak_rss_mb, rss_mb, versions

__all__ = ["BenchOptions", "run_bench", "PARTS"]

PARTS = ("load", "replace", "queries", "pages", "restart")


@dataclass
class BenchOptions:
    """What to measure and how often.

    Attributes:
        scale: demo scale (1 is the seed's city, about 480,000 rows).
        backends: ``embedded`` and/or ``neo4j``.
        data: bench this input folder instead of generating the demo (``scale`` is then 0).
        repeat: full loads per backend (median reported).
        sample: rows of the naive / loader / bound comparison.
        sample_repeat: runs of that comparison (median reported).
        runs: timed runs per catalogue query (after two warm-up runs).
        page_repeat: cold renders per explorer page.
        batch_size: rows per ``UNWIND $rows`` statement.
        parts: any of ``load``, ``replace``, ``queries``, ``pages``, ``restart`` (load always runs:
            the others need the data; ``replace`` reloads onto the loaded graph; ``restart`` draws the
            explorer's first page after the database was restarted).
        queries: only these catalogue queries (default all).
        wipe_remote: allow replacing the graph of a non-empty server at NEO4J_URI.
    """

    scale: int = 1
    backends: tuple[str, ...] = ("embedded", "neo4j")
    data: Path | None = None
    repeat: int = 3
    sample: int = 10_000
    sample_repeat: int = 3
    runs: int = 20
    page_repeat: int = 3
    batch_size: int = 5000
    parts: tuple[str, ...] = PARTS
    queries: set[str] | None = None
    wipe_remote: bool = False
    notes: list[str] = field(default_factory=list)


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_bench(options: BenchOptions, log: Callable[[str], None] = _log) -> dict[str, dict[str, Any]]:
    """Measure every backend in ``options``; returns {backend: figures} (see :mod:`bench`)."""
    workdir = Path(tempfile.mkdtemp(prefix="partygraph-bench-data-"))
    try:
        if options.data is not None:
            folder = Path(options.data)
            description = str(folder)
        else:
            from loaders.demo import generate

            folder = workdir / "demo"
            log(f"generating the demo set at scale {options.scale} …")
            counts = generate(folder, scale=options.scale, seed=42, gaps=0.05)
            description = f"demo, scale {options.scale}, seed 42, gaps 0.05 ({sum(counts.values()):,} rows)"
        results = {}
        for name in options.backends:
            log(f"{name}:")
            results[name] = _bench_backend(name, folder, description, options, log)
        return results
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _bench_backend(name: str, folder: Path, description: str, options: BenchOptions,
                   log: Callable[[str], None]) -> dict[str, Any]:
    started = datetime.datetime.now().astimezone()
    with open_target(name, allow_remote_wipe=options.wipe_remote) as target:
        result: dict[str, Any] = {
            "backend": name,
            "scale": options.scale if options.data is None else 0,
            "data": description,
            "started": started.isoformat(timespec="seconds"),
            "machine": machine(),
            "versions": versions(target),
            "repeat": {"load": options.repeat, "sample": options.sample_repeat, "queries": options.runs,
                       "pages": options.page_repeat},
            "notes": list(target.notes) + list(options.notes),
        }
        load = bench_sample(target, folder, options.sample, options.sample_repeat, options.batch_size, log)
        full = bench_full_load(target, folder, options.repeat, options.batch_size, log,
                               replace="replace" in options.parts)
        loader_mb = full.pop("loader_mb")
        result["load"] = {**full, **load}
        db_after_load = rss_mb(target.db_pid)
        if "queries" in options.parts:
            result["queries"] = bench_queries(target, options.runs, only=options.queries, log=log)
        else:
            result["queries"] = {}
        if "pages" in options.parts:
            result["pages"] = bench_pages(target, options.page_repeat, AS_OF, log=log)
        else:
            result["pages"] = "not measured: left out (--parts)"
        result["memory"] = {
            "loader_mb": loader_mb,
            "db_mb": peak_rss_mb(target.db_pid),
            "db_after_load_mb": db_after_load,
            "db_pid_measured": target.db_pid is not None,
        }
        if "restart" in options.parts:  # last: the database's process changes
            result["restart"] = bench_first_page_after_restart(target, AS_OF, log=log)
        result["seconds"] = round((datetime.datetime.now().astimezone() - started).total_seconds(), 1)
    return result


def write_outputs(results: dict[str, dict[str, Any]], out: Path | None, markdown_path: Path | None) -> str:
    """Write the JSON (``out``) and the Markdown tables (``markdown_path``); return the Markdown."""
    text = markdown(results)
    if out is not None:
        Path(out).write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n",
                             encoding="utf-8")
    if markdown_path is not None:
        Path(markdown_path).write_text(text, encoding="utf-8")
    return text
