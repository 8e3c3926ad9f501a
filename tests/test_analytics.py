"""The networkx analyses on the 东风 fixture, on both backends.

Expected answers are worked out by hand from tests/fixtures/dongfeng/*.csv.  The analyses
only read, so the fixture is loaded once per backend for the module (conftest's
``fixture_db``).
"""

from __future__ import annotations

import pytest

from graph.statements import ParameterError
from queries.analytics import ANALYSES, PARAMETERS, UnknownAnalysis, run_analysis
from queries.catalogue import CATALOGUE

AS_OF = {"as_of": "2021-12-31"}


@pytest.fixture
def g(fixture_db):
    """The 东风 fixture, loaded once per module and backend by conftest's fixture_db (tests only read)."""
    return fixture_db


def test_every_analysis_is_listed_with_titles_and_parameters():
    assert set(ANALYSES) == set(PARAMETERS) == {
        "articulation_orgs", "load_per_member", "cobuilding_centrality", "branch_candidates"}
    assert all(zh and en for zh, en in ANALYSES.values())
    projections = {"projection_org_territory", "projection_building_households", "projection_household_contacts",
                   "projection_full_members", "projection_cobuilding"}
    assert projections <= set(CATALOGUE)
    assert all(CATALOGUE[name].title_zh and CATALOGUE[name].title_en for name in projections)


def test_articulation_orgs(g):
    rows = run_analysis(g, "articulation_orgs", AS_OF)
    # Households linked to the city committee: CP01 5 (B1), CP02 1 (B2), CP03 1 (B3), CP05 2 (B4),
    # CP08 3 (B5); CP04 and CP09 are covered by no one.  Removing the district committee cuts
    # all 12; the building groups and CH1 cut none (their households hang on the branch too).
    assert [(r["org_id"], r["households_cut_off"]) for r in rows] == [
        ("O_D1", 12), ("O_S1", 9), ("O_CM1", 7), ("O_B1", 5),
        ("O_B5", 3), ("O_CM3", 3), ("O_S2", 3),
        ("O_B4", 2), ("O_CM2", 2),
        ("O_B2", 1), ("O_B3", 1),
    ]
    assert rows[0] == {"org_id": "O_D1", "org": "中共万秀区委", "kind": "district_committee",
                       "households_cut_off": 12}


def test_articulation_orgs_follows_the_date(g):
    # On 2021-01-01 B3 did not cover CP03 yet, and B2 still covered CP11 (which has no households).
    rows = {r["org_id"]: r["households_cut_off"] for r in run_analysis(g, "articulation_orgs",
                                                                        {"as_of": "2021-01-01"})}
    assert rows["O_D1"] == 11 and "O_B3" not in rows and rows["O_CM1"] == 6


def test_load_per_member(g):
    rows = run_analysis(g, "load_per_member", AS_OF)
    assert [(r["id"], r["kind"], r["households"], r["full_members"], r["households_per_member"])
            for r in rows] == [
        ("O_B5", "compound_branch", 3, 1, 3.0),          # CP08: 3 households; M08
        ("CH1", "central_household", 2, 1, 2.0),         # H0112, H0113; host M01 is a full member
        ("O_B1", "compound_branch", 5, 3, 1.666667),     # CP01: 5 households; M01-M03 (M04 probationary)
        ("O_B4", "joint_branch", 2, 2, 1.0),             # CP05 2, CP06 and CP07 none; M06, M07
        ("O_B2", "joint_branch", 1, 1, 1.0),             # CP02 (CP11 ended); M05
        ("O_B3", "compound_branch", 1, 1, 1.0),          # CP03; M09
    ]


def test_cobuilding_centrality(g):
    rows = run_analysis(g, "cobuilding_centrality", {})
    # Two paths of three: CM1 - O_U1 - O_CM1 (report, contract K1) and CM3 - O_U2 - O_S2.
    # Six nodes: degree centrality = degree / 5; a middle node lies on the one path between its two
    # neighbours, normalised by 2 / ((n - 1)(n - 2)) = 1/10.
    assert [(r["id"], r["label"], r["degree"], r["degree_centrality"], r["betweenness"]) for r in rows] == [
        ("O_U1", "Organization", 2, 0.4, 0.1),
        ("O_U2", "Organization", 2, 0.4, 0.1),
        ("CM1", "Community", 1, 0.2, 0.0),
        ("CM3", "Community", 1, 0.2, 0.0),
        ("O_CM1", "Organization", 1, 0.2, 0.0),
        ("O_S2", "Organization", 1, 0.2, 0.0),
    ]


BRANCH_COLUMNS = ("compound_id", "branch_id", "same_grid", "full_members", "households_covered", "rank")


def test_branch_candidates(g):
    rows = run_analysis(g, "branch_candidates", AS_OF)
    # Uncovered: CP04 (G2), CP09, CP10 (G4), CP11 (G1), CP12 (G2).  Only B1 (G1, CM1) has 3 full members.
    assert [tuple(r[c] for c in BRANCH_COLUMNS) for r in rows] == [
        ("CP04", "O_B1", False, 3, 5, 1),
        ("CP09", None, None, None, None, None),
        ("CP10", None, None, None, None, None),
        ("CP11", "O_B1", True, 3, 5, 1),
        ("CP12", "O_B1", False, 3, 5, 1),
    ]
    assert rows[0]["compound"] == "灏景玥城" and rows[0]["branch"] == "锦绣小区党支部"


def test_branch_candidates_same_grid_first_then_fewest_households(g):
    rows = run_analysis(g, "branch_candidates", {"as_of": "2021-12-31", "min_members": "1", "top": "2"})
    # CP04 in G2: B3 covers CP03 in G2 (1 household); in CM1 also B2 (CP02, 1) and B1 (CP01, 5).
    # CP11 in G1: B2 (CP02 in G1, 1) and B1 (CP01 in G1, 5).  CP09, CP10 in G4: B5 (CP08, 3).
    assert [tuple(r[c] for c in BRANCH_COLUMNS) for r in rows] == [
        ("CP04", "O_B3", True, 1, 1, 1), ("CP04", "O_B2", False, 1, 1, 2),
        ("CP09", "O_B5", True, 1, 3, 1),
        ("CP10", "O_B5", True, 1, 3, 1),
        ("CP11", "O_B2", True, 1, 1, 1), ("CP11", "O_B1", True, 3, 5, 2),
        ("CP12", "O_B3", True, 1, 1, 1), ("CP12", "O_B2", False, 1, 1, 2),
    ]


class NoDatabase:
    """A backend that fails the test if it is asked anything."""

    def read(self, *args, **kwargs):
        raise AssertionError("the database was asked")


def test_bad_names_and_parameters():
    with pytest.raises(UnknownAnalysis, match="no analysis called 'centrality'"):
        run_analysis(NoDatabase(), "centrality", {})
    with pytest.raises(ParameterError, match="top must be int"):
        run_analysis(NoDatabase(), "branch_candidates", {"top": "three"})
    with pytest.raises(ParameterError, match="has no parameter as_of"):
        run_analysis(NoDatabase(), "cobuilding_centrality", {"as_of": "2021-12-31"})
    with pytest.raises(ParameterError, match="top must be at least 1"):
        run_analysis(NoDatabase(), "branch_candidates", {"top": 0})
