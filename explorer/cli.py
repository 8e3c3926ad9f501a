"""The ``explore`` sub-command: open the Streamlit explorer on the chosen database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["register", "explore_command", "LOCAL_HOSTS"]

APP = Path(__file__).parent / "app.py"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
PASSWORD_ENV = "PARTYGRAPH_EXPLORER_PASSWORD"
AS_OF_ENV = "PARTYGRAPH_AS_OF"


def explore_command(host: str, port: int) -> list[str]:
    """The command that serves the explorer.

    Example:
        >>> explore_command("127.0.0.1", 8501)[1:4]
        ['-m', 'streamlit', 'run']
    """
    return [sys.executable, "-m", "streamlit", "run", str(APP), "--server.address", host,
            "--server.port", str(port), "--server.headless", "true",
            "--browser.gatherUsageStats", "false"]


def cmd_explore(args) -> None:
    """Serve the explorer until interrupted."""
    from graph.errors import UserError
    from graph.config import load_settings

    settings = load_settings(args.backend)  # an unknown backend fails here, before the server starts
    if args.host not in LOCAL_HOSTS and not os.environ.get(PASSWORD_ENV):
        raise UserError(f"the explorer shows personal data: to serve it on {args.host} (not this machine "
                        f"only), set {PASSWORD_ENV} to the password analysts must give")
    env = dict(os.environ, PARTYGRAPH_BACKEND=settings.backend, PARTYGRAPH_HOME=str(settings.home))
    if args.as_of:
        import datetime

        try:
            env[AS_OF_ENV] = datetime.date.fromisoformat(args.as_of).isoformat()
        except ValueError:
            raise UserError(f"--as-of must be a date YYYY-MM-DD, got {args.as_of!r}", 2) from None
    print(f"partygraph explorer on http://{args.host}:{args.port} ({settings.backend}); Ctrl-C stops it",
          file=sys.stderr)
    sys.stderr.flush()
    # This process becomes the server, so that a signal to stop it (SIGTERM from a service
    # manager or a test) stops Streamlit too instead of leaving it running orphaned.
    command = explore_command(args.host, args.port)
    os.execve(command[0], command, env)


def register(add) -> None:
    """Add ``explore`` to the ``partygraph`` parser."""
    explore = add("explore", cmd_explore, "open the explorer (Streamlit) in a browser")
    explore.add_argument("--host", default="127.0.0.1",
                         help=f"address to listen on; any other than this machine needs {PASSWORD_ENV}")
    explore.add_argument("--port", type=int, default=8501)
    explore.add_argument("--as-of", help="the date rules are read at when the explorer opens (default today); "
                                          "the demo data describe 2021-12-31")
