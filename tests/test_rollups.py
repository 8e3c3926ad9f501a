"""The counts a load keeps on each building, community and member for any date (loaders/rollups.py,
loaders/spans.py), and the queries that read them."""

import datetime

from loaders.load import check_path, load_path, load_validated, refresh_counts
from loaders.rollups import count_rows, count_rows_from_input, member_count_rows, missing_counts
from loaders.spans import counts_over_time, intersection, spans_at_least, without
from queries.catalogue import run_query
from queries.coverage import coverage_table

D = datetime.date


# --- the count over time, from spans ---------------------------------------------------

def test_counts_over_time_counts_each_key_on_each_day():
    # a: January only; b: from 15 January on
    assert counts_over_time({"a": [(D(2021, 1, 1), D(2021, 1, 31))], "b": [(D(2021, 1, 15), None)]}) == (
        [D(2021, 1, 1), D(2021, 1, 15), D(2021, 2, 1)], [0, 1, 2, 1])


def test_counts_over_time_counts_a_key_once_when_its_spans_overlap_or_touch():
    spans = {"a": [(D(2021, 3, 1), D(2021, 3, 31)), (D(2021, 1, 1), D(2021, 3, 10)), (D(2021, 4, 1), D(2021, 4, 30))]}
    assert counts_over_time(spans) == ([D(2021, 1, 1), D(2021, 5, 1)], [0, 1, 0])


def test_counts_over_time_keeps_a_gap_between_spans():
    spans = {"a": [(D(2021, 1, 1), D(2021, 1, 31)), (D(2021, 3, 1), None)]}
    assert counts_over_time(spans) == ([D(2021, 1, 1), D(2021, 2, 1), D(2021, 3, 1)], [0, 1, 0, 1])


def test_counts_over_time_always_counts_before_the_first_day():
    # a household a central household sits in is reached on every day
    assert counts_over_time({"home": [(None, None)], "b": [(D(2020, 5, 1), None)]}) == ([D(2020, 5, 1)], [1, 2])


def test_counts_over_time_of_nothing_and_of_a_span_that_ends_before_it_begins():
    assert counts_over_time({}) == ([], [0])
    assert counts_over_time({"a": [(D(2021, 5, 1), D(2021, 4, 30))]}) == ([], [0])


def test_spans_at_least_follow_a_count_over_its_threshold():
    days, counts = [D(2021, 1, 1), D(2021, 2, 1), D(2021, 3, 1)], [0, 3, 2, 4]
    assert spans_at_least(days, counts, 3) == [(D(2021, 1, 1), D(2021, 1, 31)), (D(2021, 3, 1), None)]
    assert spans_at_least(days, counts) == [(D(2021, 1, 1), None)]
    assert spans_at_least([D(2021, 5, 1)], [2, 0]) == [(None, D(2021, 4, 30))]


def test_intersection_keeps_the_days_in_both():
    first = [(None, D(2021, 1, 31)), (D(2021, 3, 1), D(2021, 3, 31)), (D(2021, 6, 1), None)]
    second = [(D(2021, 1, 15), D(2021, 3, 10)), (D(2021, 7, 1), D(2021, 7, 1))]
    assert intersection(first, second) == [(D(2021, 1, 15), D(2021, 1, 31)), (D(2021, 3, 1), D(2021, 3, 10)),
                                           (D(2021, 7, 1), D(2021, 7, 1))]
    assert intersection(first, []) == []


def test_without_keeps_the_days_not_taken():
    spans = [(D(2020, 1, 1), D(2020, 12, 31)), (D(2021, 3, 1), None)]
    taken = [(None, D(2020, 3, 31)), (D(2020, 6, 1), D(2020, 6, 30)), (D(2021, 5, 1), D(2021, 5, 31))]
    assert without(spans, taken) == [(D(2020, 4, 1), D(2020, 5, 31)), (D(2020, 7, 1), D(2020, 12, 31)),
                                     (D(2021, 3, 1), D(2021, 4, 30)), (D(2021, 6, 1), None)]
    assert without([(None, None)], [(D(2021, 1, 1), None)]) == [(None, D(2020, 12, 31))]
    assert without([(D(2021, 1, 1), None)], [(None, None)]) == []
    assert without([(D(2021, 1, 1), None)], []) == [(D(2021, 1, 1), None)]


# --- kept by every load ---------------------------------------------------------------

def _counts(db, building: str) -> dict:
    row = db.read("MATCH (b:Building {id: $id}) RETURN b.residents_dates AS rd, b.residents_counts AS rc, "
                  "b.households_reached_dates AS hd, b.households_reached_counts AS hc, "
                  "b.groups_dates AS gd, b.groups_counts AS gc", {"id": building})[0]
    return {"residents": (row["rd"], row["rc"]), "households_reached": (row["hd"], row["hc"]),
            "groups": (row["gd"], row["gc"])}


def test_a_load_keeps_each_buildings_counts_for_any_date(db, fixture_dir):
    load_path(db, fixture_dir)
    # B011: M01 in H0111 and M02 in H0112 since 2000-01-01; CH1 sits in H0111 and covers H0112 and
    # H0113 from 2020-05-01; building group O_G11 covers it from 2020-04-01.
    assert _counts(db, "B011") == {
        "residents": ([D(2000, 1, 1)], [0, 2]),
        "households_reached": ([D(2020, 5, 1)], [1, 3]),
        "groups": ([D(2020, 4, 1)], [0, 1]),
    }
    # B012: M03 since 2000-01-01, M04 since 2015-01-01; no central household, no group.
    assert _counts(db, "B012") == {"residents": ([D(2000, 1, 1), D(2015, 1, 1)], [0, 1, 2]),
                                   "households_reached": ([], [0]), "groups": ([], [0])}
    # B111: no household at all
    assert _counts(db, "B111") == {"residents": ([], [0]), "households_reached": ([], [0]), "groups": ([], [0])}


def test_queries_read_the_kept_counts_on_each_date(db, fixture_dir):
    load_path(db, fixture_dir)

    def cm1(as_of):
        return run_query(db, "coverage_by_community", {"as_of": as_of})[0]

    assert cm1("2020-04-30")["community_id"] == "CM1"
    # CH1 reaches only its own household until it covers H0112 and H0113 on 2020-05-01
    assert (cm1("2020-04-30")["households_reached"], cm1("2020-05-01")["households_reached"]) == (1, 3)
    # O_G11 covers B011 from 2020-04-01
    assert (cm1("2020-03-31")["buildings_with_group"], cm1("2020-04-01")["buildings_with_group"]) == (0, 1)
    # members live in B011 and B012 from 2000, B021 from 2010, B041 from 2016, B031 from 2018
    assert [cm1(day)["buildings_with_members"] for day in ("2009-12-31", "2016-01-01", "2018-01-01")] == [2, 4, 5]


def test_a_load_of_one_changed_file_updates_the_counts(db, fixture_dir, tmp_path):
    load_path(db, fixture_dir)
    assert run_query(db, "r2_checked", {"as_of": "2021-12-31"}) == [{"checked": 8}]
    # M09, B031's only resident member, moved out on 2021-06-30
    changed = tmp_path / "moved"
    changed.mkdir()
    (changed / "residences.csv").write_text("member_id,household_id,since,until\nM09,H0311,2018-01-01,2021-06-30\n",
                                            encoding="utf-8")
    load_path(db, changed)
    assert _counts(db, "B031")["residents"] == ([D(2018, 1, 1), D(2021, 7, 1)], [0, 1, 0])
    assert run_query(db, "r2_checked", {"as_of": "2021-12-31"}) == [{"checked": 7}]
    assert run_query(db, "r2_checked", {"as_of": "2021-06-30"}) == [{"checked": 8}]
    assert run_query(db, "coverage_by_community", {"as_of": "2021-12-31"})[0]["buildings_with_members"] == 4
    # a replacing load of the whole fixture brings M09 back
    load_path(db, fixture_dir, replace=True)
    assert _counts(db, "B031")["residents"] == ([D(2018, 1, 1)], [0, 1])
    assert run_query(db, "r2_checked", {"as_of": "2021-12-31"}) == [{"checked": 8}]


class _Reader:
    """What count_rows needs of a load's writer, reading the committed graph."""

    def __init__(self, db):
        self.db = db

    def run(self, cypher, params=None):
        return self.db.read(cypher, params)


def test_the_counts_from_a_fresh_loads_input_are_those_read_from_the_graph(db, fixture_dir):
    # a load into a fresh graph works them out from its input; any other reads them from the graph
    load_path(db, fixture_dir)
    buildings, communities = count_rows_from_input(check_path(None, fixture_dir).rows)
    from_graph = count_rows(_Reader(db))
    assert (len(buildings), len(communities)) == (10, 3)

    def by_id(rows, key):
        return sorted(rows, key=lambda r: r[key])

    assert by_id(buildings, "building_id") == by_id(from_graph[0], "building_id")
    assert by_id(communities, "community_id") == by_id(from_graph[1], "community_id")


def test_a_load_keeps_each_communitys_counts(db, fixture_dir):
    load_path(db, fixture_dir)
    row = db.read("MATCH (cm:Community {id: 'CM1'}) RETURN properties(cm) AS p")[0]["p"]
    counts = {k.removesuffix("_dates"): (v, row[k.removesuffix("_dates") + "_counts"])
              for k, v in row.items() if k.endswith("_dates")}
    # CM1: compounds CP01-04, CP11, CP12 in grids G1, G2; households in B011 (3), B012 (2), B021, B031 (1 each),
    # B041 (3).  Covered: CP01 (O_B1) and CP02, CP11 (O_B2) from 2020-03-01, CP11 until 2021-06-30, CP03 (O_B3)
    # from 2021-03-01.  Effective: only O_B1 (M01-M03 full members from 2020-03-01, secretary M01 from 2020-03-01)
    # from its last meeting on 2021-11-12 to 90 days later, 2022-02-10.  Members live in B011, B012 from 2000,
    # B021 from 2010, B041 from 2016, B031 from 2018; O_G11 covers B011 from 2020-04-01; CH1 reaches its own
    # household, and H0112, H0113 from 2020-05-01; grid organization O_GR1 covers G1 from 2020-03-01.
    assert (row["compounds"], row["grids"], row["households"]) == (6, 2, 10)
    assert counts == {
        "compounds_covered": ([D(2020, 3, 1), D(2021, 3, 1), D(2021, 7, 1)], [0, 3, 4, 3]),
        "compounds_effectively_covered": ([D(2021, 11, 12), D(2022, 2, 11)], [0, 1, 0]),
        "buildings_with_members": ([D(2000, 1, 1), D(2010, 1, 1), D(2016, 1, 1), D(2018, 1, 1)], [0, 2, 3, 4, 5]),
        "buildings_with_group": ([D(2020, 4, 1)], [0, 1]),
        "households_reached": ([D(2020, 5, 1)], [1, 3]),
        "grids_with_org": ([D(2020, 3, 1)], [0, 1]),
        # M10 reports to CM1 from 2021-01-10 (M11, living in CM1, to CM2); O_U1 from 2021-01-05;
        # in-service M10, M11, M12 live in B041 from 2016
        "members_reporting": ([D(2021, 1, 10)], [0, 1]),
        "organizations_reporting": ([D(2021, 1, 5)], [0, 1]),
        "in_service_residents": ([D(2016, 1, 1)], [0, 3]),
        # of their residences, M10's is reported from 2021-01-10
        "in_service_not_reported": ([D(2016, 1, 1), D(2021, 1, 10)], [0, 3, 2]),
    }


def test_the_counts_read_from_the_graph_follow_each_residence(db):
    # 楼1: one resident all along; 楼2: its resident left on 2021-06-30; 楼3: nobody;
    # 楼4: its resident moves in on 2022-01-01; 楼5: two residents; 楼6: one member in two of its
    # households at once (moved within the building), counted once
    db.write("""
        UNWIND $homes AS home
        MERGE (b:Building {id: home.building})
        CREATE (h:Household {id: home.household})-[:PART_OF]->(b)
        WITH h, home WHERE home.member IS NOT NULL
        MERGE (m:Member {id: home.member})
        CREATE (m)-[:LIVES_IN {since: date(home.since),
                               until: CASE WHEN home.until IS NULL THEN null ELSE date(home.until) END}]->(h)
        """, {"homes": [
        {"building": "楼1", "household": "户1", "member": "党员1", "since": "2020-01-01", "until": None},
        {"building": "楼2", "household": "户2", "member": "党员2", "since": "2020-01-01", "until": "2021-06-30"},
        {"building": "楼3", "household": "户3", "member": None},
        {"building": "楼4", "household": "户4", "member": "党员4", "since": "2022-01-01", "until": None},
        {"building": "楼5", "household": "户5a", "member": "党员5a", "since": "2021-01-01", "until": None},
        {"building": "楼5", "household": "户5b", "member": "党员5b", "since": "2021-01-01", "until": None},
        {"building": "楼6", "household": "户6a", "member": "党员6", "since": "2019-01-01", "until": "2021-03-31"},
        {"building": "楼6", "household": "户6b", "member": "党员6", "since": "2021-03-01", "until": None},
    ]})
    residents = {row["building_id"]: (row["residents_dates"], row["residents_counts"])
                 for row in count_rows(_Reader(db))[0]}
    assert residents == {
        "楼1": ([D(2020, 1, 1)], [0, 1]),
        "楼2": ([D(2020, 1, 1), D(2021, 7, 1)], [0, 1, 0]),
        "楼3": ([], [0]),
        "楼4": ([D(2022, 1, 1)], [0, 1]),
        "楼5": ([D(2021, 1, 1)], [0, 2]),
        "楼6": ([D(2019, 1, 1)], [0, 1]),
    }


def test_headline_figures_and_r12_add_up_the_communities_counts_on_each_date(db, fixture_dir):
    load_path(db, fixture_dir)

    def figures(as_of):
        row = run_query(db, "headline_figures", {"as_of": as_of})[0]
        assert all(type(value) is int for value in row.values()), row  # whole numbers, not 2.0
        return row["reporting_members"], row["reporting_unit_branches"]

    # M10, M11 report from 2021-01-10, M13, M14, M16 from 2021-01-12; O_U1 from 2021-01-05, O_U2 from 2021-01-06
    assert [figures(day) for day in ("2021-01-05", "2021-01-06", "2021-01-10", "2021-01-12")] == [
        (0, 1), (0, 2), (2, 2), (5, 2)]
    # in-service M10, M11, M12 (CM1) live there from 2016, M13, M14, M16 (CM3) from 2017
    checked = [run_query(db, "r12_checked", {"as_of": day})[0]["checked"]
               for day in ("2015-12-31", "2016-01-01", "2017-01-01")]
    assert checked == [0, 3, 6] and all(type(count) is int for count in checked)


def test_one_reporting_to_or_living_in_two_communities_at_once_counts_in_the_first_by_id(db):
    # 党员甲 reports to 社区1 from 2020 and to 社区2 from 2021; 党员乙 to 社区2 in 2019-2020 and to 社区1
    # from 2020-07-01; 党员丙 (in service) lives in 社区2 from 2019 and in 社区1 too from 2020-03-01 to 2020-08-31
    db.write("""
        CREATE (c1:Community {id: '社区1'}), (c2:Community {id: '社区2'}),
               (a:Member {id: '党员甲'}), (b:Member {id: '党员乙'}), (c:Member {id: '党员丙', kind: 'in_service'}),
               (a)-[:REPORTED_TO {since: date('2020-01-01')}]->(c1),
               (a)-[:REPORTED_TO {since: date('2021-01-01')}]->(c2),
               (b)-[:REPORTED_TO {since: date('2019-01-01'), until: date('2020-12-31')}]->(c2),
               (b)-[:REPORTED_TO {since: date('2020-07-01')}]->(c1)
        WITH c1, c2, c
        UNWIND [[c1, '楼1', '户1', '2020-03-01', '2020-08-31'], [c2, '楼2', '户2', '2019-01-01', null]] AS home
        WITH home[0] AS cm, home, c
        CREATE (c)-[:LIVES_IN {since: date(home[3]), until: CASE WHEN home[4] IS NULL THEN null ELSE date(home[4]) END}]
               ->(:Household {id: home[2]})-[:PART_OF]->(:Building {id: home[1]})-[:PART_OF]->(:Compound)
               -[:PART_OF]->(:Grid)-[:PART_OF]->(cm)
        """)
    counts = {row["community_id"]: {name: (row[f"{name}_dates"], row[f"{name}_counts"])
                                     for name in ("members_reporting", "in_service_residents")}
              for row in count_rows(_Reader(db))[1]}
    assert counts == {
        "社区1": {"members_reporting": ([D(2020, 1, 1), D(2020, 7, 1)], [0, 1, 2]),
                 "in_service_residents": ([D(2020, 3, 1), D(2020, 9, 1)], [0, 1, 0])},
        "社区2": {"members_reporting": ([D(2019, 1, 1), D(2020, 7, 1)], [0, 1, 0]),
                 "in_service_residents": ([D(2019, 1, 1), D(2020, 3, 1), D(2020, 9, 1)], [0, 1, 0, 1])},
    }


def test_r12s_gap_count_is_the_number_of_rows_of_its_list_on_each_date(db, fixture_dir):
    load_path(db, fixture_dir)
    # in-service M10, M11, M12 live in CM1 from 2016, M13, M14, M16 in CM3 from 2017; M10 reports to CM1 from
    # 2021-01-10 (M11 to CM2, where it does not live), M13, M14, M16 to CM3 from 2021-01-12; M12 never
    days = ("2015-12-31", "2016-06-01", "2017-06-01", "2021-01-09", "2021-01-10", "2021-01-12", "2021-12-31")
    expected = [0, 3, 6, 6, 5, 2, 2]
    assert [sum(row["gaps"] for row in run_query(db, "r12_gaps", {"as_of": day})) for day in days] == expected
    # per community: M10, M11, M12 in CM1 (东风社区), M13, M14, M16 in CM3 (西江社区)
    per_community = [(row["street"], row["community"], row["gaps"])
                     for row in run_query(db, "r12_gaps", {"as_of": "2021-01-10"})]
    assert per_community == [("城东街道", "东风社区", 2), ("城西街道", "西江社区", 3)]
    assert [len(run_query(db, "r12_members_not_reported", {"as_of": day})) for day in days] == expected
    table = {row["rule"]: row for row in coverage_table(db, D(2021, 1, 10))}
    assert (table["R12"]["checked"], table["R12"]["gaps"]) == (6, 5)


def test_an_in_service_residence_is_a_gap_on_the_days_its_member_has_no_report_to_that_community(db):
    # 党员丁 lives in 社区1 from 2019, reported there in 2020 only; 党员戊 lives in 社区2 from 2020 (reported
    # there from 2020-03-01) and in 社区1 too in June 2020; 党员己 is retired: not checked
    db.write("""
        CREATE (c1:Community {id: '社区1'}), (c2:Community {id: '社区2'}),
               (d:Member {id: '党员丁', kind: 'in_service'}), (w:Member {id: '党员戊', kind: 'in_service'}),
               (j:Member {id: '党员己', kind: 'retired'}),
               (d)-[:REPORTED_TO {since: date('2020-01-01'), until: date('2020-12-31')}]->(c1),
               (w)-[:REPORTED_TO {since: date('2020-03-01')}]->(c2)
        WITH c1, c2, d, w, j
        UNWIND [[c1, d, '楼1', '户1', '2019-01-01', null], [c2, w, '楼2', '户2', '2020-01-01', null],
                [c1, w, '楼3', '户3', '2020-06-01', '2020-06-30'], [c1, j, '楼4', '户4', '2019-01-01', null]] AS home
        WITH home[0] AS cm, home[1] AS m, home
        CREATE (m)-[:LIVES_IN {since: date(home[4]), until: CASE WHEN home[5] IS NULL THEN null ELSE date(home[5]) END}]
               ->(:Household {id: home[3]})-[:PART_OF]->(:Building {id: home[2]})-[:PART_OF]->(:Compound)
               -[:PART_OF]->(:Grid)-[:PART_OF]->(cm)
        """)
    communities = count_rows(_Reader(db))[1]
    gaps = {row["community_id"]: (row["in_service_not_reported_dates"], row["in_service_not_reported_counts"])
            for row in communities}
    assert gaps == {
        "社区1": ([D(2019, 1, 1), D(2020, 1, 1), D(2020, 6, 1), D(2020, 7, 1), D(2021, 1, 1)], [0, 1, 0, 1, 0, 1]),
        "社区2": ([D(2020, 1, 1), D(2020, 3, 1)], [0, 1, 0]),
    }
    # the same gaps for R12's list, one entry per span, days counted from 1970-01-01 (2019-01-01 is day
    # 17,897, 2020-01-01 day 18,262, 2021-01-01 day 18,628); an open one ends on day 2**31 - 1
    listed = {row["community_id"]: list(zip(row["not_reported_members"], row["not_reported_households"],
                                            row["not_reported_first_days"], row["not_reported_last_days"]))
              for row in communities}
    assert listed == {
        "社区1": [("党员丁", "户1", 17_897, 18_261), ("党员丁", "户1", 18_628, 2_147_483_647),
                 ("党员戊", "户3", 18_262 + 152, 18_262 + 181)],
        "社区2": [("党员戊", "户2", 18_262, 18_262 + 59)],
    }


def _load_one_file(db, folder, name: str, text: str) -> None:
    """Load a folder holding just the file ``name`` with ``text`` into the graph (not a fresh one)."""
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    load_path(db, folder)


def test_a_load_of_reports_updates_r12s_list(db, fixture_dir, tmp_path):
    load_path(db, fixture_dir)

    def listed(as_of):
        return [(r["member_id"], r["compound"], r["reported_to"], r["problem"])
                for r in run_query(db, "r12_members_not_reported", {"as_of": as_of})]

    # in-service M11 and M12 live in B041 of 灏景玥城 (东风社区); M11 reports to 红岭社区, M12 to none
    assert listed("2021-12-31") == [("M11", "灏景玥城", ["红岭社区"], "报到社区不是居住社区 reported elsewhere"),
                                    ("M12", "灏景玥城", [], "未报到 not reported")]
    # M12 reports to 东风社区 from 2021-06-01; M11 moves its report to 东风社区 from 2021-12-31
    _load_one_file(db, tmp_path / "reports", "member_reports.csv",
                   "member_id,community_id,since,until\nM12,CM1,2021-06-01,\n"
                   "M11,CM2,2021-01-10,2021-12-30\nM11,CM1,2021-12-31,\n")
    assert listed("2021-12-31") == []
    assert listed("2021-12-30") == [("M11", "灏景玥城", ["红岭社区"], "报到社区不是居住社区 reported elsewhere")]
    assert [row[0] for row in listed("2021-05-31")] == ["M11", "M12"]
    assert [sum(row["gaps"] for row in run_query(db, "r12_gaps", {"as_of": day}))
            for day in ("2021-05-31", "2021-12-30", "2021-12-31")] == [2, 1, 0]


def _as_an_older_partygraph_left_it(db) -> None:
    """Take away what the last two versions added to what a load keeps: R12's list on the
    communities and the members' organizations (SET … = null removes a property on both)."""
    db.write("MATCH (cm:Community) SET cm.not_reported_members = null, cm.not_reported_households = null, "
             "cm.not_reported_first_days = null, cm.not_reported_last_days = null")
    db.write("MATCH (m:Member) SET m.organizations_dates = null, m.organizations_counts = null, "
             "m.organizations_settled_day = null")


def test_refresh_works_out_what_a_graph_loaded_by_an_older_version_lacks(db, fixture_dir):
    load_path(db, fixture_dir)
    assert missing_counts(db) == []
    _as_an_older_partygraph_left_it(db)
    assert missing_counts(db) == ["Community", "Member"]
    # what the analyst would see without the refresh: no gap at all in R4 and R12
    assert run_query(db, "r12_members_not_reported", {"as_of": "2021-12-31"}) == []
    assert run_query(db, "r4_members_not_in_one_org", {"as_of": "2021-12-31"}) == []
    # the fixture's 10 buildings and 3 communities are written again; its 16 members all lacked their counts
    assert refresh_counts(db) == {"buildings": 10, "communities": 3, "members": 16}
    assert missing_counts(db) == []
    assert [r["member_id"] for r in run_query(db, "r12_members_not_reported", {"as_of": "2021-12-31"})] == ["M11", "M12"]
    assert [r["member_id"] for r in run_query(db, "r4_members_not_in_one_org", {"as_of": "2021-12-31"})] == ["M15"]
    assert _organizations(db) == FIXTURE_ORGANIZATIONS
    # once more: nothing changed, so no member is written
    assert refresh_counts(db)["members"] == 0


def test_any_load_works_out_the_counts_an_older_version_left_out(db, fixture_dir, tmp_path):
    load_path(db, fixture_dir)
    _as_an_older_partygraph_left_it(db)
    # a load of one member: every community's counts are written again, and every member's
    # organizations, although the input names one member only
    _load_one_file(db, tmp_path / "newcomer", "members.csv", "id,name,kind,status\nM17,何新,流动党员,正式党员\n")
    assert missing_counts(db) == []
    assert _organizations(db) == FIXTURE_ORGANIZATIONS
    assert [r["member_id"] for r in run_query(db, "r12_members_not_reported", {"as_of": "2021-12-31"})] == ["M11", "M12"]


# --- each member's organizations (R4) ---------------------------------------------------

def _organizations(db) -> dict:
    rows = db.read("MATCH (m:Member) WHERE m.id IN ['M01', 'M04', 'M09', 'M15'] "
                   "RETURN m.id AS id, m.organizations_dates AS dates, m.organizations_counts AS counts, "
                   "m.organizations_settled_day AS settled")
    return {row["id"]: (row["dates"], row["counts"], row["settled"]) for row in rows}


# memberships.csv of the fixture: M01 in O_B1 from 2020-03-01; M04 in O_B1 from 2021-06-01; M09 in
# O_CM1 2015-01-01 to 2021-03-01 and in O_B3 from 2021-03-01 (both on that day); M15 in none.
# The last number: the day from which each is in one organization for good, counted from 1970-01-01
# (2020-01-01 is day 18,262, 2021-01-01 day 18,628); M15 never is: 2**31 - 1.
FIXTURE_ORGANIZATIONS = {
    "M01": ([D(2020, 3, 1)], [0, 1], 18_262 + 31 + 29),
    "M04": ([D(2021, 6, 1)], [0, 1], 18_628 + 31 + 28 + 31 + 30 + 31),
    "M09": ([D(2015, 1, 1), D(2021, 3, 1), D(2021, 3, 2)], [0, 1, 2, 1], 18_628 + 31 + 28 + 1),
    "M15": ([], [0], 2_147_483_647),
}


def test_a_bulk_load_keeps_each_members_organizations_for_any_date(db, fixture_dir):
    load_path(db, fixture_dir)  # an empty graph: the bulk memberships statement writes them
    assert _organizations(db) == FIXTURE_ORGANIZATIONS
    # what a load into a graph with data would work out from the graph: the same, so nothing to write
    assert member_count_rows(_Reader(db), [f"M{n:02}" for n in range(1, 17)]) == []


def test_a_merge_load_works_each_members_organizations_out_from_the_graph(db, fixture_dir):
    load_validated(db, check_path(None, fixture_dir), bulk=False)
    assert _organizations(db) == FIXTURE_ORGANIZATIONS


def test_a_load_of_memberships_updates_r4(db, fixture_dir, tmp_path):
    load_path(db, fixture_dir)
    assert [r["member_id"] for r in run_query(db, "r4_members_not_in_one_org", {"as_of": "2021-12-31"})] == ["M15"]
    # M15 joins O_B5 on 2021-07-01; M01 moves from O_B1 to O_B2 on 2021-09-01 (in both on that day)
    _load_one_file(db, tmp_path / "joined", "memberships.csv",
                   "member_id,org_id,since,until\nM15,O_B5,2021-07-01,\n"
                   "M01,O_B1,2020-03-01,2021-09-01\nM01,O_B2,2021-09-01,\n")
    organizations = _organizations(db)
    assert organizations["M15"] == ([D(2021, 7, 1)], [0, 1], 18_628 + 181)
    assert organizations["M01"] == ([D(2020, 3, 1), D(2021, 9, 1), D(2021, 9, 2)], [0, 1, 2, 1], 18_628 + 243 + 1)
    assert organizations["M09"] == FIXTURE_ORGANIZATIONS["M09"]
    assert run_query(db, "r4_members_not_in_one_org", {"as_of": "2021-12-31"}) == []
    rows = run_query(db, "r4_members_not_in_one_org", {"as_of": "2021-09-01"})
    assert [(r["member_id"], r["organizations"]) for r in rows] == [("M01", 2)]
    rows = run_query(db, "r4_members_not_in_one_org", {"as_of": "2021-06-30"})
    assert [(r["member_id"], r["organizations"]) for r in rows] == [("M15", 0)]
    # a new member with no membership yet is in none on any day
    _load_one_file(db, tmp_path / "newcomer", "members.csv", "id,name,kind,status\nM17,何新,流动党员,正式党员\n")
    rows = run_query(db, "r4_members_not_in_one_org", {"as_of": "2021-12-31"})
    assert [(r["member_id"], r["organizations"]) for r in rows] == [("M17", 0)]
