"""The benchmark's figures as Markdown: load beside naive and bound, queries, pages, memory."""

from __future__ import annotations

from typing import Any

__all__ = ["TARGETS", "markdown", "check_targets"]

# (times faster than naive at least, times slower than the bound at most) per backend.
TARGETS = {"neo4j": (50.0, 2.0), "embedded": (8.0, 1.5)}
QUERY_P95_MS = 100.0
PAGE_MS = 2000.0


def _n(value: Any, digits: int = 0) -> str:
    if value is None:
        return "–"
    if isinstance(value, (int, float)):
        return f"{value:,.{digits}f}"
    return str(value)


def _ratio(a: Any, b: Any) -> float | None:
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)) or not b:
        return None
    return a / b


def _x(value: float | None) -> str:
    return "–" if value is None else f"{value:,.1f}×"


def check_targets(name: str, result: dict[str, Any]) -> list[str]:
    """One line per target of ``name``: met or missed, with the figures."""
    load = result.get("load", {})
    lines = []
    if name in TARGETS and load:
        faster, slower = TARGETS[name]
        for label, rate in (("end to end (read + validate + write)", load.get("rows_per_s")),
                            ("end to end and settled", load.get("settled_rows_per_s")),
                            ("writing only", load.get("write_rows_per_s")),
                            ("same sample rows", load.get("sample_rows_per_s"))):
            vs_naive = _ratio(rate, load.get("naive_rows_per_s"))
            to_bound = _ratio(load.get("bound_rows_per_s"), rate)
            ok_naive = vs_naive is not None and vs_naive >= faster
            ok_bound = to_bound is not None and to_bound <= slower
            lines.append(f"{name}, {label}: {_x(vs_naive)} naive (target ≥ {faster:g}×: "
                         f"{'met' if ok_naive else 'missed'}); bound is {_x(to_bound)} faster "
                         f"(target ≤ {slower:g}×: {'met' if ok_bound else 'missed'})")
    queries = result.get("queries", {})
    if isinstance(queries, dict):
        slow = [q for q, r in queries.items() if isinstance(r, dict) and (r.get("p95_ms") or 0) > QUERY_P95_MS]
        failed = [q for q, r in queries.items() if isinstance(r, dict) and "error" in r]
        lines.append(f"{name}: {len(slow)} queries with p95 > {QUERY_P95_MS:g} ms"
                     + (f" ({', '.join(slow)})" if slow else "")
                     + (f"; {len(failed)} failed ({', '.join(failed)})" if failed else ""))
    pages = result.get("pages")
    if isinstance(pages, dict):
        slow = [p for p, r in pages.items() if (r.get("ms") or 0) > PAGE_MS]
        lines.append(f"{name}: {len(slow)} pages slower than {PAGE_MS / 1000:g} s cold"
                     + (f" ({', '.join(slow)})" if slow else ""))
    restart = result.get("restart")
    if isinstance(restart, dict):
        ready = restart.get("after_warm_up_ms", restart.get("ms"))
        warmed = "after_warm_up_ms" in restart
        lines.append(f"{name}: first page after a restart {_n(ready)} ms" + (" once warmed up" if warmed else "")
                     + f" (target ≤ {PAGE_MS / 1000:g} s: {'met' if ready <= PAGE_MS else 'missed'})"
                     + (f"; {_n(restart.get('ms'))} ms before the warm-up" if warmed else ""))
    return lines


def _restart_table(results: dict[str, dict[str, Any]]) -> list[str]:
    """The first page after a restart, per backend: as the server comes up, and after a warm-up."""
    measured = {n: r["restart"] for n, r in results.items() if isinstance(r.get("restart"), dict)}
    out = []
    if measured:
        out += ["", "## First page after the database restarted (AppTest, ms)", "",
                "| | " + " | ".join(measured) + " |", "|---|" + "---:|" * len(measured)]
        for label, key in (("first page, as the server comes up", "ms"),
                           ("warm-up that `partygraph neo4j start` runs (s)", "warm_up_s"),
                           ("first page after that warm-up", "after_warm_up_ms")):
            cells = []
            for r in measured.values():
                value = r.get(key)
                flag = " ⚠" if key != "warm_up_s" and (value or 0) > PAGE_MS else ""
                cells.append(_n(value, 1 if key == "warm_up_s" else 0) + flag)
            out.append(f"| {label} | " + " | ".join(cells) + " |")
        page = next(iter(measured.values())).get("page")
        out += ["", f"A new explorer session's first render ({page}) after the database was stopped and started; "
                "nothing cached. ⚠: over 2 s."]
    for n, r in results.items():
        if isinstance(r.get("restart"), str):
            out.append(f"- {n}: first page after a restart {r['restart']}")
    return out


def markdown(results: dict[str, dict[str, Any]]) -> str:
    """Tables comparing the backends side by side."""
    names = list(results)
    first = results[names[0]] if names else {}
    out = [f"# partygraph benchmark — scale {first.get('scale')} ({_n(first.get('load', {}).get('rows'))} rows)", ""]
    machine = first.get("machine", {})
    repeat = first.get("repeat", {})
    medians = [f"{repeat.get('load', '?')} loads", f"{repeat.get('sample', '?')} sample runs"]
    if isinstance(first.get("queries"), dict):
        medians.append(f"{repeat.get('queries', '?')} query runs")
    if isinstance(first.get("pages"), dict):
        medians.append(f"{repeat.get('pages', '?')} page renders")
    out.append(f"Machine: {machine.get('cpus')} CPUs, load average {machine.get('load_average')}, "
               f"{_n(machine.get('memory_available_mb'))} MiB of {_n(machine.get('memory_total_mb'))} MiB free "
               f"at the start; other processes ran beside it, so every time is a median "
               f"({', '.join(medians)}).")
    out.append("")
    for name in names:
        v = results[name].get("versions", {})
        out.append(f"- **{name}**: " + ", ".join(f"{k} {val}" for k, val in v.items() if val))
    for name in names:
        for note in results[name].get("notes", []):
            out.append(f"- {name}: {note}")
    out += ["", "## Load", ""]
    header = "| | " + " | ".join(names) + " |"
    out += [header, "|---|" + "---:|" * len(names)]

    def row(label: str, getter) -> None:
        out.append(f"| {label} | " + " | ".join(getter(results[n]) for n in names) + " |")

    def load(key: str, digits: int = 0):
        return lambda r: _n(r.get("load", {}).get(key), digits)

    row("rows loaded (nodes / relationships created)",
        lambda r: f"{_n(r['load'].get('rows'))} ({_n(r['load'].get('nodes'))} / {_n(r['load'].get('relationships'))})"
        if r.get("load") else "–")
    row("**load, end to end** (s)", load("seconds", 1))
    row("… reading + validation (s)", load("check_seconds", 1))
    row("… writing (s)", load("write_seconds", 1))
    row("… until the server has settled after the commit (s)", load("settled_seconds", 1))
    row("first load after the server started (s, warm-up, not in the median)", load("first_load_seconds", 1))
    row("`load --replace` onto the loaded graph (s)", load("replace_seconds", 1))
    row("**rows/s end to end**", load("rows_per_s"))
    row("nodes/s · relationships/s end to end",
        lambda r: f"{_n(r.get('load', {}).get('nodes_per_s'))} · {_n(r.get('load', {}).get('relationships_per_s'))}")
    row("rows/s writing only", load("write_rows_per_s"))
    row("sample rows (households, members, memberships)", load("sample_rows"))
    row("naive loader, rows/s (one MERGE per row and transaction)", load("naive_rows_per_s"))
    row("project loader on the sample, rows/s (bulk CREATE, fresh graph)", load("sample_rows_per_s"))
    row("project loader on the sample, rows/s (MERGE, into data)", load("sample_merge_rows_per_s"))
    row("bound, rows/s (UNWIND … CREATE, no MERGE, no look-up)", load("bound_rows_per_s"))
    for label, key in (("end to end", "rows_per_s"), ("end to end and settled", "settled_rows_per_s"),
                       ("writing only", "write_rows_per_s"),
                       ("sample", "sample_rows_per_s")):
        row(f"load ÷ naive ({label})",
            lambda r, key=key: _x(_ratio(r.get("load", {}).get(key), r.get("load", {}).get("naive_rows_per_s"))))
        row(f"bound ÷ load ({label})",
            lambda r, key=key: _x(_ratio(r.get("load", {}).get("bound_rows_per_s"), r.get("load", {}).get(key))))
    row("CPU s of the loader · of the database, per load",
        lambda r: f"{_n(r.get('load', {}).get('cpu_seconds', {}).get('loader'), 1)} · "
                  f"{_n(r.get('load', {}).get('cpu_seconds', {}).get('database'), 1)}")

    out += ["", "Targets: Neo4j ≥ 50× naive and within 2× of the bound; embedded ≥ 8× naive and within "
            "1.5× of the bound; every query p95 ≤ 100 ms on Neo4j (embedded no slower than 2× Neo4j); "
            "every page ≤ 2 s.", ""]
    for name in names:
        out += [f"- {line}" for line in check_targets(name, results[name])]

    out += ["", "## Queries (warm, ms)", ""]
    out.append("| query | " + " | ".join(f"{n} p50 | {n} p95" for n in names)
               + (" | embedded ÷ neo4j (p95) |" if {"embedded", "neo4j"} <= set(names) else " |"))
    out.append("|---|" + "---:|---:|" * len(names) + ("---:|" if {"embedded", "neo4j"} <= set(names) else ""))
    queries = sorted({q for n in names for q in (results[n].get("queries") or {})})
    for query in queries:
        cells = []
        for n in names:
            r = (results[n].get("queries") or {}).get(query, {})
            if "error" in r:
                cells += ["error", "error"]
            else:
                p95 = r.get("p95_ms")
                flag = " ⚠" if isinstance(p95, (int, float)) and p95 > QUERY_P95_MS else ""
                cells += [_n(r.get("p50_ms"), 1), _n(p95, 1) + flag]
        line = f"| {query} | " + " | ".join(cells) + " |"
        if {"embedded", "neo4j"} <= set(names):
            e = (results["embedded"].get("queries") or {}).get(query, {}).get("p95_ms")
            n4 = (results["neo4j"].get("queries") or {}).get(query, {}).get("p95_ms")
            ratio = _ratio(e, n4)
            line += f" {_x(ratio)}{' ⚠' if ratio is not None and ratio > 2 else ''} |"
        out.append(line)
    out += ["", "⚠: p95 over 100 ms, or embedded more than 2× slower than Neo4j.", ""]

    out += ["## Explorer pages (AppTest, ms)", ""]
    if any(isinstance(results[n].get("pages"), dict) for n in names):
        out.append("| page | " + " | ".join(f"{n} cold | {n} warm" for n in names) + " |")
        out.append("|---|" + "---:|---:|" * len(names))
        pages = []
        for n in names:
            for p in (results[n].get("pages") if isinstance(results[n].get("pages"), dict) else {}):
                if p not in pages:
                    pages.append(p)
        for page in pages:
            cells = []
            for n in names:
                r = results[n].get("pages") if isinstance(results[n].get("pages"), dict) else {}
                r = r.get(page, {})
                if r.get("error") and r.get("ms") is None:
                    cells += ["error", "error"]
                else:
                    flag = " ⚠" if (r.get("ms") or 0) > PAGE_MS else ""
                    cells += [_n(r.get("ms")) + flag + (" (error)" if r.get("error") else ""), _n(r.get("warm_ms"))]
            out.append(f"| {page} | " + " | ".join(cells) + " |")
        out += ["", "cold: first render after the cached results were dropped; warm: the render after it. "
                "⚠: over 2 s.", ""]
    for n in names:
        if isinstance(results[n].get("pages"), str):
            out.append(f"- {n}: pages {results[n]['pages']}")
    out += _restart_table(results)
    out += ["", "## Memory (peak resident, MiB)", ""]
    out += [header, "|---|" + "---:|" * len(names)]
    row("loader process (`partygraph load`)", lambda r: _n(r.get("memory", {}).get("loader_mb")))
    row("database process (peak over the run)", lambda r: _n(r.get("memory", {}).get("db_mb")))
    row("database process after the load", lambda r: _n(r.get("memory", {}).get("db_after_load_mb")))
    out.append("")
    return "\n".join(out)
