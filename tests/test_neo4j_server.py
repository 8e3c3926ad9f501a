"""End-to-end test of graph.neo4j_server: a real local Neo4j server, reached over Bolt."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from graph import neo4j_server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True, env=env,
                          timeout=300)


@pytest.mark.neo4j_server
def test_start_query_stop(tmp_path: Path, monkeypatch) -> None:
    home = tmp_path / "home"
    port = _free_port()
    monkeypatch.setenv("PARTYGRAPH_NEO4J_PAGECACHE", "300m")
    try:
        uri = neo4j_server.start(home, port=port, timeout=180)
        assert uri == f"bolt://127.0.0.1:{port}"

        st = neo4j_server.status(home)
        assert st["running"] is True
        assert isinstance(st["pid"], int)
        assert st["uri"] == uri
        assert st["data_dir"] == str((home / "neo4j" / "data").resolve())

        # a second start on a running server returns at once with the same URI
        assert neo4j_server.start(home, port=port) == uri

        # the command line's start also runs the query catalogue once, unless told not to
        env = {**os.environ, "PARTYGRAPH_HOME": str(home)}
        started = _cli("neo4j", "start", "--port", str(port), env=env)
        assert started.returncode == 0, started.stderr
        assert f"Neo4j is up at {uri}" in started.stdout
        assert "warmed up" in started.stdout and "catalogue queries" in started.stdout
        unwarmed = _cli("neo4j", "start", "--port", str(port), "--no-warm-up", env=env)
        assert unwarmed.returncode == 0, unwarmed.stderr
        assert "warmed up" not in unwarmed.stdout

        pw = neo4j_server.password(home)
        with GraphDatabase.driver(uri, auth=("neo4j", pw)) as driver:
            records, _, _ = driver.execute_query("RETURN 1 AS x")
            assert records[0]["x"] == 1
            records, _, _ = driver.execute_query(
                "CALL dbms.listConfig('server.memory.pagecache.size') YIELD value RETURN value")
            assert [r["value"] for r in records] == ["300.00MiB"]  # as PARTYGRAPH_NEO4J_PAGECACHE asked

        with GraphDatabase.driver(uri, auth=("neo4j", pw + "-wrong")) as driver:
            with pytest.raises(AuthError):
                driver.verify_connectivity()
    finally:
        stopped = neo4j_server.stop(home)

    assert stopped is True
    st = neo4j_server.status(home)
    assert st["running"] is False
    assert st["pid"] is None
    assert not (home / "neo4j" / "neo4j.pid").exists()
    assert neo4j_server.stop(home) is False


def test_a_memory_size_that_is_not_one_is_refused_with_the_variable_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PARTYGRAPH_NEO4J_PAGECACHE", "lots")
    with pytest.raises(neo4j_server.Neo4jServerError,
                       match="PARTYGRAPH_NEO4J_PAGECACHE must look like 512m or 4096m, not 'lots'"):
        neo4j_server.start(tmp_path / "home", port=_free_port())
    assert neo4j_server.status(tmp_path / "home")["running"] is False
