"""The counts a load keeps on each building and community for any date (loaders/rollups.py,
loaders/spans.py), and the queries that read them."""

import datetime

from loaders.load import check_path, load_path
from loaders.rollups import count_rows, count_rows_from_input
from loaders.spans import counts_over_time, intersection, spans_at_least
from queries.catalogue import run_query

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
