"""The command line: init, stats, and the one-line error for an unreachable Neo4j."""

import json
import subprocess
import sys


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_stats_json_after_init_on_embedded(tmp_path, monkeypatch):
    import os

    env = {**os.environ, "PARTYGRAPH_HOME": str(tmp_path), "PARTYGRAPH_BACKEND": "embedded"}
    assert run_cli("init", env=env).returncode == 0
    result = run_cli("stats", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"nodes": {}, "relationships": {}}


def test_warm_up_runs_the_catalogue_on_the_embedded_database(tmp_path):
    import os

    env = {**os.environ, "PARTYGRAPH_HOME": str(tmp_path), "PARTYGRAPH_BACKEND": "embedded"}
    assert run_cli("init", env=env).returncode == 0
    result = run_cli("warm-up", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("warmed up ") and "catalogue queries in" in result.stdout


def test_refresh_works_the_kept_counts_out_again_on_the_embedded_database(tmp_path, fixture_dir):
    import os

    env = {**os.environ, "PARTYGRAPH_HOME": str(tmp_path), "PARTYGRAPH_BACKEND": "embedded"}
    assert run_cli("load", str(fixture_dir), env=env).returncode == 0
    result = run_cli("refresh", env=env)
    assert result.returncode == 0, result.stderr
    # a graph the current version loaded: every count is there, and no member's changed
    assert "missing" not in result.stdout
    assert "10 buildings, 3 communities, 0 members changed on embedded" in result.stdout


def test_unreachable_neo4j_gives_one_clear_line(tmp_path):
    import os

    env = {**os.environ, "PARTYGRAPH_HOME": str(tmp_path), "NEO4J_URI": "bolt://127.0.0.1:1",
           "NEO4J_PASSWORD": "irrelevant"}
    result = run_cli("--backend", "neo4j", "stats", env=env)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "bolt://127.0.0.1:1" in lines[0] and "partygraph neo4j start" in lines[0]
    assert "Traceback" not in result.stderr


def test_two_processes_share_the_embedded_data(tmp_path):
    """The explorer and the CLI use the same embedded database at the same time."""
    import os

    from graph.backend import open_backend
    from graph.config import Settings

    env = {**os.environ, "PARTYGRAPH_HOME": str(tmp_path), "PARTYGRAPH_BACKEND": "embedded"}
    with open_backend(Settings(backend="embedded", home=tmp_path)) as db:
        db.write("CREATE (:Community:Territory {id: 'CM1', name: '东风社区'})")
        result = run_cli("stats", "--format", "json", env=env)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["nodes"] == {"Community": 1}
        # the CLI has gone; this process still has its server
        assert db.read("MATCH (n:Community) RETURN n.name AS name") == [{"name": "东风社区"}]
    # and the data survived both
    result = run_cli("stats", "--format", "json", env=env)
    assert json.loads(result.stdout)["nodes"] == {"Community": 1}


def test_init_and_stats_json_on_neo4j(neo4j_settings, tmp_path):
    import os

    env = {**os.environ, "PARTYGRAPH_HOME": str(tmp_path), "NEO4J_URI": neo4j_settings.neo4j_uri,
           "NEO4J_PASSWORD": neo4j_settings.neo4j_password()}
    assert run_cli("--backend", "neo4j", "init", env=env).returncode == 0
    result = run_cli("--backend", "neo4j", "stats", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert set(stats) == {"nodes", "relationships"}
    assert all(isinstance(count, int) for count in stats["nodes"].values())


def test_bad_parameter_through_python_m_is_one_line_and_exit_2(tmp_path):
    """``python -m graph.cli`` imports the CLI twice; a bad date must still be a user error."""
    import os

    env = {**os.environ, "PARTYGRAPH_HOME": str(tmp_path), "PARTYGRAPH_BACKEND": "embedded"}
    result = run_cli("query", "contract_compliance", "-p", "as_of=2021-13-45", env=env)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "2021-13-45" in result.stderr
