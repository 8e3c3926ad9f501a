"""The embedded default: FalkorDB inside its Python wheel (falkordblite).

The server runs as a child process with its data under ``PARTYGRAPH_HOME/falkordb``;
a second process (the CLI beside the explorer) finds it through falkordblite's
settings file and shares it.  The append-only file is on and fsynced on every write,
so a killed process loses nothing that was acknowledged.

FalkorDB has no multi-statement transactions, so :meth:`EmbeddedBackend.atomic`
writes into a copy of the graph (``GRAPH.COPY``) and swaps it in with one ``RENAME``,
which Redis performs atomically; readers see the old graph or the new one, never half.
"""

from __future__ import annotations

import os
import time
import uuid
from contextlib import contextmanager
from typing import Any, Iterator

from graph.backend import Backend, BackendError, Row, plain_params
from graph.dialect import FALKORDB
from graph.values import plain_value

__all__ = ["EmbeddedBackend"]

_SERVER_CONFIG = {"appendonly": "yes", "appendfsync": "always"}
_LOCK_KEY = "partygraph:load-lock"
_QUERY_TIMEOUT_S = 1800


class _GraphWriter:
    """Writes into one staged graph on behalf of :meth:`EmbeddedBackend.atomic`."""

    def __init__(self, backend: "EmbeddedBackend", graph_name: str) -> None:
        self._backend = backend
        self._graph_name = graph_name

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run one write statement on the staged copy."""
        return self._backend._query(self._graph_name, cypher, params, read_only=False)


class EmbeddedBackend(Backend):
    """FalkorDB embedded through falkordblite."""

    name = "embedded"
    dialect = FALKORDB

    def __init__(self, settings) -> None:
        self.settings = settings
        self.data_dir = settings.home / "falkordb"
        self.graph_name = settings.graph_name
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._db = self._connect()

    def _connect(self):
        from redis.backoff import NoBackoff
        from redis.retry import Retry
        from redislite.falkordb_client import FalkorDB

        db_file = str(self.data_dir / "partygraph.rdb")
        last_error: Exception | None = None
        # The first reconnection after a killed server can be refused once; try again.
        for attempt in range(3):
            try:
                # redis-py's defaults (5 s socket timeout, then a silent retry) would re-send a
                # long GRAPH.COPY or load batch; a write must be sent once, and may take minutes.
                db = FalkorDB(db_file, serverconfig=dict(_SERVER_CONFIG), socket_timeout=_QUERY_TIMEOUT_S,
                              retry=Retry(NoBackoff(), 0))
                db.client.ping()
                return db
            except Exception as error:  # noqa: BLE001 - any start failure is reported below
                last_error = error
                stale = self.data_dir / "partygraph.rdb.settings"
                if stale.exists() and attempt == 0:
                    stale.unlink()
                time.sleep(0.5 * (attempt + 1))
        raise BackendError(
            f"the embedded database in {self.data_dir} did not start ({last_error}); "
            f"see {self.data_dir / 'redis.log'} or move the folder away to start afresh"
        )

    # --- running Cypher -----------------------------------------------------------

    def _query(self, graph_name: str, cypher: str, params: dict[str, Any] | None, read_only: bool) -> list[Row]:
        from redis.exceptions import ResponseError

        if read_only and not self.graph_exists(graph_name):
            return []  # nothing loaded yet: an empty graph answers every read with no rows
        graph = self._db.select_graph(graph_name)
        run = graph.ro_query if read_only else graph.query
        try:
            result = run(self.dialect.expand(cypher), plain_params(params))
        except ResponseError as error:
            raise BackendError(f"embedded database refused the query: {error}") from error
        except (ConnectionError, OSError) as error:
            raise BackendError(f"lost the embedded database in {self.data_dir}: {error}") from error
        names = [column[1] if isinstance(column, (list, tuple)) else column for column in result.header]
        return [dict(zip(names, (plain_value(v) for v in record))) for record in result.result_set]

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run ``cypher`` with GRAPH.RO_QUERY: FalkorDB itself refuses any write in it."""
        return self._query(self.graph_name, cypher, params, read_only=True)

    def write(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run ``cypher`` as one atomic write query."""
        return self._query(self.graph_name, cypher, params, read_only=False)

    def command(self, *args: Any) -> Any:
        """Run a raw FalkorDB/Redis command (schema DDL such as GRAPH.CONSTRAINT)."""
        from redis.exceptions import ResponseError

        try:
            return self._db.client.execute_command(*args)
        except ResponseError as error:
            raise BackendError(f"embedded database refused {args[0]}: {error}") from error

    def graph_exists(self, graph_name: str | None = None) -> bool:
        """Whether the graph has been created (a first write creates it)."""
        return bool(self._db.client.exists(graph_name or self.graph_name))

    @contextmanager
    def atomic(self) -> Iterator[_GraphWriter]:
        """Write into a staged copy of the graph, then swap it in with one atomic RENAME."""
        client = self._db.client
        token = f"{os.getpid()}:{uuid.uuid4().hex}"
        if not client.set(_LOCK_KEY, token, nx=True, ex=6 * 3600):
            raise BackendError("another load is running on the embedded database; wait for it to finish")
        stage = f"{self.graph_name}__stage_{uuid.uuid4().hex[:8]}"
        try:
            if self.graph_exists():
                client.execute_command("GRAPH.COPY", self.graph_name, stage)
            yield _GraphWriter(self, stage)
            if self.graph_exists(stage):
                client.rename(stage, self.graph_name)
        finally:
            if client.exists(stage):
                client.execute_command("GRAPH.DELETE", stage)
            if client.get(_LOCK_KEY) == token:
                client.delete(_LOCK_KEY)

    def clear(self) -> None:
        """Delete every node and relationship, keeping indexes and constraints."""
        if self.graph_exists():
            self.write("MATCH (n) DETACH DELETE n")

    def close(self) -> None:
        """Disconnect; the server stops when its last client has gone."""
        self._db.close()
