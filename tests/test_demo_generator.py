"""Tests of loaders.demo: the seed's figures, determinism, unique ids, valid references and the gaps."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from graph.model import NODES
from loaders.demo import generate
from loaders.input_files import INPUT_FILES

Tables = dict[str, list[dict[str, str]]]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BRANCH_KINDS = ("小区党支部", "联合党支部")


def _read(folder: Path) -> Tables:
    tables = {}
    for spec in INPUT_FILES:
        with (folder / f"{spec.name}.csv").open(encoding="utf-8", newline="") as handle:
            tables[spec.name] = list(csv.DictReader(handle))
    return tables


def _open(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in rows if not r["until"]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("demo")
    return folder, generate(folder, scale=1, seed=42, gaps=0)


@pytest.fixture(scope="module")
def t(demo: tuple[Path, dict[str, int]]) -> Tables:
    return _read(demo[0])


@pytest.fixture(scope="module")
def gapped(tmp_path_factory: pytest.TempPathFactory) -> Tables:
    folder = tmp_path_factory.mktemp("gaps")
    generate(folder, scale=1, seed=42, gaps=0.05)
    return _read(folder)


# --- helpers shared by the complete and the gapped data set ------------------------------


def _org_kind(t: Tables) -> dict[str, str]:
    return {o["id"]: o["kind"] for o in t["organizations"]}


def _household_building(t: Tables) -> dict[str, str]:
    return {h["id"]: h["building_id"] for h in t["households"]}


def _household_compound(t: Tables) -> dict[str, str]:
    building_compound = {b["id"]: b["compound_id"] for b in t["buildings"]}
    return {h["id"]: building_compound[h["building_id"]] for h in t["households"]}


def _household_community(t: Tables) -> dict[str, str]:
    grid_community = {g["id"]: g["community_id"] for g in t["grids"]}
    compound_community = {c["id"]: grid_community[c["grid_id"]] for c in t["compounds"]}
    return {h: compound_community[c] for h, c in _household_compound(t).items()}


def _residence(t: Tables) -> dict[str, str]:
    return {r["member_id"]: r["household_id"] for r in _open(t["residences"])}


def _covered(t: Tables, kinds: tuple[str, ...]) -> Counter:
    kind = _org_kind(t)
    return Counter(c["territory_id"] for c in _open(t["coverage"]) if kind[c["org_id"]] in kinds)


def _months(start: date, end: date) -> list[tuple[int, int]]:
    months, (year, month) = [], (start.year, start.month)
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _check_valid(t: Tables) -> None:
    """Coded values, dates, required cells, unique ids and resolvable references."""
    ids_by_label: dict[str, set[str]] = defaultdict(set)
    seen: dict[str, str] = {}
    for spec in INPUT_FILES:
        if spec.label is None:
            continue
        for row in t[spec.name]:
            assert row["id"] not in seen, f"{row['id']} in {spec.name} and {seen.get(row['id'])}"
            seen[row["id"]] = spec.name
            for label in (spec.label, *NODES[spec.label].extra_labels):
                ids_by_label[label].add(row["id"])
    for spec in INPUT_FILES:
        rows = t[spec.name]
        for column in spec.columns:
            values = [r[column.name] for r in rows]
            if column.required:
                assert all(values), f"{spec.name}.{column.name} has an empty required cell"
            present = [v for v in values if v]
            if column.choices:
                allowed = {c.zh for c in column.choices}
                parts = [p for v in present for p in (v.split(";") if column.type == "list" else [v])]
                assert set(parts) <= allowed, f"{spec.name}.{column.name}: {set(parts) - allowed}"
            if column.type == "bool":
                assert set(present) <= {"是", "否"}
            if column.type == "date":
                assert all(_DATE.match(v) for v in present), f"{spec.name}.{column.name}"
                for v in present:
                    date.fromisoformat(v)
            if column.type in ("int", "float"):
                assert all(float(v) >= (column.minimum or 0) for v in present), f"{spec.name}.{column.name}"
            if column.references:
                known = set().union(*(ids_by_label[label] for label in column.references))
                refs = [p for v in present for p in (v.split(";") if column.many else [v])]
                missing = set(refs) - known
                assert not missing, f"{spec.name}.{column.name} refers to unknown ids {sorted(missing)[:5]}"
        keys = [tuple(r[k] for k in spec.key) for r in rows]
        assert len(keys) == len(set(keys)), f"{spec.name} has duplicate keys"
    open_orgs = Counter(m["member_id"] for m in _open(t["memberships"]))
    assert max(open_orgs.values()) == 1, "a member in two organizations at once"


# --- the complete data set (gaps=0) -------------------------------------------------------


def test_every_input_file_is_written_with_its_header(demo: tuple[Path, dict[str, int]]) -> None:
    folder, counts = demo
    assert list(counts) == [spec.name for spec in INPUT_FILES]
    for spec in INPUT_FILES:
        with (folder / f"{spec.name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == [c.name for c in spec.columns]
        assert len(rows) - 1 == counts[spec.name]


def test_territory_has_the_seed_figures(t: Tables) -> None:
    assert [c["name"] for c in t["cities"]] == ["梧州市"]
    assert [d["name"] for d in t["districts"]] == ["万秀区", "长洲区", "龙圩区"]
    assert len(t["streets"]) == 8
    assert len(t["communities"]) == 57
    assert len(t["grids"]) == 613
    assert len(t["compounds"]) == 451
    assert 2000 <= len(t["buildings"]) <= 13530
    assert 120_000 <= len(t["households"]) <= 180_000
    households_per_street: Counter = Counter()
    street_of = {c["id"]: c["street_id"] for c in t["communities"]}
    for community in _household_community(t).values():
        households_per_street[street_of[community]] += 1
    assert all(int(s["households"]) == households_per_street[s["id"]] for s in t["streets"])
    assert len({c["name"] for c in t["compounds"]}) == 451
    assert len({c["name"] for c in t["communities"]}) == 57


def test_organizations_have_the_seed_figures(t: Tables) -> None:
    kinds = Counter(o["kind"] for o in t["organizations"])
    assert kinds["市委"] == 1
    assert kinds["区(市)党委"] == 3
    assert kinds["街道党工委"] == 8
    assert kinds["社区党委"] == 57
    assert kinds["小区党支部"] + kinds["联合党支部"] == 201
    assert kinds["网格党组织"] == 613
    assert kinds["新兴领域党组织"] == 960
    assert kinds["物业服务企业党支部"] == 41
    assert kinds["驻区单位党组织"] == 2400
    assert all(o["field"] for o in t["organizations"] if o["kind"] == "新兴领域党组织")
    companies = {c["id"] for c in t["property_companies"]}
    assert {o["unit_id"] for o in t["organizations"] if o["kind"] == "物业服务企业党支部"} <= companies
    assert 50 <= len(companies) <= 70


def test_organizations_form_the_four_level_chain(t: Tables) -> None:
    kind = _org_kind(t)
    expected_parent = {"区(市)党委": "市委", "街道党工委": "区(市)党委", "社区党委": "街道党工委",
                       "小区党支部": "社区党委", "联合党支部": "社区党委", "楼宇党小组": _BRANCH_KINDS,
                       "网格党组织": "社区党委", "新兴领域党组织": ("街道党工委", "社区党委")}
    for org in t["organizations"]:
        if org["kind"] in expected_parent:
            assert kind[org["parent_id"]] in expected_parent[org["kind"]], org
    committee = [o["id"] for o in t["organizations"] if o["kind"] == "市委"]
    assert len(t["joint_meeting_units"]) == 19
    assert {u["committee_id"] for u in t["joint_meeting_units"]} == set(committee)


def test_branches_cover_all_451_compounds(t: Tables) -> None:
    covered = _covered(t, _BRANCH_KINDS)
    assert set(covered) == {c["id"] for c in t["compounds"]}
    assert set(covered.values()) == {1}
    kind = _org_kind(t)
    per_branch = Counter(c["org_id"] for c in _open(t["coverage"]) if kind[c["org_id"]] in _BRANCH_KINDS)
    assert len(per_branch) == 201
    assert all((n == 1) == (kind[org] == "小区党支部") for org, n in per_branch.items())
    assert set(_covered(t, ("网格党组织",))) == {g["id"] for g in t["grids"]}
    assert set(_covered(t, ("街道党工委",))) == {s["id"] for s in t["streets"]}
    assert set(_covered(t, ("社区党委",))) == {c["id"] for c in t["communities"]}


def test_every_building_with_members_has_a_group(t: Tables) -> None:
    building_of = _household_building(t)
    inhabited = {building_of[h] for h in _residence(t).values()}
    groups = _covered(t, ("楼宇党小组",))
    assert set(groups) == inhabited
    assert Counter(o["kind"] for o in t["organizations"])["楼宇党小组"] == len(inhabited)


def test_compounds_without_property_company(t: Tables) -> None:
    no_property = [c for c in t["compounds"] if c["no_property"] == "是"]
    assert len(no_property) == 268
    assert all(c["management_mode"] and c["services"] for c in no_property)
    managed = {m["compound_id"] for m in _open(t["property_management"])}
    assert len(managed) == 183
    assert managed == {c["id"] for c in t["compounds"] if c["no_property"] == "否"}


def test_members_have_the_seed_figures(t: Tables) -> None:
    kinds = Counter(m["kind"] for m in t["members"])
    assert kinds["流动党员"] + kinds["口袋党员"] == 3125
    assert kinds["在职党员"] == 30000
    assert 40_000 <= len(t["members"]) <= 70_000
    probationary = sum(m["status"] == "预备党员" for m in t["members"])
    assert 0.03 <= probationary / len(t["members"]) <= 0.07
    open_orgs = Counter(m["member_id"] for m in _open(t["memberships"]))
    assert set(open_orgs) == {m["id"] for m in t["members"]}
    assert set(open_orgs.values()) == {1}
    assert set(_residence(t)) == {m["id"] for m in t["members"]}


def test_dual_reporting_has_the_seed_figures(t: Tables) -> None:
    kind = _org_kind(t)
    reporting_orgs = {r["org_id"] for r in _open(t["unit_reports"])}
    assert len(reporting_orgs) == 2400
    assert {kind[o] for o in reporting_orgs} == {"驻区单位党组织"}
    member_kind = {m["id"]: m["kind"] for m in t["members"]}
    reports = {r["member_id"]: r["community_id"] for r in _open(t["member_reports"])}
    assert len(reports) == 30000
    assert {member_kind[m] for m in reports} == {"在职党员"}
    community_of = _household_community(t)
    residence = _residence(t)
    assert all(community == community_of[residence[m]] for m, community in reports.items())


def test_every_organization_has_a_secretary_who_belongs_to_it(t: Tables) -> None:
    members_of = {(m["member_id"], m["org_id"]) for m in _open(t["memberships"])}
    secretaries = {s["org_id"]: s["member_id"] for s in _open(t["secretaries"])}
    for org in t["organizations"]:
        if org["kind"] == "楼宇党小组":
            continue
        assert (secretaries[org["id"]], org["id"]) in members_of


def test_service_centres_funds_and_departments(t: Tables) -> None:
    centres = t["service_centres"]
    assert len(centres) == 1426
    assert [float(c["area_m2"]) for c in centres if c["level"] == "市级"] == [3600]
    assert sum(c["level"] == "社区级" for c in centres) == 57
    assert all(float(c["area_m2"]) >= 500 for c in centres if c["level"] == "社区级")
    assert all(float(c["area_m2"]) >= 300 for c in centres if c["level"] == "小区级")
    funds = Counter()
    for f in t["funds"]:
        amount = float(f["amount_cny"])
        if f["purpose"] == "服务群众专项经费":
            assert amount >= 100_000
        elif f["purpose"] == "社区工作经费":
            assert amount >= 50_000
        else:
            assert 300_000 <= amount <= 500_000
        funds[(f["territory_id"], f["year"])] += 1
    assert len(funds) == (57 + 8) * 2
    departments = Counter(d["street_id"] for d in t["departments"])
    assert set(departments.values()) == {6}
    assert all(sum(int(d["duty_items"]) for d in t["departments"] if d["street_id"] == s) == 40
               for s in departments)


def test_contracts_meet_monthly_and_visit_yearly(t: Tables) -> None:
    assert 200 <= len(t["contracts"]) <= 600
    assert sum(int(c["problems_solved"]) for c in t["contracts"]) >= 2800
    met = defaultdict(set)
    for m in t["joint_meetings"]:
        held = date.fromisoformat(m["held_on"])
        met[m["contract_id"]].add((held.year, held.month))
    visited = defaultdict(set)
    for v in t["visits"]:
        visited[(v["contract_id"], v["direction"])].add(date.fromisoformat(v["visited_on"]).year)
    for c in t["contracts"]:
        start = date.fromisoformat(c["starts_on"])
        assert met[c["id"]] == set(_months(start, date(2021, 12, 31)))
        years = set(range(start.year, 2022))
        assert visited[(c["id"], "驻区单位走访街道社区")] >= years
        assert visited[(c["id"], "街道社区走访驻区单位")] >= years
    parties = {c["id"]: f"{c['local_org_id']};{c['unit_org_id']}" for c in t["contracts"]}
    assert all(m["attendee_ids"] == parties[m["contract_id"]] for m in t["joint_meetings"])


def test_demands_are_all_done_and_evaluated(t: Tables) -> None:
    assert 1000 <= len(t["demands"]) <= 10_000
    for d in t["demands"]:
        assert d["channel"] and d["assigned_on"] and d["done_on"] and d["evaluation"] and d["evaluated_on"]
        assert bool(d["assignee_org_id"]) != bool(d["assignee_member_id"])


def test_leaders_cover_communities_grids_and_compounds(t: Tables) -> None:
    assigned = {a["territory_id"] for a in _open(t["leader_assignments"])}
    for name in ("communities", "grids", "compounds"):
        assert {r["id"] for r in t[name]} <= assigned


def test_ids_unique_and_references_resolve(t: Tables) -> None:
    _check_valid(t)


def test_same_seed_gives_identical_files(demo: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    folder, _ = demo
    calls: list[tuple[str, int]] = []
    counts = generate(tmp_path, scale=1, seed=42, gaps=0, progress=lambda name, rows: calls.append((name, rows)))
    assert calls == list(counts.items())
    for spec in INPUT_FILES:
        name = f"{spec.name}.csv"
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes(), name


# --- the gapped data set ---------------------------------------------------------------------


def test_gaps_leave_findings_for_every_rule(gapped: Tables) -> None:
    t = gapped
    _check_valid(t)
    kind = _org_kind(t)
    residence = _residence(t)
    compound_of = _household_compound(t)
    building_of = _household_building(t)
    members = {m["id"]: m for m in t["members"]}
    # R1, R5: compounds without a branch, with 3+ full members living there
    uncovered = {c["id"] for c in t["compounds"]} - set(_covered(t, _BRANCH_KINDS))
    full_living = Counter(compound_of[h] for m, h in residence.items() if members[m]["status"] == "正式党员")
    assert uncovered and any(full_living[c] >= 3 for c in uncovered)
    # R5 (units): 3+ full members work at a unit without an organization of its own
    with_org = {o["unit_id"] for o in t["organizations"] if o["unit_id"]}
    working = Counter(e["unit_id"] for e in t["employment"] if members[e["member_id"]]["status"] == "正式党员")
    assert any(n >= 3 and unit not in with_org for unit, n in working.items())
    # R2: buildings with members and no group
    assert {building_of[h] for h in residence.values()} - set(_covered(t, ("楼宇党小组",)))
    # R3: grids without an organization
    assert {g["id"] for g in t["grids"]} - set(_covered(t, ("网格党组织",)))
    # R4: pocket members without an organization
    belonging = {m["member_id"] for m in _open(t["memberships"])}
    outside = set(members) - belonging
    assert outside and {members[m]["kind"] for m in outside} == {"口袋党员"}
    # R6, R7: missing meetings and visits
    meetings = Counter(m["contract_id"] for m in t["joint_meetings"])
    visits = Counter(v["contract_id"] for v in t["visits"])
    expected_meetings = {c["id"]: len(_months(date.fromisoformat(c["starts_on"]), date(2021, 12, 31)))
                         for c in t["contracts"]}
    assert any(meetings[c] < n for c, n in expected_meetings.items())
    assert any(visits[c["id"]] < 2 * (2022 - date.fromisoformat(c["starts_on"]).year) for c in t["contracts"])
    # R8: no-property compounds without a mode
    assert any(c["no_property"] == "是" and not c["management_mode"] for c in t["compounds"])
    # R9: demands not assigned, not done, not evaluated
    demands = t["demands"]
    assert any(not d["channel"] and not d["assignee_org_id"] and not d["assignee_member_id"] for d in demands)
    assert any(d["assigned_on"] and not d["done_on"] for d in demands)
    assert any(d["done_on"] and not d["evaluation"] for d in demands)
    # R10: centres under the standard
    centres = t["service_centres"]
    assert any(c["level"] == "社区级" and float(c["area_m2"]) < 500 for c in centres)
    assert any(c["level"] == "小区级" and float(c["area_m2"]) < 300 for c in centres)
    # R11: community funds under the minimum
    assert any(f["purpose"] == "服务群众专项经费" and float(f["amount_cny"]) < 100_000 for f in t["funds"])
    assert any(f["purpose"] == "社区工作经费" and float(f["amount_cny"]) < 50_000 for f in t["funds"])
    # R12: in-service members not reported
    reported = {r["member_id"] for r in _open(t["member_reports"])}
    assert any(m["kind"] == "在职党员" and m["id"] not in reported for m in t["members"])
    # the rest of the world is untouched: the seed's unbroken figures still hold
    assert len(t["compounds"]) == 451 and len(t["grids"]) == 613
    assert sum(k == "驻区单位党组织" for k in kind.values()) == 2400
