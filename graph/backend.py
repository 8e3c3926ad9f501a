"""The backend interface: run parameterised Cypher, get plain Python rows.

Rows are lists of dicts of plain values — str, int, float, bool, ``datetime.date``,
list, dict — so no code above ``graph/`` knows which database it talks to.  A node
comes back as ``{"_labels": [...], **properties}``, a relationship as
``{"_type": ..., **properties}``, a path as ``{"_nodes": [...], "_relationships": [...]}``.
"""

from __future__ import annotations

import datetime
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from typing import Any, Callable, Iterable, Protocol, TypeVar

from graph.dialect import Dialect

__all__ = ["Backend", "Writer", "OneBatchAtATime", "BackendError", "Row", "plain_params", "open_backend"]

Row = dict[str, Any]
T = TypeVar("T")


class BackendError(RuntimeError):
    """A database problem, worded for the user: what went wrong and what to do."""


class Writer(Protocol):
    """What an atomic load writes through: every ``run`` commits together or not at all."""

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run one write statement inside the atomic unit."""

    def run_batches(self, cypher: str, batches: Iterable[dict[str, Any]],
                    after_each: Callable[[dict[str, Any]], None] | None = None) -> None:
        """Run one write statement once per parameter set, in order (a loader's batches), calling
        ``after_each(params)`` once each has run.  A writer may prepare the next while one runs."""


class OneBatchAtATime(ABC):
    """A :class:`Writer` whose ``run_batches`` is one ``run`` after another: nothing to overlap."""

    @abstractmethod
    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run one write statement inside the atomic unit."""

    def run_batches(self, cypher: str, batches: Iterable[dict[str, Any]],
                    after_each: Callable[[dict[str, Any]], None] | None = None) -> None:
        """Run ``cypher`` with each parameter set in turn (see :class:`Writer`)."""
        for params in batches:
            self.run(cypher, params)
            if after_each:
                after_each(params)


class Backend(ABC):
    """A graph database that speaks (a dialect of) openCypher."""

    name: str
    dialect: Dialect
    #: The most input rows one atomic unit can hold; ``None``: no limit.  A larger load into an
    #: empty graph then commits batch by batch and, if it fails, empties the graph again.
    max_atomic_rows: int | None = None
    #: Set by a process that closes the database as soon as its load is done (``partygraph load``):
    #: work that only speeds up later reads can then be left out (see the embedded backend).
    closes_after_load: bool = False

    @abstractmethod
    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run ``cypher`` in a read-only session; a write in it is refused by the database."""

    @abstractmethod
    def write(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run ``cypher`` as one write transaction."""

    @abstractmethod
    def atomic(self, replacing: bool = False) -> AbstractContextManager[Writer]:
        """A unit of writes that is committed whole when the block ends, or not at all.

        ``replacing``: what the unit writes replaces the whole graph.  A backend may then begin
        the unit from an empty graph (the writer still deletes what it finds).
        """

    def settling(self) -> bool:
        """Whether a load of this process has committed but the database still tidies up after it
        (its reads meanwhile are slower)."""
        return False

    def wait_until_settled(self) -> None:
        """Wait until that tidying up is done (closing the database waits for it too)."""

    @abstractmethod
    def load_in_progress(self) -> bool:
        """True while some process is writing a load into this database.

        The explorer warns while this is true: its cached results are of the data before the load.
        """

    @abstractmethod
    def data_generation(self) -> str:
        """A token that changes whenever a load commits (or the graph is cleared)."""

    def consistent(self, reads: Callable[[], T], attempts: int = 5) -> T:
        """``reads()`` — an answer made of several read statements — run again until no load
        committed while it ran, so that it is all of the old data or all of the new.

        Raises:
            BackendError: loads kept committing under it ``attempts`` times in a row.
        """
        for _ in range(attempts):
            before = self.data_generation()
            answer = reads()
            if self.data_generation() == before:
                return answer
        raise BackendError(f"the data changed under the query {attempts} times in a row "
                           "(loads committing one after another); try again once they are done")

    @abstractmethod
    def clear(self) -> None:
        """Delete every node and relationship (the schema stays)."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""

    def __enter__(self) -> "Backend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def plain_params(params: dict[str, Any] | None) -> dict[str, Any]:
    """Parameters both databases take: dates become ISO text (Cypher reads them with ``date($x)``)."""

    def convert(value: Any) -> Any:
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [convert(v) for v in value]
        return value

    return convert(params or {})


def open_backend(settings) -> Backend:
    """Open the backend that ``settings`` names.

    Example:
        >>> from graph.config import load_settings
        >>> with open_backend(load_settings("embedded")) as db:
        ...     db.read("RETURN 1 AS one")
        [{'one': 1}]
    """
    if settings.backend == "neo4j":
        from graph.neo4j_backend import Neo4jBackend

        return Neo4jBackend(settings)
    from graph.embedded_backend import EmbeddedBackend

    return EmbeddedBackend(settings)
