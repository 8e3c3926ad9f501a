"""Ask Neo4j for a read's rows as one record: the final ``RETURN`` rewritten to ``collect``.

The driver reads each record of an answer as its own Bolt message, with two socket reads
and a wait per message, and builds a record object around it.  On answers of thousands of
rows that costs far more than the query: at scale 1, 3,491 rows of the demand funnel by
unit took 268 ms to arrive against 116 ms of work in the server; as one record holding a
list of rows, 110 ms.  So a read ending in ::

    RETURN a.id AS id, count(b) AS n ORDER BY n DESC

is sent as ::

    WITH a.id AS id, count(b) AS n ORDER BY n DESC
    RETURN collect([id, n]) AS partygraph_rows

``collect`` after ``WITH … ORDER BY`` keeps the order, and ``WITH`` groups, deduplicates,
skips and limits as ``RETURN`` does.  A read is rewritten only when every column is a
plain name or has an ``AS`` alias (``WITH`` needs one) and the query has no top-level
``UNION``; any other text is sent as it is.  The list is held in the server's memory
(every relationship at scale 1: 304 MiB, against 133 MiB streamed); where the server has
not that much to give, :meth:`graph.neo4j_backend.Neo4jBackend.read` sends the read again
as written.  FalkorDB parses every value of a reply alike, so the embedded backend gains
nothing from this and does not use it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Callable

__all__ = ["OneRecordRead", "one_record_read"]

ROWS_COLUMN = "partygraph_rows"

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|`(?:[^`]|``)+`")
# clauses a read may open with; anything else (SHOW, EXPLAIN, USE, …) is left alone
_READ_OPENINGS = {"MATCH", "OPTIONAL", "WITH", "UNWIND", "CALL", "RETURN"}
# what may follow a RETURN's columns
_RETURN_TAIL = {"ORDER", "SKIP", "LIMIT", "OFFSET"}


@dataclass(frozen=True)
class OneRecordRead:
    """A read rewritten to return its rows as one list, and the names of its columns."""

    text: str
    columns: tuple[str, ...]

    def rows(self, records: list[Any], convert: Callable[[Any], Any]) -> list[dict[str, Any]]:
        """The rows carried by ``records`` (the one record of the rewritten read), each value through ``convert``."""
        if not records:
            return []
        return [dict(zip(self.columns, map(convert, values))) for values in records[0][ROWS_COLUMN]]


@functools.lru_cache(maxsize=512)
def one_record_read(cypher: str) -> OneRecordRead | None:
    """``cypher`` with its final ``RETURN`` rewritten to collect the rows, or ``None`` where it cannot be.

    Example:
        >>> read = one_record_read("MATCH (n:Street) RETURN n.id AS id ORDER BY id")
        >>> read.text
        'MATCH (n:Street) WITH n.id AS id ORDER BY id\\nRETURN collect([id]) AS partygraph_rows'
        >>> read.columns
        ('id',)
        >>> one_record_read("MATCH (n) RETURN n.id") is None  # no alias: WITH would refuse it
        True
    """
    body = cypher.rstrip().rstrip(";").rstrip()
    tokens, code = _top_level_tokens(body)
    words = [token.upper() for _, token in tokens]
    if not words or words[0] not in _READ_OPENINGS or "UNION" in words or "RETURN" not in words:
        return None
    at = len(words) - 1 - words[::-1].index("RETURN")
    start = tokens[at][0] + len("RETURN")
    end = len(body)
    for position, word in zip(tokens[at + 1:], words[at + 1:]):
        if word in _RETURN_TAIL:
            end = position[0]
            break
    if at + 1 < len(words) and words[at + 1] == "DISTINCT":
        start = tokens[at + 1][0] + len("DISTINCT")
    names = _column_names(code, start, end, [t for t in tokens[at + 1:] if start <= t[0] < end])
    if names is None or len({_unquoted(n) for n in names}) != len(names):
        return None
    text = (f"{body[:tokens[at][0]]}WITH{body[tokens[at][0] + len('RETURN'):]}\n"
            f"RETURN collect([{', '.join(names)}]) AS {ROWS_COLUMN}")
    return OneRecordRead(text, tuple(_unquoted(n) for n in names))


def _column_names(cypher: str, start: int, end: int, tokens: list[tuple[int, str]]) -> list[str] | None:
    """Each column's name as written (``AS`` alias or bare variable), or ``None`` if one has neither."""
    cuts = [start] + [position + 1 for position, token in tokens if token == ","] + [end + 1]
    names = []
    for begin, stop in zip(cuts, cuts[1:]):
        item = cypher[begin:stop - 1]
        aliases = [position for position, token in tokens
                   if begin <= position < stop - 1 and token.upper() == "AS"]
        name = cypher[aliases[-1] + 2:stop - 1] if aliases else item
        name = name.strip()
        if not _NAME.fullmatch(name):
            return None
        names.append(name)
    return names


def _unquoted(name: str) -> str:
    return name[1:-1].replace("``", "`") if name.startswith("`") else name


def _top_level_tokens(cypher: str) -> tuple[list[tuple[int, str]], str]:
    """(position, text) of each word, backquoted name and comma outside brackets, strings and comments;
    and ``cypher`` with its comments blanked out.

    A word right after ``.``, ``$`` or ``:`` (a property, parameter or label), or inside a
    number, is not a token.
    """
    tokens: list[tuple[int, str]] = []
    code = list(cypher)
    depth, i, n = 0, 0, len(cypher)
    while i < n:
        ch = cypher[i]
        if cypher.startswith(("//", "/*"), i):
            end = _comment_end(cypher, i)
            code[i:end] = " " * (end - i)
            i = end
        elif ch in "'\"`":
            close = _closing_quote(cypher, i)
            if depth == 0 and ch == "`":
                tokens.append((i, cypher[i:close]))
            i = close
        elif ch in "([{":
            depth, i = depth + 1, i + 1
        elif ch in ")]}":
            depth, i = depth - 1, i + 1
        elif depth == 0 and ch == ",":
            tokens.append((i, ","))
            i += 1
        elif (word := _WORD.match(cypher, i)) is not None:
            if depth == 0 and (i == 0 or not (cypher[i - 1] in ".$:_" or cypher[i - 1].isalnum())):
                tokens.append((i, word.group()))
            i = word.end()
        else:
            i += 1
    return tokens, "".join(code)


def _comment_end(cypher: str, start: int) -> int:
    """The position just past the comment that opens at ``start`` (a line comment ends before its newline)."""
    if cypher.startswith("//", start):
        end = cypher.find("\n", start)
        return len(cypher) if end < 0 else end
    end = cypher.find("*/", start + 2)
    return len(cypher) if end < 0 else end + 2


def _closing_quote(cypher: str, start: int) -> int:
    """The position just past the quote that closes the one at ``start``."""
    quote, i = cypher[start], start + 1
    while i < len(cypher):
        if cypher[i] == "\\" and quote != "`":
            i += 2
        elif cypher[i] == quote:
            if quote == "`" and cypher.startswith("``", i):
                i += 2
            else:
                return i + 1
        else:
            i += 1
    return len(cypher)
