"""Settings read from the environment, with the defaults a newcomer needs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Settings", "load_settings", "BACKENDS"]

BACKENDS = ("embedded", "neo4j")


@dataclass(frozen=True)
class Settings:
    """Where the data lives and how to reach the database.

    Attributes:
        backend: ``embedded`` (FalkorDB in the Python wheel, the default) or ``neo4j``.
        home: folder for the embedded data, the local Neo4j and the secrets file.
        graph_name: name of the graph inside the embedded database.
        neo4j_uri: Bolt or routing URI (``neo4j://`` routes reads to readers).
        neo4j_user: Neo4j user name.
        neo4j_database: Neo4j database name.
        neo4j_transaction_rows: the most input rows one Neo4j load transaction holds.  Neo4j keeps
            a transaction's changes in its heap (scale 1, ~480,000 rows, fits in the local
            server's 6 GB); a larger load into an *empty* graph commits batch by batch instead.
        neo4j_commit_wait_seconds: how long a Neo4j read waits for a load's commit to finish
            before it gives up with a clear error (reads never see a commit half applied).
    """

    backend: str = "embedded"
    home: Path = Path(".partygraph")
    graph_name: str = "partygraph"
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_database: str = "neo4j"
    neo4j_transaction_rows: int = 600_000
    neo4j_commit_wait_seconds: int = 600

    def neo4j_password(self) -> str:
        """The Neo4j password: ``NEO4J_PASSWORD``, else the local secrets file under ``home``."""
        from graph import neo4j_server

        return neo4j_server.password(self.home)


def load_settings(backend: str | None = None) -> Settings:
    """Settings from the environment; ``backend`` overrides ``PARTYGRAPH_BACKEND``.

    Example:
        >>> load_settings("neo4j").backend
        'neo4j'
    """
    chosen = backend or os.environ.get("PARTYGRAPH_BACKEND") or "embedded"
    if chosen not in BACKENDS:
        raise ValueError(f"unknown backend {chosen!r}: choose one of {', '.join(BACKENDS)}")
    return Settings(
        backend=chosen,
        home=Path(os.environ.get("PARTYGRAPH_HOME", ".partygraph")).resolve(),
        graph_name=os.environ.get("PARTYGRAPH_GRAPH", "partygraph"),
        neo4j_uri=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
        neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
        neo4j_database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        neo4j_transaction_rows=_positive_int("PARTYGRAPH_NEO4J_TRANSACTION_ROWS", 600_000),
        neo4j_commit_wait_seconds=_positive_int("PARTYGRAPH_NEO4J_COMMIT_WAIT", 600),
    )


def _positive_int(variable: str, default: int) -> int:
    text = os.environ.get(variable, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{variable} must be a whole number of at least 1, got {text!r}")
    return int(text)
