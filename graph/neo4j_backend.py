"""Neo4j through the official driver (6.x, with neo4j-rust-ext).

Reads run in READ transactions (``execute_read``), so on a cluster or Aura they are
routed to readers and any write in them is refused by the server itself.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from typing import Any, Iterator

from graph import commit_fence
from graph.backend import Backend, BackendError, OneBatchAtATime, Row, plain_params
from graph.dialect import NEO4J
from graph.one_record import one_record_read
from graph.values import plain_value

__all__ = ["Neo4jBackend"]

# The driver logs each retry of a failed transaction as a warning; with no logging set up, Python
# prints those on stderr.  The error that ends the retries is reported as one line instead.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
_log = logging.getLogger("partygraph.neo4j")

# Every load's transaction carries this metadata, so that other clients can see one is running.
_LOAD_METADATA = {"partygraph": "load"}


class _CollectedTooBig(Exception):
    """A read's rows, collected into one record, took more memory than the server would give."""


class _TransactionWriter(OneBatchAtATime):
    """Writes through one open Neo4j transaction on behalf of :meth:`Neo4jBackend.atomic`."""

    def __init__(self, backend: "Neo4jBackend", tx) -> None:
        self._backend = backend
        self._tx = tx

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run one write statement inside the transaction."""
        return self._backend._collect(lambda: self._tx.run(self._backend.dialect.expand(cypher),
                                                         plain_params(params)))


class Neo4jBackend(Backend):
    """A Neo4j 5 database reached over Bolt (``bolt://``) or routing (``neo4j://``)."""

    name = "neo4j"
    dialect = NEO4J

    def __init__(self, settings) -> None:
        import neo4j

        self.settings = settings
        self._neo4j = neo4j
        self.max_atomic_rows = settings.neo4j_transaction_rows
        try:
            # Server notifications (deprecations, unknown labels on an empty graph) are not for analysts.
            self._driver = neo4j.GraphDatabase.driver(
                settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password()),
                notifications_min_severity="OFF",
            )
            self._driver.verify_connectivity()
        except neo4j.exceptions.AuthError as error:
            raise BackendError(
                f"Neo4j at {settings.neo4j_uri} refused user {settings.neo4j_user!r}: wrong password? "
                "Set NEO4J_PASSWORD (never put it on the command line)."
            ) from error
        except (neo4j.exceptions.ServiceUnavailable, OSError, ValueError) as error:
            raise BackendError(
                f"cannot reach Neo4j at {settings.neo4j_uri} ({type(error).__name__}). "
                "Start the local one with `partygraph neo4j start`, or set NEO4J_URI to your server."
            ) from error

    def _collect(self, run) -> list[Row]:
        return self._call(lambda: [{k: plain_value(v) for k, v in record.items()} for record in run()])

    def _call(self, run):
        """``run()``, with the driver's errors turned into one-line :class:`BackendError` messages."""
        neo4j = self._neo4j
        try:
            return run()
        except neo4j.exceptions.ClientError as error:
            raise BackendError(f"Neo4j refused the query: {error.message}") from error
        except neo4j.exceptions.Neo4jError as error:  # transient or database errors: the server, not the query
            raise BackendError(f"Neo4j at {self.settings.neo4j_uri} could not run the query "
                               f"({' '.join(str(error.message).split())}); try again once it is up") from error
        except (neo4j.exceptions.DriverError, OSError) as error:
            raise BackendError(f"lost the connection to Neo4j at {self.settings.neo4j_uri}: "
                               f"{' '.join(str(error).split())}") from error

    def _session(self, access_mode: str):
        return self._driver.session(database=self.settings.neo4j_database, default_access_mode=access_mode)

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run ``cypher`` in a READ transaction; Neo4j refuses any write in it.

        The answer is never from a load's commit half applied: the read runs again until the
        commit fence (:mod:`graph.commit_fence`) stood still and lowered around it.  Where it
        can, the rows come back as one record (:mod:`graph.one_record`); if they do not fit in
        the server's memory that way, they are read again row by row.
        """
        query, arguments = self.dialect.expand(cypher), plain_params(params)
        one_record = one_record_read(query)
        if one_record is not None:
            try:
                records = self._fenced_records(one_record.text, arguments, collected=True)
            except _CollectedTooBig:
                _log.info("a read's rows did not fit in Neo4j's memory as one record; reading them row by row")
            else:
                return self._call(lambda: one_record.rows(records, plain_value))
        return self._collect(lambda: self._fenced_records(query, arguments, collected=False))

    def _fenced_records(self, query: str, arguments: dict[str, Any], collected: bool) -> list:
        """The records of ``query``, read between two looks at the commit fence that agree.

        Raises:
            _CollectedTooBig: ``collected`` and the server ran out of memory for the query.
        """
        def fenced(tx):
            before = commit_fence.fence_from(list(tx.run(commit_fence.READ)))
            if before.raised(stale):
                return before, None, None
            try:
                records = list(tx.run(query, arguments))
            except self._neo4j.exceptions.Neo4jError as error:
                # the driver would retry a transient one for 30 s; a row-by-row read may well fit
                if collected and (error.code or "").endswith("OutOfMemoryError"):
                    raise _CollectedTooBig() from error
                raise
            return before, records, commit_fence.fence_from(list(tx.run(commit_fence.READ)))

        stale: set[str] = set()
        deadline = time.monotonic() + self.settings.neo4j_commit_wait_seconds
        with self._session(self._neo4j.READ_ACCESS) as session:
            while True:
                before, records, after = self._call(lambda: session.execute_read(fenced))
                if records is not None and after == before:
                    return records
                _log.debug("a read overlapped a load's commit; reading again")
                if before.raised(stale):
                    stale |= self._stale_fences(before)
                if time.monotonic() > deadline:
                    raise BackendError(
                        f"a load has been committing into Neo4j at {self.settings.neo4j_uri} for more than "
                        f"{self.settings.neo4j_commit_wait_seconds} s; try again once it is done "
                        "(PARTYGRAPH_NEO4J_COMMIT_WAIT sets how long reads wait)")
                time.sleep(0.02)

    def _stale_fences(self, fence: commit_fence.Fence) -> set[str]:
        """Raised fences left by a loader that died mid-commit: old, with no load open on the server."""
        old = {generation for generation, age in fence.raised_age_ms.items()
               if age > commit_fence.STALE_AFTER_MS}
        return old if old and not self.load_in_progress() else set()

    def write(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run ``cypher`` in one WRITE transaction."""
        query = self.dialect.expand(cypher)
        with self._session(self._neo4j.WRITE_ACCESS) as session:
            return self._collect(lambda: session.execute_write(
                lambda tx: list(tx.run(query, plain_params(params)))))

    def schema_command(self, cypher: str) -> None:
        """Run one schema statement (DDL) in an auto-commit transaction, as Neo4j requires."""
        with self._session(self._neo4j.WRITE_ACCESS) as session:
            self._collect(lambda: session.run(cypher))

    @contextmanager
    def atomic(self, replacing: bool = False) -> Iterator[_TransactionWriter]:
        """One explicit transaction: committed when the block ends, rolled back on any error.
        A replacing load deletes the old graph inside it (see ``loaders/load.py``)."""
        with self._session(self._neo4j.WRITE_ACCESS) as session:
            tx = self._call(lambda: session.begin_transaction(metadata=_LOAD_METADATA))
            try:
                yield _TransactionWriter(self, tx)
                self._commit_behind_fence(tx)
            except BaseException:
                if not tx.closed():
                    try:
                        tx.rollback()
                    except (self._neo4j.exceptions.Neo4jError, self._neo4j.exceptions.DriverError, OSError):
                        pass  # the server is gone, and with it the transaction; report the first error
                raise

    def _commit_behind_fence(self, tx) -> None:
        """Commit ``tx`` with the commit fence raised, so that reads wait it out."""
        self.write(commit_fence.RAISE)
        try:
            self._call(tx.commit)
        finally:
            try:
                self.write(commit_fence.LOWER)
            except BackendError:
                pass  # the server is gone; once no load is open there, reads find the fence stale

    def data_generation(self) -> str:
        """The commit fence's generation(s), read when no commit is under way."""
        return "|".join(self.read(commit_fence.GENERATIONS)[0]["generations"])

    def load_in_progress(self) -> bool:
        """True while a transaction opened by :meth:`atomic` (a load) is open on the server."""
        with self._session(self._neo4j.READ_ACCESS) as session:
            rows = self._collect(lambda: list(session.run(
                "SHOW TRANSACTIONS YIELD metaData WHERE metaData.partygraph = $kind RETURN count(*) AS loads",
                {"kind": _LOAD_METADATA["partygraph"]})))
        return rows[0]["loads"] > 0

    def clear(self) -> None:
        """Delete every node and relationship in batches, keeping indexes and constraints (and
        the commit fence, with a new generation)."""
        with self._session(self._neo4j.WRITE_ACCESS) as session:
            self._collect(lambda: session.run(
                "MATCH (n) WHERE NOT n:PartygraphCommit CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"))
        self.write(commit_fence.RENEW)

    def close(self) -> None:
        """Close the driver."""
        self._driver.close()
