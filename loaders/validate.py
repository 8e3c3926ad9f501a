"""Validation of all input files together, before anything is written.

It finds every problem, not only the first: missing or unknown columns, empty required
cells, wrong types, bad dates, out-of-range numbers, duplicate ids, references to ids
that exist neither in the files nor in the graph, organizations that are their own
ancestor, members in two organizations at once, and end dates before start dates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterable

from graph.backend import Backend
from graph.model import NODES
from graph.statements import read_statements
from loaders.problems import Problem, short
from loaders.reader import RawTable
from loaders.values import CellError, cell_parser, column_parser

__all__ = ["ValidatedInput", "validate_tables"]

_STATEMENTS = read_statements(Path(__file__).parent)

# Pairs of (earlier, later) date columns that must not run backwards.
_DATE_ORDER = (("since", "until"), ("starts_on", "ends_on"), ("raised_on", "assigned_on"),
               ("raised_on", "done_on"), ("done_on", "evaluated_on"), ("founded", "term_end"))


@dataclass
class ValidatedInput:
    """Typed rows per input file, ready for the loaders, and the problems found."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not any(p.severity == "error" for p in self.problems)


@dataclass
class _Located:
    """Where a value came from, to name it in a problem."""

    source: str
    row: int
    header: str


def _header_of(table: RawTable, column: str) -> str:
    return next((h for h, name in table.columns.items() if name == column), column)


def _column_plan(table: RawTable) -> list[tuple]:
    """Per column, what typing a cell needs, decided once: name, header, required, many, parser, bounds."""
    plan = []
    for column in table.spec.columns:
        is_id = column.name == "id" or bool(column.references)
        parse = cell_parser(column.type, column.choices, is_id=is_id, many=column.many,
                            memo=column.name != "id")
        bounded = column.type in ("int", "float") and (column.minimum is not None or column.maximum is not None)
        plan.append((column.name, _header_of(table, column.name), column.required, column.many, parse,
                     bounded, column.minimum, column.maximum))
    return plan


def _type_columns(table: RawTable) -> list[tuple[int, dict]] | None:
    """The typed rows of a table without any problem, typed column by column; None at the first problem.

    The common case — a clean file — costs a fraction of typing cell by cell; a file
    with a problem is then typed again row by row by :func:`_type_rows`, which names
    every problem in the order the files are read.
    """
    raws = [raw for _, raw in table.rows]
    names, columns = [], {}
    for column in table.spec.columns:
        is_id = column.name == "id" or bool(column.references)
        parse = column_parser(column.type, column.choices, is_id=is_id, many=column.many,
                              memo=column.name != "id")
        try:
            typed, blank = parse(list(map(dict.get, raws, repeat(column.name))))
        except CellError:
            return None
        if blank and column.required:
            return None
        if column.type in ("int", "float") and (column.minimum is not None or column.maximum is not None):
            present = [number for number in typed if number is not None]
            if present and ((column.minimum is not None and min(present) < column.minimum)
                            or (column.maximum is not None and max(present) > column.maximum)):
                return None
        names.append(column.name)
        columns[column.name] = typed
    for earlier, later in _DATE_ORDER:
        if earlier in columns and later in columns:
            if any(b < a for a, b in zip(columns[earlier], columns[later]) if a and b):
                return None
    rows = [dict(zip(names, values)) for values in zip(*(columns[name] for name in names))]
    return list(zip([number for number, _ in table.rows], rows))


def _type_rows(table: RawTable, problems: list[Problem]) -> list[tuple[int, dict]]:
    fast = _type_columns(table)
    if fast is not None:
        return fast
    typed_rows = []
    source = table.source
    plan = _column_plan(table)
    names = {column.name for column in table.spec.columns}
    date_order = [(earlier, later) for earlier, later in _DATE_ORDER if earlier in names and later in names]
    for row_number, raw in table.rows:
        typed: dict = {}
        for name, header, required, many, parse, bounded, minimum, maximum in plan:
            value = raw.get(name)
            if value is None or (isinstance(value, str) and not value.strip()):
                if required:
                    problems.append(Problem(source, row_number, header, "", "必填项为空", "required value is empty"))
                typed[name] = [] if many else None
                continue
            try:
                number = typed[name] = parse(value)
            except CellError as error:
                problems.append(Problem(source, row_number, header, short(value), error.zh, error.en))
                typed[name] = None
                continue
            if bounded and number is not None:
                if minimum is not None and number < minimum:
                    problems.append(Problem(source, row_number, header, short(value),
                                            f"不能小于{minimum:g}", f"must not be below {minimum:g}"))
                if maximum is not None and number > maximum:
                    problems.append(Problem(source, row_number, header, short(value),
                                            f"数值不合理(超过{maximum:g})",
                                            f"absurd value (above {maximum:g})"))
        for earlier, later in date_order:
            if typed[earlier] and typed[later] and typed[later] < typed[earlier]:
                problems.append(Problem(source, row_number, _header_of(table, later), str(typed[later]),
                                        f"早于{earlier}({typed[earlier]})", f"is before {earlier} ({typed[earlier]})"))
        typed_rows.append((row_number, typed))
    return typed_rows


def _check_duplicates(table: RawTable, rows: list[tuple[int, dict]], problems: list[Problem]) -> None:
    seen: dict[tuple, int] = {}
    key_of = itemgetter(*table.spec.key)
    single = len(table.spec.key) == 1
    keys = [key_of(row) for _, row in rows]
    if len(set(keys)) == len(keys):
        return  # every key differs: no duplicate (rows with a missing part are not compared anyway)
    for row_number, row in rows:
        key = (key_of(row),) if single else key_of(row)
        if None in key:
            continue
        first = seen.setdefault(key, row_number)
        if first != row_number:
            problems.append(Problem(table.source, row_number, _header_of(table, table.spec.key[0]),
                                    short("/".join(map(str, key))),
                                    f"与第{first}行重复", f"duplicate of row {first}"))


def _lookup_graph_ids(db: Backend | None, ids: set[str]) -> dict[str, set[str]]:
    if db is None or not ids:
        return {}
    found: dict[str, set[str]] = defaultdict(set)
    wanted = sorted(ids)
    for start in range(0, len(wanted), 5000):
        for row in db.read(_STATEMENTS["lookup_ids"].text, {"ids": wanted[start:start + 5000]}):
            found[row["id"]].update(row["labels"])
    return found


def _check_references(typed: dict[str, list[tuple[int, dict]]], tables: dict[str, RawTable],
                      db: Backend | None, problems: list[Problem]) -> None:
    ids_by_label: dict[str, set[str]] = defaultdict(set)
    owner: dict[str, _Located] = {}
    for name, rows in typed.items():
        spec = tables[name].spec
        if spec.label is None:
            continue
        source = tables[name].source
        labels = (spec.label, *NODES[spec.label].extra_labels)
        file_ids = []
        for row_number, row in rows:
            node_id = row.get("id")
            if node_id is None:
                continue
            first = owner.get(node_id)
            if first is None:
                owner[node_id] = _Located(source, row_number, "id")
            elif first.source != source:
                problems.append(Problem(source, row_number, _header_of(tables[name], "id"), node_id,
                                        f"编号已用于{first.source}第{first.row}行",
                                        f"id already used in {first.source} row {first.row}"))
            file_ids.append(node_id)
        for label in labels:
            ids_by_label[label].update(file_ids)

    pending: list[tuple[str, int, str, str, tuple[str, ...]]] = []
    known_by_labels: dict[tuple[str, ...], set[str]] = {}
    for name, rows in typed.items():
        table = tables[name]
        for column in table.spec.columns:
            if not column.references:
                continue
            known = known_by_labels.get(column.references)
            if known is None:
                known = known_by_labels[column.references] = (
                    ids_by_label[column.references[0]] if len(column.references) == 1
                    else set().union(*(ids_by_label[label] for label in column.references)))
            header = _header_of(table, column.name)
            for row_number, row in rows:
                values = row.get(column.name)
                for value in ((values or ()) if column.many else (values,)):
                    if value is None:
                        continue
                    if value not in known:
                        pending.append((table.source, row_number, header, value, column.references))
    in_graph = _lookup_graph_ids(db, {p[3] for p in pending})
    for source, row_number, header, value, labels in pending:
        if not in_graph.get(value, set()) & set(labels):
            wanted = "/".join(NODES[label].zh if label in NODES else label for label in labels)
            problems.append(Problem(source, row_number, header, value,
                                    f"引用的{wanted}编号在文件和图中都不存在",
                                    f"refers to a {'/'.join(labels)} id that is neither in the files nor in the graph"))


def _check_org_cycles(typed: dict[str, list[tuple[int, dict]]], tables: dict[str, RawTable],
                      db: Backend | None, problems: list[Problem]) -> None:
    rows = typed.get("organizations")
    if not rows:
        return
    parents: dict[str, str] = {}
    if db is not None:
        parents.update({r["id"]: r["parent_id"] for r in db.read(_STATEMENTS["lookup_org_parents"].text)})
    where: dict[str, int] = {}
    for row_number, row in rows:
        if row.get("id"):
            where[row["id"]] = row_number
            if row.get("parent_id"):
                parents[row["id"]] = row["parent_id"]
            else:
                parents.pop(row["id"], None)
    table = tables["organizations"]
    reported: set[str] = set()
    for start in where:
        seen = [start]
        current = parents.get(start)
        while current is not None and current not in seen:
            seen.append(current)
            current = parents.get(current)
        if current is not None and current == start and start not in reported:
            reported.update(seen)
            problems.append(Problem(table.source, where[start], _header_of(table, "parent_id"),
                                    " → ".join(seen + [start]),
                                    "党组织成为自己的上级(上下级关系成环)",
                                    "the organization is its own ancestor (a cycle of parents)"))


def _check_two_organizations(typed: dict[str, list[tuple[int, dict]]], tables: dict[str, RawTable],
                             db: Backend | None, problems: list[Problem]) -> None:
    rows = typed.get("memberships")
    if not rows:
        return
    table = tables["memberships"]
    open_orgs: dict[str, dict[str, int]] = defaultdict(dict)
    closed_in_files: set[tuple[str, str]] = set()
    for row_number, row in rows:
        if row.get("member_id") and row.get("org_id"):
            if row.get("until") is None:
                open_orgs[row["member_id"]].setdefault(row["org_id"], row_number)
            else:
                closed_in_files.add((row["member_id"], row["org_id"]))
    if db is not None and open_orgs:
        for found in db.read(_STATEMENTS["lookup_open_memberships"].text, {"ids": sorted(open_orgs)}):
            pair = (found["member_id"], found["org_id"])
            if pair not in closed_in_files:
                open_orgs[found["member_id"]].setdefault(found["org_id"], 0)
    for member_id, orgs in open_orgs.items():
        if len(orgs) > 1:
            row_number = max(orgs.values())
            problems.append(Problem(table.source, row_number, _header_of(table, "org_id"),
                                    f"{member_id}: {', '.join(sorted(orgs))}",
                                    "党员同时属于两个党组织(应先填写原组织关系的终止日期)",
                                    "member belongs to two organizations at once (end the old one with until)"))


def validate_tables(tables: Iterable[RawTable], db: Backend | None = None,
                    read_problems: list[Problem] | None = None,
                    on_table: Callable[[str, list[dict]], None] | None = None) -> ValidatedInput:
    """Check every table, and the tables against each other and against the graph in ``db``.

    Args:
        tables: what :func:`loaders.reader.read_input` read, or the tables of an
            :class:`~loaders.reader.InputReading` as they are read.
        db: the graph to resolve references against; ``None`` checks the files alone.
        read_problems: problems met while reading, reported first.  It may still grow while
            ``tables`` is iterated (the ``problems`` of an input being read).
        on_table: called as ``on_table(file name, typed rows)`` as soon as a table is typed
            and has no duplicate, while no error has been found so far — so that a load can
            write it while the next tables are read and checked.  The checks across tables
            come after the last call: only the returned result says whether the input is valid.

    Returns:
        The typed rows per file and every problem found.
    """
    read_problems = read_problems if read_problems is not None else []
    problems: list[Problem] = []
    by_name: dict[str, RawTable] = {}
    typed = {}
    rows: dict[str, list[dict]] = {}
    for table in tables:
        name = table.spec.name
        by_name[name] = table
        typed[name] = _type_rows(table, problems)
        _check_duplicates(table, typed[name], problems)
        rows[name] = [row for _, row in typed[name]]
        if on_table is not None and not any(p.severity == "error" for p in chain(read_problems, problems)):
            on_table(name, rows[name])
    _check_references(typed, by_name, db, problems)
    _check_org_cycles(typed, by_name, db, problems)
    _check_two_organizations(typed, by_name, db, problems)
    problems[:0] = read_problems
    return ValidatedInput(
        rows=rows,
        problems=problems,
        sources={name: table.source for name, table in by_name.items()},
    )

