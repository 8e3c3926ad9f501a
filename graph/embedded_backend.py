"""The embedded default: FalkorDB inside its Python wheel (falkordblite).

The server runs as a child process with its data under ``PARTYGRAPH_HOME/falkordb``;
a second process (the CLI beside the explorer) finds it through falkordblite's
settings file and shares it.  The append-only file is on and fsynced on every write,
so a killed process loses nothing that was acknowledged.

FalkorDB has no multi-statement transactions, so :meth:`EmbeddedBackend.atomic`
writes into a staged graph — a copy of the graph (``GRAPH.COPY``), or an empty one for a
load that replaces it — and swaps it in with one ``RENAME``, which Redis performs
atomically; readers see the old graph or the new one, never half.  A big load's staged
graph is copied once more before the swap (:meth:`EmbeddedBackend._rebuilt`): readers
never see a graph as written, which is slower and which FalkorDB has crashed on.  The
server's housekeeping after the swap runs on a thread of its own (:meth:`EmbeddedBackend.settling`).
"""

from __future__ import annotations

import copy
import functools
import logging
import os
import threading
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor, TimeoutError as FutureTimeout
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

from graph.backend import Backend, BackendError, Row, plain_params
from graph.dialect import FALKORDB
from graph.falkordb_reply import reply_rows

__all__ = ["EmbeddedBackend"]

_log = logging.getLogger("partygraph.embedded")

# The append-only file alone keeps the data (fsynced on every write), and each load compacts
# it once it has committed (see _compact_append_only_file).  Redis's own triggers would only add
# work during a long load, each writing out the whole graph in a forked child that competes
# with the load for the CPU: falkordblite's RDB "save" points (every minute past 200 writes)
# and the automatic rewrite of the append-only file whenever it has doubled.
_SERVER_CONFIG = {"appendonly": "yes", "appendfsync": "always", "save": '""', "auto-aof-rewrite-percentage": "0"}
# Loads that have grown the append-only file past this since its last rewrite are compacted.
_COMPACT_AFTER_BYTES = 32 * 1024 * 1024
# A load that wrote this much to the append-only file has its graph rebuilt before the swap (see _rebuilt).
_REBUILD_AFTER_BYTES = 32 * 1024 * 1024
# Memory in use that falls by less than this between two polls is no longer being freed.
_FREEING_POLL_S = 0.5
_FREEING_BYTES_PER_POLL = 1024 * 1024
# After a rebuild, memory in use is back within this share of what it was before the copy once the
# replaced graphs are freed; the wait for that gives up after _FREEING_WAIT_S.
_FREED_MARGIN = 1.1
_FREEING_WAIT_S = 120
_LOCK_KEY = "partygraph:load-lock"
_GENERATION_KEY = "partygraph:generation:{graph}"
_LOCK_TTL_S = 6 * 3600
_TAKE_OVER_LOCK = ("if redis.call('GET', KEYS[1]) == ARGV[1] then "
                   "return redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) else return false end")
_QUERY_TIMEOUT_S = 1800
_CONNECT_TIMEOUT_S = 10
# A GRAPH.COPY with no forked child running and no target graph for this long has lost its answer
# (see EmbeddedBackend._watched_copy); it is looked at every _COPY_POLL_S.
_COPY_STALL_S = 20.0
_COPY_POLL_S = 0.5


@functools.cache
def _quiet_falkordb_class():
    """falkordblite's client, except that its clean-up at exit stays quiet when the server it
    started has died (a corrupt data folder): it would print a traceback after our one-line error."""
    from redislite.client import Redis
    from redislite.falkordb_client import FalkorDB

    class QuietRedis(Redis):
        def _cleanup(self, *args, **kwargs):
            try:
                super()._cleanup(*args, **kwargs)
            except Exception:  # noqa: BLE001 - nothing is left to shut down
                pass

    class QuietFalkorDB(FalkorDB):
        def __init__(self, dbfilename=None, serverconfig=None, **kwargs):  # as falkordblite's, with QuietRedis
            self.client = QuietRedis(dbfilename=dbfilename, serverconfig=serverconfig or {}, decode_responses=True,
                                     **kwargs)
            self.connection = self.client
            self.execute_command = self.client.execute_command
            self.flushdb = self.client.flushdb

    return QuietFalkorDB


def _client_name() -> str:
    """The name this process's connections give the server, to tell them from other processes'."""
    return f"partygraph:{os.getpid()}"


def _plain_connection(socket_path: str, socket_timeout: float, client_name: str | None = None):
    """A redis-py connection to the server's socket of its own, which never sends a command twice
    (redis-py would retry silently, re-sending a long GRAPH.COPY)."""
    from redis import Redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return Redis(unix_socket_path=socket_path, socket_timeout=socket_timeout,
                 socket_connect_timeout=_CONNECT_TIMEOUT_S, retry=Retry(NoBackoff(), 0), client_name=client_name)


def _last_line(log_file) -> str:
    """The last line of the server's log, for an error message ('' when there is none)."""
    try:
        lines = [line.strip() for line in log_file.read_text(encoding="utf-8", errors="replace").splitlines()]
    except OSError:
        return ""
    return next((line for line in reversed(lines) if line), "")[-300:]


def _with_parameters(text: str, params: dict[str, Any]) -> str:
    """``text`` behind the header that passes ``params`` to FalkorDB (``CYPHER `name`=value …``),
    as falkordb's client writes it for ``Graph.query(text, params)``."""
    from falkordb.helpers import stringify_param_value

    header = " ".join(f"`{name}`={stringify_param_value(value)}" for name, value in plain_params(params).items())
    return f"CYPHER {header} {text}"


class _GraphWriter:
    """Writes into one staged graph on behalf of :meth:`EmbeddedBackend.atomic`."""

    def __init__(self, backend: "EmbeddedBackend", graph_name: str) -> None:
        self._backend = backend
        self._graph_name = graph_name

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run one write statement on the staged graph."""
        return self._backend._query(self._graph_name, cypher, params, read_only=False)

    def run_batches(self, cypher: str, batches: Iterable[dict[str, Any]],
                    after_each: Callable[[dict[str, Any]], None] | None = None) -> None:
        """Run ``cypher`` once per parameter set, each written out as text while the server runs
        the one before: the client spends about 5 µs a row on that text (2.6 s of a scale-1
        load), which the server would otherwise wait for.  See :class:`graph.backend.Writer`."""
        text = self._backend.dialect.expand(cypher)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="partygraph-parameters") as helper:
            waiting = None  # the parameters sent next, and their command being written out
            for params in batches:
                written = (params, helper.submit(_with_parameters, text, params))
                if waiting:
                    self._send(*waiting, after_each)
                waiting = written
            if waiting:
                self._send(*waiting, after_each)

    def _send(self, params: dict[str, Any], command: Future, after_each) -> None:
        self._backend._execute(self._graph_name, command.result(), None, read_only=False)
        if after_each:
            after_each(params)


class EmbeddedBackend(Backend):
    """FalkorDB embedded through falkordblite."""

    name = "embedded"
    dialect = FALKORDB

    def __init__(self, settings) -> None:
        self.settings = settings
        self.data_dir = settings.home / "falkordb"
        self.graph_name = settings.graph_name
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise BackendError(f"cannot create the embedded data folder {self.data_dir} ({error.strerror}); "
                               f"set PARTYGRAPH_HOME to a folder you can write to") from error
        self._db = self._connect()
        self._settle: threading.Thread | None = None

    def _connect(self):
        from redis.backoff import NoBackoff
        from redis.exceptions import TimeoutError as RedisTimeout
        from redis.retry import Retry

        FalkorDB = _quiet_falkordb_class()

        db_file = str(self.data_dir / "partygraph.rdb")
        log_file = self.data_dir / "redis.log"
        self._probe_running_server()
        last_error: Exception | None = None
        # The first reconnection after a killed server can be refused once; try again.
        for attempt in range(3):
            try:
                # redis-py's defaults (5 s socket timeout, then a silent retry) would re-send a long
                # GRAPH.COPY or load batch: a write must be sent once, and may take minutes.  A server
                # already there that does not answer was reported by _probe_running_server.
                db = FalkorDB(db_file, serverconfig=dict(_SERVER_CONFIG, logfile=str(log_file)),
                              socket_timeout=_QUERY_TIMEOUT_S, socket_connect_timeout=_CONNECT_TIMEOUT_S,
                              retry=Retry(NoBackoff(), 0), client_name=_client_name())
                db.client.ping()
                return db
            except RedisTimeout as error:
                raise self._not_answering() from error
            except Exception as error:  # noqa: BLE001 - any start failure is reported below
                last_error = error
                stale = self.data_dir / "partygraph.rdb.settings"
                if stale.exists() and attempt == 0:
                    stale.unlink()
                time.sleep(0.5 * (attempt + 1))
        said = _last_line(log_file)
        raise BackendError(
            f"the embedded database in {self.data_dir} did not start ({last_error})"
            + (f"; its server said: {said}" if said else "")
            + f"; see {log_file}, or move the folder away to start afresh"
        )

    def _not_answering(self) -> BackendError:
        return BackendError(
            f"the embedded database in {self.data_dir} does not answer within {_CONNECT_TIMEOUT_S} s: "
            f"the process that serves it may be stopped or hung; end that process, then retry")

    def _probe_running_server(self) -> None:
        """Fail fast, before falkordblite waits on it, when the server already serving the folder is hung."""
        import json

        from redis.exceptions import RedisError, TimeoutError as RedisTimeout

        try:
            socket_path = json.loads((self.data_dir / "partygraph.rdb.settings").read_text())["unixsocket"]
        except (OSError, ValueError, KeyError, TypeError):
            return  # no server yet: falkordblite starts one
        if not socket_path or not os.path.exists(socket_path):
            return
        probe = _plain_connection(socket_path, _CONNECT_TIMEOUT_S)
        try:
            probe.ping()
        except RedisTimeout as error:
            raise self._not_answering() from error
        except RedisError:
            pass  # a dead server: falkordblite starts a new one
        finally:
            probe.close()

    # --- running Cypher -----------------------------------------------------------

    def _query(self, graph_name: str, cypher: str, params: dict[str, Any] | None, read_only: bool) -> list[Row]:
        if read_only and not self.graph_exists(graph_name):
            return []  # nothing loaded yet: an empty graph answers every read with no rows
        return self._execute(graph_name, self.dialect.expand(cypher), params, read_only)

    def _execute(self, graph_name: str, text: str, params: dict[str, Any] | None, read_only: bool) -> list[Row]:
        """Run ``text``, already in FalkorDB's dialect, with ``params`` (converted here by
        :func:`_with_parameters`; ``None``: the text already carries them)."""
        from redis.exceptions import ResponseError

        graph = self._db.select_graph(graph_name)
        command = "GRAPH.RO_QUERY" if read_only else "GRAPH.QUERY"
        try:
            reply = graph.execute_command(command, graph_name, _with_parameters(text, params) if params else text,
                                          "--compact")
            return reply_rows(reply, graph.schema)
        except ResponseError as error:
            raise BackendError(f"embedded database refused the query: {error}") from error
        except (ConnectionError, OSError) as error:
            raise BackendError(f"lost the embedded database in {self.data_dir}: {error}") from error

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run ``cypher`` with GRAPH.RO_QUERY: FalkorDB itself refuses any write in it."""
        return self._query(self.graph_name, cypher, params, read_only=True)

    def write(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run ``cypher`` as one atomic write query (once a load has settled: it holds the load lock)."""
        self.wait_until_settled()
        return self._query(self.graph_name, cypher, params, read_only=False)

    def command(self, *args: Any) -> Any:
        """Run a raw FalkorDB/Redis command (schema DDL such as GRAPH.CONSTRAINT), once a load has settled."""
        from redis.exceptions import ResponseError

        self.wait_until_settled()
        try:
            return self._db.client.execute_command(*args)
        except ResponseError as error:
            raise BackendError(f"embedded database refused {args[0]}: {error}") from error

    def graph_exists(self, graph_name: str | None = None) -> bool:
        """Whether the graph has been created (a first write creates it)."""
        return bool(self._db.client.exists(graph_name or self.graph_name))

    def _is_empty(self) -> bool:
        """Whether the live graph exists and holds no node: a load then starts from the schema alone,
        without forking the server to copy an empty graph (see _watched_copy)."""
        return self.graph_exists() and not self.read("MATCH (n) RETURN 1 AS found LIMIT 1")

    def _take_over_lock(self, token: str) -> bool:
        """Take the load lock from a process on this machine that died holding it (killed mid-load)."""
        held = self._db.client.get(_LOCK_KEY)
        if held is None:
            return bool(self._db.client.set(_LOCK_KEY, token, nx=True, ex=_LOCK_TTL_S))
        try:
            os.kill(int(str(held).split(":", 1)[0]), 0)
            return False  # the holder is alive: a load is running
        except ProcessLookupError:
            pass  # the holder is gone
        except (ValueError, PermissionError):
            return False
        # Swap only if the lock still names the dead holder, so two takers cannot both win.
        return bool(self._db.client.eval(_TAKE_OVER_LOCK, 1, _LOCK_KEY, held, token, _LOCK_TTL_S))

    def _copy(self, source: str, target: str) -> None:
        """GRAPH.COPY forks the server, and Redis runs one child at a time: wait out a background save
        or AOF rewrite (they start on their own) instead of failing with "could not fork"."""
        from redis.exceptions import ResponseError

        deadline = time.monotonic() + _QUERY_TIMEOUT_S
        failures = 0
        while True:
            self._wait_for_children(deadline)
            try:
                self._watched_copy(source, target)
                return
            except ResponseError as error:
                failures += 1
                # a save may have started and ended between the check and the fork: try again a few times
                if (failures > 3 and not self._child_running()) or time.monotonic() >= deadline:
                    raise BackendError(f"embedded database refused GRAPH.COPY: {error}") from error
                time.sleep(0.2)

    def _watched_copy(self, source: str, target: str) -> None:
        """GRAPH.COPY on a connection of its own, watched from this one.

        FalkorDB 4.22.1 forks for the copy from a thread of its own.  Once in the test suite, the
        child (the dump of a graph just emptied, done in 0.1 s) was reaped before Redis had
        recorded it ("detected child with unmatched pid" in redis.log): the copy's completion was
        lost and the command never answered, holding the load for the 30 minutes of the socket
        timeout.  A copy with no forked child running and no target graph for _COPY_STALL_S is
        given up: its connection is closed and BackendError raised.
        """
        copier = _plain_connection(self._db.client.connection_pool.connection_kwargs["path"], _QUERY_TIMEOUT_S,
                                   _client_name())
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="partygraph-copy") as pool:
            answer = pool.submit(self._send_copy, copier, source, target)
            try:
                busy_at = time.monotonic()
                while True:
                    try:
                        answer.result(timeout=_COPY_POLL_S)
                        return
                    except FutureTimeout:
                        pass
                    if self._child_running() or self._db.client.exists(target):
                        busy_at = time.monotonic()
                    elif time.monotonic() - busy_at > _COPY_STALL_S:
                        raise BackendError(
                            f"GRAPH.COPY {source} {target} got no answer although the server had finished "
                            f"it (no forked child, no copy) for {_COPY_STALL_S:.0f} s; see redis.log in "
                            f"{self.data_dir}")
            finally:
                copier.connection_pool.disconnect()  # also ends a command still waiting for its answer

    @staticmethod
    def _send_copy(client: Any, source: str, target: str) -> Any:
        return client.execute_command("GRAPH.COPY", source, target)

    def _stage_name(self) -> str:
        """A fresh name for a graph written on the way to the live one (deleted if a load dies)."""
        return f"{self.graph_name}__stage_{uuid.uuid4().hex[:8]}"

    def _create_with_schema(self, graph_name: str) -> None:
        """Create ``graph_name`` empty, with partygraph's constraints and indexes."""
        from graph.schema import apply_schema

        staged = copy.copy(self)  # the same connection, another graph
        staged.graph_name = graph_name
        apply_schema(staged)

    def _delete_staged_graphs(self) -> None:
        client = self._db.client
        for staged in client.scan_iter(match=f"{self.graph_name}__stage_*", _type="graphdata"):
            client.execute_command("GRAPH.DELETE", staged)

    def _append_only_file_size(self) -> int:
        return int(self._db.client.info("persistence").get("aof_current_size", 0))

    def _worth_rebuilding(self, written_before: int) -> bool:
        """A big load that will be read on this server: by this process, or by another one
        sharing it.  A process that closes the database after its load, alone on the server,
        stops the server; the next start reads the snapshot, which answers as fast."""
        if self._append_only_file_size() - written_before < _REBUILD_AFTER_BYTES:
            return False
        return not self.closes_after_load or self._shared_with_other_processes()

    def _shared_with_other_processes(self) -> bool:
        own = _client_name()
        return any(client.get("name") != own for client in self._db.client.client_list(_type="normal"))

    def _rebuilt(self, written: str) -> str:
        """The graph ``written`` by a big load, rebuilt from a snapshot: a copy of it, under a new name.

        A graph written statement by statement answers the whole-city queries 1.3 to 2.3 times
        slower than the same graph read back from a snapshot (scale 1: R5 494 against 216 ms,
        R4 454 against 251 ms): its matrices hold the load's changes apart, and the first query
        to use each matrix merges them in.  Running that query on the live graph crashed FalkorDB
        4.22.1 (a segfault in ``Delta_Matrix_wait``: in the test suite, and in one of seven scale-1
        loads each read at once; see docs/SCALE.md), so the copy is made before the swap, while
        only the load knows the staged graph; it took 3.5 s at scale 1.  If the copy fails, the
        graph as written is swapped in: only its speed is lost.
        """
        rebuilt = self._stage_name()
        try:
            self._copy(written, rebuilt)
        except BackendError as error:
            _log.warning("kept the graph as loaded, not rebuilt from a snapshot: %s", error)
            return written
        self._db.client.execute_command("GRAPH.DELETE", written)
        return rebuilt

    def _compact_append_only_file(self) -> None:
        """Rewrite the append-only file as one snapshot of the data (BGREWRITEAOF) and wait for it.

        Else the next start replays every statement of every load since the last rewrite, one
        by one: 4.9 s to open the scale-1 demo after one load, and more with each load, where
        reading the snapshot takes 2.6 s.  The rewrite itself took 0.6 s there.  Only done once
        the file has grown by :data:`_COMPACT_AFTER_BYTES`: a small load is cheaper to replay.
        """
        client = self._db.client
        info = client.info("persistence")
        if info.get("aof_current_size", 0) - info.get("aof_base_size", 0) < _COMPACT_AFTER_BYTES:
            return  # a small load: replaying it costs less than writing out the whole graph
        client.execute_command("BGREWRITEAOF")  # scheduled by Redis if another child is running
        self._wait_for_children(time.monotonic() + _QUERY_TIMEOUT_S)

    def _wait_while_memory_is_freed(self, in_use_before_rebuild: int) -> None:
        """Wait until the server has freed the graphs a big load replaced.

        FalkorDB frees a deleted graph (the graph as written, once rebuilt) and one that a RENAME
        replaced (the graph before the load) on its own threads, and queries run several times
        slower meanwhile: at scale 10 it frees 1.5 GB over about 10 s, while a count of 3,080
        contracts takes 100-550 ms instead of 1.  So a load counts as done once that is over.
        The freeing may begin seconds after the swap (after the append-only file's rewrite, at
        scale 10), so the wait is first for memory in use to be back near ``in_use_before_rebuild``
        (for at most _FREEING_WAIT_S), then for as long as it keeps falling.
        """
        client = self._db.client
        deadline = time.monotonic() + _FREEING_WAIT_S
        in_use = client.info("memory")["used_memory"]
        while in_use > in_use_before_rebuild * _FREED_MARGIN and time.monotonic() < deadline:
            time.sleep(_FREEING_POLL_S)
            in_use = client.info("memory")["used_memory"]
        while time.monotonic() < deadline:
            time.sleep(_FREEING_POLL_S)
            before, in_use = in_use, client.info("memory")["used_memory"]
            if in_use > before - _FREEING_BYTES_PER_POLL:
                return

    def _child_running(self) -> bool:
        """Whether a forked child (a save, an AOF rewrite, a module's fork) runs or is scheduled."""
        info = self._db.client.info("persistence")
        return any(info.get(key) for key in ("rdb_bgsave_in_progress", "aof_rewrite_in_progress",
                                             "aof_rewrite_scheduled", "module_fork_in_progress"))

    def _wait_for_children(self, deadline: float) -> None:
        """Wait until no forked child runs or is scheduled, or until ``deadline`` (time.monotonic)."""
        while self._child_running() and time.monotonic() < deadline:
            time.sleep(0.05)

    @contextmanager
    def atomic(self, replacing: bool = False) -> Iterator[_GraphWriter]:
        """Write into a staged graph, a copy of the live one, then swap it in with one atomic RENAME.

        ``replacing``: the staged graph begins empty, with the schema, instead of as a copy of the
        old graph that the load would then empty.  That copy and its deletion took 9 s at scale 1,
        and a graph emptied by deleting keeps its freed slots: the graph written into them answered
        the search 3 times slower (92 against 31 ms), even once rebuilt.
        """
        self.wait_until_settled()  # it holds the load lock
        client = self._db.client
        token = f"{os.getpid()}:{uuid.uuid4().hex}"
        if not client.set(_LOCK_KEY, token, nx=True, ex=_LOCK_TTL_S) and not self._take_over_lock(token):
            raise BackendError("another load is running on the embedded database; wait for it to finish")
        # Holding the lock, no other load runs: a staged graph left behind is from a killed load.
        self._delete_staged_graphs()
        stage = self._stage_name()
        written_before = self._append_only_file_size()
        settling = False
        try:
            if replacing or self._is_empty():
                self._create_with_schema(stage)
            elif self.graph_exists():
                self._copy(self.graph_name, stage)
            yield _GraphWriter(self, stage)
            if self.graph_exists(stage):
                big = self._worth_rebuilding(written_before)
                if big:
                    in_use_before = client.info("memory")["used_memory"]
                    stage = self._rebuilt(stage)
                with client.pipeline(transaction=True) as swap:  # MULTI/EXEC: the graph and its generation together
                    swap.rename(stage, self.graph_name)
                    swap.set(self._generation_key, uuid.uuid4().hex)
                    swap.execute()
                if big:  # the lock goes with the thread: no load may begin before the server has freed the old graph
                    self._settle = threading.Thread(target=self._settle_then_unlock, args=(token, in_use_before),
                                                    name="partygraph-settle")
                    self._settle.start()
                    settling = True
                else:
                    self._compact_append_only_file()
        finally:
            if not settling:
                self._delete_staged_graphs()
                self._unlock(token)

    def _unlock(self, token: str) -> None:
        client = self._db.client
        if client.get(_LOCK_KEY) == token:
            client.delete(_LOCK_KEY)

    def _settle_then_unlock(self, token: str, in_use_before: int) -> None:
        """The end of a big load, on a thread of its own once it has committed: compact the
        append-only file, wait while the graphs the load replaced are freed, give up the load lock.
        No staged graph is left by then: the graph as written was deleted once rebuilt."""
        try:
            self._compact_append_only_file()
            self._wait_while_memory_is_freed(in_use_before)
        except Exception as error:  # noqa: BLE001 - the load has committed; only housekeeping is lost
            _log.warning("the graph was loaded but its data file not compacted: %s", error)
        finally:
            try:
                self._unlock(token)
            except Exception as error:  # noqa: BLE001 - the next load takes over the lock of a gone process
                _log.warning("could not release the load lock: %s", error)

    def settling(self) -> bool:
        """Whether a big load of this process has committed but the server still compacts its data
        file and frees the graph it replaced (queries run several times slower meanwhile)."""
        return self._settle is not None and self._settle.is_alive()

    def wait_until_settled(self) -> None:
        """Wait until a load of this process has settled (closing waits for it too)."""
        settle = self._settle  # read once: another thread may start waiting as well
        if settle is not None:
            settle.join()

    @property
    def _generation_key(self) -> str:
        return _GENERATION_KEY.format(graph=self.graph_name)

    def data_generation(self) -> str:
        """A random token set in the same MULTI/EXEC as the RENAME that swaps in a load."""
        return self._db.client.get(self._generation_key) or ""

    def load_in_progress(self) -> bool:
        """True while a process holds the load lock (its load is written into a staged graph)."""
        return bool(self._db.client.exists(_LOCK_KEY))

    def clear(self) -> None:
        """Empty the graph, keeping partygraph's indexes and constraints: an empty graph with the
        schema is swapped in for it, as a load with ``replacing`` does, under the load lock.

        Deleting every node instead took 12 s at scale 1, and left the freed slots that slow
        the next load's queries (see ``atomic``).
        """
        with self.atomic(replacing=True):
            pass

    def close(self) -> None:
        """Wait for a load to settle, then disconnect; the server stops when its last client has gone."""
        self.wait_until_settled()
        # falkordblite stops the server only when it sees one connection left: close the idle
        # connections that concurrent reads (the explorer's threads) opened, or it never stops.
        self._db.client.connection_pool.disconnect()
        self._db.close()
