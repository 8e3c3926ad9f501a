"""Shared fixtures: every database test runs on both backends through the ``db`` fixture.

The embedded backend lives in a temporary PARTYGRAPH_HOME.  Neo4j is the server at
NEO4J_URI when that is set, else a local Neo4j 5.26 started once for the session from
the project's Maven launcher.  With CI=true a Neo4j that cannot be had fails the run;
elsewhere the Neo4j half of each test is skipped with the reason.

tools/test.sh runs the tests on two pytest-xdist workers, a test file to a worker: each
worker has its own session, so its own embedded server and local Neo4j.  The local Neo4j
starts in the background as the session's first test begins, so that its half a minute
of start-up overlaps the embedded tests before the first one that needs it.
"""

from __future__ import annotations

import os
import signal
import socket
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from graph.backend import open_backend
from graph.config import Settings
from graph.schema import apply_schema

FIXTURE = Path(__file__).parent / "fixtures" / "dongfeng"


_CONFIG: pytest.Config | None = None


def pytest_configure(config):
    """Keep the run's configuration for the SIGTERM handler."""
    global _CONFIG
    _CONFIG = config


def _interrupt_on_sigterm(signum, frame):
    # `timeout` and CI stop a run with SIGTERM; as an interrupt, pytest still runs the
    # session teardown that stops the local Neo4j instead of leaving the JVM behind.
    # Under pytest-xdist the signal may reach only the controller: it passes it on to its
    # workers, its child processes, which hold the servers (else both JVMs were left running).
    if _CONFIG is not None and _CONFIG.pluginmanager.has_plugin("dsession"):
        import psutil

        for worker in psutil.Process().children():
            worker.send_signal(signal.SIGTERM)
    raise KeyboardInterrupt(f"signal {signum}")


signal.signal(signal.SIGTERM, _interrupt_on_sigterm)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def session_home(tmp_path_factory) -> Path:
    """A PARTYGRAPH_HOME for the whole session (embedded data, local Neo4j, secrets)."""
    return tmp_path_factory.mktemp("partygraph-home")


def _test_neo4j_port() -> int:
    """PARTYGRAPH_TEST_NEO4J_PORT, one port further for each xdist worker after the first; else a free port."""
    if "PARTYGRAPH_TEST_NEO4J_PORT" not in os.environ:
        return _free_port()
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return int(os.environ["PARTYGRAPH_TEST_NEO4J_PORT"]) + int(worker.removeprefix("gw"))


def _uses_neo4j(item) -> bool:
    callspec = getattr(item, "callspec", None)
    return "neo4j_settings" in item.fixturenames or (callspec is not None and "neo4j" in callspec.params.values())


@pytest.fixture(scope="session")
def local_neo4j(session_home) -> Future:
    """The session's local Neo4j, started on a background thread: a Future of its Bolt URI.
    Stopped at the end of the session."""
    from graph import neo4j_server

    with ThreadPoolExecutor(max_workers=1) as pool:
        starting = pool.submit(neo4j_server.start, session_home, port=_test_neo4j_port())
        yield starting
        if starting.exception() is None:
            neo4j_server.stop(session_home)


@pytest.fixture(scope="session", autouse=True)
def _start_local_neo4j_early(request):
    """Begin starting the local Neo4j with the session's first test when any test will need it."""
    if not os.environ.get("NEO4J_URI") and any(_uses_neo4j(item) for item in request.session.items):
        request.getfixturevalue("local_neo4j")


@pytest.fixture(scope="session")
def neo4j_settings(request, session_home):
    """Settings for a reachable Neo4j: the server at NEO4J_URI when set, else the local one."""
    if os.environ.get("NEO4J_URI"):
        return Settings(backend="neo4j", home=session_home, neo4j_uri=os.environ["NEO4J_URI"],
                        neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
                        neo4j_database=os.environ.get("NEO4J_DATABASE", "neo4j"))
    try:
        uri = request.getfixturevalue("local_neo4j").result()
    except Exception as error:  # noqa: BLE001 - reported as a failure in CI, a skip elsewhere
        if IN_CI:
            pytest.fail(f"Neo4j is required in CI and could not be started: {error}")
        pytest.skip(f"no Neo4j: {error}")
    return Settings(backend="neo4j", home=session_home, neo4j_uri=uri)


@pytest.fixture(scope="session")
def embedded_settings(session_home):
    """Settings for the embedded backend in the session's home."""
    return Settings(backend="embedded", home=session_home)


@pytest.fixture(scope="session")
def backends(request):
    """Open backends, one per name, kept for the session (opening Neo4j costs a second)."""
    opened = {}
    yield opened
    for db in opened.values():
        db.close()


def _backend(request, backends, name):
    if name not in backends:
        settings = request.getfixturevalue(f"{name}_settings")
        backends[name] = open_backend(settings)
        apply_schema(backends[name])
    return backends[name]


@pytest.fixture(params=["embedded", "neo4j"])
def db(request, backends):
    """An empty graph with the schema applied, on each backend in turn."""
    backend = _backend(request, backends, request.param)
    backend.clear()
    yield backend


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def fixture_db(request, backends):
    """The 东风 fixture loaded once per test module and backend; tests using it must only read."""
    from loaders.load import load_path

    backend = _backend(request, backends, request.param)
    backend.clear()
    load_path(backend, FIXTURE)
    yield backend


@pytest.fixture
def fixture_dir() -> Path:
    """The hand-made 东风 fixture folder."""
    return FIXTURE
