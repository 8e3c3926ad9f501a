"""The time to render each explorer page, with Streamlit's AppTest, on the loaded graph.

The app (``explorer/app.py``) is pointed at the benchmark's database through the
environment, as ``partygraph explore`` does, with the demo's day as the date.  Per page:
*cold* is the first render after the cached query results were dropped (what an analyst
waits for on a fresh start or after a load), *warm* the render right after it.
"""

from __future__ import annotations

import ast
import datetime
import os
import statistics
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from bench.system import Target, restart_database

__all__ = ["APP", "explorer_pages", "bench_pages", "bench_first_page_after_restart"]

APP = Path(__file__).resolve().parent.parent / "explorer" / "app.py"
_TIMEOUT_S = 600


def explorer_pages(app: Path = APP) -> list[tuple[str, str]]:
    """(url name, script path) of each page the app declares in ``_PAGES``; else every ``views/*.py``."""
    try:
        tree = ast.parse(app.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "_PAGES" for t in node.targets):
                pages = ast.literal_eval(node.value)
                return [(entry[-1], entry[0]) for entry in pages]
    except (OSError, SyntaxError, ValueError):
        pass
    return [(path.stem, f"views/{path.name}") for path in sorted((app.parent / "views").glob("*.py"))
            if not path.name.startswith("_")]


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def _pointed_at(target: Target, as_of: datetime.date) -> Iterator[None]:
    """The environment in which the app reads ``target`` on ``as_of``, with no password asked."""
    with _environment({**target.environment(), "PARTYGRAPH_AS_OF": as_of.isoformat()}), \
            _without("PARTYGRAPH_EXPLORER_PASSWORD"):
        yield


@contextmanager
def _without(key: str) -> Iterator[None]:
    saved = os.environ.pop(key, None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ[key] = saved


def bench_pages(target: Target, repeat: int, as_of: datetime.date,
                log: Callable[[str], None] = print) -> dict[str, Any] | str:
    """Cold and warm render of every page in ms (medians of ``repeat``), or why pages were not measured."""
    if not APP.is_file():
        return "not measured: explorer/app.py does not exist yet"
    try:
        import streamlit as st
        from streamlit.testing.v1 import AppTest
    except ImportError as error:
        return f"not measured: streamlit's AppTest is not importable ({error})"
    pages = explorer_pages()
    results: dict[str, Any] = {}
    with _pointed_at(target, as_of):
        try:
            at = AppTest.from_file(str(APP), default_timeout=_TIMEOUT_S)
            at.session_state["as_of"] = as_of
            at.run()  # opens the connection (kept for the process) and draws the first page
        except Exception as error:  # noqa: BLE001 - a broken explorer is reported, not fatal
            return f"not measured: the explorer does not start ({type(error).__name__}: {error})"
        if at.exception:
            return f"not measured: the explorer fails on start ({at.exception[0].value})"
        for name, path in pages:
            cold, warm, errors = [], [], []
            for _ in range(repeat):
                st.cache_data.clear()
                for times in (cold, warm):
                    began = time.perf_counter()
                    try:
                        at.switch_page(path).run()
                    except Exception as error:  # noqa: BLE001
                        errors.append(f"{type(error).__name__}: {error}")
                        break
                    times.append((time.perf_counter() - began) * 1000)
                    if at.exception:
                        errors.append(str(at.exception[0].value))
            entry: dict[str, Any] = {"path": path}
            if cold:
                entry["ms"] = round(statistics.median(cold))
                entry["warm_ms"] = round(statistics.median(warm)) if warm else None
                entry["runs"] = len(cold)
            if errors:
                entry["error"] = errors[0][:500]
            results[name] = entry
            log(f"  {target.name} page {name}: cold {entry.get('ms')} ms, warm {entry.get('warm_ms')} ms"
                + (f", ERROR {entry['error'][:120]}" if errors else ""))
        st.cache_data.clear()
        st.cache_resource.clear()
    return results


def bench_first_page_after_restart(target: Target, as_of: datetime.date,
                                   log: Callable[[str], None] = print) -> dict[str, Any] | str:
    """The explorer's first page drawn right after the database was stopped and started again, in ms.

    ``ms`` is that render as the server comes up.  For Neo4j, which plans and compiles each query
    on its first run, the database is restarted once more and ``warm_up_s`` is the warm-up that
    ``partygraph neo4j start`` runs (:mod:`queries.warm_up`), ``after_warm_up_ms`` the render after it.
    Run it last: the database's process changes.
    """
    if not target.local:
        return "not measured: the benchmark restarts only a database it started itself"
    from queries.warm_up import warm_up

    result: dict[str, Any] = {"page": explorer_pages()[0][0]}
    restart_database(target)
    result["ms"] = _first_render_ms(target, as_of)
    if target.name == "neo4j":
        restart_database(target)
        began = time.perf_counter()
        warm_up(target.db)
        result["warm_up_s"] = round(time.perf_counter() - began, 1)
        result["after_warm_up_ms"] = _first_render_ms(target, as_of)
    log(f"  {target.name} first page after a restart: {result}")
    return result


def _first_render_ms(target: Target, as_of: datetime.date) -> float:
    """A new explorer session's first render (its first page), with nothing cached, in ms."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    with _pointed_at(target, as_of):
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(APP), default_timeout=_TIMEOUT_S)
        at.session_state["as_of"] = as_of
        began = time.perf_counter()
        at.run()
        elapsed = round((time.perf_counter() - began) * 1000)
        if at.exception:
            raise RuntimeError(f"the explorer failed on its first page: {at.exception[0].value}")
        st.cache_resource.clear()  # the explorer's connection: the next restart must find none open
    return elapsed
