"""A commit fence for Neo4j, so that no read sees a load's commit half applied.

Neo4j reads are READ COMMITTED: a query that runs while a large transaction's commit is
being applied can see part of it (the 16-reader test saw ``r2_checked`` answer 0 between
the old 8 and the new 32).  So a load raises the fence — one bookkeeping node labelled
``PartygraphCommit``, given a new random generation and ``committing = true`` in its own
small transaction — before it commits, and lowers it after.  A read looks at the fence
before and after its query, in the same transaction, and keeps the answer only when the
fence did not move and was down: then no part of a commit was applied while it read.
Readers never block the load and the load never waits for readers (a sequence lock).

A generation is a random UUID, not a counter, so that a graph emptied and loaded again
cannot bring an old generation back.  A fence left raised by a loader killed mid-commit is
stale once no load transaction is open on the server; reads then ignore it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["RAISE", "LOWER", "RENEW", "READ", "GENERATIONS", "Fence", "fence_from"]

# The fence's label, PartygraphCommit, is written out in each statement that reads or deletes
# every node, to leave it out (the checksum, replace_retire/replace_delete, projection_nodes …).
RAISE = ("MERGE (f:PartygraphCommit {key: 'load'}) "
         "SET f.generation = randomUUID(), f.committing = true, f.since = timestamp()")
LOWER = "MATCH (f:PartygraphCommit) SET f.committing = false"
# After the graph is cleared: a new generation, so that readers see the data changed.
RENEW = "MERGE (f:PartygraphCommit {key: 'load'}) SET f.generation = randomUUID(), f.committing = false"
# collect(): two loads committing at once could each MERGE a fence node; both count.
READ = ("OPTIONAL MATCH (f:PartygraphCommit) "
        "RETURN collect([f.generation, f.committing, timestamp() - f.since]) AS fences")

# Through the read path (which waits out a raised fence): a new generation means a load committed.
GENERATIONS = "OPTIONAL MATCH (f:PartygraphCommit) WITH f ORDER BY f.generation RETURN collect(f.generation) AS generations"

#: A raised fence this old, with no load transaction open on the server, was left by a
#: killed loader.  The age only guards the instant between a commit's end and the fence
#: being lowered, when the load's transaction is already gone from SHOW TRANSACTIONS.
STALE_AFTER_MS = 5_000


@dataclass(frozen=True)
class Fence:
    """What a read saw of the fence: every generation, and which are raised with their age.

    Two sightings are equal when the generations and their states are: the age goes on growing.
    """

    generations: frozenset[tuple[str, bool]]
    raised_age_ms: dict[str, int] = field(compare=False)

    def raised(self, ignored: set[str]) -> bool:
        """True while a commit is under way (fences in ``ignored`` were found stale)."""
        return any(generation not in ignored for generation in self.raised_age_ms)


def fence_from(rows: list) -> Fence:
    """The fence as :data:`READ` returned it (no fence node yet: nothing ever committed)."""
    entries = [entry for entry in rows[0]["fences"] if entry[0] is not None]
    return Fence(generations=frozenset((generation, bool(committing)) for generation, committing, _ in entries),
                 raised_age_ms={generation: age for generation, committing, age in entries if committing})
