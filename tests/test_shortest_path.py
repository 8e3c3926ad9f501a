"""``shortest_path`` on a small hand-made graph, on both backends, and the catalogue's
``COMPUTED`` entries (a query answered by a Python function on one backend).

On FalkorDB the catalogue answers ``shortest_path`` with queries/path_search (a
breadth-first search from both ends); on Neo4j with the Cypher text.  The graph below is
made so that a search that compared node ids instead of the documented key, took the
smallest neighbour without checking it leads on, or ignored parallel relationships,
would answer differently.  Every expected answer is worked out by hand.
"""

from __future__ import annotations

import pytest

from queries import catalogue
from queries.catalogue import run_query

# Every node is an Organization; every relationship points left to right unless marked.
#   S -UNDER-> X -UNDER-> T          two paths of 2 hops from S to T; the key compares
#   S -UNDER-> X-1 <-UNDER- T        'S|X-1|' with 'S|X|', and '-' sorts before '|'
#   S -UNDER-> A0                    a dead end whose id sorts first
#   P -UNDER-> Q, Q -PARTY_ORG_OF-> P, Q -UNDER-> R    two relationships between P and Q
#   S2 -UNDER-> Z -UNDER-> T2        2 hops, beside
#   S2 -UNDER-> A1 -UNDER-> A2 -UNDER-> T2              3 hops through smaller ids
#   C0 -UNDER-> C1 -UNDER-> … -UNDER-> C9                9 hops
GRAPH = """
CREATE (s:Organization {id: 'S', name: 'S'}), (x:Organization {id: 'X', name: 'X'}),
       (x1:Organization {id: 'X-1', name: 'X-1'}), (t:Organization {id: 'T', name: 'T'}),
       (a0:Organization {id: 'A0', name: 'A0'}),
       (s)-[:UNDER]->(x), (x)-[:UNDER]->(t), (s)-[:UNDER]->(x1), (t)-[:UNDER]->(x1), (s)-[:UNDER]->(a0),
       (p:Organization {id: 'P', name: 'P'}), (q:Organization {id: 'Q', name: 'Q'}),
       (r:Organization {id: 'R', name: 'R'}),
       (p)-[:UNDER]->(q), (q)-[:PARTY_ORG_OF]->(p), (q)-[:UNDER]->(r),
       (s2:Organization {id: 'S2', name: 'S2'}), (z:Organization {id: 'Z', name: 'Z'}),
       (t2:Organization {id: 'T2', name: 'T2'}), (a1:Organization {id: 'A1', name: 'A1'}),
       (a2:Organization {id: 'A2', name: 'A2'}),
       (s2)-[:UNDER]->(z), (z)-[:UNDER]->(t2), (s2)-[:UNDER]->(a1), (a1)-[:UNDER]->(a2), (a2)-[:UNDER]->(t2)
WITH 1 AS one
UNWIND range(0, 9) AS i
CREATE (:Organization {id: 'C' + toString(i), name: 'C' + toString(i)})
WITH count(*) AS made
UNWIND range(0, 8) AS i
MATCH (a:Organization {id: 'C' + toString(i)}), (b:Organization {id: 'C' + toString(i + 1)})
CREATE (a)-[:UNDER]->(b)
"""


@pytest.fixture
def g(db):
    db.write(GRAPH)
    return db


def path(g, from_id, to_id, max_hops=6):
    rows = run_query(g, "shortest_path", {"from_id": from_id, "to_id": to_id, "max_hops": max_hops})
    assert all(row["label"] == "Organization" and row["name"] == row["id"] for row in rows)
    return [(row["step"], row["id"], row["relationship"], row["direction"]) for row in rows]


def test_the_key_sorts_ids_with_their_bar(g):
    # 'S|X-1|T|' < 'S|X|T|' because '-' < '|'; A0 sorts first but leads nowhere.
    assert path(g, "S", "T") == [(0, "S", None, None), (1, "X-1", "UNDER", "->"), (2, "T", "UNDER", "<-")]
    assert path(g, "T", "S") == [(0, "T", None, None), (1, "X-1", "UNDER", "->"), (2, "S", "UNDER", "<-")]


def test_parallel_relationships_are_chosen_by_type(g):
    # P|Q|R| then PARTY_ORG_OF|UNDER| before UNDER|UNDER|; Q -> P points against the path.
    assert path(g, "P", "R") == [(0, "P", None, None), (1, "Q", "PARTY_ORG_OF", "<-"), (2, "R", "UNDER", "->")]
    assert path(g, "R", "P") == [(0, "R", None, None), (1, "Q", "UNDER", "<-"), (2, "P", "PARTY_ORG_OF", "->")]
    assert path(g, "P", "Q") == [(0, "P", None, None), (1, "Q", "PARTY_ORG_OF", "<-")]


def test_fewer_hops_beat_smaller_ids(g):
    assert path(g, "S2", "T2") == [(0, "S2", None, None), (1, "Z", "UNDER", "->"), (2, "T2", "UNDER", "->")]


def test_max_hops_and_its_cap_of_eight(g):
    assert path(g, "C0", "C2", max_hops=1) == []
    assert path(g, "C0", "C2", max_hops=2) == [(0, "C0", None, None), (1, "C1", "UNDER", "->"),
                                               (2, "C2", "UNDER", "->")]
    eight = path(g, "C8", "C0", max_hops=20)
    assert [row[1] for row in eight] == [f"C{i}" for i in range(8, -1, -1)]
    assert {(row[2], row[3]) for row in eight[1:]} == {("UNDER", "<-")}
    assert path(g, "C0", "C9", max_hops=20) == []  # 9 hops > 8
    assert path(g, "C0", "C1", max_hops=0) == []


def test_no_path_same_id_or_unknown_id(g):
    assert path(g, "S", "P", max_hops=8) == []
    assert path(g, "S", "S") == []
    assert path(g, "S", "NOPE") == []
    assert path(g, "NOPE", "S") == []


class FalkorDBStub:
    """A backend that says it speaks FalkorDB's dialect and must not be asked anything."""

    dialect = type("D", (), {"name": "falkordb"})()

    def read(self, *args, **kwargs):
        raise AssertionError("the database was asked")

    def consistent(self, reads):
        return reads()


def test_a_computed_entry_gets_its_bound_parameters_on_its_backend_only(monkeypatch):
    calls = []

    def answer(db, params):
        calls.append(params)
        return [{"step": 0}]

    monkeypatch.setitem(catalogue.COMPUTED, ("shortest_path", "falkordb"), answer)
    assert run_query(FalkorDBStub(), "shortest_path", {"from_id": "M01", "to_id": "M05", "max_hops": "3"}) == [
        {"step": 0}]
    assert calls == [{"from_id": "M01", "to_id": "M05", "max_hops": 3}]
    assert run_query(FalkorDBStub(), "shortest_path", {"from_id": "M01", "to_id": "M05"}) == [{"step": 0}]
    assert calls[-1]["max_hops"] == 6  # the header's default
    with pytest.raises(catalogue.ParameterError):
        run_query(FalkorDBStub(), "shortest_path", {"from_id": "M01", "to_id": "M05", "max_hops": "many"})


def test_every_computed_entry_is_a_catalogue_entry():
    assert catalogue.COMPUTED
    assert {name for name, _ in catalogue.COMPUTED} <= set(catalogue.CATALOGUE)
    assert {dialect for _, dialect in catalogue.COMPUTED} <= {"neo4j", "falkordb"}
