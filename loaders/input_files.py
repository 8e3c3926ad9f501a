"""The input format: which files an analyst fills, their columns, and how they map onto the model.

Each input file is one CSV file (or one sheet of a workbook) and one Cypher loader
(``loaders/cypher/<name>.cypher``).  Columns that are node properties take their
type, display names and checks from :mod:`graph.model`; reference columns name the
labels whose ids they must hold.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from graph.model import NODES, SINCE, UNTIL, Choice, Property

__all__ = ["Column", "InputFile", "INPUT_FILES", "LOAD_ORDER", "input_file", "find_input_file"]


@dataclass(frozen=True)
class Column:
    """A column of an input file.

    Attributes:
        name: English header, also the key the Cypher loader reads (``r.<name>``).
        zh: Chinese header, accepted in place of ``name``.
        en: English description.
        type: value type, as in :class:`graph.model.Property`.
        required: an empty cell is an error.
        choices: allowed coded values; the code, its Chinese or its English name are accepted.
        minimum / maximum: bounds for numbers.
        references: labels one of which must have a node with this id (in the files or the graph).
        many: the cell holds several ids separated by ``;``.
        sensitive: personal data.
        example: a value for the template's example row.
    """

    name: str
    zh: str
    en: str
    type: str = "str"
    required: bool = False
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    references: tuple[str, ...] = ()
    many: bool = False
    sensitive: bool = False
    example: str = ""


@dataclass(frozen=True)
class InputFile:
    """One input file: its name (file stem / sheet name), titles, columns and row key.

    ``label`` is the node type the file creates, if any; ``key`` names the columns that
    identify a row, so the same key twice is a duplicate.
    """

    name: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    label: str | None = None

    def column(self, name: str) -> Column:
        """Return the column called ``name`` (English header)."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(f"{self.name} has no column {name!r}")


def _from_property(prop: Property, example: str, required: bool | None = None) -> Column:
    return Column(
        name=prop.name, zh=prop.zh, en=prop.en, type=prop.type,
        required=prop.required if required is None else required,
        choices=prop.choices, minimum=prop.minimum, maximum=prop.maximum,
        sensitive=prop.sensitive, example=example,
    )


def _ref(name: str, zh: str, en: str, *labels: str, required: bool = True, many: bool = False,
         example: str = "") -> Column:
    return Column(name=name, zh=zh, en=en, required=required, references=labels, many=many, example=example)


def _node_file(name: str, label: str, examples: dict[str, str], *refs: Column) -> InputFile:
    """An input file with one row per node of ``label``: its properties, then reference columns."""
    node = NODES[label]
    columns = tuple(_from_property(p, examples.get(p.name, "")) for p in node.properties)
    return InputFile(name, node.zh + "名册", node.en + " roster", columns + refs, key=("id",), label=label)


def _link_file(name: str, zh: str, en: str, *refs: Column, temporal: bool = True) -> InputFile:
    """An input file with one row per relationship, with ``since``/``until`` when it changes over time."""
    dates = (_from_property(SINCE, "2020-01-01"), _from_property(UNTIL, "")) if temporal else ()
    key = tuple(c.name for c in refs) + (("since",) if temporal else ())
    return InputFile(name, zh, en, refs + dates, key=key)


INPUT_FILES: tuple[InputFile, ...] = (
    _node_file("cities", "City", {"id": "C01", "name": "梧州市"}),
    _node_file("districts", "District", {"id": "D01", "name": "万秀区"},
               _ref("city_id", "所属市编号", "City", "City", example="C01")),
    _node_file("streets", "Street", {"id": "S01", "name": "城东街道", "households": "18000"},
               _ref("district_id", "所属城区编号", "District", "District", example="D01")),
    _node_file("communities", "Community", {"id": "CM01", "name": "东风社区"},
               _ref("street_id", "所属街道编号", "Street", "Street", example="S01")),
    _node_file("grids", "Grid", {"id": "G01", "name": "东风社区第1网格"},
               _ref("community_id", "所属社区编号", "Community", "Community", example="CM01")),
    _node_file("compounds", "Compound",
               {"id": "CP01", "name": "锦绣小区", "address": "新兴三路12号", "no_property": "否",
                "management_mode": "", "services": ""},
               _ref("grid_id", "所属网格编号", "Grid", "Grid", example="G01")),
    _node_file("buildings", "Building", {"id": "B01", "name": "锦绣小区1栋", "floors": "7"},
               _ref("compound_id", "所属小区编号", "Compound", "Compound", example="CP01")),
    _node_file("households", "Household", {"id": "H01", "name": "1栋2单元301", "residents": "3"},
               _ref("building_id", "所属楼栋编号", "Building", "Building", example="B01")),
    _node_file("stationed_units", "StationedUnit", {"id": "U01", "name": "梧州市供电局", "kind": "事业单位"},
               _ref("community_id", "所在社区编号", "Community", "Community", required=False, example="CM01")),
    _node_file("property_companies", "PropertyCompany", {"id": "PC01", "name": "红星物业服务有限公司",
                                                         "phone": "0774-3800000"}),
    _link_file("property_management", "物业服务小区", "Compounds managed by property companies",
               _ref("company_id", "物业企业编号", "Property company", "PropertyCompany", example="PC01"),
               _ref("compound_id", "小区编号", "Compound", "Compound", example="CP01")),
    _node_file("owners_committees", "OwnersCommittee",
               {"id": "OC01", "name": "锦绣小区业委会", "founded": "2019-05-01", "term_end": "2024-04-30"},
               _ref("compound_id", "小区编号", "Compound", "Compound", example="CP01")),
    _node_file("organizations", "Organization",
               {"id": "O01", "name": "东风社区党委", "kind": "社区党委", "founded": "2019-01-01", "field": "",
                "last_met_on": "2021-11-20"},
               _ref("parent_id", "上级党组织编号", "Parent organization", "Organization", required=False,
                    example="O00"),
               _ref("unit_id", "所属单位编号", "Unit or property company", "StationedUnit", "PropertyCompany",
                    required=False)),
    _link_file("coverage", "组织覆盖", "Which organization covers which territory",
               _ref("org_id", "党组织编号", "Organization", "Organization", example="O02"),
               _ref("territory_id", "覆盖区域编号", "Territory (city … household)", "City", "District", "Street", "Community",
                    "Grid", "Compound", "Building", "Household", example="CP01")),
    _node_file("members", "Member",
               {"id": "M01", "name": "张明", "gender": "男", "birth_date": "1965-03-02", "phone": "13800000000",
                "id_number": "450400196503020011", "kind": "离退休党员", "status": "正式党员",
                "joined_on": "1990-07-01"}),
    _link_file("memberships", "组织关系", "Member's organization (组织关系)",
               _ref("member_id", "党员编号", "Member", "Member", example="M01"),
               _ref("org_id", "党组织编号", "Organization", "Organization", example="O02")),
    _link_file("residences", "居住关系", "Member's household",
               _ref("member_id", "党员编号", "Member", "Member", example="M01"),
               _ref("household_id", "户编号", "Household", "Household", example="H01")),
    _link_file("employment", "工作单位", "Member's workplace",
               _ref("member_id", "党员编号", "Member", "Member", example="M01"),
               _ref("unit_id", "单位编号", "Unit", "StationedUnit", "PropertyCompany", example="U01"),
               temporal=False),
    _link_file("secretaries", "党组织书记", "Secretary of each organization",
               _ref("member_id", "党员编号", "Member", "Member", example="M01"),
               _ref("org_id", "党组织编号", "Organization", "Organization", example="O02")),
    _node_file("central_households", "CentralHousehold", {"id": "CH01", "name": "张明中心户"},
               _ref("member_id", "户主党员编号", "Host member", "Member", example="M01"),
               _ref("household_id", "所在户编号", "Household", "Household", example="H01"),
               _ref("group_id", "所属楼宇党小组编号", "Building group", "Organization", example="O03")),
    _link_file("central_household_contacts", "中心户联系户", "Households each central household keeps in touch with",
               _ref("central_household_id", "中心户编号", "Central household", "CentralHousehold", example="CH01"),
               _ref("household_id", "联系户编号", "Household", "Household", example="H02")),
    _node_file("contracts", "Contract",
               {"id": "K01", "name": "东风社区—供电局共建契约", "signed_on": "2020-01-10", "starts_on": "2020-01-10",
                "ends_on": "2022-12-31", "problems_solved": "12"},
               _ref("local_org_id", "街道/社区党组织编号", "Street or community organization", "Organization",
                    example="O01"),
               _ref("unit_org_id", "驻区单位党组织编号", "Stationed-unit organization", "Organization",
                    example="O09")),
    _node_file("joint_meetings", "JointMeeting", {"id": "JM01", "held_on": "2020-02-15", "topic": "老旧小区改造"},
               _ref("contract_id", "契约编号", "Contract", "Contract", example="K01"),
               _ref("attendee_ids", "参会党组织编号(;分隔)", "Attending organizations (; separated)", "Organization",
                    required=False, many=True, example="O01;O09")),
    _node_file("visits", "Visit", {"id": "V01", "visited_on": "2020-03-01", "direction": "驻区单位走访街道社区",
                                   "note": ""},
               _ref("contract_id", "契约编号", "Contract", "Contract", example="K01"),
               _ref("from_org_id", "走访方党组织编号", "Visiting organization", "Organization", example="O09"),
               _ref("to_org_id", "被走访方党组织编号", "Visited organization", "Organization", example="O01")),
    _link_file("unit_reports", "单位党组织双报到", "Unit organizations reporting to a community",
               _ref("org_id", "单位党组织编号", "Unit organization", "Organization", example="O09"),
               _ref("community_id", "报到社区编号", "Community", "Community", example="CM01")),
    _link_file("member_reports", "在职党员双报到", "In-service members reporting to a community",
               _ref("member_id", "党员编号", "Member", "Member", example="M01"),
               _ref("community_id", "报到社区编号", "Community", "Community", example="CM01")),
    _node_file("demands", "Demand",
               {"id": "DM01", "title": "楼道照明维修", "kind": "公共需求", "raised_on": "2021-03-01",
                "channel": "主动认领", "assigned_on": "2021-03-02", "done_on": "2021-03-09",
                "evaluation": "满意", "evaluated_on": "2021-03-10"},
               _ref("community_id", "提出社区编号", "Community", "Community", example="CM01"),
               _ref("assignee_org_id", "承接党组织编号", "Organization that took it", "Organization",
                    required=False, example="O09"),
               _ref("assignee_member_id", "承接党员编号", "Member who took it", "Member", required=False)),
    _node_file("departments", "Department", {"id": "DP01", "name": "城东街道派出所", "kind": "公安",
                                             "duty_items": "7"},
               _ref("street_id", "派驻街道编号", "Street", "Street", example="S01")),
    _node_file("service_centres", "ServiceCentre",
               {"id": "SC01", "name": "东风社区党群服务中心", "level": "社区级", "area_m2": "520",
                "opened_on": "2019-07-01"},
               _ref("territory_id", "服务区域编号", "Territory served", "City", "District", "Street", "Community",
                    "Compound", example="CM01")),
    _node_file("funds", "Fund", {"id": "F01", "year": "2021", "purpose": "服务群众专项经费", "amount_cny": "100000"},
               _ref("territory_id", "拨付社区/街道编号", "Community or street", "Community", "Street",
                    example="CM01")),
    _node_file("leaders", "Leader", {"id": "L01", "name": "李华", "level": "市级", "post": "市委常委"}),
    _link_file("leader_assignments", "包联关系", "Leaders assigned to a community, grid or compound",
               _ref("leader_id", "领导编号", "Leader", "Leader", example="L01"),
               _ref("territory_id", "包联区域编号", "Community, grid or compound", "Community", "Grid", "Compound",
                    example="CM01")),
    _node_file("joint_meeting_units", "JointMeetingUnit", {"id": "JU01", "name": "市委组织部"},
               _ref("committee_id", "联席会议召集党组织编号", "Convening committee", "Organization", example="O00")),
)

_BY_NAME = {f.name: f for f in INPUT_FILES}
_BY_ZH = {f.zh: f for f in INPUT_FILES}

# Each file's place in the order the files are loaded: that of INPUT_FILES, where a file comes after those it refers to.
LOAD_ORDER = {f.name: position for position, f in enumerate(INPUT_FILES)}


def input_file(name: str) -> InputFile:
    """Return the input file declaration called ``name`` (e.g. ``"members"``)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown input file {name!r}; known: {', '.join(_BY_NAME)}") from None


def find_input_file(title: str) -> InputFile | None:
    """The input file a CSV file's stem or a workbook sheet's title names, by its name
    (``members``) or its Chinese name (``党员名册``); None for any other title."""
    return _BY_NAME.get(title) or _BY_ZH.get(title)


def with_example(column: Column, example: str) -> Column:
    """A copy of ``column`` with another example value."""
    return replace(column, example=example)
