"""The ``bench`` sub-command: ``partygraph bench [--scale 1] [--backend embedded|neo4j|both] [--out FILE.json]``."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["register", "cmd_bench"]

RESULTS_MD = Path(__file__).parent / "RESULTS.md"


def cmd_bench(args) -> None:
    """Run the benchmark, write the JSON and the Markdown tables, print the tables."""
    from bench.run import PARTS, BenchOptions, run_bench, write_outputs
    from graph.errors import UserError

    chosen = args.bench_backend or args.backend or "both"
    backends = ("embedded", "neo4j") if chosen == "both" else (chosen,)
    parts = tuple(p.strip() for p in args.parts.split(",") if p.strip())
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        raise UserError(f"--parts: unknown {', '.join(unknown)}; choose from {', '.join(PARTS)}", 2)
    if args.scale < 1:
        raise UserError("--scale must be at least 1 (use --data for a smaller input folder)", 2)
    options = BenchOptions(
        scale=args.scale, backends=backends, data=Path(args.data) if args.data else None,
        repeat=args.repeat, sample=args.sample, sample_repeat=args.sample_repeat, runs=args.runs,
        page_repeat=args.page_repeat, batch_size=args.batch_size, parts=parts,
        queries=set(args.query) if args.query else None, wipe_remote=args.wipe_remote,
    )
    try:
        results = run_bench(options)
    except RuntimeError as error:
        raise UserError(str(error)) from error
    markdown_path = None if args.markdown == "-" else Path(args.markdown)
    print(write_outputs(results, Path(args.out) if args.out else None, markdown_path))
    if args.out:
        print(f"figures: {args.out}", file=sys.stderr)
    if markdown_path:
        print(f"tables: {markdown_path}", file=sys.stderr)


def register(add) -> None:
    """Add ``bench`` to the ``partygraph`` parser."""
    bench = add("bench", cmd_bench,
                "measure loading, every catalogue query and the explorer's pages on both backends")
    bench.add_argument("--scale", type=int, default=1, help="demo scale (1: the seed's city, ~480,000 rows)")
    bench.add_argument("--backend", dest="bench_backend", choices=("embedded", "neo4j", "both"), default=None,
                       help="which backend(s) (default both; a local Neo4j is started unless NEO4J_URI is set)")
    bench.add_argument("--out", help="write the figures as JSON to this file")
    bench.add_argument("--markdown", default=str(RESULTS_MD),
                       help="write the Markdown tables here ('-': nowhere; default bench/RESULTS.md)")
    bench.add_argument("--data", help="bench this input folder instead of the demo set (e.g. the test fixture)")
    bench.add_argument("--repeat", type=int, default=3, help="full loads per backend (median)")
    bench.add_argument("--sample", type=int, default=10_000,
                       help="rows of households, members and memberships for naive vs loader vs bound")
    bench.add_argument("--sample-repeat", type=int, default=3, help="runs of the sample comparison (median)")
    bench.add_argument("--runs", type=int, default=20, help="timed runs per catalogue query (p50/p95)")
    bench.add_argument("--page-repeat", type=int, default=3, help="cold renders per explorer page (median)")
    bench.add_argument("--batch-size", type=int, default=5000, help="rows per UNWIND statement")
    bench.add_argument("--parts", default="load,replace,queries,pages,restart",
                       help="what to measure: load (always), replace (a reload onto the loaded graph), "
                            "queries, pages, restart (the first page after the database restarted)")
    bench.add_argument("--query", action="append", help="only this catalogue query (repeatable)")
    bench.add_argument("--wipe-remote", action="store_true",
                       help="allow replacing the graph of the non-empty server at NEO4J_URI")
