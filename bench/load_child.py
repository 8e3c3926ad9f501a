"""One timed load in a process of its own: ``python -m bench.load_child FOLDER BATCH_SIZE``.

The database comes from the environment (PARTYGRAPH_BACKEND, PARTYGRAPH_HOME …), as for
``partygraph load``.  Reads and validates the folder once alone (``check_seconds``), then
loads it with ``load_path(…, replace=True)`` (``seconds``; the load validates again, and
writes each file while the next is checked: ``write_seconds`` is what the load takes
beyond reading and validation).  Prints one JSON line with these, rows, nodes and
relationships created, ``settled_seconds`` (until the embedded backend has also compacted its data
file and freed the graph the load replaced, which it does once the load has committed), CPU seconds of the load and the peak memory of this process —
which is then the loader's own, not the benchmark's.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    """Load ``argv[0]`` with replace, print the figures as JSON."""
    from graph.backend import open_backend
    from graph.config import load_settings
    from loaders.load import check_path, load_path

    folder, batch_size = Path(argv[0]), int(argv[1])
    with open_backend(load_settings()) as db:
        started = time.perf_counter()
        check_path(None, folder)  # reading and validation alone, to know their share
        check_seconds = time.perf_counter() - started
        cpu = time.process_time()
        started = time.perf_counter()
        report = load_path(db, folder, batch_size=batch_size, replace=True)
        seconds = time.perf_counter() - started
        db.wait_until_settled()
        settled_seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
    print(json.dumps({
        "seconds": seconds,
        "settled_seconds": settled_seconds,
        "write_seconds": seconds - check_seconds,
        "check_seconds": check_seconds,
        "rows": report.total_rows,
        "nodes_created": sum(report.nodes_created.values()),
        "relationships_created": sum(report.relationships_created.values()),
        "loader_cpu_seconds": cpu,
        "loader_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
