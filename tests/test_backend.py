"""The backend interface behaves the same on both databases."""

import datetime
import threading

import pytest

from graph.backend import BackendError
from graph.schema import apply_schema, describe_schema


def test_init_twice_gives_the_same_schema(db):
    apply_schema(db)
    first = describe_schema(db)
    apply_schema(db)
    assert describe_schema(db) == first
    assert ("unique", "Compound", "id") in first
    assert ("unique", "Territory", "id") in first
    assert ("index", "Member", "kind") in first
    assert ("fulltext", "Organization", "name") in first


def _name_index(db):
    """The kind of index names get: a text index, which serves CONTAINS, where the backend has one."""
    return "text" if db.dialect.name == "neo4j" else "index"


def test_names_and_demand_titles_get_the_index_the_search_uses(db):
    schema = describe_schema(db)
    assert (_name_index(db), "Member", "name") in schema
    assert (_name_index(db), "Demand", "title") in schema


def test_init_replaces_the_range_index_an_earlier_init_made_on_names(db):
    if db.dialect.name == "neo4j":  # what init made before names got text indexes; FalkorDB's stays as it was
        db.schema_command("CREATE INDEX member_name_index IF NOT EXISTS FOR (n:Member) ON (n.name)")
        assert ("index", "Member", "name") in describe_schema(db)
    apply_schema(db)
    schema = describe_schema(db)
    assert (_name_index(db), "Member", "name") in schema
    assert [item for item in schema if item[1:] == ("Member", "name") and item[0] != "fulltext"] == \
        [(_name_index(db), "Member", "name")]


def test_every_property_type_round_trips(db):
    props = {"id": "CP01", "name": "锦绣小区·东区", "floors": 7, "area": 523.5, "no_property": True,
             "opened": "2020-02-29", "services": ["卫生保洁", "绿化养护"]}
    db.write("CREATE (n:Compound:Territory {id: $p.id, name: $p.name, floors: $p.floors, area: $p.area, "
             "no_property: $p.no_property, opened: date($p.opened), services: $p.services})", {"p": props})
    rows = db.read("MATCH (n:Compound {id: $id}) RETURN n.name AS name, n.floors AS floors, n.area AS area, "
                   "n.no_property AS no_property, n.opened AS opened, n.services AS services, n AS node",
                   {"id": "CP01"})
    assert rows[0]["name"] == "锦绣小区·东区"
    assert rows[0]["floors"] == 7 and isinstance(rows[0]["floors"], int)
    assert rows[0]["area"] == 523.5
    assert rows[0]["no_property"] is True
    assert rows[0]["opened"] == datetime.date(2020, 2, 29)
    assert rows[0]["services"] == ["卫生保洁", "绿化养护"]
    assert rows[0]["node"]["_labels"] == ["Compound", "Territory"]
    assert rows[0]["node"]["opened"] == datetime.date(2020, 2, 29)


def test_a_date_parameter_is_accepted(db):
    rows = db.read("RETURN date($d) AS d", {"d": datetime.date(2021, 6, 30)})
    assert rows == [{"d": datetime.date(2021, 6, 30)}]


def test_days_between_dates_agree(db):
    rows = db.read("RETURN days_since_epoch(date('2021-06-30')) - days_since_epoch(date('2020-02-28')) AS days")
    assert rows == [{"days": 488}]


def test_day_numbers_count_leap_years_as_the_gregorian_calendar_does(db):
    # 1900 is no leap year and 2000 is one: 100 years of 365 days, 24 + 1 leap days, and March 1st
    rows = db.read("RETURN days_since_epoch(date('1970-01-01')) AS epoch, days_since_epoch(date('1969-12-31')) AS eve,"
                   " days_since_epoch(date('2000-03-01')) - days_since_epoch(date('1900-02-28')) AS century")
    assert rows == [{"epoch": 0, "eve": -1, "century": 36526}]


def test_count_on_reads_a_dated_count_on_any_date(db):
    # 楼1: none before 2020-01-01, 2 from then, 1 from 2021-07-01; 楼2 has no lists: 0 on every date
    db.write("CREATE (:Building {id: '楼1', residents_dates: [date('2020-01-01'), date('2021-07-01')], "
             "residents_counts: [0, 2, 1]}), (:Building {id: '楼2'})")
    query = ("WITH date($as_of) AS day MATCH (b:Building) "
             "RETURN b.id AS building, count_on(b, residents, day) AS n ORDER BY building")
    on = {day: [row["n"] for row in db.read(query, {"as_of": day})]
          for day in ("2019-12-31", "2020-01-01", "2021-06-30", "2021-07-01", "2030-01-01")}
    assert on == {"2019-12-31": [0, 0], "2020-01-01": [2, 0], "2021-06-30": [2, 0], "2021-07-01": [1, 0],
                  "2030-01-01": [1, 0]}


def test_unique_constraint_violation_is_reported_and_leaves_nothing(db):
    db.write("CREATE (:Compound:Territory {id: 'CP01', name: '锦绣小区'})")
    with pytest.raises(BackendError):
        db.write("UNWIND ['CP02', 'CP01'] AS id CREATE (:Compound:Territory {id: id, name: 'x'})")
    assert db.read("MATCH (n:Compound) RETURN n.id AS id ORDER BY id") == [{"id": "CP01"}]


def test_atomic_unit_rolls_back_every_statement(db):
    with pytest.raises(BackendError):
        with db.atomic() as writer:
            writer.run("CREATE (:Compound:Territory {id: 'CP02', name: '盘龙城'})")
            writer.run("CREATE (:Compound:Territory {id: 'CP02', name: '重复'})")
    assert db.read("MATCH (n:Compound) RETURN count(n) AS n") == [{"n": 0}]


def test_batches_run_in_order_and_a_failing_one_stops_the_rest_and_the_unit(db):
    """A loader's batches: each written once, in order, reported after it ran; the batch the
    database refuses (a duplicate id) ends the run, and the atomic unit leaves nothing."""
    batches = [{"rows": ["CP01", "CP02"]}, {"rows": ["CP03"]}, {"rows": ["CP04", "CP05", "CP06"]}]
    create = "UNWIND $rows AS id CREATE (:Compound:Territory {id: id, name: '小区' + id})"
    ran = []
    with db.atomic() as writer:
        writer.run_batches(create, batches, after_each=lambda done: ran.append(done["rows"]))
    assert ran == [["CP01", "CP02"], ["CP03"], ["CP04", "CP05", "CP06"]]
    assert db.read("MATCH (c:Compound) RETURN c.id AS id, c.name AS name ORDER BY id")[2:4] == [
        {"id": "CP03", "name": "小区CP03"}, {"id": "CP04", "name": "小区CP04"}]

    ran.clear()
    with pytest.raises(BackendError):
        with db.atomic() as writer:
            writer.run_batches(create, [{"rows": ["CP07"]}, {"rows": ["CP01"]}, {"rows": ["CP08"]}],
                               after_each=lambda done: ran.append(done["rows"]))
    assert ran == [["CP07"]]
    assert db.read("MATCH (c:Compound) RETURN count(c) AS n") == [{"n": 6}]


def test_read_session_refuses_a_write(db):
    with pytest.raises(BackendError):
        db.read("CREATE (:Compound:Territory {id: 'CP09', name: 'x'})")
    assert db.read("MATCH (n) WHERE NOT n:PartygraphCommit RETURN count(n) AS n") == [{"n": 0}]


def test_a_load_in_progress_is_seen_until_it_commits(db):
    """The explorer warns while a load runs; the flag must rise with the load and fall after it."""
    assert db.load_in_progress() is False
    with db.atomic() as unit:
        unit.run("CREATE (:Compound {id: 'CP-LOADING', name: '锦绣小区'})")
        assert db.load_in_progress() is True
    assert db.load_in_progress() is False
    assert db.read("MATCH (c:Compound) RETURN c.id AS id") == [{"id": "CP-LOADING"}]


def test_the_data_generation_changes_when_a_load_commits_and_only_then(db, fixture_dir):
    from loaders.load import load_path

    cleared = db.data_generation()
    assert db.data_generation() == cleared  # reading does not change it
    load_path(db, fixture_dir)
    loaded = db.data_generation()
    assert loaded != cleared
    db.clear()
    assert db.data_generation() not in (cleared, loaded)


def test_clearing_empties_the_graph_keeps_its_schema_and_a_load_after_it_gives_the_same_graph(db, fixture_dir):
    from graph.checksum import graph_checksum
    from loaders.load import load_path

    schema = describe_schema(db)
    load_path(db, fixture_dir)
    loaded = graph_checksum(db)
    db.clear()
    assert db.read("MATCH (n) WHERE NOT n:PartygraphCommit RETURN count(n) AS n")[0]["n"] == 0
    assert db.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"] == 0
    assert describe_schema(db) == schema
    load_path(db, fixture_dir)
    assert graph_checksum(db) == loaded


def test_several_reads_run_again_when_a_load_commits_between_them(db, fixture_dir):
    """Backend.consistent: an answer of several reads is all old data or all new."""
    from loaders.load import load_path

    calls = []

    def two_reads():
        calls.append(1)
        compounds = db.read("MATCH (c:Compound) RETURN count(c) AS n")[0]["n"]
        if len(calls) == 1:
            load_path(db, fixture_dir)  # a load commits between the two reads, once
        buildings = db.read("MATCH (b:Building) RETURN count(b) AS n")[0]["n"]
        return compounds, buildings

    assert db.consistent(two_reads) == (12, 10)  # the fixture's 12 compounds and 10 buildings, not (0, 10)
    assert len(calls) == 2


# --- the embedded backend rebuilds a big load from a snapshot before the swap --------------------

@pytest.fixture
def own_embedded_db(tmp_path):
    """An embedded database of this test's own, so that its load lock and staged graphs are its own."""
    from graph.backend import open_backend
    from graph.config import Settings

    with open_backend(Settings(backend="embedded", home=tmp_path)) as db:
        apply_schema(db)
        yield db


def _copies(db, monkeypatch) -> list[tuple[str, str]]:
    """Record each GRAPH.COPY the backend makes, as (source, target)."""
    made: list[tuple[str, str]] = []
    copy = db._copy

    def recording_copy(source: str, target: str) -> None:
        made.append((source, target))
        copy(source, target)

    monkeypatch.setattr(db, "_copy", recording_copy)
    return made


def test_a_big_load_is_swapped_in_as_a_copy_of_itself_with_its_data_and_schema(own_embedded_db, fixture_dir,
                                                                                monkeypatch):
    """Past the threshold the staged graph is copied once more before the swap (a copy answers
    faster): same data, same indexes, and no staged graph left behind."""
    from graph import embedded_backend
    from graph.checksum import graph_checksum
    from loaders.load import load_path

    db = own_embedded_db
    schema = describe_schema(db)
    load_path(db, fixture_dir)  # the fixture is far under the threshold: loaded as written
    as_written = graph_checksum(db)
    copies = _copies(db, monkeypatch)
    monkeypatch.setattr(embedded_backend, "_REBUILD_AFTER_BYTES", 0)
    load_path(db, fixture_dir, replace=True)
    db.wait_until_settled()
    assert len(copies) == 1  # the rebuild; a replace begins empty
    assert all(name.startswith(f"{db.graph_name}__stage_") for name in copies[0])  # staged into staged
    assert graph_checksum(db) == as_written
    assert describe_schema(db) == schema
    assert db.read("MATCH (c:Compound {id: 'CP01'}) RETURN c.name AS name") == [{"name": "锦绣小区"}]
    assert db._db.client.keys(f"{db.graph_name}__stage_*") == []


def test_a_load_stands_when_its_rebuild_is_refused(own_embedded_db, fixture_dir, monkeypatch, caplog):
    from graph import embedded_backend
    from graph.checksum import graph_checksum
    from loaders.load import load_path

    db = own_embedded_db
    load_path(db, fixture_dir)
    as_written = graph_checksum(db)
    db.clear()
    monkeypatch.setattr(embedded_backend, "_REBUILD_AFTER_BYTES", 0)
    copy = db._copy

    def refuse_the_rebuild(source: str, target: str) -> None:
        if source != db.graph_name:  # the rebuild copies the staged graph; the load's first copy, the live one
            raise BackendError("embedded database refused GRAPH.COPY: could not fork")
        copy(source, target)

    monkeypatch.setattr(db, "_copy", refuse_the_rebuild)
    generation = db.data_generation()
    load_path(db, fixture_dir)
    db.wait_until_settled()
    assert graph_checksum(db) == as_written
    assert db.data_generation() != generation
    assert "kept the graph as loaded" in caplog.text
    assert db._db.client.keys(f"{db.graph_name}__stage_*") == []


def test_a_load_into_an_emptied_graph_starts_from_the_schema_without_a_copy(own_embedded_db, fixture_dir,
                                                                         monkeypatch):
    """Copying an empty graph forks the server for nothing, and such a copy once lost its answer
    (FalkorDB 4.22.1): the load starts from the schema instead, with the same result."""
    from graph.checksum import graph_checksum
    from loaders.load import load_path

    db = own_embedded_db
    schema = describe_schema(db)
    load_path(db, fixture_dir)
    loaded = graph_checksum(db)
    db.clear()
    copies = _copies(db, monkeypatch)
    load_path(db, fixture_dir)
    assert copies == []
    assert graph_checksum(db) == loaded
    assert describe_schema(db) == schema
    load_path(db, fixture_dir)  # into data: the live graph is copied as before
    assert [source for source, _ in copies] == [db.graph_name]


def test_a_copy_that_never_answers_is_given_up_and_the_graph_stays_as_it_was(own_embedded_db, fixture_dir,
                                                                           monkeypatch):
    """A GRAPH.COPY whose answer was lost would hold the load for the 30 minutes of the socket
    timeout; a command that really blocks on the server stands in for it here."""
    from graph import embedded_backend
    from graph.checksum import graph_checksum
    from loaders.load import load_path

    db = own_embedded_db
    load_path(db, fixture_dir)
    before = graph_checksum(db)
    monkeypatch.setattr(embedded_backend, "_COPY_STALL_S", 1.0)
    monkeypatch.setattr(db, "_send_copy", lambda client, source, target: client.execute_command(
        "BLPOP", "partygraph:test:never-pushed", 0))
    with pytest.raises(BackendError, match=r"GRAPH.COPY partygraph .* got no answer .* for 1 s; see redis.log"):
        load_path(db, fixture_dir)
    assert graph_checksum(db) == before
    assert db.load_in_progress() is False
    assert db._db.client.keys(f"{db.graph_name}__stage_*") == []
    assert [c for c in db._db.client.client_list() if c["cmd"] == "blpop"] == []  # its connection was closed


class _MemoryReadings:
    """A stand-in for the embedded server's client that answers INFO memory from a list of readings."""

    def __init__(self, mib: list[int]) -> None:
        self.left = [m * 2**20 for m in mib]

    def info(self, section: str) -> dict[str, int]:
        assert section == "memory"
        return {"used_memory": self.left.pop(0) if len(self.left) > 1 else self.left[0]}


def _backend_reading(readings: _MemoryReadings):
    from types import SimpleNamespace

    from graph.embedded_backend import EmbeddedBackend

    backend = object.__new__(EmbeddedBackend)  # only its client is used
    backend._db = SimpleNamespace(client=readings)
    return backend


def test_a_big_load_waits_for_the_replaced_graphs_to_be_freed_when_the_freeing_begins_late(monkeypatch):
    """At scale 10 FalkorDB began freeing the replaced graphs only seconds after the load: memory in use
    stayed flat at twice the graph, then fell. The load counts as settled only once it has fallen."""
    from graph import embedded_backend

    monkeypatch.setattr(embedded_backend, "_FREEING_POLL_S", 0)
    # 100 MiB in use before the rebuild; flat at 400 while the append-only file is rewritten, then freed
    readings = _MemoryReadings([400, 400, 400, 400, 300, 200, 100, 100, 100, 100])
    _backend_reading(readings)._wait_while_memory_is_freed(100 * 2**20)
    assert len(readings.left) == 2  # it read on until memory had fallen, then once more to see it flat


def test_a_big_load_stops_waiting_for_memory_that_is_never_freed(monkeypatch):
    from graph import embedded_backend

    monkeypatch.setattr(embedded_backend, "_FREEING_POLL_S", 0.01)
    monkeypatch.setattr(embedded_backend, "_FREEING_WAIT_S", 0.2)
    readings = _MemoryReadings([400])
    _backend_reading(readings)._wait_while_memory_is_freed(100 * 2**20)  # returns: only speed is at stake
    assert readings.left == [400 * 2**20]


def test_a_command_that_closes_after_its_load_rebuilds_only_for_another_process(own_embedded_db, fixture_dir,
                                                                                monkeypatch):
    """``partygraph load`` alone on the server leaves the rebuild to the next start, which reads the
    snapshot; with the explorer connected (another client) the server stays up, and it rebuilds."""
    import redis

    from graph import embedded_backend
    from loaders.load import load_path

    db = own_embedded_db
    db.closes_after_load = True
    monkeypatch.setattr(embedded_backend, "_REBUILD_AFTER_BYTES", 0)
    copies = _copies(db, monkeypatch)
    load_path(db, fixture_dir)
    assert copies == []  # the graph was empty: no copy into the stage, and no rebuild
    explorer = redis.Redis(unix_socket_path=db._db.client.socket_file, client_name="partygraph:explorer")
    try:
        explorer.ping()
        load_path(db, fixture_dir, replace=True)
        db.wait_until_settled()
    finally:
        explorer.close()
    assert len(copies) == 1  # the rebuild (a replace begins from an empty stage)


def test_readers_see_a_big_load_only_once_rebuilt_and_loads_wait_until_it_has_settled(own_embedded_db, fixture_dir,
                                                                                      monkeypatch):
    """Readers never see a big load as written (FalkorDB crashed merging such a graph's changes while it
    was queried): while the staged graph is rebuilt they read the graph before the load, then the rebuilt
    one; the load lock is held until the server has settled, and afterwards nothing of it is left."""
    from graph import embedded_backend
    from graph.checksum import graph_checksum
    from loaders.load import load_path

    db = own_embedded_db
    load_path(db, fixture_dir)
    as_written = graph_checksum(db)
    db.clear()
    before_the_load = graph_checksum(db)
    monkeypatch.setattr(embedded_backend, "_REBUILD_AFTER_BYTES", 0)
    rebuilding, go_on = threading.Event(), threading.Event()
    copy = db._copy

    def held_rebuild(source: str, target: str) -> None:
        if source != db.graph_name:  # the staged graph: the rebuild
            rebuilding.set()
            assert go_on.wait(30)
        copy(source, target)

    monkeypatch.setattr(db, "_copy", held_rebuild)
    loading = threading.Thread(target=load_path, args=(db, fixture_dir))
    loading.start()
    try:
        assert rebuilding.wait(30)
        assert graph_checksum(db) == before_the_load
        assert db.load_in_progress()
    finally:
        go_on.set()
        loading.join(60)
    assert graph_checksum(db) == as_written
    db.wait_until_settled()
    assert not db.settling() and not db.load_in_progress()
    assert db._db.client.keys(f"{db.graph_name}__stage_*") == []


def test_a_replacing_load_begins_from_an_empty_graph_not_a_copy_of_the_old_one(own_embedded_db, fixture_dir,
                                                                              monkeypatch):
    """The old graph is not copied only to be deleted; what stays is the new data, with the schema."""
    from graph.checksum import graph_checksum
    from loaders.load import load_path

    db = own_embedded_db
    schema = describe_schema(db)
    load_path(db, fixture_dir)
    as_loaded = graph_checksum(db)
    db.write("CREATE (:Compound:Territory {id: 'CP-OLD', name: '旧小区'})")
    copies = _copies(db, monkeypatch)
    load_path(db, fixture_dir, replace=True)
    assert copies == []
    assert db.read("MATCH (c:Compound {id: 'CP-OLD'}) RETURN c.id AS id") == []
    assert graph_checksum(db) == as_loaded
    assert describe_schema(db) == schema
    with pytest.raises(BackendError):  # the unique constraint holds on the new graph
        db.write("CREATE (:Compound:Territory {id: 'CP01', name: '重复'})")
