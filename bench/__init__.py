"""``partygraph bench``: how fast the graph loads, answers and draws, on both backends.

One run measures, per backend (``embedded``, ``neo4j``), on the demo set at a scale::

    {"embedded": {
        "scale": 1, "data": "...", "versions": {"python": ..., "falkordblite": ..., "falkordb_module": ...},
        "machine": {...}, "notes": [...], "repeat": {...},
        "load": {"rows_per_s", "naive_rows_per_s", "bound_rows_per_s", "seconds",
                 "check_seconds", "write_seconds", "write_rows_per_s", "nodes_per_s",
                 "relationships_per_s", "sample_rows_per_s", "sample_merge_rows_per_s",
                 "replace_seconds", "cpu_seconds", "runs", ...},
        "queries": {"<name>": {"p50_ms", "p95_ms", "runs", "rows", "params"} | {"error"}},
        "pages": {"<page>": {"ms", "warm_ms", "runs"}} | "not measured: <why>",
        "memory": {"loader_mb", "db_mb", "db_after_load_mb"},
        "restart": {"page", "ms", "warm_up_s", "after_warm_up_ms"} | "not measured: <why>"},
     "neo4j": {... "versions": {"neo4j_server": ...} ...}}

See :mod:`bench.loading` for what naive, loader and bound mean, :mod:`bench.querying`
for the parameters the queries get, :mod:`bench.pages` for cold and warm renders and the
first page after a restart (``warm_up_s`` and ``after_warm_up_ms`` for Neo4j only).
``bench/RESULTS.md`` holds the tables of the last full run.
"""
