"""Errors the user can act on, and the command line's exit codes.

Kept apart from :mod:`graph.cli` so that ``python -m graph.cli`` (which imports the
command line twice: as ``__main__`` and as ``graph.cli``) still has one ``UserError``.
"""

from __future__ import annotations

__all__ = ["EXIT_ERROR", "EXIT_BAD_INPUT", "UserError"]

EXIT_ERROR = 1
EXIT_BAD_INPUT = 2


class UserError(Exception):
    """A problem in what the user asked for; ``exit_code`` 2 for bad input files or parameters."""

    def __init__(self, message: str, exit_code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.exit_code = exit_code
