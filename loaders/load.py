"""Load validated input into the graph with the Cypher loaders, all or nothing.

Each input file has one loader, ``loaders/<name>.cypher`` (``UNWIND $rows AS r … MERGE``),
run in batches inside one atomic unit of the backend: one Neo4j transaction, or a
staged copy swapped in on the embedded backend.  Loading the same files twice changes
nothing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from graph.backend import Backend
from graph.schema import apply_schema
from graph.statements import read_statements
from graph.stats import graph_stats
from loaders.input_files import INPUT_FILES
from loaders.problems import InputError, Problem
from loaders.reader import read_input
from loaders.validate import ValidatedInput, validate_tables

__all__ = ["LoadReport", "LOADERS", "DEFAULT_BATCH_SIZE", "check_path", "load_path", "load_validated"]

LOADERS = read_statements(Path(__file__).parent)
DEFAULT_BATCH_SIZE = 5000
_ORDER = [f.name for f in INPUT_FILES]


@dataclass
class LoadReport:
    """What a load did: rows read per file, nodes and relationships created, warnings, seconds."""

    rows: dict[str, int] = field(default_factory=dict)
    nodes_created: dict[str, int] = field(default_factory=dict)
    relationships_created: dict[str, int] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        """Rows loaded over all files."""
        return sum(self.rows.values())


def _difference(after: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    keys = sorted(set(after) | set(before))
    return {k: after.get(k, 0) - before.get(k, 0) for k in keys if after.get(k, 0) != before.get(k, 0)}


def check_path(db: Backend | None, path: Path, replace: bool = False) -> ValidatedInput:
    """Read and validate ``path`` against ``db`` without writing anything."""
    tables, read_problems = read_input(Path(path))
    return validate_tables(tables, None if replace else db, read_problems)


def load_validated(db: Backend, validated: ValidatedInput, batch_size: int = DEFAULT_BATCH_SIZE,
                   replace: bool = False,
                   progress: Callable[[str, int], None] | None = None) -> LoadReport:
    """Write already validated rows through the loaders, atomically.

    Args:
        db: the graph.
        validated: output of :func:`check_path` with no errors.
        batch_size: rows per ``UNWIND $rows`` statement.
        replace: empty the graph first (in the same atomic unit).
        progress: called as ``progress(file_name, rows_done)`` after every batch.
    """
    if not validated.ok:
        raise InputError(validated.problems)
    if batch_size < 1:
        raise ValueError("batch size must be at least 1")
    started = time.perf_counter()
    apply_schema(db)
    before = graph_stats(db)
    with db.atomic() as writer:
        if replace:
            writer.run("MATCH (n) DETACH DELETE n")
        for name in sorted(validated.rows, key=_ORDER.index):
            rows = validated.rows[name]
            statement = LOADERS[name].text_for(db.dialect.name)
            for start in range(0, len(rows), batch_size):
                batch = rows[start:start + batch_size]
                writer.run(statement, {"rows": batch})
                if progress:
                    progress(name, len(batch))
    after = graph_stats(db)
    return LoadReport(
        rows={name: len(rows) for name, rows in validated.rows.items()},
        nodes_created=_difference(after["nodes"], before["nodes"]),
        relationships_created=_difference(after["relationships"], before["relationships"]),
        warnings=[p for p in validated.problems if p.severity != "error"],
        seconds=time.perf_counter() - started,
    )


def load_path(db: Backend, path: Path, batch_size: int = DEFAULT_BATCH_SIZE, replace: bool = False,
              progress: Callable[[str, int], None] | None = None) -> LoadReport:
    """Validate every file under ``path`` (a CSV folder or an ``.xlsx`` workbook), then load it.

    Raises:
        InputError: the input has errors; the graph is exactly as it was.

    Example:
        >>> report = load_path(db, Path("demo"))  # doctest: +SKIP
        >>> report.total_rows  # doctest: +SKIP
        412345
    """
    validated = check_path(db, path, replace=replace)
    return load_validated(db, validated, batch_size=batch_size, replace=replace, progress=progress)
