"""The catalogue queries on the 东风 fixture, on both backends.

Every expected answer below is worked out by hand from tests/fixtures/dongfeng/*.csv
(see its README for the gaps placed on purpose), not by running the code.  The last
test runs every catalogue query on both backends and requires the same answer.

The queries only read, so the fixture is loaded once per backend for the module
(conftest's ``fixture_db``).
"""

from __future__ import annotations

import datetime

import pytest

from graph.statements import ParameterError
from loaders.load import load_path
from queries.catalogue import CATALOGUE, UnknownQuery, gap_count_query, get_query, rule_query, run_query
from queries.street_rollup import streets_from_communities
from queries.warm_up import warm_up
from tests.conftest import FIXTURE, _backend

AS_OF = "2021-12-31"
D = datetime.date


@pytest.fixture
def g(fixture_db):
    """The 东风 fixture, loaded once per module and backend by conftest's fixture_db (tests only read)."""
    return fixture_db


def project(rows, *columns):
    """Rows cut down to ``columns``, as tuples."""
    return [tuple(row[c] for c in columns) for row in rows]


# --- coverage -------------------------------------------------------------------------

def test_each_rule_has_its_gap_list_and_r12_a_gap_count_too():
    assert rule_query("R12").name == "r12_members_not_reported" and rule_query("R4").name == "r4_members_not_in_one_org"
    assert gap_count_query("R12").name == "r12_gaps"
    assert gap_count_query("R4") is None  # counted by listing


def test_coverage_trend_follows_covers_since_and_until(g):
    rows = run_query(g, "coverage_trend", {"from_date": "2020-02-01", "to_date": "2021-07-15"})
    by_month = {r["month"]: r for r in rows}
    assert len(rows) == 18 and rows[0]["month"] == "2020-02" and rows[-1]["month"] == "2021-07"
    assert all(r["compounds"] == 12 for r in rows)
    covered = {m: by_month[m]["covered"] for m in
               ("2020-02", "2020-03", "2020-04", "2020-05", "2020-06", "2021-02", "2021-03", "2021-06", "2021-07")}
    # B1 CP01, B2 CP02+CP11 from 2020-03; B4 CP05-07 from 2020-05; B5 CP08 from 2020-06;
    # B3 CP03 from 2021-03; CP11's coverage ends 2021-06-30 (inclusive).
    assert covered == {"2020-02": 0, "2020-03": 3, "2020-04": 3, "2020-05": 6, "2020-06": 7,
                       "2021-02": 7, "2021-03": 8, "2021-06": 8, "2021-07": 7}
    assert by_month["2020-02"]["day"] == D(2020, 2, 29)  # leap year
    assert by_month["2021-07"]["day"] == D(2021, 7, 15)  # the last, partial month ends on to_date
    assert by_month["2021-03"]["share"] == pytest.approx(0.6667)
    assert by_month["2020-03"]["share"] == pytest.approx(0.25)


def test_coverage_trend_empty_when_from_is_after_to(g):
    assert run_query(g, "coverage_trend", {"from_date": "2021-12-01", "to_date": "2021-01-01"}) == []


COMMUNITY_COLUMNS = ("community_id", "compounds", "compounds_covered", "compounds_effectively_covered",
                     "buildings_with_members", "buildings_with_group", "grids", "grids_with_org",
                     "households", "households_reached")


def test_coverage_by_community(g):
    rows = run_query(g, "coverage_by_community", {"as_of": AS_OF})
    # CM1: CP01 CP02 CP03 CP04 CP11 CP12, covered CP01-03, effective only CP01 (B1: M01-M03 full,
    #      met 2021-11-12, secretary M01); members in B011 B012 B021 B031 B041; group on B011;
    #      G1 (grid org) G2; households 5+1+1+3 = 10; CH1 reaches H0111 (home) H0112 H0113.
    # CM2: CP05-07 all covered by B4 (2 full members, no secretary); members in B051.
    # CM3: CP08 covered by B5 (1 full member); members in B081 (group G81) and B091.
    assert project(rows, *COMMUNITY_COLUMNS) == [
        ("CM1", 6, 3, 1, 5, 1, 2, 1, 10, 3),
        ("CM2", 3, 3, 0, 1, 0, 1, 1, 2, 0),
        ("CM3", 3, 1, 0, 2, 1, 1, 0, 4, 0),
    ]
    assert project(rows, "street_id", "community") == [("S1", "东风社区"), ("S1", "红岭社区"), ("S2", "西江社区")]


def test_coverage_by_community_effective_needs_a_recent_meeting(g):
    # B1 last met 2021-11-12: 90 days later is 2022-02-10, the 91st day 2022-02-11.
    assert run_query(g, "coverage_by_community", {"as_of": "2022-02-10"})[0]["compounds_effectively_covered"] == 1
    assert run_query(g, "coverage_by_community", {"as_of": "2022-02-11"})[0]["compounds_effectively_covered"] == 0


# S1: CM1 + CM2 (6+3 compounds, 3+3 covered, 5+1 buildings with members, 10+2 households …); S2: CM3.
STREETS = [
    ("S1", 2, 9, 6, 1, 6, 1, 3, 2, 12, 3),
    ("S2", 1, 3, 1, 0, 2, 1, 1, 0, 4, 0),
]


def test_coverage_by_street(g):
    rows = run_query(g, "coverage_by_street", {"as_of": AS_OF})
    assert project(rows, "street_id", "communities", *COMMUNITY_COLUMNS[1:]) == STREETS


def test_streets_from_communities_sums_each_streets_communities(g):
    # the Overview draws the streets from the coverage_by_community rows it already has
    rows = streets_from_communities(run_query(g, "coverage_by_community", {"as_of": AS_OF}))
    assert project(rows, "street_id", "communities", *COMMUNITY_COLUMNS[1:]) == STREETS
    assert [r["street"] for r in rows] == [r["street"] for r in run_query(g, "coverage_by_street", {"as_of": AS_OF})]


def test_streets_from_communities_without_rows():
    assert streets_from_communities([]) == []
    rows = [{"street_id": "S2", "street": "西江街道", "compounds": 4, "households": None},
            {"street_id": "S1", "street": "东风街道", "compounds": 1, "households": 7},
            {"street_id": "S2", "street": "西江街道", "compounds": 0, "households": 2}]
    assert streets_from_communities(rows) == [
        {"street_id": "S1", "street": "东风街道", "communities": 1, "compounds": 1, "households": 7},
        {"street_id": "S2", "street": "西江街道", "communities": 2, "compounds": 4, "households": 2},
    ]


def test_streets_from_communities_lists_a_street_without_communities_with_zeros():
    streets = [{"street_id": "S1", "street": "东风街道"}, {"street_id": "S3", "street": "新区街道"}]
    rows = [{"street_id": "S1", "street": "东风街道", "compounds": 2, "households": 5}]
    by_street = {r["street_id"]: r for r in streets_from_communities(rows, streets)}
    assert [by_street["S1"][k] for k in ("communities", "compounds", "households", "grids")] == [1, 2, 5, 0]
    assert by_street["S3"]["street"] == "新区街道"
    assert [by_street["S3"][k] for k in ("communities", "compounds", "households", "households_reached")] == [0, 0, 0, 0]


# --- responsibility chain ---------------------------------------------------------------

TERRITORY_UP_FROM_H0112 = [
    (1, "Household", "H0112"), (2, "Building", "B011"), (3, "Compound", "CP01"), (4, "Grid", "G1"),
    (5, "Community", "CM1"), (6, "Street", "S1"), (7, "District", "D1"), (8, "City", "C1"),
]


def test_responsibility_chain_of_a_household_with_a_central_household(g):
    rows = run_query(g, "responsibility_chain", {"id": "H0112", "as_of": AS_OF})
    territory = [r for r in rows if r["chain"] == "territory"]
    organization = [r for r in rows if r["chain"] == "organization"]
    assert rows == territory + organization
    assert project(territory, "step", "level", "id") == TERRITORY_UP_FROM_H0112
    assert project(organization, "step", "id", "kind", "level") == [
        (1, "CH1", "central_household", "Household"),
        (2, "O_G11", "building_group", "Building"),
        (3, "O_B1", "compound_branch", "Compound"),
        (4, "O_CM1", "community_committee", "Community"),
        (5, "O_S1", "street_committee", "Street"),
        (6, "O_D1", "district_committee", "District"),
        (7, "O_CITY", "city_committee", "City"),
    ]
    assert organization[0]["name"] == "张明党员中心户"


def test_responsibility_chain_reaches_the_host_household_through_located_at(g):
    rows = run_query(g, "responsibility_chain", {"id": "H0111", "as_of": AS_OF})
    assert [r["id"] for r in rows if r["chain"] == "organization"][:3] == ["CH1", "O_G11", "O_B1"]


def test_responsibility_chain_of_an_uncovered_compound_starts_at_the_community(g):
    rows = run_query(g, "responsibility_chain", {"id": "H0411", "as_of": AS_OF})
    assert project([r for r in rows if r["chain"] == "organization"], "step", "id") == [
        (1, "O_CM1"), (2, "O_S1"), (3, "O_D1"), (4, "O_CITY")]
    assert len([r for r in rows if r["chain"] == "territory"]) == 8


def test_responsibility_chain_of_a_building_and_after_coverage_ended(g):
    rows = run_query(g, "responsibility_chain", {"id": "B081", "as_of": AS_OF})
    assert project(rows, "chain", "step", "id")[:2] == [("territory", 1, "B081"), ("territory", 2, "CP08")]
    assert [r["id"] for r in rows if r["chain"] == "organization"] == [
        "O_G81", "O_B5", "O_CM3", "O_S2", "O_D1", "O_CITY"]
    # CP11: B2's coverage ended 2021-06-30, so the grid organization of G1 is the lowest.
    after = run_query(g, "responsibility_chain", {"id": "CP11", "as_of": AS_OF})
    assert [r["id"] for r in after if r["chain"] == "organization"][:2] == ["O_GR1", "O_CM1"]
    before = run_query(g, "responsibility_chain", {"id": "CP11", "as_of": "2021-01-01"})
    assert [r["id"] for r in before if r["chain"] == "organization"][:2] == ["O_B2", "O_CM1"]


def test_responsibility_chain_of_an_unknown_id_is_empty(g):
    assert run_query(g, "responsibility_chain", {"id": "NOPE", "as_of": AS_OF}) == []


# --- profiles ---------------------------------------------------------------------------

def test_member_profile(g):
    rows = run_query(g, "member_profile", {"id": "M01", "as_of": AS_OF})
    assert project(rows, "section", "id", "kind", "since", "value") == [
        ("member", "M01", "retired", D(1980, 7, 1), None),
        ("organization", "O_B1", "compound_branch", D(2020, 3, 1), None),
        ("household", "H0111", "Household", D(2000, 1, 1), 3),
        ("secretary_of", "O_B1", "compound_branch", D(2020, 3, 1), None),
        ("central_household", "CH1", "central_household", None, 2),
    ]
    assert rows[0]["member"] == "张明" and rows[0]["status"] == "full"
    assert rows[2]["name"] == "锦绣小区 1栋101"


def test_member_profile_of_an_in_service_member(g):
    rows = run_query(g, "member_profile", {"id": "M10", "as_of": AS_OF})
    assert project(rows, "section", "id") == [
        ("member", "M10"), ("organization", "O_U1"), ("household", "H0411"), ("works_at", "U1"),
        ("reported_to", "CM1"), ("demand", "DM2")]
    assert rows[-1]["until"] == D(2021, 4, 20) and rows[-1]["status"] is None  # done, not evaluated


def test_organization_profile(g):
    rows = run_query(g, "organization_profile", {"id": "O_B1", "as_of": AS_OF})
    assert project(rows, "section", "id", "kind", "status", "since", "value") == [
        ("organization", "O_B1", "compound_branch", None, D(2020, 3, 1), None),
        ("last_met_on", "O_B1", "compound_branch", None, D(2021, 11, 12), 49),
        ("parent", "O_CM1", "community_committee", None, None, None),
        ("child", "O_G11", "building_group", None, None, None),
        ("covers", "CP01", "Compound", None, D(2020, 3, 1), None),
        ("members", None, "retired", "full", None, 3),
        ("members", None, "retired", "probationary", None, 1),
        ("secretary", "M01", "retired", "full", D(2020, 3, 1), None),
    ]
    assert rows[-1]["member"] == "张明"


def test_organization_profile_of_a_community_committee_with_a_contract(g):
    rows = run_query(g, "organization_profile", {"id": "O_CM1", "as_of": AS_OF})
    assert [r["id"] for r in rows if r["section"] == "child"] == ["O_B1", "O_B2", "O_B3", "O_GR1", "O_P1"]
    assert [r for r in rows if r["section"] == "members"] == []  # M09 left on 2021-03-01
    contract = [r for r in rows if r["section"] == "contract"]
    assert project(contract, "id", "kind", "since", "until", "value") == [
        ("K1", "local_party", D(2021, 1, 1), D(2021, 6, 30), 7)]


def test_unit_profile(g):
    rows = run_query(g, "unit_profile", {"id": "U1"})
    assert project(rows, "section", "id") == [
        ("unit", "U1"), ("located_in", "CM1"), ("party_org", "O_U1"),
        ("worker", "M10"), ("worker", "M11"), ("worker", "M12"),
        ("reported_to", "CM1"), ("contract", "K1"), ("demand", "DM1"), ("demand", "DM2")]
    assert [r["member"] for r in rows if r["section"] == "worker"] == ["吴磊", "徐娜", "孙杰"]
    assert rows[0]["kind"] == "institution"


def test_unit_profile_of_a_property_company(g):
    rows = run_query(g, "unit_profile", {"id": "PC1"})
    assert rows[0]["kind"] == "property_company"
    assert [r["id"] for r in rows if r["section"] == "party_org"] == ["O_P1"]
    assert [r["id"] for r in rows if r["section"] == "manages"] == ["CP01", "CP02", "CP03", "CP05", "CP06",
                                                                    "CP08", "CP11"]


def test_contract_profile(g):
    rows = run_query(g, "contract_profile", {"id": "K1", "as_of": AS_OF})
    assert project(rows, "section", "id", "value") == [
        ("contract", "K1", 7), ("signed_on", "K1", None), ("local_party", "O_CM1", None),
        ("unit_party", "O_U1", None),
        ("meetings", "2021-01", 1), ("meetings", "2021-02", 1), ("meetings", "2021-03", 1),
        ("meetings", "2021-04", 0), ("meetings", "2021-05", 1), ("meetings", "2021-06", 1),
        ("visit", "V1", None)]
    assert rows[1]["since"] == D(2020, 12, 20)
    assert project(rows[-1:], "kind", "name", "since") == [("unit_to_local", "梧州供电局党委", D(2021, 2, 10))]


def test_contract_profile_counts_only_what_happened_by_the_date(g):
    rows = run_query(g, "contract_profile", {"id": "K2", "as_of": "2021-02-10"})
    assert project([r for r in rows if r["section"] in ("meetings", "visit")], "id", "value") == [
        ("2021-01", 1), ("2021-02", 0), ("V2", None)]


# --- compliance and demands -------------------------------------------------------------

def test_contract_compliance(g):
    rows = run_query(g, "contract_compliance", {"as_of": AS_OF})
    assert project(rows, "contract_id", "months_due", "months_met", "months_missing", "unit_visits_due",
                   "unit_visits_done", "local_visits_due", "local_visits_done", "visits_overdue",
                   "problems_solved") == [
        ("K1", 6, 5, 1, 1, 1, 1, 0, 1, 7),
        ("K2", 3, 3, 0, 1, 1, 1, 1, 0, 3),
    ]


def test_contract_compliance_before_the_year_ends(g):
    # 2021-05-20: K1 has full months Jan–Apr due (April missed) and no visit due yet.
    rows = run_query(g, "contract_compliance", {"as_of": "2021-05-20"})
    assert project(rows, "contract_id", "months_due", "months_met", "unit_visits_due", "visits_overdue") == [
        ("K1", 4, 3, 0, 0), ("K2", 3, 3, 1, 0)]


def test_demand_funnel_by_community(g):
    rows = run_query(g, "demand_funnel_by_community", {"as_of": AS_OF})
    # CM1: DM1 claimed, done in 9 days, satisfied; DM2 dispatched, done in 19 days, not evaluated.
    # CM2: DM3 raised only.  CM3: DM4 claimed, not done.  Median of [9, 19]: the lower, 9.
    assert project(rows, "community_id", "raised", "taken", "claimed", "dispatched", "done", "evaluated",
                   "satisfied", "median_days_to_done") == [
        ("CM1", 2, 2, 1, 1, 2, 1, 1, 9),
        ("CM2", 1, 0, 0, 0, 0, 0, 0, None),
        ("CM3", 1, 1, 1, 0, 0, 0, 0, None),
    ]


def test_demand_funnel_by_community_on_an_earlier_date(g):
    rows = run_query(g, "demand_funnel_by_community", {"as_of": "2021-04-10"})
    # DM2 raised 04-01 and taken 04-03 but done only on 04-20; DM3, DM4 not raised yet.
    assert project(rows, "community_id", "raised", "taken", "done", "median_days_to_done") == [
        ("CM1", 2, 2, 1, 9), ("CM2", 0, 0, 0, None), ("CM3", 0, 0, 0, None)]


def test_demand_funnel_by_unit(g):
    rows = run_query(g, "demand_funnel_by_unit", {"as_of": AS_OF})
    # U1: DM1 through O_U1, DM2 through M10 who works there; U2: DM4 through O_U2.
    assert project(rows, "unit_id", "raised_in_community", "taken", "claimed", "dispatched", "done",
                   "evaluated", "satisfied", "median_days_to_done") == [
        ("U1", 2, 2, 1, 1, 2, 1, 1, 9),
        ("U2", 1, 1, 1, 0, 0, 0, 0, None),
        ("PC1", 0, 0, 0, 0, 0, 0, 0, None),
        ("U3", 1, 0, 0, 0, 0, 0, 0, None),
    ]


# --- search, neighbourhood, shortest path -----------------------------------------------

def test_search_entities_in_chinese(g):
    rows = run_query(g, "search_entities", {"text": "锦绣"})
    assert project(rows, "label", "id", "name") == [
        ("Building", "B011", "锦绣小区1栋"), ("Building", "B012", "锦绣小区2栋"),
        ("Compound", "CP01", "锦绣小区"),
        ("Organization", "O_B1", "锦绣小区党支部"), ("Organization", "O_G11", "锦绣小区1栋党小组"),
        ("OwnersCommittee", "OC1", "锦绣小区业委会"), ("ServiceCentre", "SC4", "锦绣小区党群服务站"),
    ]


def test_search_entities_finds_members_demands_and_ids_and_keeps_the_limit(g):
    assert project(run_query(g, "search_entities", {"text": "张"}), "label", "id") == [
        ("CentralHousehold", "CH1"), ("Member", "M01")]
    assert project(run_query(g, "search_entities", {"text": "照明"}), "label", "id", "name") == [
        ("Demand", "DM1", "楼道照明维修")]
    assert project(run_query(g, "search_entities", {"text": "K2"}), "label", "id") == [("Contract", "K2")]
    # nodes with no name are found by their id alone: a fund, a visit
    assert project(run_query(g, "search_entities", {"text": "F2"}), "label", "id", "name") == [("Fund", "F2", None)]
    assert project(run_query(g, "search_entities", {"text": "V1"}), "label", "id") == [("Visit", "V1")]
    assert project(run_query(g, "search_entities", {"text": "社区", "limit": 3}), "label", "id") == [
        ("Community", "CM1"), ("Community", "CM2"), ("Community", "CM3")]
    assert run_query(g, "search_entities", {"text": "没有这个"}) == []
    from graph.privacy import mask_rows

    masked = mask_rows(run_query(g, "search_entities", {"text": "张明"}))
    assert project(masked, "label", "name") == [("CentralHousehold", "张明党员中心户"), ("Member", "张*")]


NEIGHBOURS_OF_CP04 = [
    (0, "B041", "Building", "PART_OF", "CP04", "Compound"),
    (0, "CP04", "Compound", "PART_OF", "G2", "Grid"),
    (0, "L2", "Leader", "RESPONSIBLE_FOR", "CP04", "Compound"),
]


def test_neighbourhood_depth_one_and_two(g):
    columns = ("hops", "source_id", "source_label", "type", "target_id", "target_label")
    assert project(run_query(g, "neighbourhood", {"id": "CP04"}), *columns) == NEIGHBOURS_OF_CP04
    rows = run_query(g, "neighbourhood", {"id": "CP04", "depth": 2})
    assert project(rows, *columns) == NEIGHBOURS_OF_CP04 + [
        (1, "CP03", "Compound", "PART_OF", "G2", "Grid"),
        (1, "CP12", "Compound", "PART_OF", "G2", "Grid"),
        (1, "G2", "Grid", "PART_OF", "CM1", "Community"),
        (1, "H0411", "Household", "PART_OF", "B041", "Building"),
        (1, "H0412", "Household", "PART_OF", "B041", "Building"),
        (1, "H0413", "Household", "PART_OF", "B041", "Building"),
    ]
    assert rows[2]["source_name"] == "韦军" and rows[0]["target_name"] == "灏景玥城"


def test_neighbourhood_limit_and_depth_cap(g):
    rows = run_query(g, "neighbourhood", {"id": "CP04", "depth": 2, "limit": 4})
    assert [r["source_id"] for r in rows] == ["B041", "CP04", "L2", "CP03"]
    assert run_query(g, "neighbourhood", {"id": "H0112", "depth": 9, "limit": 1000}) == \
        run_query(g, "neighbourhood", {"id": "H0112", "depth": 3, "limit": 1000})


def test_shortest_path_between_two_members(g):
    rows = run_query(g, "shortest_path", {"from_id": "M01", "to_id": "M05"})
    # Four paths of 4 hops share these nodes (BELONGS_TO or SECRETARY_OF at each end); the
    # one whose key comes first takes BELONGS_TO at both.
    assert project(rows, "step", "id", "label", "relationship", "direction") == [
        (0, "M01", "Member", None, None),
        (1, "O_B1", "Organization", "BELONGS_TO", "->"),
        (2, "O_CM1", "Organization", "UNDER", "->"),
        (3, "O_B2", "Organization", "UNDER", "<-"),
        (4, "M05", "Member", "BELONGS_TO", "<-"),
    ]
    assert run_query(g, "shortest_path", {"from_id": "M01", "to_id": "M05", "max_hops": 3}) == []


def test_shortest_path_through_the_property_company(g):
    rows = run_query(g, "shortest_path", {"from_id": "H0112", "to_id": "O_U2", "max_hops": 8})
    assert project(rows, "id", "relationship") == [
        ("H0112", None), ("B011", "PART_OF"), ("CP01", "PART_OF"), ("PC1", "MANAGES"), ("CP08", "MANAGES"),
        ("G4", "PART_OF"), ("CM3", "PART_OF"), ("O_U2", "REPORTED_TO")]
    assert run_query(g, "shortest_path", {"from_id": "H0112", "to_id": "O_U2"}) == []  # 7 > 6 hops
    assert run_query(g, "shortest_path", {"from_id": "M15", "to_id": "M15"}) == []
    assert run_query(g, "shortest_path", {"from_id": "NOPE", "to_id": "M15"}) == []


# --- parameters and names ---------------------------------------------------------------

def test_wrong_parameter_type_is_a_parameter_error():
    with pytest.raises(ParameterError, match="depth must be int"):
        get_query("neighbourhood").bind({"id": "CP01", "depth": "two"})
    with pytest.raises(ParameterError, match="as_of must be date"):
        get_query("coverage_by_community").bind({"as_of": "2021-13-45"})
    with pytest.raises(ParameterError, match="has no parameter colour"):
        get_query("search_entities").bind({"text": "锦绣", "colour": "red"})


class NoDatabase:
    """A backend that fails the test if it is asked anything."""

    def read(self, *args, **kwargs):
        raise AssertionError("the database was asked")


def test_wrong_parameter_type_is_refused_before_the_database():
    with pytest.raises(ParameterError, match="limit must be int, got 'many'"):
        run_query(NoDatabase(), "search_entities", {"text": "锦绣", "limit": "many"})


def test_unknown_query_name():
    with pytest.raises(UnknownQuery, match="no query called 'coverage_trnd'.*coverage_trend"):
        run_query(NoDatabase(), "coverage_trnd", {})


# --- every query, both backends ---------------------------------------------------------

# Values for parameters that have no default, by name, then by type.
SAMPLE_VALUES = {"id": "H0112", "text": "社区", "from_id": "M01", "to_id": "O_U2", "around": "CP01"}
SAMPLE_BY_QUERY = {
    "member_profile": {"id": "M10"}, "organization_profile": {"id": "O_CM1"},
    "unit_profile": {"id": "U1"}, "contract_profile": {"id": "K1"}, "neighbourhood": {"id": "CP01", "depth": 2},
    "shortest_path": {"max_hops": 8},
}
SAMPLE_BY_TYPE = {"str": "CP01", "int": 2, "float": 1.0, "bool": True, "date": AS_OF}


def sample_params(name: str) -> dict:
    """Parameters to run catalogue query ``name`` with on the fixture."""
    params = {}
    for p in CATALOGUE[name].parameters:
        if p.type == "date" and p.default == "today":
            params[p.name] = AS_OF
        elif p.default is None:
            params[p.name] = SAMPLE_VALUES.get(p.name, SAMPLE_BY_TYPE[p.type])
    params.update({k: v for k, v in SAMPLE_BY_QUERY.get(name, {}).items()
                   if k in {p.name for p in CATALOGUE[name].parameters}})
    return params


def normalise(value):
    """Floats to 6 significant digits, recursively, so both backends' answers compare."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return float(f"{value:.6g}")
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    return value


def test_every_query_gives_the_same_answer_on_both_backends(request, backends):
    """Every catalogue query (the r1…r12 ones too) runs on both backends with the same answer."""
    opened = {}
    for backend_name in ("embedded", "neo4j"):
        opened[backend_name] = _backend(request, backends, backend_name)
        opened[backend_name].clear()
        load_path(opened[backend_name], FIXTURE)
    failures, differing, answered = [], [], 0
    for name in sorted(CATALOGUE):
        params = sample_params(name)
        answers = {}
        for backend_name, db in opened.items():
            try:
                answers[backend_name] = normalise(run_query(db, name, params))
            except Exception as error:  # noqa: BLE001 - every failure is listed below
                failures.append(f"{name} on {backend_name}: {error}")
        if len(answers) == 2:
            answered += 1
            if answers["embedded"] != answers["neo4j"]:
                differing.append(f"{name}: embedded {answers['embedded']!r} != neo4j {answers['neo4j']!r}")
    assert not failures, "\n".join(failures)
    assert not differing, "answers differ between the backends:\n" + "\n".join(differing)
    assert answered == len(CATALOGUE)


# --- warm-up --------------------------------------------------------------------------

def test_warm_up_runs_the_queries_pages_open_with_and_leaves_out_the_projections(g):
    ran = warm_up(g)
    # dashboards, gap lists, and queries whose id or text has no default (given one no node has)
    for name in ("coverage_by_community", "headline_figures", "r12_members_not_reported",
                 "member_profile", "search_entities", "shortest_path"):
        assert name in ran
    assert "projection_nodes" not in ran and "projection_household_contacts" not in ran
    assert not [name for name in ran if name.startswith("projection_")]
