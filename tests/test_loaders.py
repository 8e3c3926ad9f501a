"""Data in: every file loads, round trips, loads idempotently, and bad input changes nothing."""

import datetime
import shutil

import pytest

from graph.stats import graph_stats
from loaders.load import check_path, load_path
from loaders.problems import InputError


def copy_fixture(fixture_dir, tmp_path):
    target = tmp_path / "input"
    shutil.copytree(fixture_dir, target)
    return target


def test_every_file_loads_and_round_trips(db, fixture_dir):
    report = load_path(db, fixture_dir)
    assert report.rows["compounds"] == 12 and report.rows["members"] == 16 and len(report.rows) == 33
    stats = graph_stats(db)
    assert stats["nodes"]["Compound"] == 12
    assert stats["nodes"]["Organization"] == 20
    assert stats["relationships"]["COVERS"] == 21  # 19 organization rows + 2 central-household contacts
    compound = db.read("MATCH (c:Compound {id: 'CP10'}) RETURN c")[0]["c"]
    assert compound["name"] == "梧桐里"
    assert compound["no_property"] is True
    assert compound["management_mode"] == "community"
    assert compound["services"] == ["cleaning", "greening", "repairs", "parking", "security"]
    member = db.read("MATCH (m:Member {id: 'M04'}) RETURN m")[0]["m"]
    assert (member["name"], member["kind"], member["status"]) == ("赵丽", "retired", "probationary")
    assert member["birth_date"] == datetime.date(1995, 9, 9)
    ended = db.read("MATCH (:Organization {id: 'O_B2'})-[c:COVERS]->(:Compound {id: 'CP11'}) RETURN c.until AS until")
    assert ended == [{"until": datetime.date(2021, 6, 30)}]
    attendees = db.read("MATCH (o:Organization)-[:ATTENDED]->(:JointMeeting {id: 'JM1'}) RETURN o.id AS id ORDER BY id")
    assert attendees == [{"id": "O_CM1"}, {"id": "O_U1"}]


def test_loading_twice_changes_nothing(db, fixture_dir):
    load_path(db, fixture_dir)
    before = graph_stats(db)
    report = load_path(db, fixture_dir)
    assert graph_stats(db) == before
    assert report.nodes_created == {} and report.relationships_created == {}


def test_gbk_and_bom_files_load(db, fixture_dir, tmp_path):
    folder = copy_fixture(fixture_dir, tmp_path)
    members = folder / "members.csv"
    members.write_bytes(members.read_text(encoding="utf-8").encode("gbk"))
    compounds = folder / "compounds.csv"
    compounds.write_bytes(b"\xef\xbb\xbf" + compounds.read_bytes())
    load_path(db, folder)
    assert db.read("MATCH (m:Member {id: 'M15'}) RETURN m.name AS name") == [{"name": "郑洁"}]
    assert db.read("MATCH (c:Compound {id: 'CP01'}) RETURN c.name AS name") == [{"name": "锦绣小区"}]


def test_a_gbk_file_that_also_reads_as_utf8_is_read_as_gbk_with_a_warning(fixture_dir, tmp_path):
    """路 in GBK is the bytes C2 B7, which UTF-8 reads as ·: with no other Chinese in the file, both
    readings are valid.  A roster is Chinese, so it is read as GBK, and a warning says how to have it
    read as UTF-8 (save it with a BOM), which then holds."""
    folder = copy_fixture(fixture_dir, tmp_path)
    districts = folder / "districts.csv"
    districts.write_bytes("id,name,city_id\r\nD1,路,C1\r\n".encode("gbk"))
    validated = check_path(None, folder)
    assert validated.ok
    assert validated.rows["districts"][0]["name"] == "路"
    warnings = [p for p in validated.problems if p.file == "districts.csv"]
    assert [(w.row, w.value, w.severity) for w in warnings] == [(2, "GBK: D1,路,C1 / UTF-8: D1,·,C1", "warning")]
    assert "BOM" in warnings[0].en and "BOM" in warnings[0].zh

    districts.write_bytes("id,name,city_id\r\nD1,·,C1\r\n".encode("utf-8-sig"))
    validated = check_path(None, folder)
    assert validated.rows["districts"][0]["name"] == "·"
    assert [p for p in validated.problems if p.file == "districts.csv"] == []


def test_chinese_headers_are_accepted(db, fixture_dir, tmp_path):
    folder = copy_fixture(fixture_dir, tmp_path)
    (folder / "districts.csv").write_text("编号,名称,所属市编号\nD1,万秀区,C1\n", encoding="utf-8")
    load_path(db, folder)
    assert db.read("MATCH (d:District)-[:PART_OF]->(c:City) RETURN d.name AS d, c.name AS c") == \
        [{"d": "万秀区", "c": "梧州市"}]


def test_workbook_loads_the_same_graph(db, fixture_dir, tmp_path):
    import csv

    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for path in sorted(fixture_dir.glob("*.csv")):
        sheet = book.create_sheet(path.stem)
        with path.open(encoding="utf-8") as handle:
            for row in csv.reader(handle):
                sheet.append(row)
    workbook = tmp_path / "东风.xlsx"
    book.save(workbook)
    load_path(db, workbook)
    from_book = graph_stats(db)
    db.clear()
    load_path(db, fixture_dir)
    assert graph_stats(db) == from_book


def problems_of(db, folder):
    validated = check_path(db, folder)
    return [(p.file, p.row, p.column, p.value) for p in validated.problems if p.severity == "error"]


@pytest.mark.parametrize("file,old,new,expected", [
    ("compounds.csv", "CP05,翠湖苑,红岭路1号,否", "CP05,,红岭路1号,否", ("compounds.csv", 6, "name", "")),
    ("buildings.csv", "B011,锦绣小区1栋,7,CP01", "B011,锦绣小区1栋,七,CP01", ("buildings.csv", 2, "floors", "七")),
    ("memberships.csv", "M01,O_B1,2020-03-01,", "M01,O_B1,2020-02-30,", ("memberships.csv", 2, "since", "2020-02-30")),
    ("buildings.csv", "B012,锦绣小区2栋,7,CP01", "B011,锦绣小区2栋,7,CP01", ("buildings.csv", 3, "id", "B011")),
    ("households.csv", "H0911,1栋101,2,B091", "H0911,1栋101,2,B999", ("households.csv", 17, "building_id", "B999")),
    ("service_centres.csv", "SC3,红岭社区党群服务中心,社区级,450", "SC3,红岭社区党群服务中心,社区级,-450",
     ("service_centres.csv", 4, "area_m2", "-450")),
    ("households.csv", "H0511,1栋101,2,B051", "H0511,1栋101,2000,B051", ("households.csv", 12, "residents", "2000")),
    ("members.csv", "M15,郑洁,女,1990-07-17,13800000015,450403199007170156,口袋党员",
     "M15,郑洁,女,1990-07-17,13800000015,450403199007170156,红色党员", ("members.csv", 16, "kind", "红色党员")),
    ("organizations.csv", "O_CITY,中共梧州市委,市委,1950-01-01,,2021-11-20,,",
     "O_CITY,中共梧州市委,市委,1950-01-01,,2021-11-20,O_B1,", ("organizations.csv", 2, "parent_id", None)),
    ("memberships.csv", "M02,O_B1,2020-03-01,", "M02,O_B1,2020-03-01,\nM02,O_B2,2020-04-01,",
     ("memberships.csv", 4, "org_id", "M02: O_B1, O_B2")),
])
def test_each_class_of_bad_input_is_named_and_nothing_is_written(db, fixture_dir, tmp_path, file, old, new, expected):
    folder = copy_fixture(fixture_dir, tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    db.write("CREATE (:City:Territory {id: 'C0', name: '旧数据'})")
    before = graph_stats(db)
    found = problems_of(db, folder)
    assert any((f, r, c) == expected[:3] and (expected[3] is None or v == expected[3]) for f, r, c, v in found), found
    with pytest.raises(InputError):
        load_path(db, folder)
    assert graph_stats(db) == before


def test_missing_column_and_unknown_column(db, fixture_dir, tmp_path):
    folder = copy_fixture(fixture_dir, tmp_path)
    (folder / "grids.csv").write_text("id,community_id,colour\nG1,CM1,red\n", encoding="utf-8")
    validated = check_path(db, folder)
    messages = [(p.file, p.column, p.severity) for p in validated.problems]
    assert ("grids.csv", "name", "error") in messages
    assert ("grids.csv", "colour", "warning") in messages


def test_every_problem_is_reported_not_only_the_first(db, fixture_dir, tmp_path):
    folder = copy_fixture(fixture_dir, tmp_path)
    (folder / "leaders.csv").write_text("id,name,level,post\nL1,,市级,\nL2,韦军,村级,\nL 3,黄海,市级,\n",
                                        encoding="utf-8")
    found = problems_of(db, folder)
    leaders = sorted((r, c) for f, r, c, v in found if f == "leaders.csv")
    assert leaders == [(2, "name"), (3, "level"), (4, "id")]


def test_a_failure_while_writing_leaves_the_graph_as_it_was(db, fixture_dir, monkeypatch):
    from loaders import load as load_module

    load_path(db, fixture_dir)
    before = graph_stats(db)
    broken = dict(load_module.LOADERS)
    original = broken["visits"]
    broken["visits"] = type(original)(**{**original.__dict__, "text": original.text + "\nWITH n RETURN 1/0 AS boom"})
    monkeypatch.setattr(load_module, "LOADERS", broken)
    db.write("MATCH (m:Member {id: 'M15'}) DETACH DELETE m")
    before = graph_stats(db)
    with pytest.raises(Exception):
        load_path(db, fixture_dir)
    assert graph_stats(db) == before


def test_a_load_too_big_for_one_transaction_commits_in_batches_and_undoes_itself(db, fixture_dir, tmp_path,
                                                                                  monkeypatch):
    """Past ``max_atomic_rows`` (Neo4j's heap), a load into an empty graph commits batch by batch:
    the same graph when it succeeds, an empty graph again when its last file is bad."""
    from graph.checksum import graph_checksum

    load_path(db, fixture_dir)
    in_one_unit = graph_checksum(db)
    db.clear()
    monkeypatch.setattr(db, "max_atomic_rows", 20)  # the fixture has about 200 rows
    written = []
    load_path(db, fixture_dir, batch_size=7, progress=lambda name, rows: written.append(rows))
    assert graph_checksum(db) == in_one_unit
    assert len(written) > 20  # many batches, each its own transaction

    db.clear()
    folder = copy_fixture(fixture_dir, tmp_path)
    last = folder / "joint_meeting_units.csv"  # the last file loaded: every other file is written first
    last.write_text(last.read_text(encoding="utf-8") + "JU9,市财政局,O_NOWHERE\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_path(db, folder, batch_size=7)
    assert graph_stats(db) == {"nodes": {}, "relationships": {}}
