"""Faults: a load killed at random points, Neo4j stopped mid-load, the embedded server killed,
a corrupt, hung or unwritable data folder, and sixteen readers held while a load runs.

The loads here run ``partygraph load`` as a child process on a larger input — the 东风 fixture
copied many times over with its ids prefixed (``R3_CP01``) — in small batches, so that a kill
lands in the middle of the writing.  "The same graph" always means the same
:func:`graph.checksum.graph_checksum`.
"""

from __future__ import annotations

import csv
import datetime
import json
import math
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from graph.backend import open_backend
from graph.checksum import graph_checksum
from graph.config import Settings
from graph.schema import apply_schema
from loaders.input_files import INPUT_FILES
from loaders.load import load_path

FIXTURE = Path(__file__).parent / "fixtures" / "dongfeng"
PARTYGRAPH = str(Path(sys.executable).with_name("partygraph"))
BATCH = "10"  # rows per statement in the killed loads: many statements, so kills land mid-write
SEED = 20211129


def replicate_fixture(target: Path, copies: int) -> int:
    """Write ``copies`` disjoint copies of the fixture to ``target`` (ids prefixed ``R<k>_``); rows written."""
    target.mkdir(parents=True, exist_ok=True)
    written = 0
    for spec in INPUT_FILES:
        id_columns = {c.name for c in spec.columns if c.name == "id" or c.references}
        with (FIXTURE / f"{spec.name}.csv").open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header, rows = reader.fieldnames, list(reader)
        with (target / f"{spec.name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, header, lineterminator="\n")
            writer.writeheader()
            for copy in range(copies):
                for row in rows:
                    writer.writerow({k: (";".join(f"R{copy}_{v}" for v in value.split(";"))
                                         if k in id_columns and value else value) for k, value in row.items()})
                    written += 1
    return written


def cli_env(settings: Settings) -> dict[str, str]:
    """The environment that points ``partygraph`` at the database of ``settings``."""
    env = {**os.environ, "PARTYGRAPH_HOME": str(settings.home), "PARTYGRAPH_BACKEND": settings.backend,
           "PARTYGRAPH_GRAPH": settings.graph_name}
    if settings.backend == "neo4j":
        env.update(NEO4J_URI=settings.neo4j_uri, NEO4J_USER=settings.neo4j_user,
                   NEO4J_DATABASE=settings.neo4j_database, NEO4J_PASSWORD=settings.neo4j_password())
    return env


def writing(db) -> bool:
    """Whether a load is in its atomic write: a staged graph on embedded, a transaction holding locks on Neo4j."""
    if db.name == "embedded":
        return bool(db._db.client.keys(f"{db.graph_name}__stage_*"))
    return bool(db.read("SHOW TRANSACTIONS YIELD transactionId, activeLockCount "
                        "WHERE activeLockCount > 0 RETURN transactionId"))


def wait_for_writing(db, process: subprocess.Popen, timeout: float = 120) -> float:
    """Seconds from now until ``process`` is writing (seen twice in a row)."""
    started = time.monotonic()
    seen = 0
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            raise AssertionError(f"the load ended before writing: {process.returncode} {process.stderr.read()}")
        seen = seen + 1 if writing(db) else 0
        if seen >= 2:
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError("the load did not start writing")


@pytest.fixture(scope="module")
def bigger_input(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bigger") / "input"
    replicate_fixture(folder, 20)
    return folder


@pytest.fixture(scope="module")
def reference(bigger_input, tmp_path_factory) -> dict[str, str]:
    """Checksums of clean loads on a fresh embedded database: the fixture, the fixture then the
    bigger input, and the bigger input alone."""
    home = tmp_path_factory.mktemp("reference")
    sums = {}
    with open_backend(Settings(backend="embedded", home=home)) as db:
        apply_schema(db)
        load_path(db, FIXTURE)
        sums["old"] = graph_checksum(db)
        load_path(db, bigger_input)
        sums["new"] = graph_checksum(db)
        db.clear()
        load_path(db, bigger_input)
        sums["bigger"] = graph_checksum(db)
    return sums


# --- a load killed at random points ---------------------------------------------------------------

@pytest.mark.parametrize("backend", ["embedded", "neo4j"])
def test_a_killed_load_leaves_the_old_graph_and_a_rerun_completes(backend, request, backends, bigger_input,
                                                                 reference):
    from tests.conftest import _backend

    db = _backend(request, backends, backend)
    db.clear()
    load_path(db, FIXTURE)
    assert graph_checksum(db) == reference["old"]
    env = cli_env(db.settings)
    rng = random.Random(SEED)
    command = [PARTYGRAPH, "load", str(bigger_input), "--batch-size", BATCH]
    kills = []
    to_writing = None
    for attempt in range(3):
        if graph_checksum(db) != reference["old"]:  # an earlier attempt finished before its kill
            db.clear()
            load_path(db, FIXTURE)
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if attempt == 0:  # once as soon as it writes, then at random points of the whole run
            to_writing = wait_for_writing(db, process)
        else:
            time.sleep(rng.uniform(0.5, to_writing + 2))
        was_writing = writing(db)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if process.returncode != -signal.SIGKILL:  # it finished first: then it must have succeeded
            assert process.returncode == 0, process.stderr.read()
        after = graph_checksum(db)
        assert after in (reference["old"], reference["new"]), f"kill {attempt} left a half-written graph"
        kills.append((attempt, was_writing, after == reference["new"]))
    print(f"{backend}: (attempt, killed mid-write, graph already the new one) = {kills}")
    assert any(mid_write and not finished for _, mid_write, finished in kills)
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert graph_checksum(db) == reference["new"]
    if backend == "embedded":  # no stale lock or staged graph is left behind
        client = db._db.client
        assert client.keys(f"{db.graph_name}__stage_*") == []
        assert client.get("partygraph:load-lock") is None


def test_an_embedded_load_waits_out_a_background_save(tmp_path, reference):
    """GRAPH.COPY forks the server and Redis runs one child at a time: a load that starts while
    Redis saves in the background (it does so on its own) waits instead of failing."""
    with open_backend(Settings(backend="embedded", home=tmp_path)) as db:
        load_path(db, FIXTURE)
        client = db._db.client
        client.config_set("rdb-key-save-delay", 1_000_000)  # one second per key: a save that lasts
        try:
            client.bgsave()
            assert client.info("persistence")["rdb_bgsave_in_progress"]
            load_path(db, FIXTURE)
        finally:
            client.config_set("rdb-key-save-delay", 0)
        assert graph_checksum(db) == reference["old"]


def test_embedded_queries_may_take_longer_than_finding_the_server(tmp_path):
    """The short timeout that bounds finding a hung server must not bound queries and loads:
    a DETACH DELETE or a load batch on a city's data takes minutes."""
    from graph import embedded_backend

    with open_backend(Settings(backend="embedded", home=tmp_path)) as db:
        db.read("RETURN 1 AS one")
        pool = db._db.client.connection_pool
        connection = pool.get_connection()
        try:
            assert connection.socket_timeout == embedded_backend._QUERY_TIMEOUT_S
        finally:
            pool.release(connection)


# --- Neo4j stopped mid-load -----------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.neo4j_server
def test_neo4j_stopped_mid_load_gives_one_clear_line_and_a_rerun_completes(tmp_path, bigger_input, reference,
                                                                          monkeypatch):
    from graph import neo4j_server

    if os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI points at an outside server; this test needs a local one of its own")
    monkeypatch.setenv("PARTYGRAPH_NEO4J_HEAP", "1g")
    home = tmp_path / "home"
    port = _free_port()
    try:
        uri = neo4j_server.start(home, port=port, timeout=240)
        settings = Settings(backend="neo4j", home=home, neo4j_uri=uri)
        env = cli_env(settings)
        with open_backend(settings) as db:
            apply_schema(db)
            process = subprocess.Popen([PARTYGRAPH, "load", str(bigger_input), "--batch-size", BATCH], env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            wait_for_writing(db, process)
        assert neo4j_server.stop(home) is True
        stderr = process.communicate(timeout=120)[1]
        assert process.returncode == 1, stderr
        assert "Traceback" not in stderr
        lines = [line for line in stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("partygraph: ") and uri in lines[0], stderr

        neo4j_server.start(home, port=port, timeout=240)
        with open_backend(settings) as db:
            assert graph_checksum(db) == graph_checksum_of_nothing()  # the transaction was rolled back
            rerun = subprocess.run([PARTYGRAPH, "load", str(bigger_input)], env=env, capture_output=True,
                                   text=True, timeout=300)
            assert rerun.returncode == 0, rerun.stderr[-2000:]
            assert graph_checksum(db) == reference["bigger"]
    finally:
        neo4j_server.stop(home)


def graph_checksum_of_nothing() -> str:
    from graph.checksum import checksum_of

    return checksum_of([])


# --- the embedded server killed, its folder corrupt, hung or unwritable -----------------------------

HOLDER = """
import json, sys, time
from pathlib import Path
from graph.backend import open_backend
from graph.checksum import graph_checksum
from graph.config import Settings
from loaders.load import load_path
db = open_backend(Settings(backend="embedded", home=Path(sys.argv[1])))
load_path(db, Path(sys.argv[2]))
print(json.dumps({"server": db._db.client.pid, "checksum": graph_checksum(db)}), flush=True)
time.sleep(600)
"""


def _start_holder(home: Path) -> tuple[subprocess.Popen, dict]:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(home), str(FIXTURE)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    line = holder.stdout.readline()
    assert line, holder.stderr.read()
    return holder, json.loads(line)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def test_embedded_data_survives_a_killed_process_and_server(tmp_path):
    home = tmp_path / "home"
    holder, state = _start_holder(home)
    holder.kill()  # SIGKILL: no clean shutdown, no final save
    holder.wait(timeout=30)
    _kill(state["server"])  # and the redis-server it started (daemonised, so not its child)
    with open_backend(Settings(backend="embedded", home=home)) as db:
        assert graph_checksum(db) == state["checksum"]


def _cli(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARTYGRAPH_HOME": str(home), "PARTYGRAPH_BACKEND": "embedded"}
    return subprocess.run([PARTYGRAPH, *args], capture_output=True, text=True, env=env, timeout=timeout)


def _one_clear_line(result: subprocess.CompletedProcess, *expected: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("partygraph: "), result.stderr
    for text in expected:
        assert text in lines[0], lines[0]


@pytest.mark.parametrize("garbage_in", ["appendonly", "rdb_and_appendonly"])
def test_a_corrupt_embedded_folder_gives_a_clear_message_not_a_hang(tmp_path, garbage_in):
    home = tmp_path / "home"
    with open_backend(Settings(backend="embedded", home=home)) as db:
        load_path(db, FIXTURE)
    data = home / "falkordb"
    rng = random.Random(SEED)
    targets = list((data / "appendonlydir").iterdir())
    if garbage_in == "rdb_and_appendonly":
        targets.append(data / "partygraph.rdb")
    for path in targets:
        path.write_bytes(rng.randbytes(4096))
    started = time.monotonic()
    result = _cli(home, "stats", timeout=90)
    assert time.monotonic() - started < 90
    _one_clear_line(result, str(data), "redis.log")


def test_a_hung_embedded_server_gives_a_clear_message_not_a_hang(tmp_path):
    home = tmp_path / "home"
    holder, state = _start_holder(home)
    os.kill(state["server"], signal.SIGSTOP)  # the folder is held by a server that answers nothing
    try:
        started = time.monotonic()
        result = _cli(home, "stats", timeout=90)
        assert time.monotonic() - started < 90
        _one_clear_line(result, str(home / "falkordb"), "does not answer")
    finally:
        os.kill(state["server"], signal.SIGCONT)
        holder.kill()
        holder.wait(timeout=30)
        _kill(state["server"])


def test_an_unusable_home_gives_a_clear_message(tmp_path):
    home = tmp_path / "not-a-folder"
    home.write_text("a file where the data folder should be", encoding="utf-8")
    _one_clear_line(_cli(home, "stats", timeout=60), str(home))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders; the file case above covers it")
def test_a_read_only_home_gives_a_clear_message(tmp_path):
    home = tmp_path / "read-only"
    home.mkdir()
    home.chmod(0o500)
    try:
        _one_clear_line(_cli(home, "stats", timeout=60), str(home))
    finally:
        home.chmod(0o700)


# --- sixteen readers while a load runs ----------------------------------------------------------------

AS_OF = datetime.date(2021, 12, 31)


def _held_queries() -> dict[str, dict]:
    """The rule queries and the headline figures (what the explorer's first pages ask), every date one day."""
    from queries.catalogue import CATALOGUE

    chosen = {}
    for name, statement in CATALOGUE.items():
        if any(p.default is None for p in statement.parameters) or not (
                statement.meta.get("rule") or name == "headline_figures"):
            continue
        chosen[name] = {p.name: AS_OF for p in statement.parameters if p.type == "date" and p.name != "from_date"}
    return chosen


def _normalised(rows: list[dict]) -> list[str]:
    def plain(value):
        if isinstance(value, float):
            return float(f"{value:.6g}") if math.isfinite(value) else str(value)
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    return sorted(json.dumps(plain(row), ensure_ascii=False, sort_keys=True) for row in rows)


def _answers(db, queries: dict[str, dict]) -> dict[str, list[str]]:
    from queries.catalogue import run_query

    return {name: _normalised(run_query(db, name, params)) for name, params in queries.items()}


@pytest.mark.parametrize("backend", ["embedded", "neo4j"])
def test_sixteen_readers_see_the_old_or_the_new_data_while_a_load_runs(backend, request, backends, tmp_path):
    from queries.catalogue import run_query
    from tests.conftest import _backend

    db = _backend(request, backends, backend)
    new_input = tmp_path / "new"
    replicate_fixture(new_input, 4)
    queries = _held_queries()
    assert "headline_figures" in queries and len(queries) >= 20
    db.clear()
    load_path(db, new_input)
    new = _answers(db, queries)
    db.clear()
    load_path(db, FIXTURE)
    old = _answers(db, queries)
    assert old["headline_figures"] != new["headline_figures"]  # the compounds count changes: 12, then 48

    names = sorted(queries)
    stop = threading.Event()
    errors: list[str] = []
    mixed: list[str] = []  # answers from neither the old nor the new data
    seen = {"old": 0, "new": 0}
    lock = threading.Lock()

    def reader(number: int) -> None:
        turn = number
        while not stop.is_set():
            name = names[turn % len(names)]
            turn += 1
            try:
                answer = _normalised(run_query(db, name, queries[name]))
            except Exception as error:  # noqa: BLE001 - every error is a failure of the test
                with lock:
                    errors.append(f"{name}: {type(error).__name__}: {error}")
                continue
            with lock:
                if answer == old[name]:
                    seen["old"] += 1
                elif answer == new[name]:
                    seen["new"] += 1
                else:
                    mixed.append(f"{name}: {answer[:2]} (old {old[name][:2]}, new {new[name][:2]})")

    threads = [threading.Thread(target=reader, args=(n,), daemon=True) for n in range(16)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    load = subprocess.run([PARTYGRAPH, "load", str(new_input), "--replace", "--batch-size", "100"],
                          env=cli_env(db.settings), capture_output=True, text=True, timeout=300)
    time.sleep(1.0)
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    assert load.returncode == 0, load.stderr[-2000:]
    assert errors == [], errors[:10]
    assert seen["old"] > 0 and seen["new"] > 0, seen
    assert _answers(db, queries) == new
    assert mixed == [], mixed[:5]


# --- Neo4j's commit fence ---------------------------------------------------------------------------

def _neo4j_with_fixture(request, backends):
    from tests.conftest import _backend

    db = _backend(request, backends, "neo4j")
    db.clear()
    load_path(db, FIXTURE)
    return db


def _read_compounds_in_thread(db) -> tuple[threading.Thread, dict]:
    answer: dict = {}

    def read() -> None:
        started = time.monotonic()
        answer["rows"] = db.read("MATCH (c:Compound) RETURN count(c) AS compounds")
        answer["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, answer


def test_a_neo4j_read_waits_while_a_load_commits(request, backends):
    """While the fence is raised (a load committing), a read waits; it answers once it is lowered."""
    from graph import commit_fence

    db = _neo4j_with_fixture(request, backends)
    db.write(commit_fence.RAISE)
    try:
        thread, answer = _read_compounds_in_thread(db)
        thread.join(timeout=1.5)
        assert thread.is_alive(), "the read answered while a commit was under way"
    finally:
        db.write(commit_fence.LOWER)
    thread.join(timeout=10)
    assert answer["rows"] == [{"compounds": 12}]


def test_a_fence_left_by_a_killed_loader_holds_reads_only_briefly(request, backends):
    """A loader killed mid-commit leaves the fence raised; with no load open, reads go on after ~5 s."""
    from graph import commit_fence

    db = _neo4j_with_fixture(request, backends)
    db.write(commit_fence.RAISE)  # raised, and nobody will lower it
    try:
        thread, answer = _read_compounds_in_thread(db)
        thread.join(timeout=30)
        assert not thread.is_alive(), "a stale fence blocked the read"
        assert answer["rows"] == [{"compounds": 12}]
        assert 4 < answer["seconds"] < 15
    finally:
        db.write(commit_fence.LOWER)


def test_the_fence_is_left_out_of_checksums_and_replace_loads(request, backends):
    """The bookkeeping node is not data: a checksum ignores it and a --replace load keeps it."""
    db = _neo4j_with_fixture(request, backends)
    assert db.read("MATCH (f:PartygraphCommit) RETURN f.committing AS committing") == [{"committing": False}]
    before = graph_checksum(db)
    load_path(db, FIXTURE, replace=True)
    assert graph_checksum(db) == before
    assert db.read("MATCH (f:PartygraphCommit) RETURN count(f) AS fences") == [{"fences": 1}]
