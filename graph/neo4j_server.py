"""Run a local Neo4j 5.26 LTS community server for partygraph (Bolt only).

The server is the embedded Neo4j engine from Maven Central, started by the small Java
launcher in ``tools/neo4j`` (built on demand by ``tools/neo4j/build.sh``; needs Java 17+
and Maven). Everything the server writes lives under ``HOME/neo4j``::

    HOME/neo4j/data/                 databases, transaction logs
    HOME/neo4j/data/logs/debug.log   Neo4j's own log
    HOME/neo4j/logs/launcher.log     the JVM's stdout/stderr (previous run: launcher.log.1)
    HOME/neo4j/neo4j.pid             pid of the running JVM
    HOME/neo4j/server.json           pid, host, port and Bolt URI of the running JVM
    HOME/neo4j/password              generated password of user ``neo4j`` (mode 0600)

Typical use::

    from graph import neo4j_server
    uri = neo4j_server.start(home)          # e.g. "bolt://127.0.0.1:7687"
    auth = ("neo4j", neo4j_server.password(home))
    ...
    neo4j_server.stop(home)

Only the standard library is used. The password is never logged or printed.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Iterator

__all__ = [
    "Neo4jServerError",
    "TOOLS_DIR",
    "JVM_OPTIONS",
    "start",
    "stop",
    "status",
    "password",
    "memory_settings",
]

log = logging.getLogger(__name__)

#: Folder holding the launcher's pom.xml, build.sh and sources.
TOOLS_DIR = Path(__file__).resolve().parent.parent / "tools" / "neo4j"

_LAUNCHER_CLASS = "partygraph.Neo4jLauncher"
_LAUNCHER_CLASS_FILE = Path("target/classes/partygraph/Neo4jLauncher.class")

#: JVM options: the module openings that Neo4j's own start script passes (without them
#: Neo4j falls back to slower I/O paths and logs warnings).  The heap is set apart, by
#: :func:`memory_settings`: a load is one transaction, and Neo4j caps a transaction at 70% of
#: the heap, so the city's rosters (about 500,000 rows at scale 1) need several GiB.
JVM_OPTIONS: tuple[str, ...] = (
    "-Xms256m",
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-Dfile.encoding=UTF-8",
    "-Dlog4j2.disable.jmx=true",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)

_PASSWORD_ENV = "NEO4J_PASSWORD"
_MIN_PASSWORD_LENGTH = 8  # Neo4j's dbms.security.auth_minimum_password_length default
_LOG_TAIL_LINES = 40


class Neo4jServerError(RuntimeError):
    """Raised when the local Neo4j server cannot be built, started or stopped.

    The message says what went wrong and what to do about it.
    """


# --------------------------------------------------------------------------- paths


def _dirs(home: Path) -> dict[str, Path]:
    base = Path(home).expanduser().resolve() / "neo4j"
    return {
        "base": base,
        "data": base / "data",
        "logs": base / "logs",
        "launcher_log": base / "logs" / "launcher.log",
        "pid": base / "neo4j.pid",
        "state": base / "server.json",
        "password": base / "password",
        "lock": base / ".lock",
    }


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Holds an exclusive advisory lock on ``path`` (created if needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- password


def password(home: Path) -> str:
    """Returns the password of the Neo4j user ``neo4j`` for this home.

    The ``NEO4J_PASSWORD`` environment variable wins when set. Otherwise the password is
    read from the secrets file ``home/neo4j/password``, which is created on first call with
    a random ``secrets.token_urlsafe(18)`` value and file mode 0600. The server applies
    this password on every start, so changing it takes effect at the next ``start``.

    Args:
        home: The partygraph home folder.

    Returns:
        The password (never logged or printed by this module).

    Raises:
        Neo4jServerError: If the password is shorter than Neo4j's minimum (8 characters)
            or the secrets file cannot be read or created.
    """
    pw = os.environ.get(_PASSWORD_ENV)
    if not pw:
        path = _dirs(home)["password"]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pw = path.read_text(encoding="utf-8").strip()
            else:
                pw = secrets.token_urlsafe(18)
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(pw + "\n")
        except OSError as exc:
            raise Neo4jServerError(
                f"cannot read or create the Neo4j password file {path}: {exc.strerror}; "
                f"fix its permissions or set {_PASSWORD_ENV}"
            ) from exc
        if not pw:
            raise Neo4jServerError(
                f"the Neo4j password file {path} is empty; delete it to get a new random "
                f"password (the server applies it at its next start) or set {_PASSWORD_ENV}"
            )
        source = f"the password file {path}"
    else:
        source = f"the {_PASSWORD_ENV} environment variable"
    if len(pw) < _MIN_PASSWORD_LENGTH:
        raise Neo4jServerError(
            f"the Neo4j password from {source} is too short: Neo4j requires at least "
            f"{_MIN_PASSWORD_LENGTH} characters"
        )
    return pw


# --------------------------------------------------------------------------- process helpers

# Popen objects of servers started by this Python process, so that they can be reaped.
_children: dict[int, subprocess.Popen] = {}


def _read_pid(paths: dict[str, Path]) -> int | None:
    try:
        return int(paths["pid"].read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def _read_state(paths: dict[str, Path]) -> dict:
    try:
        return json.loads(paths["state"].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _is_alive(pid: int) -> bool:
    """True if ``pid`` is a live (non-zombie) process running our launcher."""
    child = _children.get(pid)
    if child is not None:
        # Started by this process: poll() is the truth.  The /proc check below is a guess, and on a
        # busy machine it once took a JVM that was still starting for dead: the start gave up and
        # cleared the pid file of a server that went on running.
        if child.poll() is None:
            return True
        _children.pop(pid, None)
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else; checked below when /proc is there
    proc = Path("/proc") / str(pid)
    if proc.is_dir():
        try:
            stat = (proc / "stat").read_text()
            if stat.rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                with contextlib.suppress(ChildProcessError, OSError):
                    os.waitpid(pid, os.WNOHANG)
                return False
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            return False
        # guards against a recycled pid
        return _LAUNCHER_CLASS.encode() in cmdline
    return True


def _connect_host(host: str) -> str:
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if host in ("::", "[::]"):
        return "::1"
    return host.strip("[]")


def _uri(host: str, port: int) -> str:
    h = _connect_host(host)
    if ":" in h:
        h = f"[{h}]"
    return f"bolt://{h}:{port}"


def _port_answers(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((_connect_host(host), port), timeout=timeout):
            return True
    except OSError:
        return False


def _port_bindable(host: str, port: int) -> bool:
    h = host.strip("[]") or "0.0.0.0"
    family = socket.AF_INET6 if ":" in h else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((h, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise Neo4jServerError(
                f"cannot listen on {host}:{port}: {exc.strerror}; pass a local address as host"
            ) from exc
    return True


def _log_tail(path: Path, lines: int = _LOG_TAIL_LINES) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no launcher log)"
    return "\n".join(text.splitlines()[-lines:]) or "(launcher log is empty)"


def _log_has_ready(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return any(line.startswith("READY ") for line in fh)
    except OSError:
        return False


def _memory_size(variable: str, default: str) -> str:
    """A memory size such as ``6g`` or ``4096m`` from the environment variable ``variable``."""
    size = os.environ.get(variable, default).strip()
    if not size[:-1].isdigit() or size[-1].lower() not in "mg":
        raise Neo4jServerError(f"{variable} must look like {default} or 4096m, not {size!r}")
    return size


def memory_settings() -> dict[str, str]:
    """The heap and page cache the local Neo4j starts with.

    The heap is PARTYGRAPH_NEO4J_HEAP (default 6g; the JVM takes only what it uses).  The
    page cache is PARTYGRAPH_NEO4J_PAGECACHE (default 512m): the scale-1 store (260 MB) fits,
    and a bigger one is still read from the system's file cache, which at scale 10 (2.5 GB)
    made the whole-city queries only ~5% slower than with 4g.
    """
    return {"heap": _memory_size("PARTYGRAPH_NEO4J_HEAP", "6g"),
            "page_cache": _memory_size("PARTYGRAPH_NEO4J_PAGECACHE", "512m")}


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    java = shutil.which("java")
    if java is None:
        raise Neo4jServerError(
            "java not found: install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless) "
            "or set JAVA_HOME"
        )
    return java


def _ensure_built() -> None:
    """Runs tools/neo4j/build.sh under a lock.

    build.sh returns in milliseconds when target/ is newer than pom.xml and the sources, so
    it is run on every start: a missing launcher gets built, a changed pom gets rebuilt.
    """
    build = TOOLS_DIR / "build.sh"
    if not build.is_file():
        raise Neo4jServerError(f"{build} is missing: the partygraph checkout is incomplete")
    (TOOLS_DIR / "target").mkdir(exist_ok=True)
    with _locked(TOOLS_DIR / "target" / ".build.lock"):
        log.debug("running %s", build)
        proc = subprocess.run(
            ["bash", str(build)],
            cwd=TOOLS_DIR,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.returncode != 0 or not (TOOLS_DIR / _LAUNCHER_CLASS_FILE).is_file():
        out = "\n".join((proc.stdout + proc.stderr).splitlines()[-_LOG_TAIL_LINES:])
        raise Neo4jServerError(
            f"building the Neo4j launcher failed (bash {build} exited {proc.returncode}); "
            f"it needs java 17+, mvn and access to Maven Central. Output:\n{out}"
        )


def _classpath() -> str:
    return os.pathsep.join(
        [str(TOOLS_DIR / "target" / "classes"), str(TOOLS_DIR / "target" / "lib" / "*")]
    )


def _clear_pid(paths: dict[str, Path]) -> None:
    for key in ("pid", "state"):
        with contextlib.suppress(FileNotFoundError):
            paths[key].unlink()


def _wait_exit(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    child = _children.get(pid)
    while True:
        if child is not None:
            try:
                child.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                pass
            else:
                _children.pop(pid, None)
                return True
        elif not _is_alive(pid):
            return True
        else:
            time.sleep(0.1)
        if time.monotonic() >= deadline:
            return False


def _terminate(pid: int, timeout: float) -> bool:
    """SIGTERM, wait up to ``timeout``; SIGKILL if needed. True if it stopped cleanly."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if _wait_exit(pid, timeout):
        return True
    log.warning("Neo4j (pid %d) did not stop within %.0f s; killing it", pid, timeout)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _wait_exit(pid, 10)
    return False


# --------------------------------------------------------------------------- public API


def status(home: Path) -> dict:
    """Tells whether the Neo4j server of this home is running.

    Args:
        home: The partygraph home folder.

    Returns:
        A dict with keys ``running`` (bool: the server's JVM is alive; it may still be
        starting), ``pid`` (int or None), ``uri`` (the Bolt URI, or None when not running)
        and ``data_dir`` (str: the data folder, whether or not it exists yet).
    """
    paths = _dirs(home)
    pid = _read_pid(paths)
    running = pid is not None and _is_alive(pid)
    uri = None
    if running:
        state = _read_state(paths)
        uri = state.get("uri") if state.get("pid") == pid else None
    return {
        "running": running,
        "pid": pid if running else None,
        "uri": uri,
        "data_dir": str(paths["data"]),
    }


def start(
    home: Path, port: int = 7687, host: str = "127.0.0.1", timeout: float = 120
) -> str:
    """Starts the local Neo4j server for this home, or finds it already running.

    Builds the launcher first if needed (``tools/neo4j/build.sh``), then starts the JVM
    detached in its own session with data in ``home/neo4j/data``, stdout/stderr in
    ``home/neo4j/logs/launcher.log`` and its pid in ``home/neo4j/neo4j.pid``. The
    password of user ``neo4j`` is ``password(home)``, passed to the JVM in the
    ``NEO4J_PASSWORD`` environment variable. Returns only once the launcher reported
    ready (password applied) and Bolt accepts TCP connections.

    Args:
        home: The partygraph home folder (created if missing).
        port: TCP port for Bolt.
        host: Address Bolt listens on; the default keeps it local to this machine.
        timeout: Seconds to wait for the server to become ready.

    Returns:
        The Bolt URI, e.g. ``"bolt://127.0.0.1:7687"``.

    Raises:
        Neo4jServerError: If the build fails, the port is taken by another process, the
            server of this home already runs on another address, the JVM dies while
            starting (the message carries the end of its log), or it is not ready within
            ``timeout`` (it is then stopped).
    """
    paths = _dirs(home)
    paths["base"].mkdir(parents=True, exist_ok=True)
    with _locked(paths["lock"]):
        uri = _uri(host, port)
        pid = _read_pid(paths)
        if pid is not None and _is_alive(pid):
            state = _read_state(paths)
            running_uri = state.get("uri")
            if running_uri and running_uri != uri:
                raise Neo4jServerError(
                    f"the Neo4j server of {home} already runs at {running_uri} (pid {pid}); "
                    f"use that URI, or stop it first with neo4j_server.stop(home)"
                )
            # ours and alive: just wait until it answers (it may still be starting)
            return _wait_ready(paths, pid, host, port, timeout, started_here=False)
        _clear_pid(paths)

        if _port_answers(host, port) or not _port_bindable(host, port):
            raise Neo4jServerError(
                f"port {port} on {host} is already in use by another process (not the Neo4j "
                f"server of {home}); stop that process or start with another port, "
                f"e.g. start(home, port=7688)"
            )

        pw = password(home)
        _ensure_built()
        java = _java()

        paths["data"].mkdir(parents=True, exist_ok=True)
        paths["logs"].mkdir(parents=True, exist_ok=True)
        launcher_log = paths["launcher_log"]
        if launcher_log.exists():
            launcher_log.replace(launcher_log.with_name(launcher_log.name + ".1"))

        env = dict(os.environ)
        env[_PASSWORD_ENV] = pw
        memory = memory_settings()
        cmd = [
            java,
            *JVM_OPTIONS,
            f"-Xmx{memory['heap']}",
            f"-Dpartygraph.neo4j.pagecache={memory['page_cache']}",
            "-cp",
            _classpath(),
            _LAUNCHER_CLASS,
            str(paths["data"]),
            str(port),
            host,
        ]
        with open(launcher_log, "wb") as out:
            proc = subprocess.Popen(
                cmd,
                cwd=paths["base"],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                close_fds=True,
            )
        _children[proc.pid] = proc
        paths["pid"].write_text(f"{proc.pid}\n", encoding="ascii")
        paths["state"].write_text(
            json.dumps({"pid": proc.pid, "host": host, "port": port, "uri": uri}) + "\n",
            encoding="utf-8",
        )
        log.info("starting Neo4j (pid %d) at %s, data in %s", proc.pid, uri, paths["data"])
        return _wait_ready(paths, proc.pid, host, port, timeout, started_here=True)


def _wait_ready(
    paths: dict[str, Path], pid: int, host: str, port: int, timeout: float, started_here: bool
) -> str:
    uri = _uri(host, port)
    deadline = time.monotonic() + timeout
    launcher_log = paths["launcher_log"]
    while True:
        if not _is_alive(pid):
            _clear_pid(paths)
            tail = _log_tail(launcher_log)
            hint = ""
            if "already in use" in tail or "BindException" in tail:
                hint = f" Port {port} is taken: start with another port."
            elif "StoreLockException" in tail or "FileLockException" in tail:
                hint = f" Another process holds the store lock of {paths['data']}."
            raise Neo4jServerError(
                f"Neo4j exited while starting.{hint} See {launcher_log} and "
                f"{paths['data'] / 'logs' / 'debug.log'}. Last lines of the launcher log:\n{tail}"
            )
        if _log_has_ready(launcher_log) and _port_answers(host, port):
            return uri
        if time.monotonic() >= deadline:
            tail = _log_tail(launcher_log)
            if started_here:
                _terminate(pid, 30)
                _clear_pid(paths)
                what = "it was stopped again"
            else:
                what = "it is still running"
            raise Neo4jServerError(
                f"Neo4j (pid {pid}) did not become ready at {uri} within {timeout:.0f} s "
                f"({what}); retry with a larger timeout, and see {launcher_log}. "
                f"Last lines of the launcher log:\n{tail}"
            )
        time.sleep(0.25)


def stop(home: Path, timeout: float = 60) -> bool:
    """Stops the Neo4j server of this home.

    Sends SIGTERM (the launcher then shuts the databases down cleanly), waits for the JVM
    to exit and removes the pid file. If it has not exited after ``timeout`` seconds it is
    killed (the next start then runs Neo4j's recovery) and a warning is logged.

    Args:
        home: The partygraph home folder.
        timeout: Seconds to wait for a clean exit.

    Returns:
        True if a running server was stopped, False if none was running.
    """
    paths = _dirs(home)
    if not paths["base"].is_dir():
        return False
    with _locked(paths["lock"]):
        pid = _read_pid(paths)
        if pid is None or not _is_alive(pid):
            _clear_pid(paths)
            return False
        log.info("stopping Neo4j (pid %d)", pid)
        _terminate(pid, timeout)
        _clear_pid(paths)
        return True
