"""Counts the loader keeps on each building and community for any date, so that whole-city
questions read a property per building or community instead of walking every residence,
household and membership.

Each count is a pair of lists (:func:`graph.model.dated_count`): the days it changes and the
count from each.  They are worked out at the end of every load, inside the load's atomic unit
(:mod:`loaders.load`), so they always match what the load committed.  On each building:

* ``residents``: members living in one of its households (``LIVES_IN``);
* ``households_reached``: its households a central household covers (``COVERS``) or sits in
  (``LOCATED_AT``, always);
* ``groups``: building groups covering it (``COVERS``).

On each community, over its grids and the compounds and buildings in them: ``compounds``,
``grids`` and ``households`` (numbers), and the dated ``compounds_covered`` (a compound or
joint branch covers the compound), ``compounds_effectively_covered`` (a covering branch that
has 3 or more full members, a secretary and met within the 90 days up to the date),
``buildings_with_members`` and ``buildings_with_group`` (buildings whose count above is over
0), ``households_reached`` and ``grids_with_org`` (a grid organization covers the grid) — the
columns of the ``coverage_by_community`` query, which reads them — and ``members_reporting``,
``organizations_reporting`` (``REPORTED_TO`` the community) and ``in_service_residents``
(in-service members living in it), which the headline figures and R12 add up over the city.
So that they add up, one reporting to (or living in) several communities on a day counts in the
first of them by id only.  And ``in_service_not_reported``: in-service members' residences in
it (each ``LIVES_IN``) on the days their member has no report to it — R12's gaps, one per row
of its list — and, for that list, which member's residence in which household is a gap from
which day to which (:func:`not_reported_lists`).

On each member, ``organizations``: the organizations it belongs to (``BELONGS_TO``), which R4
reads for any date instead of walking every member's memberships, and the day from which that
is one for good (:func:`organization_counts`).  A bulk load (a fresh graph) creates each member
with them, worked out from its memberships file (:func:`with_organization_counts`); any other
load works them out from the graph for the members its input names and those an older
partygraph loaded without them, and writes them where they changed (:func:`member_count_rows`).

A load into a fresh graph works the counts out from its own input, which is then the whole
graph, while the last files are still being written; any other load reads the spans back from
the graph (scale 1: 1.4–1.8 s of Python, against 4.3–5.4 s embedded and 7–7.6 s on Neo4j).

Example:
    >>> buildings, communities = count_rows_from_input(check_path(None, "demo").rows)  # doctest: +SKIP
    >>> buildings[0]["residents_dates"], buildings[0]["residents_counts"]  # doctest: +SKIP
    ([datetime.date(2016, 3, 1), datetime.date(2019, 8, 1)], [0, 1, 2])
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from graph.backend import Backend, Writer
from graph.statements import read_statements
from loaders.spans import Span, counts_over_time, intersection, merged, spans_at_least, without

__all__ = ["count_rows", "count_rows_from_input", "with_organization_counts", "organization_counts",
           "member_count_rows", "member_ids", "missing_counts", "not_reported_lists", "NEVER_SETTLED",
           "NOT_REPORTED_LISTS", "WRITE_BUILDINGS", "WRITE_COMMUNITIES", "WRITE_MEMBERS"]

_STATEMENTS = read_statements(Path(__file__).parent)
#: The statements that write the rows of :func:`count_rows` (``UNWIND $rows …``).
WRITE_BUILDINGS = _STATEMENTS["rollup_write_buildings"]
WRITE_COMMUNITIES = _STATEMENTS["rollup_write_communities"]
WRITE_MEMBERS = _STATEMENTS["rollup_write_members"]

#: The organizations that cover compounds, and how recently one must have met to count as effective.
BRANCH_KINDS = ("compound_branch", "joint_branch")
EFFECTIVE_FULL_MEMBERS = 3
EFFECTIVE_DAYS_SINCE_MET = 90
#: The members whose residences R12 checks.
IN_SERVICE = "in_service"
#: A member's ``organizations_settled_day`` when it is not in exactly one organization at the end,
#: and the last day of a gap of R12 that has not ended (:func:`not_reported_lists`).
NEVER_SETTLED = 2**31 - 1
#: What each community keeps of R12's list (:func:`not_reported_lists`).
NOT_REPORTED_LISTS = ("not_reported_members", "not_reported_households", "not_reported_first_days",
                      "not_reported_last_days")
_EPOCH = datetime.date(1970, 1, 1)

Keyed = dict[str, dict[Any, list[Span]]]  # place or organization id → key → spans


def _day_number(day: datetime.date) -> int:
    """Days from 1970-01-01 to ``day``: what the kept lists hold instead of dates (FalkorDB compares
    two dates over 68 years apart the wrong way round)."""
    return (day - _EPOCH).days


@dataclass
class _Network:
    """What the counts are worked out from: the places and, for each count, id → key → spans."""

    communities: list[str]
    buildings: list[str]
    community_of_building: dict[str, str] = field(default_factory=dict)
    community_of_compound: dict[str, str] = field(default_factory=dict)
    community_of_grid: dict[str, str] = field(default_factory=dict)
    households: dict[str, int] = field(default_factory=dict)  # per building
    residents: Keyed = field(default_factory=dict)  # building → member
    households_reached: Keyed = field(default_factory=dict)  # building → household
    groups: Keyed = field(default_factory=dict)  # building → building group
    branch_covers: Keyed = field(default_factory=dict)  # compound → branch
    grid_org_covers: Keyed = field(default_factory=dict)  # grid → grid organization
    full_members: Keyed = field(default_factory=dict)  # branch → full member
    secretaries: Keyed = field(default_factory=dict)  # branch → member
    last_met_on: dict[str, datetime.date] = field(default_factory=dict)  # branch
    # building → (member, household, since, until) of each in-service member's residence in it
    in_service_residences: dict[str, list[tuple]] = field(default_factory=dict)
    member_reports: Keyed = field(default_factory=dict)  # community → member reporting to it
    organization_reports: Keyed = field(default_factory=dict)  # community → organization reporting to it


def count_rows(writer: Writer) -> tuple[list[dict], list[dict]]:
    """Every building's and every community's counts, read from the graph as ``writer`` sees it
    (inside a load's unit), as rows for :data:`WRITE_BUILDINGS` and :data:`WRITE_COMMUNITIES`."""

    def read(name: str) -> list[dict]:
        return writer.run(_STATEMENTS[name].text, {"branch_kinds": list(BRANCH_KINDS), "in_service": IN_SERVICE})

    network = _Network([row["id"] for row in read("rollup_communities")], [row["id"] for row in read("rollup_buildings")])
    for row in read("rollup_building_places"):
        network.community_of_building[row["id"]] = row["community_id"]
        network.households[row["id"]] = row["households"]
    network.community_of_compound = {row["id"]: row["community_id"] for row in read("rollup_compounds")}
    network.community_of_grid = {row["id"]: row["community_id"] for row in read("rollup_grids")}
    network.last_met_on = {row["id"]: row["last_met_on"] for row in read("rollup_branches") if row["last_met_on"]}
    residents = read("rollup_residents")
    network.residents = _keyed_from_graph(residents)
    network.in_service_residences = {row["id"]: [tuple(residence) for residence in row["in_service"]]
                                     for row in residents if row["in_service"]}
    for name in ("households_reached", "groups", "branch_covers", "grid_org_covers", "full_members",
                 "secretaries", "member_reports", "organization_reports"):
        setattr(network, name, _keyed_from_graph(read(f"rollup_{name}")))
    return _count_rows(network)


def _keyed_from_graph(rows: list[dict]) -> Keyed:
    """id → key → spans from rows of ``id`` and ``spans``: lists ``[key, since, until]``, or
    ``[key, since, until, always]`` where ``always`` makes the span every day."""
    keyed: Keyed = {}
    for row in rows:
        per_key = keyed.setdefault(row["id"], {})
        for key, since, until, *always in row["spans"]:
            if always and always[0]:
                per_key.setdefault(key, []).append((None, None))
            elif since is not None:
                per_key.setdefault(key, []).append((since, until))
    return keyed


def count_rows_from_input(rows: dict[str, list[dict]]) -> tuple[list[dict], list[dict]]:
    """The same rows as :func:`count_rows`, worked out from a load's validated input (file name →
    rows) when that input is the whole graph: a load into a fresh graph.  Nothing is read back."""
    network = _Network([row["id"] for row in rows.get("communities", ())],
                       [row["id"] for row in rows.get("buildings", ())])
    network.community_of_grid = {row["id"]: row["community_id"] for row in rows.get("grids", ())}
    network.community_of_compound = {row["id"]: network.community_of_grid[row["grid_id"]]
                                     for row in rows.get("compounds", ()) if row["grid_id"] in network.community_of_grid}
    network.community_of_building = {row["id"]: network.community_of_compound[row["compound_id"]]
                                     for row in rows.get("buildings", ())
                                     if row["compound_id"] in network.community_of_compound}
    building_of = {row["id"]: row["building_id"] for row in rows.get("households", ())}
    network.households = Counter(building_of.values())
    network.residents = _keyed_from_rows(rows.get("residences", ()), "household_id", "member_id", building_of.get)
    network.households_reached = _keyed_from_rows(rows.get("central_household_contacts", ()), "household_id",
                                                  "household_id", building_of.get)
    for row in rows.get("central_households", ()):
        building = building_of.get(row["household_id"])
        if building is not None:  # a central household reaches the household it sits in on every day
            network.households_reached.setdefault(building, {}).setdefault(row["household_id"], []).append(
                (None, None))
    kind = {row["id"]: row["kind"] for row in rows.get("organizations", ())}
    branches = {org for org, org_kind in kind.items() if org_kind in BRANCH_KINDS}
    network.last_met_on = {row["id"]: row["last_met_on"] for row in rows.get("organizations", ())
                           if row["id"] in branches and row["last_met_on"]}
    coverage = rows.get("coverage", ())
    network.groups = _keyed_from_rows([r for r in coverage if kind.get(r["org_id"]) == "building_group"],
                                      "territory_id", "org_id")
    network.branch_covers = _keyed_from_rows([r for r in coverage if r["org_id"] in branches
                                              and r["territory_id"] in network.community_of_compound],
                                             "territory_id", "org_id")
    network.grid_org_covers = _keyed_from_rows([r for r in coverage if kind.get(r["org_id"]) == "grid_org"
                                                and r["territory_id"] in network.community_of_grid],
                                               "territory_id", "org_id")
    full = {row["id"] for row in rows.get("members", ()) if row["status"] == "full"}
    network.full_members = _keyed_from_rows([r for r in rows.get("memberships", ())
                                             if r["org_id"] in branches and r["member_id"] in full],
                                            "org_id", "member_id")
    network.secretaries = _keyed_from_rows([r for r in rows.get("secretaries", ()) if r["org_id"] in branches],
                                           "org_id", "member_id")
    in_service = {row["id"] for row in rows.get("members", ()) if row["kind"] == IN_SERVICE}
    for row in rows.get("residences", ()):
        building = building_of.get(row["household_id"])
        if row["member_id"] in in_service and building is not None:
            network.in_service_residences.setdefault(building, []).append(
                (row["member_id"], row["household_id"], row["since"], row["until"]))
    network.member_reports = _keyed_from_rows(rows.get("member_reports", ()), "community_id", "member_id")
    network.organization_reports = _keyed_from_rows(rows.get("unit_reports", ()), "community_id", "org_id")
    return _count_rows(network)


def _keyed_from_rows(rows: Iterable[dict], id_column: str, key_column: str,
                     id_of: Callable[[Any], str | None] | None = None) -> Keyed:
    """id → key → spans from input rows with ``since`` and ``until``: the id is the row's
    ``id_column``, or what ``id_of`` maps it to (None: the row counts nowhere)."""
    keyed: Keyed = {}
    for row in rows:
        place, since = row[id_column], row["since"]
        if id_of is not None:
            place = id_of(place)
        if place is not None and since is not None:
            per_key = keyed.get(place)
            if per_key is None:
                per_key = keyed[place] = {}
            spans = per_key.get(row[key_column])
            if spans is None:
                per_key[row[key_column]] = [(since, row["until"])]
            else:
                spans.append((since, row["until"]))
    return keyed


def _count_rows(network: _Network) -> tuple[list[dict], list[dict]]:
    """The buildings' rows, then the communities'."""
    per_community: dict[str, dict[str, Keyed | Counter]] = {}
    buildings = []
    for building in network.buildings:
        row: dict[str, Any] = {"building_id": building}
        for name in ("residents", "households_reached", "groups"):
            row[f"{name}_dates"], row[f"{name}_counts"] = counts_over_time(getattr(network, name).get(building, {}))
        buildings.append(row)
        community = network.community_of_building.get(building)
        if community is not None:
            counted = _community(per_community, community)
            counted["buildings_with_members"][building] = spans_at_least(row["residents_dates"],
                                                                         row["residents_counts"])
            counted["buildings_with_group"][building] = spans_at_least(row["groups_dates"], row["groups_counts"])
            counted["households_reached"].update(network.households_reached.get(building, {}))
            counted["numbers"]["households"] += network.households.get(building, 0)
    effective = _effective_branches(network)
    for compound, community in network.community_of_compound.items():
        counted = _community(per_community, community)
        counted["numbers"]["compounds"] += 1
        covers = network.branch_covers.get(compound, {})
        counted["compounds_covered"][compound] = [span for spans in covers.values() for span in spans]
        counted["compounds_effectively_covered"][compound] = [
            span for branch, spans in covers.items() for span in intersection(merged(spans), effective.get(branch, []))]
    for grid, community in network.community_of_grid.items():
        counted = _community(per_community, community)
        counted["numbers"]["grids"] += 1
        counted["grids_with_org"][grid] = [span for spans in network.grid_org_covers.get(grid, {}).values()
                                           for span in spans]
    for name, keyed in (("members_reporting", network.member_reports),
                        ("organizations_reporting", network.organization_reports),
                        ("in_service_residents", _in_service_homes(network))):
        for community, spans_by_key in _in_first_place_by_id(keyed).items():
            _community(per_community, community)[name].update(spans_by_key)
    for community, spans_by_key in _residences_not_reported(network).items():
        _community(per_community, community)["in_service_not_reported"].update(spans_by_key)
    communities = []
    for community in network.communities:
        counted = _community(per_community, community)
        row = {"community_id": community, **{name: counted["numbers"][name] for name in _NUMBERS}}
        for name in _DATED:
            row[f"{name}_dates"], row[f"{name}_counts"] = counts_over_time(counted[name])
        communities.append({**row, **not_reported_lists(counted["in_service_not_reported"])})
    return buildings, communities


_NUMBERS = ("compounds", "grids", "households")
_DATED = ("compounds_covered", "compounds_effectively_covered", "buildings_with_members", "buildings_with_group",
          "households_reached", "grids_with_org", "members_reporting", "organizations_reporting",
          "in_service_residents", "in_service_not_reported")


def _community(per_community: dict, community: str) -> dict:
    if community not in per_community:
        per_community[community] = {"numbers": Counter(), **{name: {} for name in _DATED}}
    return per_community[community]


def _effective_branches(network: _Network) -> dict[str, list[Span]]:
    """branch → the spans in which it is effective: 3+ full members, a secretary, and its last
    meeting on or before the day and no more than 90 days before it."""
    effective = {}
    for branch, met in network.last_met_on.items():
        strong = spans_at_least(*counts_over_time(network.full_members.get(branch, {})), EFFECTIVE_FULL_MEMBERS)
        led = spans_at_least(*counts_over_time(network.secretaries.get(branch, {})))
        recent = [(met, met + datetime.timedelta(days=EFFECTIVE_DAYS_SINCE_MET))]
        effective[branch] = intersection(intersection(strong, led), recent)
    return effective


def _in_service_homes(network: _Network) -> Keyed:
    """community → in-service member living in one of its buildings → the residences' spans."""
    homes: Keyed = {}
    for building, residences in network.in_service_residences.items():
        community = network.community_of_building.get(building)
        if community is not None:
            for member, _, since, until in residences:
                if since is not None:
                    homes.setdefault(community, {}).setdefault(member, []).append((since, until))
    return homes


def _residences_not_reported(network: _Network) -> Keyed:
    """community → each in-service residence in it (member, household, since) → the days it
    holds and its member has no report to that community: a row of R12's list on each."""
    gaps: Keyed = {}
    for building, residences in network.in_service_residences.items():
        community = network.community_of_building.get(building)
        if community is None:
            continue
        reports = network.member_reports.get(community, {})
        for member, household, since, until in residences:
            if since is not None:
                reported = reports.get(member)
                days = [(since, until)] if reported is None else without(merged([(since, until)]), merged(reported))
                gaps.setdefault(community, {})[(member, household, since)] = days
    return gaps


def not_reported_lists(gaps: dict[tuple, list[Span]]) -> dict[str, list]:
    """R12's list in one community, for the list query to read instead of walking every in-service
    member's residences: from each residence (member, household, since) → the days it is a gap
    (:func:`_residences_not_reported`), four lists with an entry per span of those days —
    ``not_reported_members``, ``not_reported_households``, and ``not_reported_first_days`` and
    ``not_reported_last_days``, the span's first and last day counted from 1970-01-01 (numbers,
    not dates: FalkorDB compares two dates over 68 years apart the wrong way round), the last
    :data:`NEVER_SETTLED` when the gap is open.

    Example:
        >>> d = datetime.date
        >>> lists = not_reported_lists({("M1", "H1", d(2020, 1, 1)): [(d(2020, 1, 1), d(2020, 1, 31)),
        ...                                                          (d(2021, 1, 1), None)]})
        >>> lists["not_reported_members"], lists["not_reported_first_days"], lists["not_reported_last_days"]
        (['M1', 'M1'], [18262, 18628], [18292, 2147483647])
    """
    lists: dict[str, list] = {name: [] for name in NOT_REPORTED_LISTS}
    for (member, household, _), spans in sorted(gaps.items()):
        for since, until in spans:
            lists["not_reported_members"].append(member)
            lists["not_reported_households"].append(household)
            lists["not_reported_first_days"].append(_day_number(since) if since else -NEVER_SETTLED)
            lists["not_reported_last_days"].append(_day_number(until) if until else NEVER_SETTLED)
    return lists


def _in_first_place_by_id(by_place: Keyed) -> Keyed:
    """place → key → spans with each day of a key left only in the first of its places by id
    that holds it on that day: a member reporting to two communities at once then counts in
    one, and the places' counts add up to the number of keys."""
    places_of: dict[Any, list[str]] = {}
    for place, spans_by_key in by_place.items():
        for key in spans_by_key:
            places_of.setdefault(key, []).append(place)
    shared = {key: places for key, places in places_of.items() if len(places) > 1}
    if not shared:  # nearly always: nothing to take away
        return by_place
    kept = {place: dict(spans_by_key) for place, spans_by_key in by_place.items()}
    for key, places in shared.items():
        taken: list[Span] = []
        for place in sorted(places):
            own = without(merged(by_place[place][key]), taken)
            if own:
                kept[place][key] = own
                taken = merged(taken + own)
            else:
                del kept[place][key]
    return kept


def with_organization_counts(members: list[dict], memberships: Iterable[dict]) -> list[dict]:
    """The members rows of a load into a fresh graph, each with what the member keeps
    (:func:`organization_counts`) worked out from the load's memberships, for the bulk members
    statement to create it with: no pass of its own over 55,000 members at scale 1 (2.6 s on the
    embedded backend), nor a second write of each member by the memberships (2 s).

    Example:
        >>> d = datetime.date
        >>> rows = with_organization_counts([{"id": "M1"}, {"id": "M2"}],
        ...                                 [{"member_id": "M1", "org_id": "O1", "since": d(2020, 1, 1), "until": None}])
        >>> [(r["organizations_dates"], r["organizations_counts"], r["organizations_settled_day"]) for r in rows]
        [([datetime.date(2020, 1, 1)], [0, 1], 18262), ([], [0], 2147483647)]
    """
    kept = {member: organization_counts(spans_by_org)
            for member, spans_by_org in _keyed_from_rows(memberships, "member_id", "org_id").items()}
    no_membership = organization_counts({})
    return [{**row, **kept.get(row["id"], no_membership)} for row in members]


def organization_counts(spans_by_org: dict[Any, list[Span]]) -> dict[str, Any]:
    """What a member keeps of its memberships (organization → spans): the dated count
    ``organizations`` and ``organizations_settled_day``, the day (counted from 1970-01-01) from
    which it is in exactly one organization on every later day, or :data:`NEVER_SETTLED` — an
    indexed number, so that R4 looks up the few members that can be in other than one on a
    date instead of reading every member's count (a date would do, but FalkorDB indexes no
    dates, and compares two dates over 68 years apart the wrong way round)."""
    days, numbers = counts_over_time(spans_by_org)
    settled = _day_number(days[-1]) if days and numbers[-1] == 1 else NEVER_SETTLED
    return {"organizations_dates": days, "organizations_counts": numbers, "organizations_settled_day": settled}


def member_ids(writer: Writer, lacking_only: bool = False) -> list[str]:
    """Every member's id in the graph as ``writer`` sees it, for :func:`member_count_rows` — or,
    with ``lacking_only``, those of the members an older partygraph loaded without their count."""
    statement = _STATEMENTS["rollup_members_lacking" if lacking_only else "rollup_member_ids"]
    return [row["id"] for row in writer.run(statement.text)]


def missing_counts(db: Backend) -> list[str]:
    """The labels whose nodes lack counts this version keeps on them (the derived properties of
    :mod:`graph.model`): a graph an older partygraph loaded, which kept fewer, until
    :func:`loaders.load.refresh_counts` works them out.  Empty when nothing is missing.

    One node of each label is read, not all (scanning 55,000 members cost each explorer page
    ~250 ms on Neo4j at scale 1): every load writes every building's and community's counts,
    and the counts of the members that lack them, so a graph any load of this version wrote
    has them all, and one that none did lacks them on every node.  The statement is made from
    the model's own names, never from user input.
    """
    from graph.model import NODE_TYPES

    # the test after the LIMIT is returned, not a WHERE: FalkorDB filters before the LIMIT then
    branches = [f"MATCH (n:{node.label}) WITH n LIMIT 1 "
                f"RETURN '{node.label}' AS label, {' OR '.join(f'n.{prop.name} IS NULL' for prop in node.derived)} "
                f"AS lacking"
                for node in NODE_TYPES if node.derived]
    return sorted(row["label"] for row in db.read(" UNION ALL ".join(branches)) if row["lacking"])


def member_count_rows(writer: Writer, member_ids: list[str]) -> list[dict]:
    """Rows for :data:`WRITE_MEMBERS`: each of the members ``member_ids`` whose kept counts
    (:func:`organization_counts`) are not what its memberships in the graph (as ``writer`` sees
    it) make them — so a load that changes no membership writes nothing."""
    if not member_ids:
        return []
    rows = []
    for member in writer.run(_STATEMENTS["rollup_memberships"].text, {"member_ids": member_ids}):
        counted = organization_counts(_keyed_from_graph([member]).get(member["id"], {}))
        kept = {"organizations_dates": member["dates"] or [], "organizations_counts": member["counts"] or [0],
                "organizations_settled_day": member["settled_day"]}
        if counted != kept:
            rows.append({"member_id": member["id"], **counted})
    return rows
