"""Read-only where it must be: the free Cypher path (``db.read``) and ``partygraph query`` cannot
write on either backend.

Every write is refused by the database itself — a READ transaction on Neo4j, GRAPH.RO_QUERY
on FalkorDB — never by looking at the query text.  After each attempt the graph's checksum
and its schema are what they were.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.backend import BackendError
from graph.checksum import graph_checksum
from graph.schema import describe_schema

PARTYGRAPH = str(Path(sys.executable).with_name("partygraph"))

# Attempts that are writes on both databases.
WRITES = {
    "create": "CREATE (:Compound:Territory {id: 'X1', name: '写入'})",
    "create_relationship": "MATCH (a:Compound {id: 'CP01'}), (b:Grid {id: 'G2'}) CREATE (a)-[:PART_OF]->(b)",
    "merge": "MERGE (c:Compound:Territory {id: 'X1'}) ON CREATE SET c.name = '写入'",
    "merge_existing": "MERGE (c:Compound {id: 'CP01'}) SET c.name = '改名'",
    "set": "MATCH (c:Compound {id: 'CP01'}) SET c.name = '改名'",
    "set_label": "MATCH (c:Compound {id: 'CP01'}) SET c:Hacked",
    "remove_property": "MATCH (c:Compound {id: 'CP01'}) REMOVE c.address",
    "remove_label": "MATCH (c:Compound {id: 'CP01'}) REMOVE c:Territory",
    "delete_relationship": "MATCH ()-[r:PART_OF]->() DELETE r",
    "delete_node": "MATCH (n:Member {id: 'M15'}) DELETE n",
    "detach_delete": "MATCH (n) DETACH DELETE n",
    "write_after_read": "MATCH (n:Compound) WITH count(n) AS c CREATE (:Compound:Territory {id: 'X2', name: toString(c)})",
    "load_csv_create": "LOAD CSV FROM $url AS row CREATE (:Compound:Territory {id: row[0], name: row[1]})",
    "load_csv_merge": "LOAD CSV FROM $url AS row MERGE (c:Compound {id: 'CP01'}) SET c.name = row[1]",
}

# Write and admin procedures and schema or system commands of each database.
ADMIN = {
    "neo4j": {
        "create_label": "CALL db.createLabel('X')",
        "create_property_key": "CALL db.createProperty('stolen')",
        "create_relationship_type": "CALL db.createRelationshipType('STOLEN')",
        "create_index": "CREATE INDEX evil_index FOR (n:Compound) ON (n.address)",
        "create_fulltext_index": "CREATE FULLTEXT INDEX evil_text FOR (n:Member) ON EACH [n.phone]",
        "create_constraint": "CREATE CONSTRAINT evil_unique FOR (n:Member) REQUIRE n.phone IS UNIQUE",
        "drop_constraint": "DROP CONSTRAINT compound_id IF EXISTS",
        "create_user_procedure": "CALL dbms.security.createUser('eve', 'secret-123', false)",
        "create_user": "CREATE USER eve SET PASSWORD 'secret-123'",
        "alter_password": "ALTER CURRENT USER SET PASSWORD FROM 'old-password' TO 'new-password'",
        "create_database": "CREATE DATABASE evil",
        "stop_database": "STOP DATABASE neo4j",
        "in_transactions": "CALL { CREATE (:Compound:Territory {id: 'X3', name: 'x'}) } IN TRANSACTIONS",
    },
    "embedded": {
        "fulltext_create": "CALL db.idx.fulltext.createNodeIndex('Compound', 'address')",
        "fulltext_drop": "CALL db.idx.fulltext.drop('Organization')",
        "create_index": "CREATE INDEX FOR (n:Compound) ON (n.address)",
        "create_index_old_syntax": "CREATE INDEX ON :Compound(address)",
        "drop_index": "DROP INDEX ON :Member(name)",
    },
}


def _snapshot(db) -> tuple[str, list]:
    return graph_checksum(db), describe_schema(db)


def _users(db) -> list:
    if db.name != "neo4j":
        return []
    # Not through db.read: an administration command cannot share a transaction with the read
    # path's commit-fence reads (graph/commit_fence.py).
    with db._driver.session() as session:
        return [record["user"] for record in session.run("SHOW USERS YIELD user RETURN user ORDER BY user")]


@pytest.fixture(scope="module")
def csv_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("load-csv")
    path = folder / "rows.csv"
    path.write_text("X9,偷偷写入\n", encoding="utf-8")
    return path.as_uri()


@pytest.mark.parametrize("attempt", sorted(WRITES))
def test_a_write_through_the_read_path_is_refused(fixture_db, attempt, csv_url):
    before = _snapshot(fixture_db)
    with pytest.raises(BackendError):
        fixture_db.read(WRITES[attempt], {"url": csv_url})
    assert _snapshot(fixture_db) == before


def test_admin_and_schema_commands_through_the_read_path_are_refused(fixture_db):
    before, users = _snapshot(fixture_db), _users(fixture_db)
    accepted = []
    for attempt, statement in ADMIN[fixture_db.name].items():
        try:
            fixture_db.read(statement)
        except BackendError:
            continue
        accepted.append(attempt)
    assert accepted == []
    assert _snapshot(fixture_db) == before
    assert _users(fixture_db) == users


def test_the_read_path_still_reads(fixture_db):
    """The refusals above are not a broken read path."""
    rows = fixture_db.read("MATCH (c:Compound {id: $id}) RETURN c.name AS name", {"id": "CP01"})
    assert rows == [{"name": "锦绣小区"}]


@pytest.mark.parametrize("attempt", ["create", "merge", "detach_delete"])
def test_a_write_through_the_read_path_of_an_empty_graph_writes_nothing(db, attempt, csv_url):
    try:
        db.read(WRITES[attempt], {"url": csv_url})
    except BackendError:
        pass  # refused, as on a loaded graph; an empty embedded graph may also just answer no rows
    assert db.read("MATCH (n) WHERE NOT n:PartygraphCommit RETURN count(n) AS n") == [{"n": 0}]  # Neo4j's fence


def test_load_csv_cannot_read_server_files_through_the_read_path(fixture_db, session_home):
    """A free query must not read files of the database's machine — e.g. the Neo4j password file."""
    secret = session_home / "read-only-test-secret.csv"
    secret.write_text("not-for-analysts\n", encoding="utf-8")
    with pytest.raises(BackendError):
        fixture_db.read("LOAD CSV FROM $url AS row RETURN row", {"url": secret.as_uri()})


def test_partygraph_query_runs_only_catalogue_queries(tmp_path):
    """``partygraph query`` takes a catalogue name, never Cypher: a write given as a name is an
    unknown query (exit 2), and nothing is written."""
    env = {**os.environ, "PARTYGRAPH_HOME": str(tmp_path), "PARTYGRAPH_BACKEND": "embedded"}
    created = subprocess.run([PARTYGRAPH, "query", "CREATE (:Compound {id: 'X1'})"],
                             capture_output=True, text=True, env=env, timeout=120)
    assert created.returncode == 2, created.stderr
    assert "Traceback" not in created.stderr
    assert len(created.stderr.strip().splitlines()) == 1
    stats = subprocess.run([PARTYGRAPH, "stats", "--format", "json"],
                           capture_output=True, text=True, env=env, timeout=120)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout) == {"nodes": {}, "relationships": {}}


def test_every_catalogue_query_runs_through_the_read_path():
    """run_query sends catalogue text to ``db.read`` only: a catalogue query with a write would fail."""
    from queries import catalogue

    class Recorder:
        dialect = type("D", (), {"name": "neo4j"})()

        def __init__(self):
            self.calls = []

        def read(self, cypher, params=None):
            self.calls.append("read")
            return []

        def write(self, cypher, params=None):  # pragma: no cover - must not be called
            self.calls.append("write")
            return []

        def consistent(self, reads):  # the entries answered by several reads (catalogue.COMPUTED)
            return reads()

    recorder = Recorder()
    for name, statement in catalogue.CATALOGUE.items():
        params = {p.name: _example(p) for p in statement.parameters if p.default is None}
        catalogue.run_query(recorder, name, params)
    assert recorder.calls and set(recorder.calls) == {"read"}


def _example(parameter):
    import datetime

    return {"int": 1, "float": 1.0, "bool": True, "date": datetime.date(2021, 12, 31)}.get(parameter.type, "CP01")
