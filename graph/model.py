"""The partygraph model: every node label, relationship type and property, declared once.

Everything else — schema DDL, input templates, validation, display names in the
explorer, the model diagram — is derived from the declarations in this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Choice",
    "Property",
    "NodeType",
    "RelationshipType",
    "NODE_TYPES",
    "RELATIONSHIP_TYPES",
    "NODES",
    "RELATIONSHIPS",
    "SHARED_LABELS",
    "TERRITORY_LEVELS",
    "ORGANIZATION_KINDS",
    "node_type",
    "relationship_type",
    "display_name",
    "choice_label",
    "dated_count",
]

PROPERTY_TYPES = ("str", "int", "float", "bool", "date", "list", "date list", "int list")


@dataclass(frozen=True)
class Choice:
    """One allowed value of a coded property: the stored code and its display names."""

    code: str
    zh: str
    en: str


@dataclass(frozen=True)
class Property:
    """A property of a node or relationship.

    Attributes:
        name: the property key in the graph.
        type: one of ``str``, ``int``, ``float``, ``bool``, ``date``, ``list`` (of str); a derived
            property may also be a ``date list`` or an ``int list``.
        zh: Chinese display name.
        en: English display name.
        required: whether every node or relationship must have it.
        choices: allowed coded values (empty: any value of the type).
        minimum: smallest allowed number (numbers only).
        maximum: largest plausible number; larger is rejected as absurd.
        sensitive: personal data (names, phones, ID numbers) that is masked by default.
        indexed: people search by it, or a query looks nodes up by it, so the backends index it.
    """

    name: str
    type: str
    zh: str
    en: str
    required: bool = False
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    sensitive: bool = False
    indexed: bool = False

    def __post_init__(self) -> None:
        if self.type not in PROPERTY_TYPES:
            raise ValueError(f"property {self.name}: unknown type {self.type!r}")


@dataclass(frozen=True)
class NodeType:
    """A node label with its display names and properties; every node has a unique ``id``.

    ``properties`` are read from the input files; ``derived`` ones are kept by the loader from
    the rest of the graph after every load (:mod:`loaders.rollups`) and are never input.
    """

    label: str
    zh: str
    en: str
    properties: tuple[Property, ...]
    extra_labels: tuple[str, ...] = ()
    derived: tuple[Property, ...] = ()

    def property(self, name: str) -> Property:
        """Return the property called ``name``; KeyError if the label has none."""
        for prop in self.properties:
            if prop.name == name:
                return prop
        raise KeyError(f"{self.label} has no property {name!r}")

    def is_derived(self, name: str) -> bool:
        """Whether ``name`` is a derived property (kept by the loader, not shown as data)."""
        return any(prop.name == name for prop in self.derived)

    def name_property(self) -> str | None:
        """The property that names a node of this label: ``name``, a demand's ``title``, or None."""
        names = {prop.name for prop in self.properties}
        return next((candidate for candidate in ("name", "title") if candidate in names), None)


@dataclass(frozen=True)
class RelationshipType:
    """A relationship type: which labels it links, from ``sources`` to ``targets``."""

    type: str
    zh: str
    en: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    properties: tuple[Property, ...] = field(default_factory=tuple)


# --- shared property declarations -------------------------------------------------

ID = Property("id", "str", "编号", "ID", required=True)
NAME = Property("name", "str", "名称", "Name", required=True, indexed=True)
SINCE = Property("since", "date", "起始日期", "Since", required=True)
UNTIL = Property("until", "date", "终止日期", "Until")
TEMPORAL = (SINCE, UNTIL)


def _choices(*triples: tuple[str, str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(*t) for t in triples)


ORGANIZATION_KINDS = _choices(
    ("city_committee", "市委", "City committee"),
    ("district_committee", "区(市)党委", "District committee"),
    ("street_committee", "街道党工委", "Street working committee"),
    ("community_committee", "社区党委", "Community committee"),
    ("compound_branch", "小区党支部", "Compound branch"),
    ("joint_branch", "联合党支部", "Joint branch"),
    ("building_group", "楼宇党小组", "Building group"),
    ("grid_org", "网格党组织", "Grid party organization"),
    ("new_field_org", "新兴领域党组织", "New-field organization"),
    ("property_branch", "物业服务企业党支部", "Property-company branch"),
    ("unit_branch", "驻区单位党组织", "Stationed-unit party organization"),
)
NEW_FIELDS = _choices(
    ("office_building", "商务楼宇", "Office building"),
    ("park", "园区", "Industrial park"),
    ("market", "商圈市场", "Business district / market"),
    ("internet", "互联网业", "Internet industry"),
)
MEMBER_KINDS = _choices(
    ("in_service", "在职党员", "In service"),
    ("retired", "离退休党员", "Retired"),
    ("floating", "流动党员", "Floating"),
    ("pocket", "口袋党员", "Pocket"),
)
MEMBER_STATUSES = _choices(
    ("full", "正式党员", "Full member"),
    ("probationary", "预备党员", "Probationary member"),
)
GENDERS = _choices(("male", "男", "Male"), ("female", "女", "Female"))
MANAGEMENT_MODES = _choices(
    ("unit", "单位包管", "Managed by a unit"),
    ("self", "居民自管", "Self-managed by residents"),
    ("property", "引入物管", "Property company brought in"),
    ("community", "社区代管", "Managed by the community"),
)
FIVE_SERVICES = _choices(
    ("cleaning", "卫生保洁", "Cleaning"),
    ("greening", "绿化养护", "Greening"),
    ("repairs", "物业维修", "Repairs"),
    ("parking", "停车管理", "Parking"),
    ("security", "治安防范", "Security"),
)
UNIT_KINDS = _choices(
    ("agency", "机关", "Government agency"),
    ("institution", "事业单位", "Public institution"),
    ("enterprise", "企业", "Enterprise"),
    ("social", "社会组织", "Social organization"),
)
DEMAND_KINDS = _choices(
    ("family_help", "家庭帮扶", "Family help"),
    ("personal_wish", "个人心愿", "Personal wish"),
    ("public_need", "公共需求", "Public need"),
    ("epidemic_service", "疫情服务", "Epidemic service"),
)
DEMAND_CHANNELS = _choices(
    ("claimed", "主动认领", "Claimed"),
    ("dispatched", "社区派单", "Dispatched by the community"),
)
EVALUATIONS = _choices(
    ("satisfied", "满意", "Satisfied"),
    ("fair", "基本满意", "Fairly satisfied"),
    ("unsatisfied", "不满意", "Unsatisfied"),
)
DEPARTMENT_KINDS = _choices(
    ("police", "公安", "Police"),
    ("traffic", "交警", "Traffic police"),
    ("fire", "消防", "Fire service"),
    ("market", "市场监管", "Market regulation"),
    ("urban", "城管", "Urban management"),
    ("sanitation", "环卫", "Sanitation"),
)
CENTRE_LEVELS = _choices(
    ("city", "市级", "City"),
    ("district", "城区级", "District"),
    ("street", "街道级", "Street"),
    ("community", "社区级", "Community"),
    ("compound", "小区级", "Compound"),
)
FUND_PURPOSES = _choices(
    ("service", "服务群众专项经费", "Fund for serving residents"),
    ("work", "社区工作经费", "Community work fund"),
    ("street_chief", "街长制工作经费", "Street-chief fund"),
)
LEADER_LEVELS = _choices(
    ("city", "市级", "City"),
    ("district", "城区级", "District"),
    ("street", "街道级", "Street"),
    ("community", "社区级", "Community"),
)
VISIT_DIRECTIONS = _choices(
    ("unit_to_local", "驻区单位走访街道社区", "Unit visits street/community"),
    ("local_to_unit", "街道社区走访驻区单位", "Street/community visits unit"),
)

# --- node types -------------------------------------------------------------------

TERRITORY_LEVELS = ("City", "District", "Street", "Community", "Grid", "Compound", "Building", "Household")


def _territory(label: str, zh: str, en: str, *extra: Property, derived: tuple[Property, ...] = ()) -> NodeType:
    return NodeType(label, zh, en, (ID, NAME, *extra), extra_labels=("Territory",), derived=derived)


def dated_count(name: str, zh: str, en: str) -> tuple[Property, Property]:
    """A count that changes over time, kept as two lists so that a query reads it for any date
    without walking what it counts: ``{name}_dates``, the days it changes, in order, and
    ``{name}_counts``, one longer: the count before the first of those days, then from each on.
    The count on a day is ``{name}_counts[k]``, ``k`` the number of those days up to it
    (the ``count_on`` macro of :mod:`graph.dialect`).
    """
    return (Property(f"{name}_dates", "date list", f"{zh}变化日期", f"{en}: days it changes"),
            Property(f"{name}_counts", "int list", f"{zh}(各时段)", f"{en}: count from each day"))


NODE_TYPES: tuple[NodeType, ...] = (
    _territory("City", "市", "City"),
    _territory("District", "城区", "District"),
    _territory("Street", "街道", "Street",
               Property("households", "int", "管辖户数", "Households", minimum=0, maximum=1_000_000)),
    _territory("Community", "社区", "Community",
               derived=(Property("compounds", "int", "小区数", "Compounds"),
                        Property("grids", "int", "网格数", "Grids"),
                        Property("households", "int", "户数", "Households"),
                        *dated_count("compounds_covered", "党组织覆盖的小区数", "Compounds a branch covers"),
                        *dated_count("compounds_effectively_covered", "有效覆盖的小区数",
                                     "Compounds effectively covered"),
                        *dated_count("buildings_with_members", "有党员居住的楼栋数", "Buildings members live in"),
                        *dated_count("buildings_with_group", "有楼宇党小组的楼栋数", "Buildings with a building group"),
                        *dated_count("households_reached", "中心户联系户数", "Households a central household reaches"),
                        *dated_count("grids_with_org", "有网格党组织的网格数", "Grids with a grid organization"),
                        *dated_count("members_reporting", "到社区报到的党员数", "Members reporting to it"),
                        *dated_count("organizations_reporting", "到社区报到的单位党组织数",
                                     "Organizations reporting to it"),
                        *dated_count("in_service_residents", "居住的在职党员数", "In-service members living in it"),
                        *dated_count("in_service_not_reported", "未向本社区报到的在职党员住所数",
                                     "In-service residences whose member has not reported to it"),
                        # R12's list: one entry per span of days an in-service residence is a gap
                        Property("not_reported_members", "list", "未报到住所的党员编号",
                                 "Members of the residences not reported (one per gap)"),
                        Property("not_reported_households", "list", "未报到住所的户编号",
                                 "Households of the residences not reported (one per gap)"),
                        Property("not_reported_first_days", "int list", "未报到起始日(1970年起日数)",
                                 "First day of each gap (days since 1970-01-01)"),
                        Property("not_reported_last_days", "int list", "未报到截止日(1970年起日数)",
                                 "Last day of each gap (days since 1970-01-01; 2147483647 while open)"))),
    _territory("Grid", "网格", "Grid"),
    _territory(
        "Compound", "居民小区", "Compound",
        Property("address", "str", "地址", "Address"),
        Property("no_property", "bool", "无物业小区", "No property company"),
        Property("management_mode", "str", "管理模式(四管)", "Management mode", choices=MANAGEMENT_MODES),
        Property("services", "list", "五有服务", "Services provided", choices=FIVE_SERVICES),
    ),
    _territory("Building", "楼栋", "Building",
               Property("floors", "int", "层数", "Floors", minimum=1, maximum=200),
               derived=(*dated_count("residents", "居住党员数", "Members living in it"),
                        *dated_count("households_reached", "中心户联系户数", "Households a central household reaches"),
                        *dated_count("groups", "覆盖的楼宇党小组数", "Building groups covering it"))),
    _territory("Household", "户", "Household",
               Property("residents", "int", "人口数", "Residents", minimum=0, maximum=50)),
    NodeType("Organization", "党组织", "Party organization", (
        ID, NAME,
        Property("kind", "str", "组织类型", "Kind", required=True, choices=ORGANIZATION_KINDS, indexed=True),
        Property("founded", "date", "成立日期", "Founded"),
        Property("field", "str", "新兴领域", "New field", choices=NEW_FIELDS),
        Property("last_met_on", "date", "最近组织生活日期", "Last met on"),
    )),
    NodeType("Member", "党员", "Party member", (
        ID,
        Property("name", "str", "姓名", "Name", required=True, sensitive=True, indexed=True),
        Property("gender", "str", "性别", "Gender", choices=GENDERS),
        Property("birth_date", "date", "出生日期", "Birth date"),
        Property("phone", "str", "联系电话", "Phone", sensitive=True),
        Property("id_number", "str", "身份证号", "ID number", sensitive=True),
        Property("kind", "str", "党员类别", "Kind", required=True, choices=MEMBER_KINDS, indexed=True),
        Property("status", "str", "党员身份", "Status", required=True, choices=MEMBER_STATUSES),
        Property("joined_on", "date", "入党日期", "Joined the party"),
    ), derived=(*dated_count("organizations", "所属党组织数", "Organizations it belongs to"),
                Property("organizations_settled_day", "int", "只属一个党组织的起始日(1970年起日数)",
                         "Day (since 1970-01-01) from which it is in one organization on every later day",
                         indexed=True))),
    NodeType("CentralHousehold", "党员中心户", "Central household", (ID, NAME)),
    NodeType("StationedUnit", "驻区单位", "Stationed unit", (
        ID, NAME,
        Property("kind", "str", "单位类型", "Kind", required=True, choices=UNIT_KINDS),
    ), extra_labels=("Unit",)),
    NodeType("PropertyCompany", "物业服务企业", "Property company", (
        ID, NAME, Property("phone", "str", "联系电话", "Phone"),
    ), extra_labels=("Unit",)),
    NodeType("OwnersCommittee", "业主委员会", "Owners' committee", (
        ID, NAME,
        Property("founded", "date", "成立日期", "Founded"),
        Property("term_end", "date", "任期届满", "Term ends"),
    )),
    NodeType("Contract", "共建契约", "Co-building contract", (
        ID, NAME,
        Property("signed_on", "date", "签订日期", "Signed", required=True),
        Property("starts_on", "date", "生效日期", "Starts", required=True),
        Property("ends_on", "date", "到期日期", "Ends"),
        Property("problems_solved", "int", "解决问题数", "Problems solved", minimum=0, maximum=100_000),
    )),
    NodeType("JointMeeting", "联席会议", "Joint meeting", (
        ID,
        Property("held_on", "date", "召开日期", "Held on", required=True),
        Property("topic", "str", "议题", "Topic"),
    )),
    NodeType("Visit", "走访", "Visit", (
        ID,
        Property("visited_on", "date", "走访日期", "Visited on", required=True),
        Property("direction", "str", "走访方向", "Direction", required=True, choices=VISIT_DIRECTIONS),
        Property("note", "str", "备注", "Note"),
    )),
    NodeType("Demand", "需求", "Demand", (
        ID, Property("title", "str", "需求内容", "Demand", required=True, indexed=True),
        Property("kind", "str", "需求类型", "Kind", required=True, choices=DEMAND_KINDS),
        Property("raised_on", "date", "提出日期", "Raised on", required=True),
        Property("channel", "str", "承接方式", "Channel", choices=DEMAND_CHANNELS),
        Property("assigned_on", "date", "认领/派单日期", "Claimed or dispatched on"),
        Property("done_on", "date", "办结日期", "Done on"),
        Property("evaluation", "str", "评价", "Evaluation", choices=EVALUATIONS),
        Property("evaluated_on", "date", "评价日期", "Evaluated on"),
    )),
    NodeType("Department", "街长制派驻部门", "Street-chief department", (
        ID, NAME,
        Property("kind", "str", "部门类型", "Kind", required=True, choices=DEPARTMENT_KINDS),
        Property("duty_items", "int", "职责事项数", "Duty items", minimum=0, maximum=1000),
    )),
    NodeType("ServiceCentre", "党群服务中心", "Party-mass service centre", (
        ID, NAME,
        Property("level", "str", "层级", "Level", required=True, choices=CENTRE_LEVELS),
        Property("area_m2", "float", "面积(平方米)", "Area (m²)", required=True, minimum=0, maximum=100_000),
        Property("opened_on", "date", "启用日期", "Opened"),
    )),
    NodeType("Fund", "经费", "Fund", (
        ID,
        Property("year", "int", "年度", "Year", required=True, minimum=2000, maximum=2100),
        Property("purpose", "str", "经费类别", "Purpose", required=True, choices=FUND_PURPOSES),
        Property("amount_cny", "float", "金额(元)", "Amount (CNY)", required=True, minimum=0, maximum=100_000_000),
    )),
    NodeType("Leader", "包联领导", "Assigned leader", (
        ID,
        Property("name", "str", "姓名", "Name", required=True, sensitive=True, indexed=True),
        Property("level", "str", "领导层级", "Level", required=True, choices=LEADER_LEVELS),
        Property("post", "str", "职务", "Post"),
    )),
    NodeType("JointMeetingUnit", "联席会议成员单位", "Joint-meeting member unit", (ID, NAME)),
)

# --- relationship types -----------------------------------------------------------

_TERRITORY = TERRITORY_LEVELS
_ANY_ORG = ("Organization",)
_UNITS = ("StationedUnit", "PropertyCompany")

RELATIONSHIP_TYPES: tuple[RelationshipType, ...] = (
    RelationshipType("PART_OF", "隶属", "Part of", _TERRITORY[1:], _TERRITORY[:-1]),
    RelationshipType("UNDER", "上级党组织", "Under", ("Organization", "CentralHousehold"), _ANY_ORG),
    RelationshipType("COVERS", "覆盖", "Covers", ("Organization", "CentralHousehold"), _TERRITORY, TEMPORAL),
    RelationshipType("BELONGS_TO", "组织关系", "Belongs to", ("Member",), _ANY_ORG, TEMPORAL),
    RelationshipType("LIVES_IN", "居住", "Lives in", ("Member",), ("Household",), TEMPORAL),
    RelationshipType("WORKS_AT", "工作单位", "Works at", ("Member",), _UNITS),
    RelationshipType("SECRETARY_OF", "书记", "Secretary of", ("Member",), _ANY_ORG, TEMPORAL),
    RelationshipType("PARTY_ORG_OF", "单位党组织", "Party organization of", _ANY_ORG, _UNITS),
    RelationshipType("LOCATED_IN", "所在社区", "Located in", ("StationedUnit",), ("Community",)),
    RelationshipType("MANAGES", "物业服务", "Manages", ("PropertyCompany",), ("Compound",), TEMPORAL),
    RelationshipType("OWNERS_COMMITTEE_OF", "业委会", "Owners' committee of", ("OwnersCommittee",), ("Compound",)),
    RelationshipType("HOSTED_BY", "中心户户主", "Hosted by", ("CentralHousehold",), ("Member",)),
    RelationshipType("LOCATED_AT", "所在户", "Located at", ("CentralHousehold",), ("Household",)),
    RelationshipType("LOCAL_PARTY", "街道社区方", "Street/community party", ("Contract",), _ANY_ORG),
    RelationshipType("UNIT_PARTY", "驻区单位方", "Stationed-unit party", ("Contract",), _ANY_ORG),
    RelationshipType("MEETING_OF", "所属契约", "Meeting of", ("JointMeeting",), ("Contract",)),
    RelationshipType("ATTENDED", "参会", "Attended", _ANY_ORG, ("JointMeeting",)),
    RelationshipType("VISIT_OF", "所属契约", "Visit of", ("Visit",), ("Contract",)),
    RelationshipType("VISIT_FROM", "走访方", "Visit by", ("Visit",), _ANY_ORG),
    RelationshipType("VISIT_TO", "被走访方", "Visit to", ("Visit",), _ANY_ORG),
    RelationshipType("REPORTED_TO", "双报到", "Reported to", ("Organization", "Member"), ("Community",), TEMPORAL),
    RelationshipType("RAISED_IN", "提出社区", "Raised in", ("Demand",), ("Community",)),
    RelationshipType("ASSIGNED_TO", "承接方", "Assigned to", ("Demand",), ("Organization", "Member")),
    RelationshipType("STATIONED_IN", "派驻街道", "Stationed in", ("Department",), ("Street",)),
    RelationshipType("SERVES", "服务范围", "Serves", ("ServiceCentre",), _TERRITORY),
    RelationshipType("FUNDS", "拨付对象", "Funds", ("Fund",), ("Street", "Community")),
    RelationshipType("RESPONSIBLE_FOR", "包联", "Responsible for", ("Leader",),
                     ("Community", "Grid", "Compound"), TEMPORAL),
    RelationshipType("SITS_ON", "联席会议成员", "Sits on joint meeting of", ("JointMeetingUnit",), _ANY_ORG),
)

NODES: dict[str, NodeType] = {n.label: n for n in NODE_TYPES}
RELATIONSHIPS: dict[str, RelationshipType] = {r.type: r for r in RELATIONSHIP_TYPES}
#: the labels several node types share (``Territory``, ``Unit``); a node's own label is its other one
SHARED_LABELS: tuple[str, ...] = tuple(sorted({label for node in NODE_TYPES for label in node.extra_labels}))


def node_type(label: str) -> NodeType:
    """Return the declaration of ``label``.

    Example:
        >>> node_type("Compound").zh
        '居民小区'
    """
    try:
        return NODES[label]
    except KeyError:
        raise KeyError(f"unknown node label {label!r}") from None


def relationship_type(rel_type: str) -> RelationshipType:
    """Return the declaration of relationship type ``rel_type``."""
    try:
        return RELATIONSHIPS[rel_type]
    except KeyError:
        raise KeyError(f"unknown relationship type {rel_type!r}") from None


def display_name(label_or_type: str, language: str = "zh") -> str:
    """Display name of a node label or relationship type in ``zh`` or ``en``.

    Example:
        >>> display_name("Organization"), display_name("COVERS", "en")
        ('党组织', 'Covers')
    """
    decl = NODES.get(label_or_type) or RELATIONSHIPS.get(label_or_type)
    if decl is None:
        return label_or_type
    return decl.zh if language == "zh" else decl.en


def choice_label(choices: tuple[Choice, ...], code: str | None, language: str = "zh") -> str | None:
    """Display name of a coded value; the code itself when it is not one of ``choices``.

    Example:
        >>> choice_label(ORGANIZATION_KINDS, "joint_branch")
        '联合党支部'
    """
    for choice in choices:
        if choice.code == code:
            return choice.zh if language == "zh" else choice.en
    return code
