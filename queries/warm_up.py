"""Warming a freshly started database, so that the first page an analyst opens answers at full speed.

Neo4j plans each statement the first time it sees its text and compiles the code that runs it
as it goes; on a server just started that costs 0.3–3 s a query at scale 1.  A new explorer
session's first page took 10.1 s after a restart even on the small test fixture, and 0.8 s once
every catalogue query had run (``partygraph bench``, its ``restart`` part).  Running the catalogue
once after the start pays that before anyone waits for it.  FalkorDB has no such cost
(a query's first run takes as long as its second), so the warm-up is only run for Neo4j by
``partygraph neo4j start``; ``partygraph warm-up`` runs it on any database.

The projections are left out: they are read by the export and the network analyses, not by a
page as it opens, and the whole-graph ones take seconds to tens of seconds.
"""

from __future__ import annotations

import time
from typing import Callable

from graph.backend import Backend
from queries.catalogue import CATALOGUE, run_query

__all__ = ["warm_up", "warm_up_queries"]

# A required text parameter (an id, a search text) gets a value no node has: the statement
# is planned and run all the same, and answers at once.
_NO_SUCH_ID = "partygraph-warm-up"


def warm_up_queries() -> list[str]:
    """The catalogue queries the warm-up runs, by name: every one but the projections."""
    return [name for name in CATALOGUE if not name.startswith("projection_")]


def warm_up(db: Backend, progress: Callable[[str], None] | None = None) -> dict[str, float]:
    """Run every query of :func:`warm_up_queries` once with its default parameters; returns the
    seconds each took, by name.  ``progress(name)`` is called after each."""
    seconds = {}
    for name in warm_up_queries():
        params = {p.name: _NO_SUCH_ID for p in CATALOGUE[name].parameters if p.default is None}
        began = time.perf_counter()
        run_query(db, name, params)
        seconds[name] = time.perf_counter() - began
        if progress is not None:
            progress(name)
    return seconds
