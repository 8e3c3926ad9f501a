"""Data access of the explorer: one shared connection, cached query results, masking of personal data.

Pages call the functions here and never hold Cypher.  Every read of a catalogue query
goes through :class:`CachedReads`: results are cached per statement, parameters and the
data *generation*; the Data page bumps the generation and clears the cache after every
load, so no page shows rows from before it.
"""

from __future__ import annotations

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from explorer.i18n import t
from graph.backend import Backend, BackendError, open_backend
from graph.config import Settings, load_settings
from graph.privacy import PERSON_LABELS, mask_rows, mask_value
from graph.statements import read_statements
from queries.catalogue import CATALOGUE, ParameterError, UnknownQuery, get_query, run_query

__all__ = [
    "connection", "cached", "CachedReads", "backend_name", "query", "try_query", "shown", "figures",
    "coverage", "stats", "node", "free_cypher", "mask_free", "invalidate", "load_progress", "as_of",
    "show_personal", "mask_entities", "mask_nodes", "side_by_side",
    "BackendError", "ParameterError", "UnknownQuery",
]

# Nodes whose name is a person's name.

_STATEMENTS = read_statements(Path(__file__).parent)

# Reads a page starts at once (side_by_side): FalkorDB answers with a thread per CPU, Neo4j a session each.
_READERS_AT_ONCE = 4


# --- session choices ------------------------------------------------------------------

def as_of() -> datetime.date | None:
    """The date rules are read at, chosen in the sidebar; None: each query's own default (today)."""
    return st.session_state.get("as_of")


def show_personal() -> bool:
    """Whether the analyst has chosen to see personal data unmasked."""
    return bool(st.session_state.get("show_personal", False))


def _generation() -> int:
    return int(st.session_state.get("generation", 0))


# --- the connection -----------------------------------------------------------------

def _settings_key(settings: Settings) -> tuple[str, ...]:
    return (settings.backend, str(settings.home), settings.graph_name, settings.neo4j_uri,
            settings.neo4j_user, settings.neo4j_database)


def _close(db: Backend) -> None:
    # A connection dropped from the cache is closed: the embedded server stops only with its last client.
    db.close()


@st.cache_resource(show_spinner=False, on_release=_close)
def _open(key: tuple[str, ...]) -> Backend:
    backend, home, graph_name, uri, user, database = key
    return open_backend(Settings(backend=backend, home=Path(home), graph_name=graph_name, neo4j_uri=uri,
                                 neo4j_user=user, neo4j_database=database))


def _key() -> tuple[str, ...]:
    return _settings_key(load_settings())


def connection() -> Backend:
    """The database named by the environment (PARTYGRAPH_BACKEND …), opened once per process."""
    return _open(_key())


def backend_name() -> str:
    """``embedded`` or ``neo4j``."""
    return load_settings().backend


def load_in_progress() -> bool:
    """True while another process writes a load into the database (never cached)."""
    try:
        return connection().load_in_progress()
    except BackendError:
        return False  # the pages report an unreachable database themselves


# --- catalogue queries ---------------------------------------------------------------

def _with_defaults(name: str, params: dict[str, Any] | None) -> dict[str, Any]:
    """Fill ``as_of`` (and ``year``, from it) from the sidebar where the query takes them."""
    declared = {p.name for p in get_query(name).parameters}
    values = dict(params or {})
    day = as_of()
    if day is not None:
        if "as_of" in declared:
            values.setdefault("as_of", day)
        if "year" in declared:
            values.setdefault("year", day.year)
        if "to_date" in declared:
            values.setdefault("to_date", day)
    return values


@st.cache_data(show_spinner=False, max_entries=2000)
def _cached_read(key: tuple[str, ...], cypher: str, frozen: tuple, generation: int) -> list[dict]:
    return _open(key).read(cypher, dict(frozen))


def _freeze(params: dict[str, Any]) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in (params or {}).items()))


class CachedReads:
    """The connection seen through the cache: every read is remembered by its text and parameters
    until the data generation changes.  Catalogue queries, :func:`queries.coverage.coverage_table`
    and :func:`queries.figures.headline_figures` all read through it, so a gap list the Overview
    counted is not run again on the Coverage gaps page.
    """

    def __init__(self, key: tuple[str, ...], generation: int) -> None:
        self._key, self._generation = key, generation
        backend = _open(key)
        self.name, self.dialect = backend.name, backend.dialect

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
        """Rows of a read-only statement, from the cache when it has run before."""
        return _cached_read(self._key, cypher, _freeze(params or {}), self._generation)


def cached() -> CachedReads:
    """The database, read through the cache."""
    return CachedReads(_key(), _generation())


def shown(name: str, rows: list[dict]) -> list[dict]:
    """``rows`` of query ``name`` as the analyst may see them: personal data masked unless chosen."""
    if show_personal() or not rows:
        return rows
    statement = CATALOGUE.get(name)
    return mask_rows(rows, statement.sensitive_columns if statement else ())


def mask_entities(rows: list[dict]) -> list[dict]:
    """Mask names of people in entity rows (``label``/``name``, ``source_label``/``source_name`` …)."""
    return rows if show_personal() else mask_rows(rows)


def mask_nodes(nodes: dict[str, dict]) -> dict[str, dict]:
    """Drawn nodes ({id: {"label", "name"}}) with people's names masked unless chosen."""
    if show_personal():
        return nodes
    return {node_id: ({**n, "name": mask_value(n.get("name"))} if n.get("label") in PERSON_LABELS else n)
            for node_id, n in nodes.items()}


def query(name: str, params: dict[str, Any] | None = None, *, masked: bool = True) -> list[dict]:
    """Rows of catalogue query ``name`` (cached), with personal data masked unless chosen.

    Raises:
        UnknownQuery: no such query in the catalogue.
        ParameterError: a parameter the query does not take or of the wrong type.
        BackendError: the database refused or could not be reached.
    """
    rows = run_query(cached(), name, _with_defaults(name, params))
    return shown(name, rows) if masked else rows


def try_query(name: str, params: dict[str, Any] | None = None, *, masked: bool = True) -> list[dict] | None:
    """Like :func:`query`, but a missing query or a database error becomes a notice and None."""
    try:
        return query(name, params, masked=masked)
    except UnknownQuery:
        st.info(t(f"查询 `{name}` 尚未加入查询目录,此部分暂不显示。",
                  f"The query `{name}` is not in the catalogue yet; this part is not shown."))
    except ParameterError as error:
        st.error(str(error))
    except BackendError as error:
        st.error(t("数据库错误:", "Database error: ") + str(error))
    return None


def side_by_side(*reads: Callable[[], Any]) -> None:
    """Run independent cached reads at once, so that the page's own calls then find their rows cached.

    A page that needs a dozen whole-city queries then waits about as long as the database takes
    with all its threads busy, not for the sum of the queries one after another.  A read that
    fails here is left for the page's own call, which reports it where it belongs on the page.
    """
    context = get_script_run_ctx()

    def run(read: Callable[[], Any]) -> None:
        add_script_run_ctx(threading.current_thread(), context)  # the cache and session state need it
        try:
            read()
        except (BackendError, ParameterError, UnknownQuery):
            pass

    with ThreadPoolExecutor(max_workers=_READERS_AT_ONCE) as pool:
        list(pool.map(run, reads))


def figures() -> dict[str, int]:
    """The seed's headline figures counted in the graph (:func:`queries.figures.headline_figures`)."""
    from queries.figures import headline_figures

    return headline_figures(cached(), as_of())


def coverage(rules: tuple[str, ...] | None = None) -> list[dict]:
    """The rule table R1–R12, or of ``rules`` only (:func:`queries.coverage.coverage_table`)."""
    from queries.coverage import coverage_table

    return coverage_table(cached(), as_of=as_of(), rules=rules)


def missing_counts() -> list[str]:
    """The labels lacking counts this version keeps (:func:`loaders.rollups.missing_counts`):
    a graph loaded by an older partygraph.  Cached with the data; empty if the database is
    unreachable (the pages report that themselves)."""
    from loaders.rollups import missing_counts as lacking

    try:
        return lacking(cached())
    except BackendError:
        return []


def stats() -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type."""
    from graph.stats import graph_stats

    return graph_stats(cached())


def node(node_id: str) -> dict | None:
    """Every property of the node with ``id`` (labels under ``_labels``), personal data masked unless chosen."""
    rows = cached().read(_STATEMENTS["node_properties"].text, {"id": node_id})
    found = rows[0]["node"] if rows else None
    if found is None or show_personal():
        return found
    return mask_rows([{"node": found}])[0]["node"]


def free_cypher(text: str) -> list[dict]:
    """Run the analyst's own Cypher in a read-only session: the database refuses any write.

    The rows come unmasked: show them through :func:`mask_free`.

    Raises:
        BackendError: the database refused the statement (a write, a syntax error …).
    """
    return connection().read(text, {})


def mask_free(rows: list[dict]) -> list[dict]:
    """Rows of a free query with personal data masked unless chosen: by column name (``member``,
    ``phone`` …, also ``m.phone``) and in Member and Leader nodes."""
    if show_personal() or not rows:
        return rows
    personal = [c for c in rows[0] if c.rsplit(".", 1)[-1] in ("phone", "id_number", "member", "secretary", "leader")]
    return mask_rows(rows, personal)


# --- after a load ------------------------------------------------------------------

def invalidate() -> None:
    """Forget every cached result: the data changed."""
    st.session_state["generation"] = _generation() + 1
    st.cache_data.clear()


def load_progress(total: int, label: str) -> Callable[[str, int], None]:
    """A progress bar and the ``progress(file_name, rows)`` callback the loaders call."""
    bar = st.progress(0.0, text=label)
    done = {"rows": 0}

    def update(name: str, rows: int) -> None:
        done["rows"] += rows
        bar.progress(min(done["rows"] / max(total, 1), 1.0), text=f"{label}: {name} {done['rows']:,}/{total:,}")

    return update
