"""The catalogue of named, parameterised, read-only Cypher queries.

Every query is ``queries/<name>.cypher`` with a header (see :mod:`graph.statements`):
its Chinese and English title, description, parameters and the rule of DOMAIN.md §7
it answers.  Queries run in read-only sessions, so none can write.

An entry may be answered by a Python function instead of its Cypher text (:data:`COMPUTED`):
on one backend, where that database has no fast way to say it in one statement (the
function must give the rows the Cypher gives on the other backend), or on both, where the
answer is another entry's rows summed (its Cypher then lists what is summed to).  The
function gets the same bound parameters and reads through ``db.read`` only.  It runs again
if a load commits while it reads (``Backend.consistent``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from graph.backend import Backend, Row
from graph.statements import ParameterError, Statement, read_statements
from queries import path_search
from queries.street_rollup import streets_from_communities

__all__ = ["CATALOGUE", "COMPUTED", "UnknownQuery", "get_query", "list_queries", "run_query", "RULES"]

CATALOGUE: dict[str, Statement] = read_statements(Path(__file__).parent)

RULES = tuple(f"R{i}" for i in range(1, 13))


def _coverage_by_street(db: Backend, params: dict[str, Any]) -> list[Row]:
    """``coverage_by_street``: the rows of ``coverage_by_community`` summed over each street's communities."""
    communities = db.read(CATALOGUE["coverage_by_community"].text_for(db.dialect.name), params)
    return streets_from_communities(communities, db.read(CATALOGUE["coverage_by_street"].text, {}))


# (entry name, dialect name) -> the function that answers the entry on that dialect's
# backend, from the backend and the bound parameters, in place of the entry's Cypher.
COMPUTED: dict[tuple[str, str], Callable[[Backend, dict[str, Any]], list[Row]]] = {
    # FalkorDB's shortest-path search is depth-first: over a minute at scale 1.
    ("shortest_path", "falkordb"): path_search.shortest_path,
    # a second whole-city walk for what the first one already counted
    ("coverage_by_street", "falkordb"): _coverage_by_street,
    ("coverage_by_street", "neo4j"): _coverage_by_street,
}


class UnknownQuery(KeyError):
    """A query name that is not in the catalogue."""

    def __str__(self) -> str:
        return self.args[0]


def get_query(name: str) -> Statement:
    """The catalogue entry called ``name``.

    Raises:
        UnknownQuery: with the names that come closest.
    """
    try:
        return CATALOGUE[name]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(name, CATALOGUE, n=3, cutoff=0.4)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `partygraph query --list`"
        raise UnknownQuery(f"no query called {name!r} in the catalogue{hint}") from None


def list_queries() -> list[dict[str, Any]]:
    """One row per query: name, titles, rule, description and parameters."""
    return [
        {
            "name": q.name,
            "title_zh": q.title_zh,
            "title_en": q.title_en,
            "rule": q.meta.get("rule", ""),
            "description": q.meta.get("description", ""),
            "description_zh": q.description("zh"),
            "parameters": [
                {"name": p.name, "type": p.type, "default": p.default, "zh": p.zh, "en": p.en}
                for p in q.parameters
            ],
        }
        for q in CATALOGUE.values()
    ]


def run_query(db: Backend, name: str, params: dict[str, Any] | None = None) -> list[Row]:
    """Run catalogue query ``name`` with ``params`` (text or typed values) in a read-only session
    (or through its function in :data:`COMPUTED` on that backend).

    Raises:
        UnknownQuery: no such query.
        ParameterError: an unknown parameter or a value of the wrong type.

    Example:
        >>> run_query(db, "r1_uncovered_compounds", {"as_of": "2021-12-31"})  # doctest: +SKIP
        [{'compound_id': 'CP04', 'compound': '灏景玥城', ...}, ...]
    """
    statement = get_query(name)
    bound = statement.bind(params)
    compute = COMPUTED.get((name, db.dialect.name))
    if compute is not None:  # several reads: all of one load's data, never a mix
        return db.consistent(lambda: compute(db, bound))
    return db.read(statement.text_for(db.dialect.name), bound)


def rule_query(rule: str) -> Statement:
    """The gap-list query that answers rule ``rule`` (``R1`` … ``R12``)."""
    for statement in CATALOGUE.values():
        if statement.meta.get("rule") == rule and statement.meta.get("gaps") == "yes":
            return statement
    raise UnknownQuery(f"no gap query for rule {rule}")


def gap_count_query(rule: str) -> Statement | None:
    """The entry that counts the rows of rule ``rule``'s gap list per community (``gaps``, from
    what each load keeps) without listing them, or None when the rule has none (header ``gaps: count``)."""
    for statement in CATALOGUE.values():
        if statement.meta.get("rule") == rule and statement.meta.get("gaps") == "count":
            return statement
    return None


__all__ += ["ParameterError", "rule_query", "gap_count_query"]
