"""Sub-commands for asking questions: ``query``, ``coverage``, ``figures``, ``analytics``, ``export``."""

from __future__ import annotations

import datetime
from pathlib import Path

from graph.output import FORMATS, progress_bar, render, to_json

__all__ = ["register"]


def _open(args):
    from graph.backend import open_backend
    from graph.config import load_settings

    return open_backend(load_settings(args.backend))


def _parse_params(pairs: list[str]) -> dict[str, str]:
    from graph.errors import EXIT_BAD_INPUT, UserError

    params = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UserError(f"parameter {pair!r} is not key=value", EXIT_BAD_INPUT)
        params[key.strip()] = value
    return params


def _date(text: str | None) -> datetime.date | None:
    from graph.errors import EXIT_BAD_INPUT, UserError

    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--as-of must be a date YYYY-MM-DD, got {text!r}", EXIT_BAD_INPUT) from None


def cmd_query(args) -> None:
    """List the catalogue or run one query."""
    from graph.errors import EXIT_BAD_INPUT, UserError
    from graph.privacy import mask_rows
    from queries.catalogue import ParameterError, UnknownQuery, get_query, list_queries, run_query

    if args.list or not args.name:
        entries = list_queries()
        if args.format == "json":
            print(to_json(entries))
        else:
            print(render([{"name": e["name"], "rule": e["rule"], "title": e["title_zh"], "title_en": e["title_en"],
                           "parameters": ", ".join(p["name"] for p in e["parameters"])} for e in entries],
                         args.format))
        return
    try:
        statement = get_query(args.name)
        params = _parse_params(args.param)
        statement.bind(params)  # report a bad parameter before connecting
        with _open(args) as db:
            rows = run_query(db, args.name, params)
    except (UnknownQuery, ParameterError) as error:
        raise UserError(str(error), EXIT_BAD_INPUT) from None
    if not args.show_personal:
        rows = mask_rows(rows, statement.sensitive_columns)
    print(render(rows, args.format))


def cmd_coverage(args) -> None:
    """The rule table R1–R12."""
    from queries.coverage import coverage_table

    with _open(args) as db:
        table = coverage_table(db, as_of=_date(args.as_of))
    if args.format == "json":
        print(to_json([{k: row[k] for k in ("rule", "title", "checked", "gaps", "share")} for row in table]))
    else:
        print(render([{"rule": r["rule"], "title": r["title"], "checked": r["checked"], "gaps": r["gaps"],
                       "share": f"{r['share']:.1%}"} for r in table], args.format))


def cmd_figures(args) -> None:
    """The seed's headline figures counted from the graph."""
    from queries.figures import SEED_FIGURES, headline_figures

    with _open(args) as db:
        figures = headline_figures(db, as_of=_date(args.as_of))
    if args.format == "json":
        print(to_json(figures))
        return
    print(render([{"key": key, "figure": SEED_FIGURES[key][1], "graph": value, "seed": SEED_FIGURES[key][0]}
                  for key, value in figures.items()], args.format))


def cmd_analytics(args) -> None:
    """Run one networkx analysis."""
    from graph.errors import EXIT_BAD_INPUT, UserError
    from queries.analytics import ANALYSES, run_analysis

    if args.list or not args.name:
        print(render([{"name": k, "title": v[0], "title_en": v[1]} for k, v in ANALYSES.items()], args.format))
        return
    if args.name not in ANALYSES:
        raise UserError(f"no analysis called {args.name!r}; choose one of {', '.join(ANALYSES)}", EXIT_BAD_INPUT)
    with _open(args) as db:
        rows = run_analysis(db, args.name, _parse_params(args.param))
    print(render(rows, args.format))


def cmd_export(args) -> None:
    """Export the graph or a neighbourhood."""
    from queries.export import export_graph

    with _open(args) as db:
        result = export_graph(db, args.format, Path(args.out), around=args.around, depth=args.depth,
                              show_personal=args.show_personal)
    print(f"wrote {result['nodes']:,} nodes and {result['relationships']:,} relationships to {result['path']}")


def warm_up_with_progress(db) -> None:
    """Run the warm-up of :mod:`queries.warm_up` with a progress bar; print what it took."""
    from queries.warm_up import warm_up, warm_up_queries

    bar, update = progress_bar(len(warm_up_queries()), "预热查询 warming up queries", unit="条")
    try:
        seconds = warm_up(db, progress=lambda name: update(name, 1))
    finally:
        bar.close()
    slowest = max(seconds, key=seconds.get)
    print(f"warmed up {len(seconds)} catalogue queries in {sum(seconds.values()):.1f} s "
          f"(slowest: {slowest}, {seconds[slowest]:.1f} s)")


def cmd_warm_up(args) -> None:
    """Run every catalogue query once, so that a freshly started server answers at full speed."""
    with _open(args) as db:
        warm_up_with_progress(db)


def register(add) -> None:
    """Add the question-asking sub-commands to the ``partygraph`` parser."""
    query = add("query", cmd_query, "list the query catalogue, or run one query by name")
    query.add_argument("name", nargs="?")
    query.add_argument("--list", action="store_true")
    query.add_argument("-p", "--param", action="append", metavar="KEY=VALUE", help="a parameter; repeat as needed")
    query.add_argument("--format", choices=FORMATS, default="table")
    query.add_argument("--show-personal", action="store_true", help="show members' names unmasked")
    coverage = add("coverage", cmd_coverage, "the R1–R12 rule table: checked, gaps, share that holds")
    coverage.add_argument("--as-of", help="read the rules at this date (YYYY-MM-DD; default today)")
    coverage.add_argument("--format", choices=("table", "json"), default="table")
    figures = add("figures", cmd_figures, "the seed's headline figures counted from the graph")
    figures.add_argument("--as-of")
    figures.add_argument("--format", choices=("table", "json"), default="table")
    analytics = add("analytics", cmd_analytics, "networkx analyses: articulation points, load, centrality, candidates")
    analytics.add_argument("name", nargs="?")
    analytics.add_argument("--list", action="store_true")
    analytics.add_argument("-p", "--param", action="append", metavar="KEY=VALUE")
    analytics.add_argument("--format", choices=FORMATS, default="table")
    export = add("export", cmd_export, "write the graph or a neighbourhood as GraphML, GEXF or JSON")
    export.add_argument("out")
    export.add_argument("--format", choices=("graphml", "gexf", "json"), default="graphml")
    export.add_argument("--around", help="id of the node whose neighbourhood to export")
    export.add_argument("--depth", type=int, default=2)
    export.add_argument("--show-personal", action="store_true")
    add("warm-up", cmd_warm_up, "run every catalogue query once, so that a freshly started Neo4j answers "
                                "the explorer's first pages at full speed (`neo4j start` does it itself)")
