"""The ``partygraph`` command line.

Each sub-command is a small function; errors the user can act on are printed as one
line (no traceback) and the exit code says what happened: 0 fine, 1 error, 2 bad input.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import Callable

from graph.backend import BackendError, open_backend
from graph.config import BACKENDS, load_settings
from graph.errors import EXIT_BAD_INPUT, EXIT_ERROR, UserError
from graph.output import FORMATS, render, to_json

__all__ = ["main", "build_parser"]



def _open(args):
    return open_backend(load_settings(args.backend))


# --- commands ------------------------------------------------------------------------

def cmd_init(args) -> None:
    """Create the constraints and indexes (idempotent)."""
    from graph.schema import apply_schema, describe_schema

    with _open(args) as db:
        apply_schema(db)
        print(f"schema ready on {db.name}: {len(describe_schema(db))} constraints and indexes")


def cmd_stats(args) -> None:
    """Print node counts per label and relationship counts per type."""
    from graph.stats import graph_stats

    with _open(args) as db:
        stats = graph_stats(db)
    if args.format == "json":
        print(to_json(stats))
        return
    rows = [{"kind": "node", "name": k, "count": v} for k, v in stats["nodes"].items()]
    rows += [{"kind": "relationship", "name": k, "count": v} for k, v in stats["relationships"].items()]
    print(render(rows, args.format))


def cmd_neo4j(args) -> None:
    """Start, stop or report on the local Neo4j server."""
    from graph import neo4j_server

    settings = load_settings("neo4j")
    if args.action == "start":
        uri = neo4j_server.start(settings.home, port=args.port, host=args.host)
        print(f"Neo4j is up at {uri} (data in {settings.home / 'neo4j'}); "
              f"password: NEO4J_PASSWORD or {settings.home / 'neo4j' / 'password'}")
        if args.warm_up:
            _warm_up(dataclasses.replace(settings, neo4j_uri=uri))
    elif args.action == "stop":
        print("Neo4j stopped" if neo4j_server.stop(settings.home) else "Neo4j was not running")
    else:
        print(to_json(neo4j_server.status(settings.home)))


def _warm_up(settings) -> None:
    # the warm-up runs the query catalogue, a package above this one: imported only when it runs
    from queries.cli import warm_up_with_progress

    try:
        with open_backend(settings) as db:
            warm_up_with_progress(db)
    except BackendError as error:  # the server is up all the same: say so, and why the warm-up stopped
        print(f"partygraph: the warm-up stopped, the server is up: {error}", file=sys.stderr)


# --- parser ----------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    parser = argparse.ArgumentParser(
        prog="partygraph",
        description="城市基层党建组织网络知识图谱 — a knowledge graph of an urban party-organization network.",
    )
    parser.add_argument("--backend", choices=BACKENDS, default=None,
                        help="database: embedded (default, or PARTYGRAPH_BACKEND) or neo4j")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.set_defaults(func=func)
        return command

    add("init", cmd_init, "create constraints and indexes (safe to repeat)")
    stats = add("stats", cmd_stats, "count nodes per label and relationships per type")
    stats.add_argument("--format", choices=FORMATS, default="table")
    neo4j = add("neo4j", cmd_neo4j, "start, stop or check the local Neo4j 5.26 server")
    neo4j.add_argument("action", choices=("start", "stop", "status"))
    neo4j.add_argument("--port", type=int, default=7687)
    neo4j.add_argument("--host", default="127.0.0.1")
    neo4j.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                       help="start: do not run the query catalogue once after the start (see `partygraph warm-up`)")
    for register in _EXTRA_COMMANDS:
        register(add)
    return parser


# Other packages register their sub-commands here (see loaders.cli, queries.cli, explorer.cli).
_EXTRA_COMMANDS: list[Callable] = []


def _load_extra_commands() -> None:
    import importlib

    for module in ("loaders.cli", "queries.cli", "explorer.cli", "bench.cli"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name not in (module, module.split(".")[0]):
                raise
            continue
        if mod.register not in _EXTRA_COMMANDS:
            _EXTRA_COMMANDS.append(mod.register)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    _load_extra_commands()
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except UserError as error:
        print(f"partygraph: {error}", file=sys.stderr)
        return error.exit_code
    except (BackendError, ValueError, OSError) as error:
        print(f"partygraph: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("partygraph: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
