"""Load validated input into the graph with the Cypher loaders, all or nothing.

Each input file has one loader, ``loaders/<name>.cypher`` (``UNWIND $rows AS r … MERGE``),
run in batches inside one atomic unit of the backend: one Neo4j transaction, or a
staged graph swapped in on the embedded backend.  Loading the same files twice changes
nothing.

Into a fresh graph (``replace``, or a graph with no node) the *bulk* loaders in
``loaders/bulk/<name>.cypher`` run instead, where one exists: the same statement with
``CREATE`` for ``MERGE``.  That is the same graph — validation has proven every id
unique over the files and every relationship key unique in its file, and there is
nothing in the graph to match — written without a look-up per row (about twice as
fast).  The unique constraints would refuse a duplicate node all the same.
``tests/test_bench_smoke.py`` checks that both ways build identical graphs.

A load larger than the backend's ``max_atomic_rows`` (Neo4j holds a transaction in its
heap) into an *empty* graph commits batch by batch instead; if it fails, what it wrote
is deleted, which leaves the graph empty, as it was.  Only a loader killed outright
leaves part of such a load behind: running the same load again completes it.
"""

from __future__ import annotations

import gc
import queue
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from graph.backend import Backend, OneBatchAtATime
from graph.schema import apply_schema
from graph.statements import read_statements
from graph.stats import graph_stats
from loaders import rollups
from loaders.input_files import LOAD_ORDER
from loaders.problems import InputError, Problem
from loaders.reader import InputReading, open_input, read_input
from loaders.validate import ValidatedInput, validate_tables

__all__ = ["LoadReport", "LOADERS", "BULK_LOADERS", "DEFAULT_BATCH_SIZE", "check_path", "load_path", "refresh_counts",
           "load_input", "load_validated", "parameter_batches", "bulk_rows"]

LOADERS = read_statements(Path(__file__).parent)
BULK_LOADERS = read_statements(Path(__file__).parent / "bulk")
DEFAULT_BATCH_SIZE = 5000


@dataclass
class LoadReport:
    """What a load did: rows read per file, nodes and relationships created, warnings, seconds."""

    rows: dict[str, int] = field(default_factory=dict)
    nodes_created: dict[str, int] = field(default_factory=dict)
    relationships_created: dict[str, int] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        """Rows loaded over all files."""
        return sum(self.rows.values())


@contextmanager
def _cyclic_gc_paused():
    """Pause Python's cyclic garbage collector while a load holds its rows.

    A load keeps every row as a dict until it is written (millions at scale 10), and each
    full collection walks them all: validation took 27% longer with it at scale 1 (4.0
    against 2.9 s) and 36% at scale 10 (47 against 35 s).  The rows hold no reference
    cycles, so reference counting frees them all the same; collection resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parameter_batches(rows: list[dict], batch_size: int) -> Iterator[dict]:
    """``rows`` as a loader's parameter sets, ``{"rows": […]}`` of ``batch_size`` rows each, in order."""
    return ({"rows": rows[start:start + batch_size]} for start in range(0, len(rows), batch_size))


def _write_counts(db: Backend, writer, rows: tuple[list[dict], list[dict], list[dict]], batch_size: int) -> None:
    """Write the rows of the counts kept on buildings, communities and members (:mod:`loaders.rollups`)."""
    for statement, statement_rows in zip((rollups.WRITE_BUILDINGS, rollups.WRITE_COMMUNITIES, rollups.WRITE_MEMBERS),
                                         rows):
        writer.run_batches(statement.text_for(db.dialect.name), parameter_batches(statement_rows, batch_size))


def refresh_counts(db: Backend, batch_size: int = DEFAULT_BATCH_SIZE) -> dict[str, int]:
    """Work out again, from the graph, every count the loads keep on buildings, communities and
    members (:mod:`loaders.rollups`), and write them in one atomic unit: for a graph loaded by an
    older partygraph, which kept fewer (:func:`loaders.rollups.missing_counts`), or changed by
    another tool since its last load.  Returns how many buildings, communities and members were
    written (a member only where its count changed).

    Example:
        >>> refresh_counts(db)  # doctest: +SKIP
        {'buildings': 10342, 'communities': 57, 'members': 0}
    """
    apply_schema(db)  # the indexes on what is kept (a graph from an older version may lack them)
    with db.atomic() as writer:
        buildings, communities = rollups.count_rows(writer)
        members = rollups.member_count_rows(writer, rollups.member_ids(writer))
        _write_counts(db, writer, (buildings, communities, members), batch_size)
    return {"buildings": len(buildings), "communities": len(communities), "members": len(members)}


def bulk_rows(name: str, rows: list[dict], memberships: Iterable[dict] = ()) -> list[dict]:
    """A validated file's rows as its bulk loader (``BULK_LOADERS[name]``) takes them: the members
    with what each keeps of its organizations, worked out from the load's ``memberships``
    (:func:`loaders.rollups.with_organization_counts`); any other file as it is."""
    return rollups.with_organization_counts(rows, memberships) if name == "members" else rows


def _difference(after: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    keys = sorted(set(after) | set(before))
    return {k: after.get(k, 0) - before.get(k, 0) for k in keys if after.get(k, 0) != before.get(k, 0)}


@_cyclic_gc_paused()
def check_path(db: Backend | None, path: Path, replace: bool = False) -> ValidatedInput:
    """Read and validate ``path`` against ``db`` without writing anything."""
    tables, read_problems = read_input(Path(path))
    return validate_tables(tables, None if replace else db, read_problems)


def _graph_is_empty(writer) -> bool:
    return writer.run("MATCH (n) WHERE NOT n:PartygraphCommit RETURN count(n) AS nodes")[0]["nodes"] == 0


class _CommitEachStatement(OneBatchAtATime):
    """A writer that commits every statement on its own (a big load into an empty graph)."""

    def __init__(self, db: Backend) -> None:
        self._db = db

    def run(self, cypher: str, params: dict | None = None) -> list[dict]:
        """Run one write statement as its own transaction."""
        return self._db.write(cypher, params)


@contextmanager
def _write_unit(db: Backend, graph_was_empty: bool, rows: int, replacing: bool):
    """The backend's atomic unit — or, for a load too big for it into an empty graph, batch
    commits that are undone by emptying the graph again if anything fails."""
    if db.max_atomic_rows is None or rows <= db.max_atomic_rows or not graph_was_empty:
        with db.atomic(replacing=replacing) as writer:
            yield writer
        return
    try:
        yield _CommitEachStatement(db)
    except BaseException:
        db.clear()
        raise


class _Load:
    """The writing half of a load, inside the backend's atomic unit: replace, bulk or not, then each file.

    Neo4j: deleting the old graph first would make each index look-up that follows in the
    same transaction copy the set of nodes it deleted (Neo4j 5.26) — hours at scale 1 — so
    on replace the old nodes only give up their ids at the start (``replace_retire``) and
    are deleted at the end (``replace_delete``).  FalkorDB writes into a staged graph, which
    on replace begins empty (``Backend.atomic(replacing=True)``): its delete finds nothing.
    """

    def __init__(self, db: Backend, writer, batch_size: int, replace: bool, bulk: bool | None,
                 progress: Callable[[str, int], None] | None) -> None:
        self.db, self.writer, self.batch_size, self.progress = db, writer, batch_size, progress
        self.retire = replace and db.dialect.name == "neo4j"
        if self.retire:
            writer.run(LOADERS["replace_retire"].text)
        elif replace:
            writer.run("MATCH (n) DETACH DELETE n")
        self.fresh = replace or _graph_is_empty(writer)
        if bulk and not self.fresh:
            raise ValueError("bulk loading needs a fresh graph: load with replace, or into an empty graph")
        self.bulk = self.fresh if bulk is None else bulk
        self._counts: tuple[list[dict], list[dict]] | None = None
        self._members_named: list[str] = []

    def write(self, name: str, rows: list[dict]) -> None:
        """Write one file's rows in batches through its loader (the bulk one on a fresh graph)."""
        loader = BULK_LOADERS.get(name) if self.bulk else None
        statement = (loader or LOADERS[name]).text_for(self.db.dialect.name)
        batches = parameter_batches(rows, self.batch_size)

        def report(done: dict) -> None:
            self.progress(name, len(done["rows"]))

        self.writer.run_batches(statement, batches, after_each=report if self.progress else None)

    def count_from_input(self, rows: dict[str, list[dict]]) -> None:
        """Work out from the validated input, with no database work — so that a load can do it
        while the writing thread still writes — what it can of the counts the load keeps: into a
        fresh graph the input is the whole graph, so each building's and community's counts
        (:func:`loaders.rollups.count_rows_from_input`); and, unless the bulk members statement
        writes them, which members' counts of organizations may change: those the members and
        memberships files name (a load only adds or updates), and any an older partygraph
        loaded without them (:meth:`finish` finds those)."""
        if self.fresh:
            self._counts = rollups.count_rows_from_input(rows)
        if not self.bulk:
            self._members_named = sorted({row["id"] for row in rows.get("members", ())}
                                         | {row["member_id"] for row in rows.get("memberships", ())})

    def finish(self) -> None:
        """The last statements of the unit: write the counts kept on each building, community
        and member (:mod:`loaders.rollups`; read from the graph unless :meth:`count_from_input`
        has worked them out, and the members' only unless the bulk members statement wrote them),
        then delete the old graph set aside by a Neo4j replace — last, as each look-up after
        that delete would copy the deleted nodes (see above): at scale 1, writing the counts after
        it took 48 s instead of 1."""
        buildings, communities = self._counts if self._counts is not None else rollups.count_rows(self.writer)
        members = [] if self.bulk else rollups.member_count_rows(
            self.writer, sorted(set(self._members_named) | set(rollups.member_ids(self.writer, lacking_only=True))))
        _write_counts(self.db, self.writer, (buildings, communities, members), self.batch_size)
        if self.retire:
            self.writer.run(LOADERS["replace_delete"].text)


class _Pipeline:
    """Writes the files handed to it, in order, on a thread of its own while the caller validates.

    Only this thread uses the writer until :meth:`finish` or :meth:`stop` has joined it.
    """

    _DONE = object()

    def __init__(self, load: _Load) -> None:
        self._load = load
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._stopping = threading.Event()
        self.error: BaseException | None = None
        self._held_members: list[dict] | None = None
        self._thread = threading.Thread(target=self._run, name="partygraph-load-writer", daemon=True)
        self._thread.start()

    def put(self, name: str, rows: list[dict]) -> None:
        """Hand over a validated file (files come in load order).  A bulk load holds the members
        back until the memberships, which come next, have been validated: each member is created
        with what it keeps of them (:func:`bulk_rows`, on the caller's thread).  The writer is
        still far behind then (at scale 1 it writes the households while the last files are read)."""
        if self._load.bulk and name == "members":
            self._held_members = rows
            return
        self._release_members(rows if name == "memberships" else [])
        self._queue.put((name, rows))

    def _release_members(self, memberships: list[dict]) -> None:
        if self._held_members is not None:
            self._queue.put(("members", bulk_rows("members", self._held_members, memberships)))
            self._held_members = None

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is self._DONE or self._stopping.is_set():
                return
            if self.error is None:
                try:
                    self._load.write(*item)
                except BaseException as error:  # noqa: BLE001 - handed to the caller by finish()
                    self.error = error

    def finish(self) -> None:
        """Wait for every file handed over to be written; raise what writing raised."""
        self._release_members([])
        self._queue.put(self._DONE)
        self._thread.join()
        if self.error is not None:
            raise self.error

    def stop(self) -> None:
        """Stop after the batch being written (the atomic unit is then abandoned) and wait."""
        self._stopping.set()
        self._queue.put(self._DONE)
        self._thread.join()


@_cyclic_gc_paused()
def load_validated(db: Backend, validated: ValidatedInput, batch_size: int = DEFAULT_BATCH_SIZE,
                   replace: bool = False,
                   progress: Callable[[str, int], None] | None = None,
                   bulk: bool | None = None) -> LoadReport:
    """Write already validated rows through the loaders, atomically.

    Args:
        db: the graph.
        validated: output of :func:`check_path` with no errors.
        batch_size: rows per ``UNWIND $rows`` statement.
        replace: empty the graph first (in the same atomic unit).
        progress: called as ``progress(file_name, rows_done)`` after every batch.
        bulk: use the bulk loaders (``CREATE``) where they exist; by default when the graph
            is fresh (``replace``, or no node in it).  ``False`` forces the ``MERGE`` loaders.
            ``True`` on a graph that holds data is refused.
    """
    if not validated.ok:
        raise InputError(validated.problems)
    if batch_size < 1:
        raise ValueError("batch size must be at least 1")
    started = time.perf_counter()
    apply_schema(db)
    before = graph_stats(db)
    rows = sum(len(file_rows) for file_rows in validated.rows.values())
    with _write_unit(db, not before["nodes"], rows, replace) as writer:
        load = _Load(db, writer, batch_size, replace, bulk, progress)
        for name in sorted(validated.rows, key=LOAD_ORDER.__getitem__):
            file_rows = validated.rows[name]
            if load.bulk:
                file_rows = bulk_rows(name, file_rows, validated.rows.get("memberships", ()))
            load.write(name, file_rows)
        load.count_from_input(validated.rows)
        load.finish()
    return _report(db, validated, before, started)


def _report(db: Backend, validated: ValidatedInput, before: dict, started: float) -> LoadReport:
    after = graph_stats(db)
    return LoadReport(
        rows={name: len(rows) for name, rows in validated.rows.items()},
        nodes_created=_difference(after["nodes"], before["nodes"]),
        relationships_created=_difference(after["relationships"], before["relationships"]),
        warnings=[p for p in validated.problems if p.severity != "error"],
        seconds=time.perf_counter() - started,
    )


def load_path(db: Backend, path: Path, batch_size: int = DEFAULT_BATCH_SIZE, replace: bool = False,
              progress: Callable[[str, int], None] | None = None) -> LoadReport:
    """Validate every file under ``path`` (a CSV folder or an ``.xlsx`` workbook), then load it.

    The same as :func:`check_path` then :func:`load_validated`, faster: the files are read
    one at a time, and each is written as soon as it is typed while the next ones are read
    and checked (the database writes while Python reads), inside the atomic
    unit — which is committed only when the whole input has passed every check, and
    abandoned otherwise.  ``progress`` is then called from the writing thread, and the
    report's ``seconds`` count reading and validation too.

    Raises:
        InputError: the input has errors; the graph is exactly as it was.

    Example:
        >>> report = load_path(db, Path("demo"))  # doctest: +SKIP
        >>> report.total_rows  # doctest: +SKIP
        412345
    """
    return load_input(db, open_input(Path(path)), batch_size=batch_size, replace=replace, progress=progress)


@_cyclic_gc_paused()
def load_input(db: Backend, reading: InputReading, batch_size: int = DEFAULT_BATCH_SIZE, replace: bool = False,
               progress: Callable[[str, int], None] | None = None) -> LoadReport:
    """:func:`load_path` of an input already opened with :func:`loaders.reader.open_input` (the
    ``load`` command opens it first, to size its progress bar from ``reading.estimated_rows``)."""
    started = time.perf_counter()
    if batch_size < 1:
        raise ValueError("batch size must be at least 1")
    apply_schema(db)
    before = graph_stats(db)
    with _write_unit(db, not before["nodes"], reading.estimated_rows, replace) as writer:
        load = _Load(db, writer, batch_size, replace, None, progress)
        pipeline = _Pipeline(load)
        try:
            validated = validate_tables(reading.tables(), None if replace else db, reading.problems,
                                        on_table=pipeline.put)
            if not validated.ok:
                raise InputError(validated.problems)
            # while the writing thread writes the last files (at scale 1, 1.4-1.8 s of Python off the load's time)
            load.count_from_input(validated.rows)
            pipeline.finish()
        finally:
            pipeline.stop()
        load.finish()
    return _report(db, validated, before, started)
