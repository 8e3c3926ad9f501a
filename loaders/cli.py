"""Sub-commands for data in: ``load``, ``refresh``, ``check``, ``template`` and ``demo``."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from graph.output import progress_bar, render

__all__ = ["register"]


def run_load(db, path: Path, batch_size: int, replace: bool) -> int:
    """Validate and load ``path`` with a progress bar; print the report; return the exit code.

    The files are checked while they are written (:func:`loaders.load.load_input`); bad input
    abandons the load, so nothing is written.
    """
    from graph.errors import EXIT_BAD_INPUT
    from loaders.load import load_input
    from loaders.problems import InputError, format_problems
    from loaders.reader import open_input

    reading = open_input(path)
    db.closes_after_load = True  # the command ends with the load
    bar, update = progress_bar(reading.estimated_rows, "导入 loading", unit="行")
    try:
        report = load_input(db, reading, batch_size=batch_size, replace=replace, progress=update)
    except InputError as error:
        bar.close()
        print(format_problems(error.problems), file=sys.stderr)
        print("没有写入任何数据 nothing was loaded", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        bar.close()
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    created = [{"kind": "节点 node", "name": k, "created": v} for k, v in report.nodes_created.items()]
    created += [{"kind": "关系 relationship", "name": k, "created": v} for k, v in report.relationships_created.items()]
    print(render(created) if created else "nothing new: the graph already held every row")
    new_things = sum(report.nodes_created.values()) + sum(report.relationships_created.values())
    print(f"创建 created {new_things:,} nodes and relationships; "
          f"the other rows matched what the graph held and were updated in place")
    print(f"{report.total_rows:,} rows from {len(report.rows)} files in {report.seconds:.1f} s "
          f"({report.total_rows / max(report.seconds, 1e-9):,.0f} rows/s) on {db.name}")
    if db.settling():
        print("数据已可查询;正在整理数据文件并释放旧图 the data can be queried; compacting the data file and "
              "freeing the old graph …", file=sys.stderr, flush=True)
        db.wait_until_settled()
    return 0


def cmd_load(args) -> None:
    """Load a folder of CSV files or a workbook."""
    from graph.backend import open_backend
    from graph.errors import UserError
    from graph.config import load_settings

    with open_backend(load_settings(args.backend)) as db:
        code = run_load(db, Path(args.path), args.batch_size, args.replace)
    if code:
        raise UserError("the input has errors (listed above)", code)


def cmd_refresh(args) -> None:
    """Work out again the counts each load keeps, from the graph."""
    from graph.backend import open_backend
    from graph.config import load_settings
    from loaders.load import refresh_counts
    from loaders.rollups import missing_counts

    with open_backend(load_settings(args.backend)) as db:
        lacking = missing_counts(db)
        print("正在从图中重新计算统计 working the counts out from the graph (about half a minute for a city) …",
              file=sys.stderr, flush=True)
        written = refresh_counts(db, batch_size=args.batch_size)
    if lacking:
        print(f"这些节点缺少本版本保存的统计,已补上 counts this version keeps were missing on: {', '.join(lacking)}")
    print(f"已重新计算 counts worked out again: {written['buildings']:,} buildings, "
          f"{written['communities']:,} communities, {written['members']:,} members changed on {db.name}")


def cmd_check(args) -> None:
    """Validate without loading."""
    from graph.backend import open_backend
    from graph.errors import EXIT_BAD_INPUT, UserError
    from graph.config import load_settings
    from loaders.load import check_path
    from loaders.problems import format_problems

    with open_backend(load_settings(args.backend)) as db:
        validated = check_path(db, Path(args.path))
    print(format_problems(validated.problems))
    if not validated.ok:
        raise UserError("the input has errors", EXIT_BAD_INPUT)


def cmd_template(args) -> None:
    """Write empty templates."""
    from loaders.template import write_templates

    for path in write_templates(Path(args.out), workbook=args.xlsx, language=args.lang):
        print(path)


def cmd_demo(args) -> None:
    """Generate the demo data set, and load it if asked."""
    from graph.errors import UserError
    from loaders.demo import generate

    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="partygraph-demo-"))
    counts = generate(out, scale=args.scale, seed=args.seed, gaps=args.gaps)
    print(f"demo data: {sum(counts.values()):,} rows in {len(counts)} files under {out}")
    if args.load:
        from graph.backend import open_backend
        from graph.config import load_settings

        with open_backend(load_settings(args.backend)) as db:
            code = run_load(db, out, args.batch_size, replace=True)
        if code:
            raise UserError("the demo data did not validate (a bug: please report it)", code)


def register(add) -> None:
    """Add the data-in sub-commands to the ``partygraph`` parser."""
    from loaders.load import DEFAULT_BATCH_SIZE

    load = add("load", cmd_load, "validate and load a folder of CSV files or an .xlsx workbook")
    load.add_argument("path")
    load.add_argument("--replace", action="store_true", help="replace the whole graph with this input")
    load.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    refresh = add("refresh", cmd_refresh, "work out again the counts each load keeps on buildings, communities "
                  "and members: after upgrading partygraph, or changing the graph with another tool")
    refresh.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    check = add("check", cmd_check, "validate a folder or workbook without loading it")
    check.add_argument("path")
    template = add("template", cmd_template, "write empty input templates (CSV folder or --xlsx workbook)")
    template.add_argument("out")
    template.add_argument("--xlsx", action="store_true")
    template.add_argument("--lang", choices=("zh", "en"), default="zh", help="header language")
    demo = add("demo", cmd_demo, "generate a synthetic data set calibrated to the seed (Wuzhou, 2021)")
    demo.add_argument("--scale", type=int, default=1)
    demo.add_argument("--seed", type=int, default=42)
    demo.add_argument("--gaps", type=float, default=0.05, help="share of records removed or broken")
    demo.add_argument("--out", help="folder for the CSV files (default: a new temporary folder)")
    demo.add_argument("--load", action="store_true", help="load it, replacing the graph")
    demo.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
