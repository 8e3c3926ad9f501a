"""Network analyses with networkx on projections read from the graph.

Each analysis reads what it needs with the ``projection_*`` queries of the catalogue
(``queries/projection_*.cypher``), builds a networkx graph in memory and returns rows of
plain values.  Nothing is kept on disk.

Analyses (:data:`ANALYSES`):

* ``articulation_orgs`` — organizations whose removal cuts the most households off from
  the city committee.
* ``load_per_member`` — households per full member, per central household and per
  compound or joint branch.
* ``cobuilding_centrality`` — degree and betweenness centrality in the co-building network.
* ``branch_candidates`` — for each uncovered compound, the branches best placed to take it on.
"""

from __future__ import annotations

import datetime
from typing import Any, Callable

import networkx as nx

from graph.backend import Backend, Row
from graph.statements import Parameter, ParameterError, bind_parameters
from queries.catalogue import UnknownQuery, run_query

__all__ = ["ANALYSES", "PARAMETERS", "UnknownAnalysis", "run_analysis"]

BRANCH_KINDS = ("compound_branch", "joint_branch")

ANALYSES: dict[str, tuple[str, str]] = {
    "articulation_orgs": ("关键节点党组织(移除后失联户数)", "Organizations whose loss cuts households off"),
    "load_per_member": ("党员中心户和小区党支部人均联系户数", "Households per full member of central households and branches"),
    "cobuilding_centrality": ("共建网络中心度", "Centrality in the co-building network"),
    "branch_candidates": ("未覆盖小区的候选党支部", "Branches best placed to cover each uncovered compound"),
}

_AS_OF = Parameter("as_of", "date", "today", "截至日期", "As of")

PARAMETERS: dict[str, tuple[Parameter, ...]] = {
    "articulation_orgs": (_AS_OF,),
    "load_per_member": (_AS_OF,),
    "cobuilding_centrality": (),
    "branch_candidates": (
        _AS_OF,
        Parameter("top", "int", "3", "每个小区最多候选数", "Candidates per compound"),
        Parameter("min_members", "int", "3", "正式党员人数下限", "Minimum full members"),
    ),
}


class UnknownAnalysis(UnknownQuery):
    """An analysis name that is not in :data:`ANALYSES`."""


def _bind(name: str, params: dict[str, Any] | None) -> dict[str, Any]:
    return bind_parameters(name, PARAMETERS[name], params)


def _dated(params: dict[str, Any]) -> dict[str, Any]:
    return {"as_of": params["as_of"]}


def _org_territory(db: Backend, as_of: datetime.date) -> list[Row]:
    return run_query(db, "projection_org_territory", {"as_of": as_of})


def _node_info(rows: list[Row]) -> dict[str, dict[str, Any]]:
    """id → {label, name, kind} for both ends of projection rows."""
    info: dict[str, dict[str, Any]] = {}
    for row in rows:
        for end in ("source", "target"):
            info.setdefault(row[f"{end}_id"], {"label": row[f"{end}_label"], "name": row[f"{end}_name"],
                                               "kind": row.get(f"{end}_kind")})
    return info


def _building_households(db: Backend) -> dict[str, tuple[str | None, int]]:
    """Building id → (its compound's id, the number of its households)."""
    return {r["building_id"]: (r["compound_id"], int(r["households"]))
            for r in run_query(db, "projection_building_households", {})}


def _households_per_compound(buildings: dict[str, tuple[str | None, int]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for compound, households in buildings.values():
        if compound is not None:
            counts[compound] = counts.get(compound, 0) + households
    return counts


def _contacts(db: Backend, as_of: datetime.date) -> list[Row]:
    """Every household a central household covers: central_household_id, central_household, household_id, building_id."""
    return run_query(db, "projection_household_contacts", {"as_of": as_of})


# --- articulation_orgs ------------------------------------------------------------

_GRASSROOTS = ("Compound", "Building", "Household")


def articulation_orgs(db: Backend, params: dict[str, Any]) -> list[Row]:
    """Organizations (and central households) whose removal cuts households off from the city committee.

    The graph is undirected: organizations and central households linked by UNDER, the
    COVERS in force on ``as_of`` to compounds, buildings and households, and PART_OF from
    household to building to compound.  Territory above the compound is left out: through
    it every household would reach the city whatever the organizations, so only the
    organization chain can be cut.  A household is cut off by removing ``v`` when every
    path from it to a city committee passes through ``v`` (``v`` dominates it from the
    root); counted on networkx's dominator tree (immediate_dominators), in near-linear time.  Households that no
    central household covers hang on their building alone, so they are counted on the
    building rather than read one by one.

    Rows: ``org_id``, ``org``, ``kind``, ``households_cut_off`` (> 0 only), most first.
    """
    rows = _org_territory(db, params["as_of"])
    info = _node_info(rows)
    graph = nx.Graph()
    for row in rows:
        if row["type"] in ("PART_OF", "COVERS") and row["target_label"] not in _GRASSROOTS:
            continue
        graph.add_edge(row["source_id"], row["target_id"])
    buildings = _building_households(db)
    households: dict[Any, int] = {}  # node → households it stands for
    for building, (compound, count) in buildings.items():
        households[building] = count
        if compound is not None:
            graph.add_edge(building, compound)
    for contact in _contacts(db, params["as_of"]):
        household, building = contact["household_id"], contact["building_id"]
        graph.add_edge(contact["central_household_id"], household)
        info.setdefault(contact["central_household_id"], {
            "label": "CentralHousehold", "kind": "central_household", "name": contact["central_household"]})
        if household not in households:
            households[household] = 1
            if building is not None:
                graph.add_edge(household, building)
                households[building] = households.get(building, 1) - 1
    roots = [n for n in graph if info.get(n, {}).get("kind") == "city_committee"]
    if not roots:
        return []
    root = ("__root__",)
    graph.add_edges_from((root, r) for r in roots)
    reachable = nx.node_connected_component(graph, root)
    directed = graph.subgraph(reachable).to_directed()
    idom = nx.immediate_dominators(directed, root)
    children: dict[Any, list[Any]] = {}
    for node, dominator in idom.items():
        if node != dominator:
            children.setdefault(dominator, []).append(node)
    # households dominated by each node: post-order over the dominator tree
    below: dict[Any, int] = {}
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children.get(node, ()))
    for node in reversed(order):
        below[node] = households.get(node, 0) + sum(below[c] for c in children.get(node, ()))
    result = []
    for node, count in below.items():
        if node == root or node in roots or info.get(node, {}).get("label") not in ("Organization", "CentralHousehold"):
            continue
        if count > 0:
            result.append({"org_id": node, "org": info[node]["name"], "kind": info[node]["kind"],
                           "households_cut_off": count})
    result.sort(key=lambda r: (-r["households_cut_off"], r["org_id"]))
    return result


# --- load_per_member --------------------------------------------------------------

def load_per_member(db: Backend, params: dict[str, Any]) -> list[Row]:
    """Households per full member for every central household and every compound or joint branch.

    A central household's households are the ones it covers on ``as_of`` and its members its
    host (when a full member); a branch's households are those in the compounds it covers.
    Only those that cover something on ``as_of`` are listed.

    Rows: ``id``, ``name``, ``kind``, ``households``, ``full_members``,
    ``households_per_member`` (6 decimals; none when there is no full member).  Those with
    households but no full member come first, then the heaviest load, the most households, id.
    """
    rows = _org_territory(db, params["as_of"])
    info = _node_info(rows)
    members = {r["id"]: r["full_members"] for r in run_query(db, "projection_full_members", _dated(params))}
    per_compound = _households_per_compound(_building_households(db))
    graph = nx.DiGraph()  # who covers what: branch → compound, central household → household
    for row in rows:
        if row["type"] == "COVERS" and row["source_kind"] in BRANCH_KINDS and row["target_label"] == "Compound":
            graph.add_edge(row["source_id"], row["target_id"])
    for contact in _contacts(db, params["as_of"]):
        graph.add_edge(contact["central_household_id"], contact["household_id"])
        info.setdefault(contact["central_household_id"], {
            "label": "CentralHousehold", "kind": "central_household", "name": contact["central_household"]})
    result = []
    for node in graph:
        kind = info.get(node, {}).get("kind")
        if kind == "central_household":
            households = graph.out_degree(node)
        elif kind in BRANCH_KINDS:
            households = sum(per_compound.get(c, 0) for c in graph.successors(node))
        else:
            continue
        full = int(members.get(node, 0))
        result.append({
            "id": node, "name": info[node]["name"], "kind": kind, "households": households,
            "full_members": full,
            "households_per_member": round(households / full, 6) if full else None,
        })
    result.sort(key=lambda r: (
        0 if r["households_per_member"] is None and r["households"] > 0 else 1,
        -(r["households_per_member"] or 0), -r["households"], r["id"]))
    return result


# --- cobuilding_centrality --------------------------------------------------------

def cobuilding_centrality(db: Backend, params: dict[str, Any]) -> list[Row]:
    """Degree and betweenness centrality (networkx, normalized) in the co-building network.

    Nodes are organizations and communities; an edge joins the two party organizations of
    a contract, and an organization to each community it reported to (双报到).  Several
    contracts between the same two organizations make one edge.

    Rows: ``id``, ``name``, ``label``, ``kind``, ``degree``, ``degree_centrality``,
    ``betweenness`` (6 decimals), by betweenness (highest first), then id.
    """
    rows = run_query(db, "projection_cobuilding", {})
    info = _node_info(rows)
    graph = nx.Graph()
    graph.add_edges_from((r["source_id"], r["target_id"]) for r in rows)
    if graph.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(graph)
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    result = [{
        "id": node, "name": info[node]["name"], "label": info[node]["label"], "kind": info[node]["kind"],
        "degree": graph.degree(node), "degree_centrality": round(degree[node], 6),
        "betweenness": round(betweenness[node], 6),
    } for node in graph]
    result.sort(key=lambda r: (-r["betweenness"], r["id"]))
    return result


# --- branch_candidates ------------------------------------------------------------

def branch_candidates(db: Backend, params: dict[str, Any]) -> list[Row]:
    """For each compound no compound or joint branch covers on ``as_of``, the branches best placed to.

    A candidate is an existing compound or joint branch with at least ``min_members`` full
    members that covers a compound in the same grid (``same_grid``) or, failing that, the
    same community.  Candidates are ranked: same grid first, then the fewest households
    already covered, then id; the first ``top`` are kept.  A compound with no candidate
    gets one row with no branch.

    Rows: ``compound_id``, ``compound``, ``grid``, ``community``, ``branch_id``, ``branch``,
    ``same_grid``, ``full_members``, ``households_covered``, ``rank``; by compound, rank.
    """
    if params["top"] < 1:
        raise ParameterError(f"top must be at least 1, got {params['top']}")
    rows = _org_territory(db, params["as_of"])
    info = _node_info(rows)
    members = {r["id"]: r["full_members"] for r in run_query(db, "projection_full_members", _dated(params))}
    per_compound = _households_per_compound(_building_households(db))
    grid_of: dict[str, str] = {}
    community_of: dict[str, str] = {}
    covers: dict[str, set[str]] = {}
    for row in rows:
        if row["type"] == "PART_OF" and row["source_label"] == "Compound" and row["target_label"] == "Grid":
            grid_of[row["source_id"]] = row["target_id"]
        elif row["type"] == "PART_OF" and row["source_label"] == "Grid" and row["target_label"] == "Community":
            community_of[row["source_id"]] = row["target_id"]
        elif (row["type"] == "COVERS" and row["target_label"] == "Compound"
              and row["source_kind"] in BRANCH_KINDS):
            covers.setdefault(row["source_id"], set()).add(row["target_id"])
    # a bipartite graph: branch — compound it covers; the compounds' grids and communities place it
    graph = nx.Graph()
    for branch, compounds in covers.items():
        graph.add_edges_from((branch, c) for c in compounds)
    covered = {c for compounds in covers.values() for c in compounds}
    branches = []
    for branch in sorted(covers):
        compounds = set(graph.neighbors(branch))
        grids = {grid_of[c] for c in compounds if c in grid_of}
        branches.append({
            "id": branch, "name": info[branch]["name"], "grids": grids,
            "communities": {community_of[g] for g in grids if g in community_of},
            "full_members": int(members.get(branch, 0)),
            "households": sum(per_compound.get(c, 0) for c in compounds),
        })
    eligible = [b for b in branches if b["full_members"] >= params["min_members"]]
    result = []
    for compound in sorted(grid_of):
        if compound in covered:
            continue
        grid = grid_of[compound]
        community = community_of.get(grid)
        ranked = sorted(
            ((grid in b["grids"], b) for b in eligible
             if grid in b["grids"] or (community is not None and community in b["communities"])),
            key=lambda pair: (not pair[0], pair[1]["households"], pair[1]["id"]),
        )[: params["top"]]
        base = {"compound_id": compound, "compound": info[compound]["name"],
                "grid": info[grid]["name"], "community": info[community]["name"] if community else None}
        if not ranked:
            result.append({**base, "branch_id": None, "branch": None, "same_grid": None,
                           "full_members": None, "households_covered": None, "rank": None})
        for rank, (same_grid, b) in enumerate(ranked, start=1):
            result.append({**base, "branch_id": b["id"], "branch": b["name"], "same_grid": same_grid,
                           "full_members": b["full_members"], "households_covered": b["households"],
                           "rank": rank})
    return result


_RUNNERS: dict[str, Callable[[Backend, dict[str, Any]], list[Row]]] = {
    "articulation_orgs": articulation_orgs,
    "load_per_member": load_per_member,
    "cobuilding_centrality": cobuilding_centrality,
    "branch_candidates": branch_candidates,
}


def run_analysis(db: Backend, name: str, params: dict[str, Any] | None = None) -> list[Row]:
    """Run analysis ``name`` with ``params`` (text or typed values) and return its rows.

    Raises:
        UnknownAnalysis: no such analysis.
        ParameterError: an unknown parameter or a value of the wrong type.

    Example:
        >>> run_analysis(db, "articulation_orgs", {"as_of": "2021-12-31"})[0]  # doctest: +SKIP
        {'org_id': 'O_D1', 'org': '中共万秀区委', 'kind': 'district_committee', 'households_cut_off': 12}
    """
    if name not in _RUNNERS:
        raise UnknownAnalysis(f"no analysis called {name!r}; choose one of {', '.join(ANALYSES)}")
    return _RUNNERS[name](db, _bind(name, params))
