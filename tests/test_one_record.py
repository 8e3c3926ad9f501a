"""Reads whose rows Neo4j sends as one record (graph/one_record.py): the rewrite, and the rows it gives."""

from __future__ import annotations

import datetime

import pytest

from graph.one_record import one_record_read


def test_final_return_becomes_with_and_a_collect_of_its_columns():
    read = one_record_read("MATCH (c:Community)-[:PART_OF]->(s:Street)\n"
                           "RETURN s.id AS street_id, count(c) AS communities\nORDER BY communities DESC, street_id\n")
    assert read.text == ("MATCH (c:Community)-[:PART_OF]->(s:Street)\n"
                         "WITH s.id AS street_id, count(c) AS communities\nORDER BY communities DESC, street_id\n"
                         "RETURN collect([street_id, communities]) AS partygraph_rows")
    assert read.columns == ("street_id", "communities")


def test_distinct_skip_limit_and_bare_names_are_kept():
    read = one_record_read("MATCH (n:Member) WITH n.id AS id RETURN DISTINCT id, 1 AS one SKIP 2 LIMIT $n;")
    assert read.text == ("MATCH (n:Member) WITH n.id AS id WITH DISTINCT id, 1 AS one SKIP 2 LIMIT $n\n"
                         "RETURN collect([id, one]) AS partygraph_rows")
    assert read.columns == ("id", "one")


def test_returns_inside_subqueries_strings_and_comments_are_not_the_final_one():
    text = ("CALL {\n  MATCH (a:Unit) RETURN a AS x\n  UNION\n  MATCH (a:Street) RETURN a AS x\n}\n"
            "// RETURN nothing, AS told\n"
            "RETURN x.id AS id, 'RETURN a, b AS c' AS said, [y IN x.tags | y] AS tags, {k: x.limit} AS m")
    read = one_record_read(text)
    assert read.columns == ("id", "said", "tags", "m")
    assert read.text.endswith("WITH x.id AS id, 'RETURN a, b AS c' AS said, [y IN x.tags | y] AS tags, "
                              "{k: x.limit} AS m\nRETURN collect([id, said, tags, m]) AS partygraph_rows")


def test_comments_beside_the_columns_are_not_part_of_their_names():
    read = one_record_read("MATCH (c:Community)\nRETURN count(c) AS n  // FalkorDB's sum is a float\n"
                           "/* the end */")
    assert read.columns == ("n",)
    assert read.text == ("MATCH (c:Community)\nWITH count(c) AS n  // FalkorDB's sum is a float\n/* the end */\n"
                         "RETURN collect([n]) AS partygraph_rows")


def test_backquoted_aliases_are_named_without_their_quotes():
    read = one_record_read("MATCH (n:Street) RETURN n.name AS `街道 名称`, n.id AS `a``b`")
    assert read.columns == ("街道 名称", "a`b")
    assert read.text.endswith("RETURN collect([`街道 名称`, `a``b`]) AS partygraph_rows")


@pytest.mark.parametrize("text", [
    "MATCH (n:Street) RETURN n.id",                                   # a column WITH cannot name
    "MATCH (n:Street) RETURN n.id AS id UNION MATCH (n:Grid) RETURN n.id AS id",  # a top-level UNION
    "MATCH (n:Street) RETURN *",
    "MATCH (n:Street) RETURN n.id AS id, n.name AS id",               # the same name twice
    "SHOW INDEXES YIELD name RETURN name",                            # not a read clause
    "EXPLAIN MATCH (n:Street) RETURN n.id AS id",
    "MATCH (n:Street) SET n.seen = true",                             # no RETURN at all
])
def test_reads_it_cannot_rewrite_are_left_as_they_are(text):
    assert one_record_read(text) is None


def test_rows_come_back_whole_and_in_order_on_both_backends(db):
    db.write("CREATE (:Street:Territory {id: 'S2', name: '西城街道', since: date('2020-05-01')}), "
             "(:Street:Territory {id: 'S1', name: '东风街道'}), (:Street:Territory {id: 'S3', name: '南湖街道'})")
    rows = db.read("MATCH (s:Street) RETURN s.id AS id, s.name AS name, s.since AS since, [s.id, 1] AS pair "
                   "ORDER BY id DESC")
    assert rows == [
        {"id": "S3", "name": "南湖街道", "since": None, "pair": ["S3", 1]},
        {"id": "S2", "name": "西城街道", "since": datetime.date(2020, 5, 1), "pair": ["S2", 1]},
        {"id": "S1", "name": "东风街道", "since": None, "pair": ["S1", 1]},
    ]
    assert db.read("MATCH (s:Street) RETURN s.id AS id ORDER BY id SKIP 1 LIMIT 1") == [{"id": "S2"}]
    assert db.read("MATCH (s:Street) WHERE s.id = 'S9' RETURN s.id AS id") == []
    assert db.read("MATCH (s:Street) WHERE s.id = 'S9' RETURN count(s) AS n") == [{"n": 0}]
    node = db.read("MATCH (s:Street {id: 'S1'}) RETURN s AS street")[0]["street"]
    assert node == {"_labels": ["Street", "Territory"], "id": "S1", "name": "东风街道"}


def test_rows_too_big_for_one_record_in_neo4j_are_read_again_row_by_row(neo4j_settings, monkeypatch):
    # A server short of memory for the collected list refuses it (here: made to, for that text only);
    # the driver would retry that error for 30 s. The read is sent again as written, and answers.
    import neo4j

    from graph.backend import open_backend

    db = open_backend(neo4j_settings)
    sent = []
    real_session = db._session

    def session_refusing_collected_rows(access_mode):
        session = real_session(access_mode)
        real_execute_read = session.execute_read

        def execute_read(work):
            def with_refusal(tx):
                real_run = tx.run

                def run(text, *args, **kwargs):
                    sent.append(text)
                    if "partygraph_rows" in text:
                        raise neo4j.exceptions.Neo4jError._hydrate_neo4j(
                            code="Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                            message="The allocation of an extra 2.0 MiB would use more than the limit")
                    return real_run(text, *args, **kwargs)

                tx.run = run
                return work(tx)
            return real_execute_read(with_refusal)

        session.execute_read = execute_read
        return session

    monkeypatch.setattr(db, "_session", session_refusing_collected_rows)
    try:
        rows = db.read("UNWIND [3, 1, 2] AS i RETURN i AS n, i * 10 AS tens ORDER BY n")
    finally:
        db.close()
    assert rows == [{"n": 1, "tens": 10}, {"n": 2, "tens": 20}, {"n": 3, "tens": 30}]
    reads = [text for text in sent if "UNWIND" in text]
    assert len(reads) == 2 and "partygraph_rows" in reads[0] and "partygraph_rows" not in reads[1]
