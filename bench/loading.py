"""Load benchmarks: the real loader end to end, and on a sample beside a naive loader and the bound.

* **full load** — ``loaders.load.load_path(db, folder, replace=True)`` into an empty graph,
  in a child process (:mod:`bench.load_child`) so that its peak memory is the loader's
  own; reading, validation and writing are timed apart.
* **sample** — rows of households, members and memberships, written three ways into
  the same prepared graph (the buildings and organizations they refer to, and the schema):

  - *naive*: what a py2neo-era script does, one ``MERGE`` query per row, each its own
    transaction (``bench/naive_*.cypher``);
  - *loader*: the project's loaders, batched ``UNWIND $rows``, in one atomic unit (the
    bulk ``CREATE`` loaders a fresh load uses, and the ``MERGE`` ones of a load into data);
  - *bound*: plain ``UNWIND $rows … CREATE`` with no ``MERGE`` and no index look-up —
    relationships attach to nodes by internal id (``bench/bound_*.cypher``), in one
    atomic unit.  Nothing that keeps these rows in this schema can write them faster.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

from bench.system import Target, reset_graph
from graph.statements import read_statements
from loaders.load import BULK_LOADERS, LOADERS, bulk_rows, check_path, parameter_batches

__all__ = ["SAMPLE_FILES", "sample_rows", "bench_sample", "bench_full_load", "STATEMENTS"]

STATEMENTS = read_statements(Path(__file__).parent)
SAMPLE_FILES = ("households", "members", "memberships")


def sample_rows(folder: Path, size: int) -> dict[str, list[dict]]:
    """About ``size`` validated rows: half households, a quarter members, and those members' memberships."""
    validated = check_path(None, folder)
    if not validated.ok:
        raise ValueError(f"{folder} does not validate; the benchmark needs clean input")
    members = validated.rows.get("members", [])[:max(1, size // 4)]
    chosen = {m["id"] for m in members}
    return {
        "households": validated.rows.get("households", [])[:max(1, size // 2)],
        "members": members,
        "memberships": [r for r in validated.rows.get("memberships", []) if r["member_id"] in chosen],
    }


def _prepare(target: Target, rows: dict[str, list[dict]]) -> None:
    """An empty graph with the schema and the nodes the sampled rows refer to (not timed)."""
    db = target.db
    reset_graph(target)
    buildings = sorted({r["building_id"] for r in rows["households"]})
    organizations = sorted({r["org_id"] for r in rows["memberships"]})
    for statement, ids in (("setup_buildings", buildings), ("setup_organizations", organizations)):
        for start in range(0, len(ids), 5000):
            db.write(STATEMENTS[statement].text, {"ids": ids[start:start + 5000]})


def _node_ids(run: Callable[[str, dict], list[dict]], ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(ids), 5000):
        for row in run(STATEMENTS["node_ids"].text, {"ids": ids[start:start + 5000]}):
            found[row["id"]] = row["node"]
    return found


def _count(rows: dict[str, list[dict]]) -> int:
    return sum(len(v) for v in rows.values())


def _naive(target: Target, rows: dict[str, list[dict]]) -> float:
    """Seconds to write ``rows`` one query and one transaction per row."""
    _prepare(target, rows)
    db = target.db
    started = time.perf_counter()
    for name in SAMPLE_FILES:
        statement = STATEMENTS[f"naive_{name}"].text
        for row in rows[name]:
            db.write(statement, row)
    return time.perf_counter() - started


def _batched(target: Target, rows: dict[str, list[dict]], loaders: dict, batch_size: int) -> float:
    """Seconds to write ``rows`` with the given loaders, batched, in one atomic unit."""
    _prepare(target, rows)
    db = target.db
    started = time.perf_counter()
    with db.atomic() as writer:
        for name in SAMPLE_FILES:
            statement = (loaders.get(name) or LOADERS[name]).text_for(db.dialect.name)
            file_rows = bulk_rows(name, rows[name], rows["memberships"]) if name in loaders else rows[name]
            writer.run_batches(statement, parameter_batches(file_rows, batch_size))
    return time.perf_counter() - started


def _bound(target: Target, rows: dict[str, list[dict]], batch_size: int) -> float:
    """Seconds to CREATE ``rows`` with endpoints by internal id, in one atomic unit (look-ups not timed)."""
    _prepare(target, rows)
    db = target.db
    elapsed = 0.0
    with db.atomic() as writer:
        buildings = _node_ids(writer.run, sorted({r["building_id"] for r in rows["households"]}))
        households = [{**r, "building": buildings[r["building_id"]]} for r in rows["households"]]

        def timed(statement: str, batch: list[dict]) -> None:
            nonlocal elapsed
            began = time.perf_counter()
            writer.run_batches(STATEMENTS[statement].text, parameter_batches(batch, batch_size))
            elapsed += time.perf_counter() - began

        timed("bound_households", households)
        timed("bound_members", rows["members"])
        nodes = _node_ids(writer.run, sorted({r["member_id"] for r in rows["memberships"]}
                                             | {r["org_id"] for r in rows["memberships"]}))
        timed("bound_memberships", [{**r, "member": nodes[r["member_id"]], "org": nodes[r["org_id"]]}
                                    for r in rows["memberships"]])
        began = time.perf_counter()
    return elapsed + (time.perf_counter() - began)  # the commit or the swap counts too


def bench_sample(target: Target, folder: Path, size: int, repeat: int, batch_size: int,
                 log: Callable[[str], None] = print) -> dict[str, Any]:
    """Rows per second of the naive loader, the project's loaders and the bound on the same sample."""
    rows = sample_rows(folder, size)
    total = _count(rows)
    runs: dict[str, list[float]] = {"naive": [], "loader": [], "merge_loader": [], "bound": []}
    # A first, unmeasured round: Neo4j compiles each statement's plan and the JVM its code on
    # first use, which would count against whichever way of loading ran first.
    warm_members = rows["members"][:200]
    chosen = {m["id"] for m in warm_members}
    warm = {"households": rows["households"][:200], "members": warm_members,
            "memberships": [r for r in rows["memberships"] if r["member_id"] in chosen]}
    _naive(target, warm)
    _batched(target, warm, BULK_LOADERS, batch_size)
    _batched(target, warm, {}, batch_size)
    _bound(target, warm, batch_size)
    for attempt in range(repeat):
        runs["naive"].append(_naive(target, rows))
        runs["loader"].append(_batched(target, rows, BULK_LOADERS, batch_size))
        runs["merge_loader"].append(_batched(target, rows, {}, batch_size))
        runs["bound"].append(_bound(target, rows, batch_size))
        log(f"  {target.name} sample {attempt + 1}/{repeat}: "
            + ", ".join(f"{k} {total / v[-1]:,.0f} rows/s" for k, v in runs.items()))
    reset_graph(target)
    seconds = {k: statistics.median(v) for k, v in runs.items()}
    return {
        "sample_rows": total,
        "sample_files": {name: len(rows[name]) for name in SAMPLE_FILES},
        "naive_rows_per_s": round(total / seconds["naive"]),
        "sample_rows_per_s": round(total / seconds["loader"]),
        "sample_merge_rows_per_s": round(total / seconds["merge_loader"]),
        "bound_rows_per_s": round(total / seconds["bound"]),
        "sample_seconds": {k: [round(x, 3) for x in v] for k, v in runs.items()},
    }


def bench_full_load(target: Target, folder: Path, repeat: int, batch_size: int,
                    log: Callable[[str], None] = print, replace: bool = True) -> dict[str, Any]:
    """The real load, ``repeat`` times into an emptied graph, each in a fresh child process; medians.

    Before them, one warm-up load (``first_load_seconds``); after them, if ``replace``, one
    ``replace`` onto the loaded graph (``replace_seconds``; one transaction on Neo4j, so past
    scale 1 it needs a bigger heap than the local server's).
    """
    runs = []
    # The first load after the server started is a warm-up, reported apart: Neo4j plans each
    # loader and the JVM compiles its code on first use.
    reset_graph(target)
    cold = _child_load(target, folder, batch_size)
    log(f"  {target.name} first (warm-up) load: {cold['seconds']:.1f} s")
    for attempt in range(repeat):
        reset_graph(target)
        runs.append(_child_load(target, folder, batch_size))
        last = runs[-1]
        log(f"  {target.name} load {attempt + 1}/{repeat}: {last['seconds']:.1f} s "
            f"(read+validate {last['check_seconds']:.1f} s, write {last['write_seconds']:.1f} s; "
            f"settled after {last['settled_seconds']:.1f} s), "
            f"{last['rows'] / last['seconds']:,.0f} rows/s, loader peak {last['loader_mb']:.0f} MiB")
    # once more onto the loaded graph: what `load --replace` costs when the graph is full
    replaced = _child_load(target, folder, batch_size) if replace else None
    if replaced:
        log(f"  {target.name} load --replace onto the loaded graph: {replaced['seconds']:.1f} s")

    def median(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    seconds, rows = median("seconds"), runs[0]["rows"]
    nodes, relationships = runs[0]["nodes_created"], runs[0]["relationships_created"]
    return {
        "rows": rows,
        "nodes": nodes,
        "relationships": relationships,
        "seconds": round(seconds, 2),
        "check_seconds": round(median("check_seconds"), 2),
        "write_seconds": round(median("write_seconds"), 2),
        "settled_seconds": round(median("settled_seconds"), 2),
        "replace_seconds": round(replaced["seconds"], 2) if replaced else None,
        "first_load_seconds": round(cold["seconds"], 2),
        "rows_per_s": round(rows / seconds),
        "nodes_per_s": round(nodes / seconds),
        "relationships_per_s": round(relationships / seconds),
        "write_rows_per_s": round(rows / median("write_seconds")),
        "settled_rows_per_s": round(rows / median("settled_seconds")),
        "cpu_seconds": {"loader": round(median("loader_cpu_seconds"), 2),
                        "database": None if runs[0]["db_cpu_seconds"] is None
                        else round(median("db_cpu_seconds"), 2)},
        "runs": [{k: (round(v, 2) if isinstance(v, float) else v) for k, v in r.items()} for r in runs],
        "loader_mb": max(r["loader_mb"] for r in runs + [cold] + ([replaced] if replaced else [])),
    }


def _child_load(target: Target, folder: Path, batch_size: int) -> dict[str, Any]:
    cpu_before = _cpu_seconds(target.db_pid)
    env = {**os.environ, **target.environment()}
    done = subprocess.run([sys.executable, "-m", "bench.load_child", str(folder), str(batch_size)],
                          env=env, capture_output=True, text=True, check=False,
                          cwd=Path(__file__).resolve().parent.parent)
    if done.returncode != 0:
        raise RuntimeError(f"the load failed on {target.name}:\n{done.stderr[-6000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    cpu_after = _cpu_seconds(target.db_pid)
    result["db_cpu_seconds"] = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return result


def _cpu_seconds(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        import psutil

        times = psutil.Process(pid).cpu_times()
        return times.user + times.system + times.children_user + times.children_system
    except Exception:  # noqa: BLE001 - no psutil, or the process is gone: not measured
        return None
