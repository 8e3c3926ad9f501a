"""Each rule R1–R12 finds exactly the gaps placed by hand in the 东风 fixture (tests/fixtures/dongfeng/README.md)."""

import datetime

import pytest

from queries.catalogue import run_query
from queries.coverage import coverage_table

AS_OF = {"as_of": "2021-12-31"}


@pytest.fixture
def loaded(fixture_db):
    return fixture_db


def ids(rows, key):
    return [row[key] for row in rows]


def test_r1_uncovered_compounds(loaded):
    rows = run_query(loaded, "r1_uncovered_compounds", AS_OF)
    assert sorted(ids(rows, "compound_id")) == ["CP04", "CP09", "CP10", "CP11", "CP12"]
    first = rows[0]  # most members first: 灏景玥城 has three
    assert (first["compound"], first["community"], first["street"], first["grid"]) == \
        ("灏景玥城", "东风社区", "城东街道", "东风社区第二网格")
    assert (first["households"], first["members"], first["responsible_org"]) == (3, 3, "东风社区党委")


def test_r1_reads_coverage_as_of_a_date(loaded):
    # 松柏小区 was covered by 东风联合党支部 until 2021-06-30; 丽港华府 only from 2021-03-01.
    rows = run_query(loaded, "r1_uncovered_compounds", {"as_of": "2021-01-01"})
    assert sorted(ids(rows, "compound_id")) == ["CP03", "CP04", "CP09", "CP10", "CP12"]


def test_r2_buildings_without_group_by_member_count(loaded):
    rows = run_query(loaded, "r2_buildings_without_group", AS_OF)
    assert [(r["building_id"], r["members"]) for r in rows] == [
        ("B041", 3), ("B012", 2), ("B051", 2), ("B021", 1), ("B031", 1), ("B091", 1)]
    b012 = rows[1]
    assert (b012["responsible_org"], b012["secretary"]) == ("锦绣小区党支部", "张明")


def test_r2_checks_the_buildings_members_live_in_on_the_date(loaded):
    # 西江新村1栋's only member moves in on 2019-01-01, 丽港华府1栋's on 2018-01-01, 滨江花园1栋's first
    # ones on 2017-01-01 and 灏景玥城1栋's on 2016-01-01; the other four have had members since 2010 or before.
    assert run_query(loaded, "r2_checked", {"as_of": "2021-12-31"}) == [{"checked": 8}]
    assert run_query(loaded, "r2_checked", {"as_of": "2018-06-01"}) == [{"checked": 7}]
    assert run_query(loaded, "r2_checked", {"as_of": "2016-06-01"}) == [{"checked": 5}]


def test_r2_reads_building_groups_as_of_a_date(loaded):
    # On 2020-03-15 neither group covers yet (锦绣小区1栋's from 2020-04-01, 滨江花园1栋's from 2020-07-01):
    # every building with a resident member is listed, 滨江花园1栋's four first.
    rows = run_query(loaded, "r2_buildings_without_group", {"as_of": "2020-03-15"})
    assert [(r["building_id"], r["members"]) for r in rows] == [
        ("B081", 4), ("B041", 3), ("B011", 2), ("B012", 2), ("B051", 2), ("B021", 1), ("B031", 1), ("B091", 1)]


def test_r3_grids_without_org(loaded):
    rows = run_query(loaded, "r3_grids_without_org", AS_OF)
    assert sorted(ids(rows, "grid_id")) == ["G2", "G4"]
    assert {r["grid_id"]: r["compounds"] for r in rows} == {"G2": 3, "G4": 3}


def test_r4_pocket_member(loaded):
    rows = run_query(loaded, "r4_members_not_in_one_org", AS_OF)
    assert [(r["member_id"], r["member"], r["organizations"], r["compound"]) for r in rows] == \
        [("M15", "郑洁", 0, "西江新村")]


def test_r4_reads_memberships_as_of_a_date(loaded):
    # On 2021-03-01 M09 still belongs to O_CM1 (until that day) and already to O_B3; M04 joins O_B1 only
    # on 2021-06-01, so that one membership does not count yet; M15 has none.
    rows = run_query(loaded, "r4_members_not_in_one_org", {"as_of": "2021-03-01"})
    assert [(r["member_id"], r["organizations"], r["problem"]) for r in rows] == [
        ("M09", 2, "多个组织 several organizations"), ("M04", 0, "无组织关系 no organization"),
        ("M15", 0, "无组织关系 no organization")]


def test_r5_compound_and_unit_that_should_have_a_branch(loaded):
    rows = run_query(loaded, "r5_should_have_branch", AS_OF)
    assert sorted((r["place_id"], r["full_members"]) for r in rows) == [("CP04", 3), ("U3", 3)]
    assert run_query(loaded, "r5_should_have_branch", {**AS_OF, "min_members": 4}) == []


def test_r5_reads_branches_as_of_a_date(loaded):
    # On 2020-03-15 滨江花园's branch (from 2020-06-01) does not cover it yet, and four full members live there.
    rows = run_query(loaded, "r5_should_have_branch", {"as_of": "2020-03-15"})
    assert sorted((r["place_id"], r["full_members"]) for r in rows) == [("CP04", 3), ("CP08", 4), ("U3", 3)]


def test_r6_missing_meeting_month(loaded):
    rows = run_query(loaded, "r6_missing_meeting_months", AS_OF)
    assert [(r["contract_id"], r["missing_month"]) for r in rows] == [("K1", "2021-04")]


def test_r7_overdue_visit_with_days(loaded):
    rows = run_query(loaded, "r7_overdue_visits", AS_OF)
    assert [(r["contract_id"], r["direction"], r["due"], r["days_overdue"]) for r in rows] == \
        [("K1", "local_to_unit", datetime.date(2021, 6, 30), 184)]
    assert rows[0]["should_visit"] == "东风社区党委"


def test_r8_no_property_compounds_without_mode(loaded):
    rows = run_query(loaded, "r8_no_property_without_mode")
    assert sorted(ids(rows, "compound_id")) == ["CP09", "CP12"]


def test_r9_open_demands_by_age(loaded):
    rows = run_query(loaded, "r9_open_demands", AS_OF)
    assert [(r["demand_id"], r["age_days"]) for r in rows] == [("DM2", 274), ("DM3", 244), ("DM4", 213)]
    assert [r["stage"][:3] for r in rows] == ["未评价", "未认领", "未办结"]


def test_r10_small_centres(loaded):
    rows = run_query(loaded, "r10_small_centres")
    assert [(r["centre_id"], r["area_m2"], r["standard_m2"]) for r in rows] == [("SC5", 260, 300), ("SC3", 450, 500)]


def test_r11_underfunded_communities(loaded):
    rows = run_query(loaded, "r11_underfunded_communities", {"year": 2021})
    assert [(r["community_id"], r["service_short_cny"], r["work_short_cny"]) for r in rows] == \
        [("CM2", 20000, 0), ("CM3", 0, 50000)]


def test_r12_members_not_reported(loaded):
    rows = run_query(loaded, "r12_members_not_reported", AS_OF)
    assert [(r["member_id"], r["reported_to"]) for r in rows] == [("M11", ["红岭社区"]), ("M12", [])]


def test_coverage_table_counts_checked_and_gaps(loaded):
    table = {row["rule"]: (row["checked"], row["gaps"]) for row in coverage_table(loaded, datetime.date(2021, 12, 31))}
    assert table == {"R1": (12, 5), "R2": (8, 6), "R3": (4, 2), "R4": (16, 1), "R5": (16, 2), "R6": (9, 1),
                     "R7": (4, 1), "R8": (4, 2), "R9": (4, 3), "R10": (4, 2), "R11": (3, 2), "R12": (6, 2)}
