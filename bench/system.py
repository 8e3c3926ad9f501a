"""What the benchmark runs on: the databases it starts, their processes' memory, the versions used."""

from __future__ import annotations

import contextlib
import os
import platform
import resource
import shutil
import socket
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

from graph.backend import Backend, open_backend
from graph.config import Settings
from graph.schema import apply_schema

__all__ = ["Target", "open_target", "reset_graph", "restart_database", "peak_rss_mb", "rss_mb", "self_peak_rss_mb",
           "versions", "machine", "EMBEDDED_NOTE"]

EMBEDDED_NOTE = ("each load is rebuilt from a snapshot (GRAPH.COPY) before it commits, as for the explorer: "
                 "the server stays up for the queries. The load's seconds stop at the commit; settled_seconds "
                 "when the server has also compacted its data file and freed the graphs the load replaced, which "
                 "is when the queries begin. `partygraph load` alone on its server leaves the rebuild to the "
                 "server's next start")


@dataclass
class Target:
    """One backend under test: its open connection, settings, home and the pid of its database process."""

    name: str
    db: Backend
    settings: Settings
    home: Path
    db_pid: int | None = None
    local: bool = True
    notes: list[str] = field(default_factory=list)

    def environment(self) -> dict[str, str]:
        """The environment that points ``partygraph`` (a child process, the explorer) at this database."""
        env = {"PARTYGRAPH_BACKEND": self.settings.backend, "PARTYGRAPH_HOME": str(self.settings.home),
               "PARTYGRAPH_GRAPH": self.settings.graph_name}
        if self.settings.backend == "neo4j":
            env.update(NEO4J_URI=self.settings.neo4j_uri, NEO4J_USER=self.settings.neo4j_user,
                       NEO4J_DATABASE=self.settings.neo4j_database, NEO4J_PASSWORD=self.settings.neo4j_password())
        return env


# How long a restart waits for the embedded server to stop once its last client has closed.
_EMBEDDED_STOP_WAIT_S = 30


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _embedded_pid(db) -> int | None:
    with contextlib.suppress(Exception):
        return int(db._db.client.info("server")["process_id"])
    return None


@contextlib.contextmanager
def open_target(name: str, allow_remote_wipe: bool = False) -> Iterator[Target]:
    """Open backend ``name`` on a database of the benchmark's own, and close (stop) it afterwards.

    The embedded database and a local Neo4j live in a temporary PARTYGRAPH_HOME, so the
    analyst's data is never touched.  With NEO4J_URI set, that server is used instead —
    and its graph is replaced, so a non-empty one is refused unless ``allow_remote_wipe``.
    """
    home = Path(tempfile.mkdtemp(prefix=f"partygraph-bench-{name}-"))
    started_neo4j = False
    db = None
    try:
        if name == "embedded":
            settings = Settings(backend="embedded", home=home, graph_name="bench")
            db = open_backend(settings)
            target = Target(name, db, settings, home, _embedded_pid(db))
            target.notes.append(EMBEDDED_NOTE)
        elif os.environ.get("NEO4J_URI"):
            settings = Settings(backend="neo4j", home=home, neo4j_uri=os.environ["NEO4J_URI"],
                                neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
                                neo4j_database=os.environ.get("NEO4J_DATABASE", "neo4j"))
            db = open_backend(settings)
            held = db.read("MATCH (n) WHERE NOT n:PartygraphCommit RETURN count(n) AS nodes")[0]["nodes"]
            if held and not allow_remote_wipe:
                raise RuntimeError(f"the Neo4j at {settings.neo4j_uri} holds {held:,} nodes and the benchmark "
                                   "replaces its graph: pass --wipe-remote to allow it, or unset NEO4J_URI to "
                                   "bench a local server of its own")
            target = Target(name, db, settings, home, None, local=False,
                            notes=[f"server at {settings.neo4j_uri}: its memory is not measured"])
        else:
            from graph import neo4j_server

            uri = neo4j_server.start(home, port=_free_port())
            started_neo4j = True
            settings = Settings(backend="neo4j", home=home, neo4j_uri=uri)
            db = open_backend(settings)
            target = Target(name, db, settings, home, neo4j_server.status(home)["pid"])
            memory = neo4j_server.memory_settings()
            target.notes.append(f"local Neo4j, heap {memory['heap']} (PARTYGRAPH_NEO4J_HEAP), "
                                f"page cache {memory['page_cache']} (PARTYGRAPH_NEO4J_PAGECACHE)")
        apply_schema(db)
        yield target
    finally:
        if db is not None:
            with contextlib.suppress(Exception):
                db.close()
        if started_neo4j:
            from graph import neo4j_server

            neo4j_server.stop(home)
        shutil.rmtree(home, ignore_errors=True)


def restart_database(target: Target) -> None:
    """Stop the target's database and start it again, as after a reboot, and reopen ``target.db``.

    A local Neo4j is stopped and started on its port; the embedded server stops with its last
    client (every other connection must be closed first) and starts again from its files.

    Raises:
        RuntimeError: the embedded server is still running after its last client closed.
    """
    old_pid = target.db_pid
    target.db.close()
    if target.name == "neo4j":
        from graph import neo4j_server

        neo4j_server.stop(target.home)
        neo4j_server.start(target.home, port=urlparse(target.settings.neo4j_uri).port)
        target.db = open_backend(target.settings)
        target.db_pid = neo4j_server.status(target.home)["pid"]
        return
    deadline = time.monotonic() + _EMBEDDED_STOP_WAIT_S
    while old_pid is not None and _is_running(old_pid):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the embedded server (pid {old_pid}) did not stop with its last client")
        time.sleep(0.1)
    target.db = open_backend(target.settings)
    target.db_pid = _embedded_pid(target.db)


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return _status_kb(pid, "VmRSS") is not None  # a zombie has no resident memory


def reset_graph(target: Target) -> None:
    """An empty graph with the schema (``Backend.clear``: the embedded graph is swapped for a new
    one, so the next load does not write into the slots its nodes freed)."""
    target.db.clear()


def _status_kb(pid: int, key: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def peak_rss_mb(pid: int | None) -> float | None:
    """Peak resident memory of process ``pid`` since it started (Linux VmHWM), in MiB."""
    if pid is None:
        return None
    kb = _status_kb(pid, "VmHWM")
    return None if kb is None else round(kb / 1024, 1)


def rss_mb(pid: int | None) -> float | None:
    """Resident memory of process ``pid`` now, in MiB."""
    if pid is None:
        return None
    kb = _status_kb(pid, "VmRSS")
    if kb is None:
        with contextlib.suppress(Exception):
            import psutil

            return round(psutil.Process(pid).memory_info().rss / 2**20, 1)
        return None
    return round(kb / 1024, 1)


def self_peak_rss_mb() -> float:
    """Peak resident memory of this process (``ru_maxrss``), in MiB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _falkordb_module(db) -> str | None:
    """The FalkorDB module's version, from ``MODULE LIST`` (e.g. ``4.10.3``)."""
    with contextlib.suppress(Exception):
        for module in db.command("MODULE", "LIST"):
            info = dict(zip(module[::2], module[1::2])) if isinstance(module, (list, tuple)) else dict(module)
            info = {(k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else v)
                    for k, v in info.items()}
            if str(info.get("name", "")).lower() in ("graph", "falkordb"):
                ver = int(info.get("ver", 0))
                return f"{ver // 10000}.{ver // 100 % 100}.{ver % 100}"
    return None


def versions(target: Target) -> dict[str, str | None]:
    """Python, the drivers and the database server of ``target``."""
    found: dict[str, str | None] = {"python": platform.python_version(), "partygraph": _package_version("partygraph")}
    if target.name == "embedded":
        found["falkordblite"] = _package_version("falkordblite")
        found["falkordb_client"] = _package_version("FalkorDB")
        found["falkordb_module"] = _falkordb_module(target.db)
        with contextlib.suppress(Exception):
            found["redis_server"] = target.db._db.client.info("server")["redis_version"]
    else:
        found["neo4j_driver"] = _package_version("neo4j")
        with contextlib.suppress(Exception):
            rows = target.db.read("CALL dbms.components() YIELD name, versions, edition "
                                  "RETURN name, versions, edition")
            found["neo4j_server"] = " ".join(f"{r['name']} {r['versions'][0]} {r['edition']}" for r in rows)
    with contextlib.suppress(Exception):
        import streamlit

        found["streamlit"] = streamlit.__version__
    return found


def machine() -> dict[str, object]:
    """The machine the figures come from: cores, memory, load (other processes make timings noisy)."""
    info: dict[str, object] = {"cpus": os.cpu_count(), "platform": platform.platform(),
                               "python_executable": sys.executable}
    with contextlib.suppress(OSError):
        info["load_average"] = [round(x, 2) for x in os.getloadavg()]
    with contextlib.suppress(Exception):
        import psutil

        memory = psutil.virtual_memory()
        info["memory_total_mb"] = round(memory.total / 2**20)
        info["memory_available_mb"] = round(memory.available / 2**20)
    return info
