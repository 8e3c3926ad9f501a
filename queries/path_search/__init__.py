"""The ``shortest_path`` catalogue entry on FalkorDB: a breadth-first search from both ends.

FalkorDB's ``allShortestPaths`` and ``algo.SPpaths`` search depth-first, and through the
hubs of the scale-1 demo (organizations with thousands of members) they take over a
minute.  Here the search runs from both ends, one hop per statement: ``expand.cypher``
takes a whole frontier (the database's own node ids, found by id seek) and returns the
neighbours of its nodes either way, and the side with the smaller frontier grows next,
until the two sides meet or ``max_hops`` is spent.  Each side remembers, for every node
it reached, its neighbours in the layer before; every shortest path runs through the
nodes where the sides met, so walking back from them to both ends gives the steps of all
shortest paths and nothing else.  ``links.cypher`` then reads the relationships of just
those steps (their types and directions).

Of those the answer is the one the Cypher text on Neo4j picks: the smallest key, node ids
each followed by ``|`` and then relationship types each followed by ``|``.  Ids and types
hold no ``|`` (ids are ASCII letters, digits, ``_ . -``), so comparing two keys is
comparing the lists ``[id + '|', …, type + '|', …]`` item by item, and the smallest is found
from the far end backwards (the best continuation from a node does not depend on how the
path got there) without listing the paths.

The search is several reads, not one, and keeps the database's own node ids from one to
the next: :func:`queries.catalogue.run_query` runs it through ``Backend.consistent``, again
if a load swapped in a new graph meanwhile, so the path is never a mix of old and new data.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from pathlib import Path
from typing import Any

from graph.backend import Backend, Row
from graph.statements import read_statements

__all__ = ["MOST_HOPS", "shortest_path"]

MOST_HOPS = 8
_STATEMENTS = read_statements(Path(__file__).parent)

# One step of a path: the node it leads to (the database's own id), the relationship type,
# and "->" when the relationship points along the path, "<-" against it.
Step = tuple[int, str, str]


class _Side:
    """The breadth-first search from one end: how far each node reached is, and from where."""

    def __init__(self, start: int) -> None:
        self.depth = 0
        self.frontier = [start]
        self.distance = {start: 0}
        self.parents: dict[int, set[int]] = defaultdict(set)  # node -> its neighbours one hop nearer

    def grow(self, db: Backend) -> None:
        """Take one hop from the whole frontier; the nodes first reached become the frontier."""
        self.depth += 1
        reached = []
        for row in db.read(_STATEMENTS["expand"].text, {"nodes": self.frontier}):
            for node in row["neighbours"]:
                if node not in self.distance:
                    self.distance[node] = self.depth
                    reached.append(node)
                if self.distance[node] == self.depth:
                    self.parents[node].add(row["node"])
        self.frontier = reached


def shortest_path(db: Backend, params: dict[str, Any]) -> list[Row]:
    """The ``shortest_path`` catalogue entry's rows, computed by a search from both ends.

    ``params`` are the entry's bound parameters (``from_id``, ``to_id``, ``max_hops``).  The
    rows are those of ``queries/shortest_path.cypher`` on Neo4j: step, id, label, name,
    relationship, direction, for the shortest path (at most ``max_hops`` relationships, up
    to 8, either way) whose key sorts first; none when there is no such path, the two ids
    are the same, or either id is unknown.

    Example:
        >>> shortest_path(db, {"from_id": "M01", "to_id": "M05", "max_hops": 6})  # doctest: +SKIP
        [{'step': 0, 'id': 'M01', 'label': 'Member', 'name': '张明', 'relationship': None, ...}, ...]
    """
    most = params.get("max_hops")
    if most is None or most < 1:
        return []
    ends = db.read(_STATEMENTS["ends"].text, {"from_id": params.get("from_id"), "to_id": params.get("to_id")})
    if not ends or ends[0]["source"] == ends[0]["target"]:
        return []
    source, target = ends[0]["source"], ends[0]["target"]
    pairs = _shortest_path_pairs(db, source, target, min(most, MOST_HOPS))
    if not pairs:
        return []
    steps = _first_path(db, pairs, source, target)
    rows = db.read(_STATEMENTS["describe"].text, {"nodes": [source] + [node for node, _, _ in steps]})
    arrivals: list[tuple[str | None, str | None]] = [(None, None)] + [(kind, way) for _, kind, way in steps]
    return [{**row, "relationship": arrivals[row["step"]][0], "direction": arrivals[row["step"]][1]} for row in rows]


def _shortest_path_pairs(db: Backend, source: int, target: int, most: int) -> list[list[int]]:
    """Every pair of neighbours [from, to] that is a step of a shortest path from ``source`` to
    ``target`` of at most ``most`` hops, ``from`` nearer the source; none when there is no path."""
    ahead, behind = _Side(source), _Side(target)
    while ahead.depth + behind.depth < most and ahead.frontier and behind.frontier:
        side, other = (ahead, behind) if len(ahead.frontier) <= len(behind.frontier) else (behind, ahead)
        side.grow(db)
        meeting = {node for node in side.frontier if node in other.distance}
        if meeting:
            break
    else:  # a side ran out of nodes, or max_hops was spent, before the sides met
        return []
    # The sides first met at the shortest length, so every node where they met is ahead.depth
    # hops from the source and behind.depth from the target: walk back from them to each end.
    pairs = []
    for side, towards_source in ((ahead, True), (behind, False)):
        layer = meeting
        for _ in range(side.depth):
            nearer = set()
            for node in layer:
                for parent in side.parents[node]:
                    pairs.append([parent, node] if towards_source else [node, parent])
                    nearer.add(parent)
            layer = nearer
    return pairs


def _first_path(db: Backend, pairs: list[list[int]], source: int, target: int) -> tuple[Step, ...]:
    """The steps from ``source`` to ``target``, along ``pairs``, of the path whose key sorts first."""
    ids = {}
    following: dict[int, list[Step]] = defaultdict(list)
    for row in db.read(_STATEMENTS["links"].text, {"pairs": pairs}):
        ids[row["source"]], ids[row["target"]] = row["source_id"], row["target_id"]
        following[row["source"]].append((row["target"], row["type"], "->" if row["outgoing"] else "<-"))

    @functools.cache
    def best_from(node: int) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Step, ...]]:
        # (id + '|' of each node after ``node``, type + '|' of each step, the steps) of the best way on
        if node == target:
            return (), (), ()
        return min(((ids[step[0]] + "|",) + rest_ids, (step[1] + "|",) + rest_types, (step,) + rest_steps)
                   for step in following[node]
                   for rest_ids, rest_types, rest_steps in [best_from(step[0])])

    return best_from(source)[2]
