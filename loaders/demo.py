"""Demo data set: a synthetic party-organization network of Wuzhou (梧州市), written as input files.

:func:`generate` writes one CSV file per :data:`loaders.input_files.INPUT_FILES` entry,
calibrated on the figures of the seed article (``shared/DOMAIN.md``): at scale 1 and
without gaps the data set has exactly 3 districts, 8 streets, 57 communities, 613 grids,
451 compounds covered by 201 compound or joint branches, 41 property-company branches,
268 compounds without a property company, 960 new-field organizations, 3,125 floating and
pocket members, 2,400 reporting unit organizations, 30,000 reporting in-service members,
1,426 service centres and 19 joint-meeting units (see :data:`SEED_FIGURES`).  Everything
the seed does not give (buildings, households, members, contracts, demands …) is plausible
and proportional.  Every person is invented; names, phones and ID numbers are fake.

With ``gaps > 0`` about that fraction of the records behind each compliance rule R1–R12 of
``DOMAIN.md`` is removed or broken, so that every rule has findings, while the files stay
valid input (no dangling ids, no empty required cell, no member in two organizations).
The records that stay are the same as without gaps: gaps are applied to one world.

The data describe the network as of :data:`AS_OF` (2021-12-31): contracts hold their
monthly meetings and yearly visits up to that day.
"""

from __future__ import annotations

import csv
import operator
import random
from array import array
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

from faker import Faker

from graph.model import (
    CENTRE_LEVELS,
    DEMAND_CHANNELS,
    DEMAND_KINDS,
    DEPARTMENT_KINDS,
    EVALUATIONS,
    FIVE_SERVICES,
    FUND_PURPOSES,
    GENDERS,
    LEADER_LEVELS,
    MANAGEMENT_MODES,
    MEMBER_KINDS,
    MEMBER_STATUSES,
    NEW_FIELDS,
    ORGANIZATION_KINDS,
    UNIT_KINDS,
    VISIT_DIRECTIONS,
    Choice,
)
from loaders.input_files import INPUT_FILES

__all__ = ["generate", "AS_OF", "SEED_FIGURES"]

AS_OF = date(2021, 12, 31)
"""The day the demo data describe: every date in it is on or before this day."""

SEED_FIGURES: dict[str, int] = {
    "districts": 3,
    "streets": 8,
    "communities": 57,
    "grids": 613,
    "compounds": 451,
    "compound_branches": 201,
    "property_branches": 41,
    "no_property_compounds": 268,
    "new_field_orgs": 960,
    "floating_and_pocket_members": 3125,
    "reporting_unit_orgs": 2400,
    "reporting_members": 30000,
    "service_centres": 1426,
    "joint_meeting_units": 19,
}
"""The seed's figures at scale 1 (the city and the 19 joint-meeting units do not scale)."""

# Plausible figures the seed does not give, at scale 1.
_RETIRED_MEMBERS = 21875          # so that there are 55,000 members in all
_POCKET_SHARE = 0.35              # of the floating and pocket members
_PROPERTY_COMPANIES = 60
_DEMANDS = 4000
_DATA_START = date(2019, 1, 1)

Progress = Callable[[str, int], None]


# --- small helpers -----------------------------------------------------------------


def _zh(choices: tuple[Choice, ...], code: str) -> str:
    for choice in choices:
        if choice.code == code:
            return choice.zh
    raise KeyError(code)


def _codes(choices: tuple[Choice, ...]) -> dict[str, str]:
    return {c.code: c.zh for c in choices}


_ORG = _codes(ORGANIZATION_KINDS)
_MEMBER_KIND = _codes(MEMBER_KINDS)
_STATUS = _codes(MEMBER_STATUSES)
_GENDER = _codes(GENDERS)


def _ident(prefix: str, index: int, count: int, width: int) -> str:
    """``prefix`` and the 1-based number of ``index``, zero-padded to fit ``count`` items."""
    return f"{prefix}{index + 1:0{max(width, len(str(count)))}d}"


def _ids(prefix: str, count: int, width: int) -> list[str]:
    w = max(width, len(str(count)))
    return [f"{prefix}{i + 1:0{w}d}" for i in range(count)]


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _k(gaps: float, count: int) -> int:
    """How many of ``count`` records a gap rate of ``gaps`` breaks: at least one when gaps > 0."""
    if gaps <= 0 or count <= 0:
        return 0
    return max(1, min(count, round(gaps * count)))


class _Rand(random.Random):
    """``random.Random`` with the few draws the generator needs."""

    def day(self, lo: date, hi: date) -> date:
        """Draw a day in ``[lo, hi]`` (``lo`` when the range is empty)."""
        if hi <= lo:
            return lo
        return lo + timedelta(days=int(self.random() * ((hi - lo).days + 1)))

    def split(self, total: int, parts: int, minimum: int = 0, weights: Sequence[float] | None = None,
              spread: float = 0.6) -> list[int]:
        """``parts`` counts of at least ``minimum`` that sum to ``total``, drawn at random."""
        counts = [minimum] * parts
        rest = total - minimum * parts
        if rest < 0:
            raise ValueError(f"cannot split {total} into {parts} parts of at least {minimum}")
        if weights is None:
            weights = [1 + spread * (2 * self.random() - 1) for _ in range(parts)]
        for i in self.choices(range(parts), weights=weights, k=rest):
            counts[i] += 1
        return counts


def _unique(rng: _Rand, count: int, curated: Sequence[str], make: Callable[[], str], used: set[str]) -> list[str]:
    """``count`` names not in ``used``: the curated ones first, then made ones (numbered if need be)."""
    names: list[str] = []
    for name in curated:
        if len(names) == count:
            return names
        if name not in used:
            used.add(name)
            names.append(name)
    misses = 0
    while len(names) < count:
        name = make()
        if name in used:
            misses += 1
            if misses < 200:
                continue
            number = 2
            while f"{name}{number}" in used:
                number += 1
            name = f"{name}{number}"
        misses = 0
        used.add(name)
        names.append(name)
    return names


# --- word lists ----------------------------------------------------------------------

_DISTRICTS = ("万秀区", "长洲区", "龙圩区")
_STREETS_PER_DISTRICT = (4, 3, 1)
_STREETS = ("城东街道", "城中街道", "城南街道", "城北街道", "大塘街道", "兴龙街道", "红岭街道", "龙圩街道")
_PLACE_A = "东西南北新红金银富兴和华龙凤桂江云山阳光明平安康乐福德文育建胜团朝青碧翠锦丽"
_PLACE_B = "风兴岭民阳平设放主利明福化结才花江鹤山坊湾塘地亭华光苑城桥洲岗园冲口海源泉林"
_COMMUNITIES = (
    "东风", "新兴", "红岭", "富民", "朝阳", "和平", "建设", "解放", "民主", "胜利", "光明", "幸福", "文化",
    "团结", "育才", "桂花", "西江", "鸳江", "河东", "白鹤", "蝶山", "九坊", "竹湾", "沙街", "大塘", "新地",
    "茶亭", "金鸡", "龙华", "阳光", "钱鉴", "松脂", "桂江", "南环", "北环", "云盖", "红星", "五坊", "四坊",
    "大学", "新龙", "龙平", "锦绣", "高旺", "珍珠", "鹤岗", "平浪", "富民坊", "西堤", "龙圩", "广平", "苍海",
    "新城", "华林", "东兴", "长洲", "泗洲",
)
_ROADS = (
    "新兴一路", "新兴二路", "新兴三路", "西江一路", "西江二路", "西江三路", "西江四路", "大中路", "大南路",
    "大东上路", "南环路", "北环路", "文澜路", "民主路", "九坊路", "桂林路", "鸳江路", "蝶山一路", "蝶山二路",
    "蝶山三路", "高旺路", "红岭路", "富民路", "沙街", "竹湾路", "钱鉴路", "云盖路", "龙新路", "龙圩大道",
    "广平路", "西堤路", "新湖路", "工业大道", "三云路", "丽港路", "金龙路", "绿城路", "新地路", "长洲大道",
    "塘源路", "鸿图路", "茶山路",
)
_COMPOUND_SHOWCASE = ("盘龙城", "丽港华府", "灏景玥城", "锦绣小区")
_COMPOUND_PREFIX = (
    "锦绣", "盘龙", "丽港", "灏景", "碧桂", "御景", "江滨", "滨江", "鸳江", "西江", "蝶山", "富民", "阳光",
    "翠苑", "金色", "华庭", "丽景", "世纪", "湖畔", "东方", "紫荆", "桂花", "碧水", "新城", "龙湖", "嘉和",
    "恒福", "天誉", "凯旋", "君悦", "金鸡", "鸿图", "锦华", "万华", "中恒", "嘉禾", "金湖", "绿城", "骑楼",
    "玉龙", "水都", "明珠", "泰和", "书香", "景湖", "山水", "香榭", "豪城", "汇景", "观江", "怡景", "星湖",
)
_COMPOUND_SUFFIX = (
    "小区", "花园", "华府", "城", "苑", "家园", "豪庭", "公馆", "名苑", "雅居", "山庄", "广场", "府", "湾",
    "新城", "世家", "名都", "上城", "华庭", "一品", "玥城", "水岸", "御府", "半岛", "尚城",
)
_OLD_COMPOUND_PATTERNS = ("{w}小区", "{w}新村", "{w}宿舍区", "{w}厂宿舍", "{w}局宿舍", "{w}生活区", "{w}里")
_BRAND_A = "金银华鑫恒泰丰盛源达隆兴宏昌鸿瑞祥和嘉信诚德永安康福新润佳宇浩天海江龙凤桂梧西苍岭"
_BRAND_B = "泰丰盛源达隆兴宏昌鸿瑞祥和嘉信诚德永安康福润佳宇浩天海江龙凤桂辉腾远通达利华美创"
_INDUSTRIES = (
    "贸易", "建设工程", "房地产开发", "物流", "食品", "医药", "电子科技", "机械制造", "建材", "家具",
    "宝石加工", "六堡茶业", "龟苓膏食品", "纺织", "印刷", "旅游", "餐饮管理", "酒店管理", "信息技术",
    "文化传媒", "汽车销售", "农业开发", "环保科技", "新能源", "电力工程", "水务", "投资", "人力资源",
    "家政服务", "装饰工程", "不锈钢制品", "陶瓷", "松脂化工", "再生资源", "医疗器械", "包装材料",
)
_BIG_ENTERPRISES = (
    "中国移动梧州分公司", "中国电信梧州分公司", "中国联通梧州分公司", "中国工商银行梧州分行", "中国农业银行梧州分行",
    "中国银行梧州分行", "中国建设银行梧州分行", "广西电网梧州供电局", "梧州市自来水有限公司", "梧州燃气有限公司",
    "中国邮政梧州分公司", "梧州港务集团有限公司", "梧州市城建投资发展集团", "梧州市交通投资集团",
    "广西梧州制药集团", "梧州市公共交通有限公司", "梧州市农村信用合作联社", "中国人寿梧州分公司",
)
_AGENCIES = (
    "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
    "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局",
    "农业农村局", "商务局", "文化广电和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局",
    "市场监督管理局", "统计局", "医疗保障局", "城市管理监督局", "林业局", "行政审批局", "信访局",
    "投资促进局", "机关事务管理局", "大数据发展局", "国有资产监督管理委员会", "税务局", "总工会", "团委",
    "妇女联合会", "残疾人联合会", "科学技术协会", "工商业联合会", "档案馆",
)
_BRANCH_AGENCIES = ("公安局", "税务局", "自然资源局", "市场监督管理局", "生态环境局")
_STREET_OFFICES = ("司法所", "财政所", "社会保障服务站", "退役军人服务站", "综合行政执法队", "应急管理站")
_INSTITUTION_PATTERNS = (
    "梧州市第{n}中学", "{p}小学", "{p}中学", "{p}幼儿园", "梧州市{w}医院", "{p}卫生院", "梧州市{w}学校",
    "梧州市{w}中心", "梧州{w}职业学院", "梧州市{w}研究所", "梧州市{w}检测站", "梧州市{w}图书馆",
)
_INSTITUTION_WORDS = (
    "疾病预防控制", "妇幼保健", "中医", "红十字会", "人民", "工人", "公共资源交易", "不动产登记", "住房公积金",
    "城市规划设计", "气象", "水文", "就业服务", "社会福利", "青少年活动", "老年大学", "特殊教育", "艺术",
    "体育", "广播电视", "博物", "档案", "园林", "环境监测", "产品质量", "食品检验", "农业技术", "林业科学",
)
_SOCIAL_PATTERNS = ("梧州市{i}协会", "梧州市{w}社会工作服务中心", "梧州市{w}志愿者协会", "梧州市{i}商会",
                    "梧州市{w}公益服务中心")
_NEW_FIELD_PATTERNS = {
    "office_building": ("{w}大厦", "{w}国际商务中心", "{w}写字楼", "{w}金融中心"),
    "park": ("梧州{w}产业园", "{w}工业园", "{w}创业园", "梧州{w}物流园", "{w}电商产业园"),
    "market": ("{w}商业街", "{w}农贸市场", "{w}商城", "{w}茶城", "{w}珠宝城", "{w}步行街"),
    "internet": ("梧州{w}网络科技有限公司", "梧州{w}电子商务有限公司", "梧州{w}信息技术有限公司",
                 "梧州{w}数字科技有限公司"),
}
_NEW_FIELD_WEIGHTS = {"office_building": 30, "park": 15, "market": 35, "internet": 20}
_JOINT_MEETING_UNITS = (
    "市委办公室", "市委组织部", "市发改委", "市委宣传部", "市委政法委", "市委编办", "市民政局", "市财政局",
    "市人社局", "市自然资源局", "市住建局", "市城管局", "市公安局", "市市场监管局", "市卫健委", "市教育局",
    "市司法局", "市总工会", "团市委",
)
_DEPARTMENT_NAMES = {
    "police": "{s}派出所", "traffic": "{s}交警中队", "fire": "{s}消防救援站",
    "market": "{s}市场监督管理所", "urban": "{s}城管执法中队", "sanitation": "{s}环卫站",
}
_MEETING_TOPICS = (
    "老旧小区改造", "绿化美化亮化", "停车难问题", "疫情防控", "文明城市创建", "垃圾分类", "背街小巷整治",
    "为民办实事项目", "消防安全排查", "防汛救灾", "关爱独居老人", "共建项目推进", "无物业小区管理",
    "公共设施维修", "社区文体活动", "矛盾纠纷调解", "创卫迎检", "志愿服务安排", "党史学习教育",
    "年度共建计划",
)
_VISIT_NOTES = ("", "", "", "座谈交流", "走访慰问", "对接共建项目", "征求意见建议", "调研基层党建")
_DEMAND_TITLES = {
    "family_help": ("困难家庭慰问帮扶", "独居老人生活照料", "困难家庭子女助学", "残疾人家庭上门服务",
                    "低保户家电维修", "空巢老人陪伴就医", "困难家庭就业帮扶"),
    "personal_wish": ("微心愿:一台助听器", "微心愿:一辆儿童自行车", "微心愿:一套学习用品", "微心愿:一台电风扇",
                      "微心愿:一副老花镜", "微心愿:一个书包", "微心愿:一套冬衣", "微心愿:一台收音机"),
    "public_need": ("楼道照明维修", "小区绿化补种", "下水道疏通", "增设休闲座椅", "破损路面修补",
                    "增设电动车充电桩", "小区围墙修缮", "垃圾分类亭设置", "健身器材维修"),
    "epidemic_service": ("核酸检测点志愿服务", "隔离人员生活物资配送", "疫苗接种引导服务", "卡口值守",
                         "独居老人代购代送"),
}
_DEMAND_WEIGHTS = {"family_help": 20, "personal_wish": 55, "public_need": 15, "epidemic_service": 10}
_CENTRE_SUFFIXES = ("党群服务站", "红色驿站", "邻里党群服务点", "党员活动室", "红色议事厅", "邻里中心")
_LEADER_POSTS = {
    "city": ("市委常委、组织部部长", "市委常委、宣传部部长", "市委常委、政法委书记", "市委常委、统战部部长",
             "副市长", "市人大常委会副主任", "市政协副主席", "市委秘书长"),
    "district": ("区委常委", "副区长", "区人大常委会副主任", "区政协副主席", "区委常委、组织部部长"),
    "street": ("街道党工委副书记", "街道办事处主任", "街道办事处副主任", "街道党工委委员", "街道人大工委主任"),
    "community": ("社区党委副书记", "社区居委会主任", "社区党委委员", "社区居委会副主任"),
}
_MALE_CHARS = ("伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬"
               "富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民"
               "友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时"
               "泰盛雄琛钧冠策腾楠榕风航弘")
_FEMALE_CHARS = ("秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳"
                 "瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴"
                 "蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒"
                 "伊亚宜可姬舒影荔枝思丽")
_ID_AREAS_LOCAL = ("450403", "450405", "450406", "450421", "450422", "450423", "450481")
_ID_AREAS_AWAY = ("450102", "450103", "450305", "450802", "450921", "440902", "440104", "441203", "431102",
                  "360702", "520102", "450521", "450703")
_PHONE_PREFIXES = ("130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
                   "153", "155", "156", "157", "158", "159", "177", "180", "181", "182", "183", "185", "186",
                   "187", "188", "189", "199")
_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
             "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


# --- the world ------------------------------------------------------------------------


class _Org:
    """A party organization while it is built; ``parent`` is another org's index or -1."""

    __slots__ = ("kind", "name", "founded", "field", "parent", "unit", "alive", "covers", "community", "last_met")

    def __init__(self, kind: str, name: str, founded: date | None, parent: int = -1, unit: str = "",
                 field: str = "", community: int = -1) -> None:
        self.kind = kind
        self.name = name
        self.founded = founded
        self.field = field
        self.parent = parent
        self.unit = unit
        self.alive = True
        self.covers: list[tuple[str, date]] = []
        self.community = community
        self.last_met: date | None = None


class _Member:
    """A party member while it is built; ``org`` is an org index or -1 (no organization)."""

    __slots__ = ("kind", "status", "gender", "name", "birth", "phone", "id_number", "joined", "household",
                 "org", "unit", "since", "lived_since", "reported", "previous")

    def __init__(self) -> None:
        self.unit = ""
        self.since: date | None = None
        self.reported: date | None = None
        self.previous: tuple[int, date, date] | None = None


class _Builder:
    """Builds the whole demo world in memory, applies the gaps, then emits the tables."""

    def __init__(self, scale: int, seed: int, gaps: float) -> None:
        self.s = scale
        self.gaps = gaps
        self.rng = _Rand(seed)
        self.gap_rng = _Rand(f"partygraph-demo-gaps:{seed}")
        fake = Faker("zh_CN")
        fake.seed_instance(seed)
        self.surnames = [fake.last_name() for _ in range(4000)]
        self.male_given = [fake.first_name_male() for _ in range(400)]
        self.female_given = [fake.first_name_female() for _ in range(400)]
        self.id_numbers: set[str] = set()
        self.tables: dict[str, tuple[tuple[str, ...], Iterable[Sequence[str]]]] = {}

    # -- people ------------------------------------------------------------------------

    def person_name(self, male: bool) -> str:
        rng = self.rng
        surname = self.surnames[rng.randrange(len(self.surnames))]
        r = rng.random()
        if r < 0.35:
            given = rng.choice(self.male_given if male else self.female_given)
        else:
            chars = _MALE_CHARS if male else _FEMALE_CHARS
            given = chars[rng.randrange(len(chars))]
            if r < 0.85:
                given += chars[rng.randrange(len(chars))]
        return surname + given

    def phone(self) -> str:
        rng = self.rng
        return f"{_PHONE_PREFIXES[rng.randrange(len(_PHONE_PREFIXES))]}{rng.randrange(100_000_000):08d}"

    def id_number(self, birth: date, male: bool, away: bool) -> str:
        rng = self.rng
        areas = _ID_AREAS_AWAY if away else _ID_AREAS_LOCAL
        while True:
            seq = rng.randrange(500) * 2 + (1 if male else 0)
            body = f"{areas[rng.randrange(len(areas))]}{birth:%Y%m%d}{seq:03d}"
            check = "10X98765432"[sum(map(operator.mul, map(int, body), _ID_WEIGHTS)) % 11]
            number = body + check
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    # -- build -------------------------------------------------------------------------

    def build(self) -> None:
        self.build_territory()
        self.build_units_and_companies()
        self.build_organizations()
        self.build_members()
        self.build_building_groups()
        self.build_secretaries()
        self.build_organization_life()
        self.build_central_households()
        self.build_contracts()
        self.build_demands()
        self.build_services()
        self.apply_gaps()

    def build_territory(self) -> None:
        rng, s = self.rng, self.s
        n_d = SEED_FIGURES["districts"] * s
        used: set[str] = set()
        self.district_names = _unique(rng, n_d, _DISTRICTS,
                                      lambda: rng.choice(_PLACE_A) + rng.choice(_PLACE_B) + "区", used)
        self.street_district = [d for d in range(n_d) for _ in range(_STREETS_PER_DISTRICT[d % 3])]
        n_st = len(self.street_district)
        used = set()
        self.street_names = _unique(rng, n_st, _STREETS,
                                    lambda: rng.choice(_PLACE_A) + rng.choice(_PLACE_B) + "街道", used)
        per_street = rng.split(SEED_FIGURES["communities"] * s, n_st, minimum=4)
        self.community_street = [st for st in range(n_st) for _ in range(per_street[st])]
        n_cm = len(self.community_street)
        used = set()
        self.community_names = _unique(rng, n_cm, [w + "社区" for w in _COMMUNITIES],
                                       lambda: rng.choice(_PLACE_A) + rng.choice(_PLACE_B) + "社区", used)
        grids_per = rng.split(SEED_FIGURES["grids"] * s, n_cm, minimum=6)
        compounds_per = rng.split(SEED_FIGURES["compounds"] * s, n_cm, minimum=3)
        self.grid_community: list[int] = []
        self.grid_names: list[str] = []
        self.community_grids: list[list[int]] = []
        for cm in range(n_cm):
            first = len(self.grid_community)
            self.community_grids.append(list(range(first, first + grids_per[cm])))
            for k in range(grids_per[cm]):
                self.grid_community.append(cm)
                self.grid_names.append(f"{self.community_names[cm]}第{k + 1}网格")
        n_cp = sum(compounds_per)
        no_property = set(rng.sample(range(n_cp), SEED_FIGURES["no_property_compounds"] * s))
        used = set()
        showcase = list(_COMPOUND_SHOWCASE)
        new_names = _unique(rng, n_cp - len(no_property), showcase,
                            lambda: rng.choice(_COMPOUND_PREFIX) + rng.choice(_COMPOUND_SUFFIX), used)
        old_names = _unique(
            rng, len(no_property), (),
            lambda: rng.choice(_OLD_COMPOUND_PATTERNS).format(w=rng.choice(_PLACE_A) + rng.choice(_PLACE_B)),
            used)
        rng.shuffle(new_names)
        self.compound_community: list[int] = []
        self.compound_grid: list[int] = []
        self.compound_names: list[str] = []
        self.compound_address: list[str] = []
        self.compound_no_property: list[bool] = []
        self.compound_mode: list[str] = []
        self.compound_services: list[str] = []
        self.community_compounds: list[list[int]] = []
        modes = [c.zh for c in MANAGEMENT_MODES]
        all_services = ";".join(c.zh for c in FIVE_SERVICES)
        cp = 0
        for cm in range(n_cm):
            grids = list(self.community_grids[cm])
            rng.shuffle(grids)
            self.community_compounds.append(list(range(cp, cp + compounds_per[cm])))
            for j in range(compounds_per[cm]):
                old = cp in no_property
                self.compound_community.append(cm)
                self.compound_grid.append(grids[j % len(grids)])
                self.compound_names.append(old_names.pop() if old else new_names.pop())
                self.compound_address.append(f"{rng.choice(_ROADS)}{rng.randint(1, 280)}号")
                self.compound_no_property.append(old)
                self.compound_mode.append(rng.choices(modes, weights=(25, 30, 15, 30))[0] if old else "")
                self.compound_services.append(all_services if old else "")
                cp += 1
        self.build_buildings()

    def build_buildings(self) -> None:
        """Draw buildings per compound and households per building (kept compact: 1.5 M at scale 10)."""
        rng = self.rng
        self.building_compound = array("i")
        self.building_no = array("i")
        self.building_floors = array("i")
        self.building_layout: list[tuple[int, int]] = []   # units, doors per floor
        self.building_first = array("i")
        self.compound_buildings: list[range] = []
        self.compound_households: list[range] = []
        households = 0
        for cp, old in enumerate(self.compound_no_property):
            first_b, first_h = len(self.building_compound), households
            count = rng.randint(5, 10) if old else 6 + int(rng.random() ** 1.6 * 19)
            for no in range(1, count + 1):
                if old:
                    floors, units, doors = rng.randint(5, 7), rng.randint(1, 3), 2
                elif rng.random() < 0.35:
                    floors, units, doors = rng.randint(18, 33), 1, rng.randint(2, 4)
                else:
                    floors, units, doors = rng.randint(6, 12), rng.randint(1, 2), 2
                self.building_compound.append(cp)
                self.building_no.append(no)
                self.building_floors.append(floors)
                self.building_layout.append((units, doors))
                self.building_first.append(households)
                households += floors * units * doors
            self.compound_buildings.append(range(first_b, len(self.building_compound)))
            self.compound_households.append(range(first_h, households))
        self.building_first.append(households)
        self.n_households = households
        self.building_width = max(5, len(str(len(self.building_compound))))
        self.household_width = max(6, len(str(households)))
        self.household_building = array("i", bytes(4 * households))
        for b in range(len(self.building_compound)):
            for h in range(self.building_first[b], self.building_first[b + 1]):
                self.household_building[h] = b
        weights = (15, 30, 25, 20, 10)
        self.residents = array("b", rng.choices((1, 2, 3, 4, 5), weights=weights, k=households))
        self.community_households = [
            range(self.compound_households[cps[0]].start, self.compound_households[cps[-1]].stop)
            for cps in self.community_compounds
        ]

    def household_compound(self, h: int) -> int:
        return self.building_compound[self.household_building[h]]

    def household_community(self, h: int) -> int:
        return self.compound_community[self.household_compound(h)]

    def build_units_and_companies(self) -> None:
        rng, s = self.rng, self.s
        self.units: list[tuple[str, str, int]] = []   # name, kind code, community
        self.unit_names_used: set[str] = set()

        def word() -> str:
            a = rng.choice(_BRAND_A)
            b = rng.choice(_BRAND_B)
            return a + b if a != b else a + "盛"

        self.word = word
        # property companies and their compounds
        n_pc = _PROPERTY_COMPANIES * s
        self.company_names = _unique(rng, n_pc, (), lambda: f"梧州市{word()}物业服务有限公司", self.unit_names_used)
        self.company_phones = [f"0774-{rng.randint(2_000_000, 6_999_999)}" for _ in range(n_pc)]
        managed = [cp for cp, old in enumerate(self.compound_no_property) if not old]
        rng.shuffle(managed)
        sizes = rng.split(len(managed), n_pc, minimum=1, spread=0.9)
        self.company_compounds: list[list[int]] = []
        self.compound_company: dict[int, int] = {}
        k = 0
        for pc in range(n_pc):
            self.company_compounds.append(sorted(managed[k:k + sizes[pc]]))
            for cp in managed[k:k + sizes[pc]]:
                self.compound_company[cp] = pc
            k += sizes[pc]

    def new_unit(self, name: str, kind: str, community: int) -> str:
        self.units.append((name, kind, community))
        return f"#U{len(self.units) - 1}"

    def unit_name(self, kind: str) -> tuple[str, str]:
        """Return a new unit name of ``kind``, and the kind (an institution once agency names run out)."""
        rng, word = self.rng, self.word
        if kind == "agency":
            while self.agency_pool:
                name = self.agency_pool.pop()
                if name not in self.unit_names_used:
                    self.unit_names_used.add(name)
                    return name, kind
            kind = "institution"
        if kind == "institution":
            def make() -> str:
                w = rng.choice(_INSTITUTION_WORDS) if rng.random() < 0.5 else word()
                return rng.choice(_INSTITUTION_PATTERNS).format(n=_NUMERALS[rng.randrange(len(_NUMERALS))], w=w,
                                                                p=rng.choice(self.community_names)[:-2])
        elif kind == "enterprise":
            make = lambda: f"梧州{'市' if rng.random() < 0.5 else ''}{word()}{rng.choice(_INDUSTRIES)}有限公司"  # noqa: E731
        else:
            make = lambda: rng.choice(_SOCIAL_PATTERNS).format(i=rng.choice(_INDUSTRIES), w=word())  # noqa: E731
        return _unique(rng, 1, (), make, self.unit_names_used)[0], kind

    # -- organizations -------------------------------------------------------------------

    def add_org(self, org: _Org) -> int:
        self.orgs.append(org)
        return len(self.orgs) - 1

    def build_organizations(self) -> None:
        rng, s = self.rng, self.s
        self.orgs: list[_Org] = []
        n_cm = len(self.community_names)
        centre_cm = [cm for cm in range(n_cm) if self.street_district[self.community_street[cm]] == 0]
        # committees (their staff work at the committee's own office, a stationed unit)
        unit = self.new_unit("中共梧州市委机关", "agency", rng.choice(centre_cm))
        self.city_org = self.add_org(_Org(_ORG["city_committee"], "梧州市委", None, unit=unit))
        self.district_orgs = []
        for d, name in enumerate(self.district_names):
            cms = [cm for cm in range(n_cm) if self.street_district[self.community_street[cm]] == d]
            unit = self.new_unit(f"中共{name}委员会机关", "agency", rng.choice(cms))
            self.district_orgs.append(self.add_org(_Org(_ORG["district_committee"], f"{name}委", None,
                                                        parent=self.city_org, unit=unit)))
        self.street_orgs = []
        for st, name in enumerate(self.street_names):
            cms = [cm for cm in range(n_cm) if self.community_street[cm] == st]
            unit = self.new_unit(f"{name}办事处", "agency", rng.choice(cms))
            founded = rng.day(date(2019, 3, 1), date(2019, 12, 31))
            org = _Org(_ORG["street_committee"], f"{name}党工委", founded,
                       parent=self.district_orgs[self.street_district[st]], unit=unit)
            org.covers.append((self.street_ids[st], founded))
            self.street_orgs.append(self.add_org(org))
        self.community_orgs = []
        for cm, name in enumerate(self.community_names):
            unit = self.new_unit(f"{name}居民委员会", "social", cm)
            founded = rng.day(date(2019, 3, 1), date(2020, 6, 30))
            org = _Org(_ORG["community_committee"], f"{name}党委", founded,
                       parent=self.street_orgs[self.community_street[cm]], unit=unit, community=cm)
            org.covers.append((self.community_ids[cm], founded))
            self.community_orgs.append(self.add_org(org))
        self.build_branches()
        # grid organizations
        self.grid_orgs = []
        for gr, name in enumerate(self.grid_names):
            cm = self.grid_community[gr]
            founded = rng.day(date(2019, 6, 1), date(2020, 12, 31))
            org = _Org(_ORG["grid_org"], f"{name}党支部", founded, parent=self.community_orgs[cm], community=cm)
            org.covers.append((self.grid_ids[gr], founded))
            self.grid_orgs.append(self.add_org(org))
        # new-field organizations, each in the business it organizes
        fields = list(_NEW_FIELD_WEIGHTS)
        self.new_field_orgs = []
        for _ in range(SEED_FIGURES["new_field_orgs"] * s):
            field = rng.choices(fields, weights=list(_NEW_FIELD_WEIGHTS.values()))[0]
            cm = rng.randrange(n_cm)
            name = _unique(rng, 1, (), lambda f=field: rng.choice(_NEW_FIELD_PATTERNS[f]).format(w=self.word()),
                           self.unit_names_used)[0]
            unit = self.new_unit(name, "enterprise", cm)
            park = "党委" if rng.random() < 0.3 else "联合党支部"
            suffix = {"market": "联合党支部", "park": park}.get(field, "党支部")
            parent = (self.street_orgs[self.community_street[cm]] if rng.random() < 0.4 else self.community_orgs[cm])
            org = _Org(_ORG["new_field_org"], name + suffix, rng.day(date(2019, 1, 1), date(2021, 9, 30)),
                       parent=parent, unit=unit, field=_zh(NEW_FIELDS, field), community=cm)
            self.new_field_orgs.append(self.add_org(org))
        # property-company branches: the companies that manage the most compounds
        n_pb = SEED_FIGURES["property_branches"] * s
        ranked = sorted(range(len(self.company_names)), key=lambda pc: (-len(self.company_compounds[pc]), pc))
        self.property_orgs = []
        self.company_ids = _ids("PC", len(self.company_names), 3)
        for pc in sorted(ranked[:n_pb]):
            first = self.company_compounds[pc][0]
            cm = self.compound_community[first]
            org = _Org(_ORG["property_branch"], self.company_names[pc].replace("有限公司", "") + "党支部",
                       rng.day(date(2019, 1, 1), date(2021, 6, 30)), parent=self.street_orgs[self.community_street[cm]],
                       unit=self.company_ids[pc], community=cm)
            self.property_orgs.append(self.add_org(org))
        # stationed-unit organizations
        self.agency_pool = sorted({prefix + agency for prefix in ("梧州市", *self.district_names)
                                   for agency in _AGENCIES}
                                  | {f"梧州市{agency}{district[:-1]}分局" for agency in _BRANCH_AGENCIES
                                     for district in self.district_names}
                                  | {street + office for street in self.street_names for office in _STREET_OFFICES})
        rng.shuffle(self.agency_pool)
        kinds = rng.choices(("agency", "institution", "enterprise", "social"), weights=(8, 31, 50, 11),
                            k=SEED_FIGURES["reporting_unit_orgs"] * s)
        self.unit_orgs = []
        for kind in kinds:
            cm = rng.choice(centre_cm) if kind == "agency" and rng.random() < 0.6 else rng.randrange(n_cm)
            name, kind = self.unit_name(kind)
            unit = self.new_unit(name, kind, cm)
            parent = self.street_orgs[self.community_street[cm]] if kind in ("enterprise", "social") else -1
            org = _Org(_ORG["unit_branch"], name, rng.day(date(2000, 1, 1), date(2019, 12, 31)), parent=parent,
                       unit=unit, community=cm)
            self.unit_orgs.append(self.add_org(org))

    def build_branches(self) -> None:
        """Compound and joint branches: 201 per scale, each covering 1–n compounds of one community."""
        rng = self.rng
        target = SEED_FIGURES["compound_branches"] * self.s
        total = len(self.compound_names)
        counts = [max(1, round(len(cps) * target / total)) for cps in self.community_compounds]
        while sum(counts) != target:
            cm = rng.randrange(len(counts))
            if sum(counts) > target and counts[cm] > 1:
                counts[cm] -= 1
            elif sum(counts) < target and counts[cm] < len(self.community_compounds[cm]):
                counts[cm] += 1
        self.branch_orgs = []
        self.compound_branch = [0] * total
        for cm, cps in enumerate(self.community_compounds):
            cps = list(cps)
            rng.shuffle(cps)
            sizes = rng.split(len(cps), counts[cm], minimum=1, spread=0.9)
            k = 0
            for size in sizes:
                covered = sorted(cps[k:k + size])
                k += size
                founded = rng.day(date(2020, 2, 1), date(2021, 6, 30))
                if size == 1:
                    kind, name = _ORG["compound_branch"], f"{self.compound_names[covered[0]]}党支部"
                else:
                    kind, name = _ORG["joint_branch"], f"{self.compound_names[covered[0]]}片区联合党支部"
                org = _Org(kind, name, founded, parent=self.community_orgs[cm], community=cm)
                org.covers.extend((self.compound_ids[cp], founded) for cp in covered)
                index = self.add_org(org)
                self.branch_orgs.append(index)
                for cp in covered:
                    self.compound_branch[cp] = index

    # -- members -----------------------------------------------------------------------

    def new_member(self, kind: str, household: int, org: int, unit: str = "") -> _Member:
        rng = self.rng
        m = _Member()
        m.kind = kind
        male = rng.random() < {"in_service": 0.6, "retired": 0.52, "floating": 0.62, "pocket": 0.58}[kind]
        m.gender = "male" if male else "female"
        m.name = self.person_name(male)
        lo, hi = {"in_service": (1961, 1999), "retired": (1931, 1966), "floating": (1966, 2000),
                  "pocket": (1956, 1998)}[kind]
        m.birth = rng.day(date(lo, 1, 1), date(hi, 6, 30))
        m.phone = self.phone()
        m.id_number = self.id_number(m.birth, male, away=kind == "floating" and rng.random() < 0.7)
        probation = {"in_service": 0.08, "retired": 0.005, "floating": 0.07, "pocket": 0.03}[kind]
        if rng.random() < probation:
            m.status = "probationary"
            m.joined = rng.day(max(date(2021, 1, 1), _add_years(m.birth, 18)), date(2021, 11, 30))
        else:
            m.status = "full"
            m.joined = min(rng.day(_add_years(m.birth, 18), _add_years(m.birth, 45)), date(2020, 11, 30))
        m.household = household
        m.org = org
        m.unit = unit
        m.lived_since = rng.day(max(_add_years(m.birth, 20), date(2000, 1, 1)), date(2021, 6, 30))
        self.members.append(m)
        return m

    def build_members(self) -> None:
        rng, s = self.rng, self.s
        self.members: list[_Member] = []
        n_hh = self.n_households
        anywhere = lambda: rng.randrange(n_hh)  # noqa: E731

        def in_community(cm: int) -> int:
            r = self.community_households[cm]
            return rng.randrange(r.start, r.stop)

        def in_compounds(cps: Iterable[int]) -> int:
            cps = list(cps)
            r = self.compound_households[rng.choice(cps)]
            return rng.randrange(r.start, r.stop)

        # in-service members: committee staff, property and new-field branches, then unit organizations
        in_service = SEED_FIGURES["reporting_members"] * s
        staff = [(self.city_org, 9)] + [(o, 7) for o in self.district_orgs] + [(o, 7) for o in self.street_orgs]
        staff += [(o, 4) for o in self.community_orgs]
        for org, count in staff:
            for _ in range(count):
                cm = self.orgs[org].community
                self.new_member("in_service", in_community(cm) if cm >= 0 and rng.random() < 0.7 else anywhere(),
                                org, self.orgs[org].unit)
        for org in self.property_orgs:
            for _ in range(rng.randint(3, 10)):
                self.new_member("in_service", anywhere(), org, self.orgs[org].unit)
        for org in self.new_field_orgs:
            for _ in range(rng.randint(2, 5)):
                self.new_member("in_service", anywhere(), org, self.orgs[org].unit)
        rest = in_service - len(self.members)
        weight = {"agency": 3.0, "institution": 2.0, "enterprise": 0.8, "social": 0.4}
        unit_kind = {f"#U{i}": kind for i, (_, kind, _) in enumerate(self.units)}
        sizes = rng.split(rest, len(self.unit_orgs), minimum=3,
                          weights=[weight[unit_kind[self.orgs[o].unit]] * min(rng.paretovariate(1.8), 12)
                                   for o in self.unit_orgs])
        for org, size in zip(self.unit_orgs, sizes, strict=True):
            for _ in range(size):
                self.new_member("in_service", anywhere(), org, self.orgs[org].unit)
            o = self.orgs[org]
            o.name += "党委" if size >= 100 else "党总支" if size >= 50 else "党支部"
        # floating and pocket members: new-field organizations or the community committee
        n_fp = SEED_FIGURES["floating_and_pocket_members"] * s
        n_pocket = round(n_fp * _POCKET_SHARE)
        for _ in range(n_fp - n_pocket):
            h = anywhere()
            org = (rng.choice(self.new_field_orgs) if rng.random() < 0.7
                   else self.community_orgs[self.household_community(h)])
            self.new_member("floating", h, org)
        for _ in range(n_pocket):
            h = anywhere()
            self.new_member("pocket", h, self.community_orgs[self.household_community(h)])
        # retired members: three in every branch and grid organization, then wherever they live
        retired = _RETIRED_MEMBERS * s
        start = len(self.members)
        for org in self.branch_orgs:
            cps = [self.compound_index[t] for t, _ in self.orgs[org].covers]
            for _ in range(3):
                self.new_member("retired", in_compounds(cps), org)
        for gr, org in enumerate(self.grid_orgs):
            cps = [cp for cp in self.community_compounds[self.grid_community[gr]] if self.compound_grid[cp] == gr]
            for _ in range(3):
                h = in_compounds(cps) if cps else in_community(self.grid_community[gr])
                self.new_member("retired", h, org)
        while len(self.members) - start < retired:
            h = anywhere()
            if rng.random() < 0.04:
                org = self.community_orgs[self.household_community(h)]
            else:
                org = self.compound_branch[self.household_compound(h)]
            self.new_member("retired", h, org)
        rng.shuffle(self.members)
        self.member_ids = _ids("M", len(self.members), 6)
        self.settle_members()

    def settle_members(self) -> None:
        """Org member lists, a full member in every org, membership and report dates, residents."""
        rng = self.rng
        self.org_members: list[list[int]] = [[] for _ in self.orgs]
        for i, m in enumerate(self.members):
            self.org_members[m.org].append(i)
        for ms in self.org_members:
            if ms and not any(self.members[i].status == "full" for i in ms):
                m = self.members[ms[0]]
                m.status = "full"
                m.joined = min(rng.day(_add_years(m.birth, 18), _add_years(m.birth, 40)), date(2020, 11, 30))
        branch_kinds = (_ORG["compound_branch"], _ORG["joint_branch"])
        for m in self.members:
            org = self.orgs[m.org]
            if m.status == "probationary":
                m.since = m.joined
            else:
                lo = max(m.joined, org.founded or m.joined)
                m.since = rng.day(lo, max(lo, date(2021, 9, 30))) if org.kind not in branch_kinds else \
                    min(lo + timedelta(days=rng.randrange(60)), AS_OF)
            if org.kind in branch_kinds and m.status == "full" and rng.random() < 0.3:
                # the relation was in the community committee before the compound branch was built
                before = self.orgs[self.community_orgs[org.community]].founded
                old_since = rng.day(max(m.joined, before), m.since - timedelta(days=30))
                if old_since < m.since:
                    m.previous = (self.community_orgs[org.community], old_since, m.since)
            if m.kind == "in_service":
                m.reported = rng.day(max(m.lived_since, date(2019, 3, 1)), date(2021, 9, 30))
        count = array("b", bytes(self.n_households))
        for m in self.members:
            count[m.household] = min(count[m.household] + 1, 50)
        for h in range(self.n_households):
            if count[h] > self.residents[h]:
                self.residents[h] = count[h]
        self.household_members = count

    def build_building_groups(self) -> None:
        """One building group (楼宇党小组) for every building where members live."""
        rng = self.rng
        self.building_residents: dict[int, list[int]] = {}
        for i, m in enumerate(self.members):
            self.building_residents.setdefault(self.household_building[m.household], []).append(i)
        self.building_group: dict[int, int] = {}
        for b in sorted(self.building_residents):
            cp = self.building_compound[b]
            branch = self.compound_branch[cp]
            founded = rng.day(self.orgs[branch].founded, date(2021, 9, 30))
            org = _Org(_ORG["building_group"], f"{self.compound_names[cp]}{self.building_no[b]}栋党小组", founded,
                       parent=branch, community=self.compound_community[cp])
            org.covers.append((self.building_id(b), founded))
            self.building_group[b] = self.add_org(org)

    def build_secretaries(self) -> None:
        """Choose a full member of each organization (building groups have none) as its secretary."""
        rng = self.rng
        self.secretaries: list[tuple[int, int, date, date | None]] = []
        for org_index, org in enumerate(self.orgs):
            if org.kind == _ORG["building_group"]:
                continue
            full = [i for i in self.org_members[org_index] if self.members[i].status == "full"]
            settled = [i for i in full if self.members[i].kind in ("in_service", "retired")]
            full = settled or full
            chosen = full[rng.randrange(len(full))]
            since = rng.day(max(self.members[chosen].since, org.founded or date(2019, 1, 1)), date(2021, 10, 31))
            if len(full) > 1 and rng.random() < 0.06:
                before = rng.choice([i for i in full if i != chosen])
                earlier = max(self.members[before].since, org.founded or date(2016, 1, 1))
                if earlier < since:
                    self.secretaries.append((before, org_index, earlier, since))
            self.secretaries.append((chosen, org_index, since, None))

    def build_organization_life(self) -> None:
        """Every organization last met (组织生活) within the last 75 days before :data:`AS_OF`."""
        rng = self.rng
        recent = AS_OF - timedelta(days=75)
        for org in self.orgs:
            org.last_met = rng.day(max(org.founded or recent, recent), AS_OF)

    def build_central_households(self) -> None:
        """Central households (党员中心户) in buildings with a group, each linked to 5–15 neighbours."""
        rng = self.rng
        self.central: list[tuple[int, int, int, date]] = []         # host member, household, group, since
        self.contacts: list[tuple[int, int, date]] = []              # central household, household, since
        for b in sorted(self.building_group):
            residents = self.building_residents[b]
            hosts = [i for i in residents if self.members[i].status == "full" and self.members[i].kind == "retired"]
            hosts = hosts or [i for i in residents if self.members[i].status == "full"]
            first, stop = self.building_first[b], self.building_first[b + 1]
            wanted = 1 if stop - first < 40 else 2
            if not hosts or rng.random() < 0.15:
                continue
            taken: set[int] = set()
            for host in rng.sample(hosts, min(wanted, len(hosts))):
                h = self.members[host].household
                if h in taken:
                    continue
                taken.add(h)
                group = self.building_group[b]
                since = rng.day(self.orgs[group].founded, date(2021, 10, 31))
                ch = len(self.central)
                self.central.append((host, h, group, since))
                neighbours = [x for x in range(first, stop) if x != h]
                for x in sorted(rng.sample(neighbours, min(len(neighbours), rng.randint(5, 15)))):
                    self.contacts.append((ch, x, since))

    # -- contracts and reports ---------------------------------------------------------

    def build_contracts(self) -> None:
        """Co-building contracts, with a joint meeting every month and yearly visits both ways."""
        rng = self.rng
        units_by_cm: list[list[int]] = [[] for _ in self.community_names]
        for org in self.unit_orgs:
            units_by_cm[self.orgs[org].community].append(org)
        units_by_st: list[list[int]] = [[] for _ in self.street_names]
        for cm, orgs in enumerate(units_by_cm):
            units_by_st[self.community_street[cm]].extend(orgs)
        self.units_by_cm = units_by_cm
        pairs: list[tuple[int, int]] = []
        for st, org in enumerate(self.street_orgs):
            for unit in rng.sample(units_by_st[st], min(len(units_by_st[st]), rng.randint(4, 8))):
                pairs.append((org, unit))
        for cm, org in enumerate(self.community_orgs):
            for unit in rng.sample(units_by_cm[cm], min(len(units_by_cm[cm]), rng.randint(3, 6))):
                pairs.append((org, unit))
        self.contracts: list[tuple[int, int, date, date, date, int]] = []
        self.meetings: list[tuple[int, date, str]] = []
        self.visits: list[tuple[int, date, str, int, int, str]] = []
        unit_to_local, local_to_unit = (c.zh for c in VISIT_DIRECTIONS)
        for local, unit in pairs:
            starts = rng.day(date(2020, 1, 1), date(2021, 6, 30))
            signed = starts - timedelta(days=rng.randint(0, 20))
            ends = _add_years(starts, 3) - timedelta(days=1)
            k = len(self.contracts)
            self.contracts.append((local, unit, signed, starts, ends, rng.randint(4, 16)))
            year, month = starts.year, starts.month
            while (year, month) <= (AS_OF.year, AS_OF.month):
                first = date(year, month, 1)
                last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
                self.meetings.append((k, rng.day(max(first, starts), last), rng.choice(_MEETING_TOPICS)))
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            for direction, source, target in ((unit_to_local, unit, local), (local_to_unit, local, unit)):
                # a visit in the first calendar year, then every 150–330 days: never a year without one
                day = rng.day(starts, min(starts + timedelta(days=120), date(starts.year, 12, 31)))
                while day <= AS_OF:
                    self.visits.append((k, day, direction, source, target, rng.choice(_VISIT_NOTES)))
                    day += timedelta(days=rng.randint(150, 330))
        self.meetings.sort(key=lambda m: (m[1], m[0]))
        self.visits.sort(key=lambda v: (v[1], v[0], v[2]))
        # unit organizations report to the community where the unit sits
        self.unit_reports = [(org, self.orgs[org].community,
                              rng.day(max(self.orgs[org].founded, date(2019, 3, 1)), date(2021, 6, 30)))
                             for org in self.unit_orgs]

    def build_demands(self) -> None:
        """Demands raised in communities, claimed or dispatched, done and evaluated."""
        rng = self.rng
        members_by_cm: list[list[int]] = [[] for _ in self.community_names]
        for i, m in enumerate(self.members):
            if m.kind == "in_service":
                members_by_cm[self.household_community(m.household)].append(i)
        cum_weights = list(accumulate(len(r) for r in self.community_households))
        communities = range(len(cum_weights))
        kinds = list(_DEMAND_WEIGHTS)
        claimed, dispatched = (c.zh for c in DEMAND_CHANNELS)
        evaluations = [c.zh for c in EVALUATIONS]
        self.demands: list[list] = []
        for _ in range(_DEMANDS * self.s):
            cm = rng.choices(communities, cum_weights=cum_weights)[0]
            kind = rng.choices(kinds, weights=list(_DEMAND_WEIGHTS.values()))[0]
            title = rng.choice(_DEMAND_TITLES[kind])
            if kind == "public_need":
                title = self.compound_names[rng.choice(self.community_compounds[cm])] + title
            raised = rng.day(date(2020, 1, 1), date(2021, 11, 30))
            channel = claimed if rng.random() < 0.55 else dispatched
            org, member = -1, -1
            r = rng.random()
            if r < 0.45 and self.units_by_cm[cm]:
                org = rng.choice(self.units_by_cm[cm])
            elif r < 0.6 and channel == dispatched:
                org = self.grid_orgs[rng.choice(self.community_grids[cm])]
            elif members_by_cm[cm]:
                member = rng.choice(members_by_cm[cm])
            else:
                org = self.community_orgs[cm]
            assigned = raised + timedelta(days=rng.randint(0, 5))
            done = min(assigned + timedelta(days=rng.randint(1, 30)), AS_OF)
            evaluated = min(done + timedelta(days=rng.randint(0, 10)), AS_OF)
            evaluation = rng.choices(evaluations, weights=(85, 12, 3))[0]
            self.demands.append([cm, title, _zh(DEMAND_KINDS, kind), raised, channel, assigned, done, evaluation,
                                 evaluated, org, member])

    def build_services(self) -> None:
        """Departments, service centres, funds, leaders, property management, owners' committees."""
        rng, s = self.rng, self.s
        # street-chief departments: 40 duty items per street
        self.departments = []
        for st, name in enumerate(self.street_names):
            items = rng.split(40, len(DEPARTMENT_KINDS), minimum=4)
            for kind, count in zip(DEPARTMENT_KINDS, items, strict=True):
                self.departments.append((_DEPARTMENT_NAMES[kind.code].format(s=name), kind.zh, count, st))
        # service centres on five levels
        self.centres: list[list] = []
        level = _codes(CENTRE_LEVELS)
        self.centres.append(["梧州市党群服务中心", level["city"], 3600, date(2019, 7, 1), self.city_id])
        for d, name in enumerate(self.district_names):
            self.centres.append([f"{name}党群服务中心", level["district"], rng.randint(12, 25) * 100,
                                 rng.day(date(2019, 1, 1), date(2019, 12, 31)), self.district_ids[d]])
        for st, name in enumerate(self.street_names):
            self.centres.append([f"{name}党群服务中心", level["street"], rng.randint(6, 15) * 100,
                                 rng.day(date(2019, 3, 1), date(2020, 6, 30)), self.street_ids[st]])
        for cm, name in enumerate(self.community_names):
            self.centres.append([f"{name}党群服务中心", level["community"], rng.randint(500, 1200),
                                 rng.day(date(2019, 3, 1), date(2020, 12, 31)), self.community_ids[cm]])
        rest = SEED_FIGURES["service_centres"] * s - len(self.centres)
        n_cp = len(self.compound_names)
        extra = set(rng.sample(range(n_cp), rest % n_cp))
        for cp in range(n_cp):
            for k in range(rest // n_cp + (cp in extra)):
                suffix = _CENTRE_SUFFIXES[k] if k < len(_CENTRE_SUFFIXES) else f"第{k + 1}党群服务点"
                self.centres.append([self.compound_names[cp] + suffix, level["compound"], rng.randint(300, 600),
                                     rng.day(date(2019, 6, 1), date(2021, 10, 31)), self.compound_ids[cp]])
        # funds: per community and year, and the street-chief fund by households
        purpose = _codes(FUND_PURPOSES)
        self.funds: list[list] = []
        for year in (2020, 2021):
            for cm in range(len(self.community_names)):
                service = 100_000 + 5_000 * rng.randint(0, 10)
                self.funds.append([year, purpose["service"], service, self.community_ids[cm]])
                work = 50_000 if rng.random() < 0.7 else 50_000 + 2_000 * rng.randint(1, 5)
                self.funds.append([year, purpose["work"], work, self.community_ids[cm]])
        self.street_households = [0] * len(self.street_names)
        for cm, r in enumerate(self.community_households):
            self.street_households[self.community_street[cm]] += len(r)
        lo, hi = min(self.street_households), max(self.street_households)
        for year in (2020, 2021):
            for st, households in enumerate(self.street_households):
                share = (households - lo) / (hi - lo) if hi > lo else 0.5
                amount = round((300_000 + 200_000 * share) / 10_000) * 10_000
                self.funds.append([year, purpose["street_chief"], amount, self.street_ids[st]])
        self.build_leaders()
        # property management (with a few changes of company) and owners' committees
        self.management: list[tuple[int, int, date, date | None]] = []
        n_pc = len(self.company_names)
        for cp in sorted(self.compound_company):
            pc = self.compound_company[cp]
            since = rng.day(date(2012, 1, 1), date(2021, 6, 30))
            if rng.random() < 0.06 and n_pc > 1 and since > date(2014, 1, 1):
                before = rng.choice([x for x in range(n_pc) if x != pc])
                self.management.append((before, cp, rng.day(date(2008, 1, 1), since - timedelta(days=365)), since))
            self.management.append((pc, cp, since, None))
        self.owners_committees = []
        for cp, old in enumerate(self.compound_no_property):
            if rng.random() < (0.12 if old else 0.45):
                founded = rng.day(date(2016, 1, 1), date(2021, 6, 30))
                self.owners_committees.append((f"{self.compound_names[cp]}业主委员会", founded,
                                               _add_years(founded, 5) - timedelta(days=1), cp))

    def build_leaders(self) -> None:
        """Leaders of four levels, each assigned to communities, grids or compounds (包联)."""
        rng, s = self.rng, self.s
        self.leaders: list[tuple[str, str, str]] = []
        self.assignments: list[tuple[int, str, date]] = []
        level = _codes(LEADER_LEVELS)
        n_cm = len(self.community_names)

        def leader(lv: str) -> int:
            male = rng.random() < 0.7
            self.leaders.append((self.person_name(male), level[lv], rng.choice(_LEADER_POSTS[lv])))
            return len(self.leaders) - 1

        def assign(ld: int, territory: str) -> None:
            self.assignments.append((ld, territory, rng.day(date(2019, 3, 1), date(2021, 6, 30))))

        has_leader = [False] * n_cm
        for _ in range(12 * s):
            ld = leader("city")
            for cm in rng.sample(range(n_cm), rng.randint(1, 2)):
                assign(ld, self.community_ids[cm])
                has_leader[cm] = True
        compound_has = [False] * len(self.compound_names)
        for d in range(len(self.district_names)):
            cms = [cm for cm in range(n_cm) if self.street_district[self.community_street[cm]] == d]
            district_leaders = [leader("district") for _ in range(15)]
            for ld in district_leaders:
                cm = rng.choice(cms)
                assign(ld, self.community_ids[cm])
                has_leader[cm] = True
                cp = rng.choice(self.community_compounds[cm])
                assign(ld, self.compound_ids[cp])
                compound_has[cp] = True
            for cm in cms:
                if not has_leader[cm]:
                    assign(rng.choice(district_leaders), self.community_ids[cm])
                    has_leader[cm] = True
        for st in range(len(self.street_names)):
            cps = [cp for cm in range(n_cm) if self.community_street[cm] == st for cp in self.community_compounds[cm]]
            street_leaders = [leader("street") for _ in range(12)]
            for ld in street_leaders:
                for cp in rng.sample(cps, min(len(cps), rng.randint(2, 5))):
                    if not compound_has[cp] or rng.random() < 0.3:
                        assign(ld, self.compound_ids[cp])
                        compound_has[cp] = True
            for cp in cps:
                if not compound_has[cp]:
                    assign(rng.choice(street_leaders), self.compound_ids[cp])
                    compound_has[cp] = True
        for cm in range(n_cm):
            community_leaders = [leader("community") for _ in range(rng.randint(4, 6))]
            grids = list(self.community_grids[cm])
            rng.shuffle(grids)
            for k, gr in enumerate(grids):
                assign(community_leaders[k % len(community_leaders)], self.grid_ids[gr])

    # -- gaps ----------------------------------------------------------------------------

    def apply_gaps(self) -> None:
        """Break about ``gaps`` of the records behind each rule R1–R12 (nothing when gaps is 0)."""
        g, rng = self.gaps, self.gap_rng
        self.uncovered: set[int] = set()
        self.unreported: set[int] = set()
        if g <= 0:
            return
        full_residents = array("i", bytes(4 * len(self.compound_names)))
        for m in self.members:
            if m.status == "full":
                full_residents[self.household_compound(m.household)] += 1
        # R1 (and R5): compounds lose their branch coverage; each has 3+ full members living in it
        candidates = [cp for cp in range(len(self.compound_names)) if full_residents[cp] >= 3]
        self.uncovered = set(rng.sample(candidates, _k(g, len(self.compound_names))))
        # R2: buildings with resident members lose their group (and its central households)
        groups = sorted(self.building_group)
        for b in rng.sample(groups, _k(g, len(groups))):
            self.orgs[self.building_group.pop(b)].alive = False
        kept = [k for k, c in enumerate(self.central) if self.orgs[c[2]].alive]
        renumber = {old: new for new, old in enumerate(kept)}
        self.central = [self.central[k] for k in kept]
        self.contacts = [(renumber[ch], h, since) for ch, h, since in self.contacts if ch in renumber]
        # R3: grids without an organization; its members move to the community committee
        moved: dict[int, int] = {}
        for gr in rng.sample(range(len(self.grid_orgs)), _k(g, len(self.grid_orgs))):
            org = self.grid_orgs[gr]
            self.orgs[org].alive = False
            moved[org] = self.community_orgs[self.grid_community[gr]]
            for i in self.org_members[org]:
                self.members[i].org = moved[org]
        for d in self.demands:
            d[9] = moved.get(d[9], d[9])
        self.secretaries = [s for s in self.secretaries if self.orgs[s[1]].alive]
        # (effective coverage) branches, groups and grid organizations that have not met for months
        kinds = {_ORG[k] for k in ("compound_branch", "joint_branch", "building_group", "grid_org")}
        grassroots = [o for o in self.orgs if o.alive and o.kind in kinds]
        for org in rng.sample(grassroots, _k(g, len(grassroots))):
            stale = date(2021, 5, 31)
            org.last_met = None if org.founded > stale or rng.random() < 0.4 else rng.day(org.founded, stale)
        # R4: pocket members whose organization relation was never transferred
        pocket = [i for i, m in enumerate(self.members) if m.kind == "pocket"]
        secretaries = {s[0] for s in self.secretaries}
        pocket = [i for i in pocket if i not in secretaries]
        for i in rng.sample(pocket, _k(g, len(pocket))):
            self.members[i].org = -1
            self.members[i].previous = None
        # R5: stationed units where 3+ floating full members work, with no organization of their own
        floating = [i for i, m in enumerate(self.members) if m.kind == "floating" and m.status == "full"
                    and m.org >= 0 and self.orgs[m.org].kind == _ORG["community_committee"]]
        rng.shuffle(floating)
        for _ in range(_k(g, 40 * self.s)):
            if len(floating) < 3:
                break
            staff = [floating.pop() for _ in range(min(len(floating), rng.randint(3, 5)))]
            cm = self.household_community(self.members[staff[0]].household)
            name = _unique(rng, 1, (), lambda: f"梧州{self.word()}{rng.choice(_INDUSTRIES)}有限公司",
                           self.unit_names_used)[0]
            unit = self.new_unit(name, "enterprise", cm)
            for i in staff:
                self.members[i].unit = unit
        # R6, R7: missing monthly meetings and yearly visits
        drop = set(rng.sample(range(len(self.meetings)), _k(g, len(self.meetings))))
        self.meetings = [m for k, m in enumerate(self.meetings) if k not in drop]
        drop = set(rng.sample(range(len(self.visits)), _k(g, len(self.visits))))
        self.visits = [v for k, v in enumerate(self.visits) if k not in drop]
        # R8: compounds without a property company and without a management mode
        old = [cp for cp, o in enumerate(self.compound_no_property) if o]
        for cp in rng.sample(old, _k(g, len(old))):
            self.compound_mode[cp] = ""
            if rng.random() < 0.5:
                self.compound_services[cp] = ""
        # R9: demands not assigned, not done or not evaluated (a third each)
        broken = rng.sample(range(len(self.demands)), max(3, _k(g, len(self.demands))))
        for n, k in enumerate(broken):
            d = self.demands[k]
            stage = n % 3                    # 0: not assigned, 1: not done, 2: not evaluated
            if stage == 0:
                d[4], d[5], d[9], d[10] = "", None, -1, -1
            if stage <= 1:
                d[6] = None
            d[7], d[8] = "", None
        # R10: centres under the area standard (community and compound level)
        community_level, compound_level = _zh(CENTRE_LEVELS, "community"), _zh(CENTRE_LEVELS, "compound")
        for level, floor in ((community_level, 500), (compound_level, 300)):
            centres = [c for c in self.centres if c[1] == level]
            for c in rng.sample(centres, _k(g, len(centres))):
                c[2] = rng.randint(floor * 2 // 5, floor - 1)
        # R11: community funds under 100,000 / 50,000
        service, work = _zh(FUND_PURPOSES, "service"), _zh(FUND_PURPOSES, "work")
        for purpose, floor in ((service, 100_000), (work, 50_000)):
            funds = [f for f in self.funds if f[1] == purpose]
            for f in rng.sample(funds, _k(g, len(funds))):
                f[2] = rng.randint(floor // 5_000 * 2 // 5, floor // 5_000 - 1) * 5_000
        # R12: in-service members who have not reported
        in_service = [i for i, m in enumerate(self.members) if m.kind == "in_service"]
        self.unreported = set(rng.sample(in_service, _k(g, len(in_service))))

    # -- ids -----------------------------------------------------------------------------

    def building_id(self, b: int) -> str:
        return f"B{b + 1:0{self.building_width}d}"

    def household_id(self, h: int) -> str:
        return f"H{h + 1:0{self.household_width}d}"

    def assign_territory_ids(self) -> None:
        s = self.s
        self.city_id = "C01"
        self.district_ids = _ids("D", SEED_FIGURES["districts"] * s, 2)
        self.street_ids = _ids("ST", SEED_FIGURES["streets"] * s, 3)
        self.community_ids = _ids("CM", SEED_FIGURES["communities"] * s, 3)
        self.grid_ids = _ids("GR", SEED_FIGURES["grids"] * s, 4)
        self.compound_ids = _ids("CP", SEED_FIGURES["compounds"] * s, 4)
        self.compound_index = {cid: k for k, cid in enumerate(self.compound_ids)}

    # -- tables ----------------------------------------------------------------------------

    def table(self, name: str, fields: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        self.tables[name] = (tuple(fields), rows)

    def emit(self) -> None:
        """Turn the world into rows per input file (text cells; big tables as generators)."""
        d = date.isoformat
        org_ids = _ids("O", len(self.orgs), 5)
        oid = lambda k: org_ids[k] if k >= 0 else ""  # noqa: E731
        mid = lambda k: self.member_ids[k] if k >= 0 else ""  # noqa: E731
        n_units = len(self.units)
        uid = lambda ref: _ident("U", int(ref[2:]), n_units, 5) if ref.startswith("#U") else ref  # noqa: E731

        self.table("cities", ("id", "name"), [(self.city_id, "梧州市")])
        self.table("districts", ("id", "name", "city_id"),
                   [(self.district_ids[k], n, self.city_id) for k, n in enumerate(self.district_names)])
        self.table("streets", ("id", "name", "households", "district_id"),
                   [(self.street_ids[k], n, str(self.street_households[k]), self.district_ids[self.street_district[k]])
                    for k, n in enumerate(self.street_names)])
        self.table("communities", ("id", "name", "street_id"),
                   [(self.community_ids[k], n, self.street_ids[self.community_street[k]])
                    for k, n in enumerate(self.community_names)])
        self.table("grids", ("id", "name", "community_id"),
                   [(self.grid_ids[k], n, self.community_ids[self.grid_community[k]])
                    for k, n in enumerate(self.grid_names)])
        yes, no = "是", "否"
        self.table("compounds", ("id", "name", "address", "no_property", "management_mode", "services", "grid_id"),
                   [(self.compound_ids[k], n, self.compound_address[k], yes if self.compound_no_property[k] else no,
                     self.compound_mode[k], self.compound_services[k], self.grid_ids[self.compound_grid[k]])
                    for k, n in enumerate(self.compound_names)])
        self.table("buildings", ("id", "name", "floors", "compound_id"),
                   [(self.building_id(b), f"{self.compound_names[cp]}{self.building_no[b]}栋",
                     str(self.building_floors[b]), self.compound_ids[cp])
                    for b, cp in enumerate(self.building_compound)])
        self.table("households", ("id", "name", "residents", "building_id"), self.household_rows())
        kinds = _codes(UNIT_KINDS)
        self.table("stationed_units", ("id", "name", "kind", "community_id"),
                   [(uid(f"#U{k}"), n, kinds[kind], self.community_ids[cm])
                    for k, (n, kind, cm) in enumerate(self.units)])
        self.table("property_companies", ("id", "name", "phone"),
                   list(zip(self.company_ids, self.company_names, self.company_phones, strict=True)))
        self.table("property_management", ("company_id", "compound_id", "since", "until"),
                   [(self.company_ids[pc], self.compound_ids[cp], d(since), d(until) if until else "")
                    for pc, cp, since, until in self.management])
        oc_ids = _ids("OC", len(self.owners_committees), 4)
        self.table("owners_committees", ("id", "name", "founded", "term_end", "compound_id"),
                   [(oc_ids[k], n, d(f), d(t), self.compound_ids[cp])
                    for k, (n, f, t, cp) in enumerate(self.owners_committees)])
        self.table("organizations", ("id", "name", "kind", "founded", "field", "last_met_on", "parent_id", "unit_id"),
                   [(oid(k), o.name, o.kind, d(o.founded) if o.founded else "", o.field,
                     d(o.last_met) if o.last_met else "", oid(o.parent), uid(o.unit))
                    for k, o in enumerate(self.orgs) if o.alive])
        self.table("coverage", ("org_id", "territory_id", "since", "until"), self.coverage_rows(oid))
        self.table("members", ("id", "name", "gender", "birth_date", "phone", "id_number", "kind", "status",
                               "joined_on"),
                   ((self.member_ids[k], m.name, _GENDER[m.gender], d(m.birth), m.phone, m.id_number,
                     _MEMBER_KIND[m.kind], _STATUS[m.status], d(m.joined)) for k, m in enumerate(self.members)))
        self.table("memberships", ("member_id", "org_id", "since", "until"), self.membership_rows(oid))
        self.table("residences", ("member_id", "household_id", "since", "until"),
                   ((self.member_ids[k], self.household_id(m.household), d(m.lived_since), "")
                    for k, m in enumerate(self.members)))
        self.table("employment", ("member_id", "unit_id"),
                   ((self.member_ids[k], uid(m.unit)) for k, m in enumerate(self.members) if m.unit))
        self.table("secretaries", ("member_id", "org_id", "since", "until"),
                   [(mid(m), oid(o), d(since), d(until) if until else "")
                    for m, o, since, until in sorted(self.secretaries, key=lambda x: (x[1], x[2]))])
        ch_ids = _ids("CH", len(self.central), 5)
        self.table("central_households", ("id", "name", "member_id", "household_id", "group_id"),
                   [(ch_ids[k], f"{self.members[host].name}中心户", mid(host), self.household_id(h), oid(group))
                    for k, (host, h, group, _) in enumerate(self.central)])
        self.table("central_household_contacts", ("central_household_id", "household_id", "since", "until"),
                   self.contact_rows(ch_ids))
        k_ids = _ids("K", len(self.contracts), 4)
        self.table("contracts", ("id", "name", "signed_on", "starts_on", "ends_on", "problems_solved",
                                 "local_org_id", "unit_org_id"),
                   [(k_ids[k], f"{self.orgs[lo].name.removesuffix('党工委').removesuffix('党委')}—"
                               f"{self.units[int(self.orgs[un].unit[2:])][0]}共建契约",
                     d(signed), d(starts), d(ends), str(solved), oid(lo), oid(un))
                    for k, (lo, un, signed, starts, ends, solved) in enumerate(self.contracts)])
        jm_ids = _ids("JM", len(self.meetings), 5)
        self.table("joint_meetings", ("id", "held_on", "topic", "contract_id", "attendee_ids"),
                   [(jm_ids[n], d(day), topic, k_ids[k],
                     f"{oid(self.contracts[k][0])};{oid(self.contracts[k][1])}")
                    for n, (k, day, topic) in enumerate(self.meetings)])
        v_ids = _ids("V", len(self.visits), 5)
        self.table("visits", ("id", "visited_on", "direction", "note", "contract_id", "from_org_id", "to_org_id"),
                   [(v_ids[n], d(day), direction, note, k_ids[k], oid(a), oid(b))
                    for n, (k, day, direction, a, b, note) in enumerate(self.visits)])
        self.table("unit_reports", ("org_id", "community_id", "since", "until"),
                   [(oid(o), self.community_ids[cm], d(since), "") for o, cm, since in self.unit_reports])
        self.table("member_reports", ("member_id", "community_id", "since", "until"),
                   ((self.member_ids[k], self.community_ids[self.household_community(m.household)], d(m.reported), "")
                    for k, m in enumerate(self.members) if m.reported and k not in self.unreported))
        dm_ids = _ids("DM", len(self.demands), 5)
        opt = lambda day: d(day) if day else ""  # noqa: E731
        self.table("demands", ("id", "title", "kind", "raised_on", "channel", "assigned_on", "done_on", "evaluation",
                               "evaluated_on", "community_id", "assignee_org_id", "assignee_member_id"),
                   [(dm_ids[k], title, kind, d(raised), channel, opt(assigned), opt(done), evaluation, opt(evaluated),
                     self.community_ids[cm], oid(org), mid(member))
                    for k, (cm, title, kind, raised, channel, assigned, done, evaluation, evaluated, org, member)
                    in enumerate(self.demands)])
        dp_ids = _ids("DP", len(self.departments), 3)
        self.table("departments", ("id", "name", "kind", "duty_items", "street_id"),
                   [(dp_ids[k], n, kind, str(items), self.street_ids[st])
                    for k, (n, kind, items, st) in enumerate(self.departments)])
        sc_ids = _ids("SC", len(self.centres), 4)
        self.table("service_centres", ("id", "name", "level", "area_m2", "opened_on", "territory_id"),
                   [(sc_ids[k], n, lv, str(area), d(opened), territory)
                    for k, (n, lv, area, opened, territory) in enumerate(self.centres)])
        f_ids = _ids("F", len(self.funds), 4)
        self.table("funds", ("id", "year", "purpose", "amount_cny", "territory_id"),
                   [(f_ids[k], str(year), purpose, str(amount), territory)
                    for k, (year, purpose, amount, territory) in enumerate(self.funds)])
        l_ids = _ids("L", len(self.leaders), 4)
        self.table("leaders", ("id", "name", "level", "post"),
                   [(l_ids[k], n, lv, post) for k, (n, lv, post) in enumerate(self.leaders)])
        self.table("leader_assignments", ("leader_id", "territory_id", "since", "until"),
                   [(l_ids[ld], territory, d(since), "") for ld, territory, since in self.assignments])
        ju_ids = _ids("JU", len(_JOINT_MEETING_UNITS), 2)
        self.table("joint_meeting_units", ("id", "name", "committee_id"),
                   [(ju_ids[k], n, oid(self.city_org)) for k, n in enumerate(_JOINT_MEETING_UNITS)])

    def household_rows(self) -> Iterable[tuple[str, ...]]:
        for b in range(len(self.building_compound)):
            bid = self.building_id(b)
            no = self.building_no[b]
            units, doors = self.building_layout[b]
            h = self.building_first[b]
            for unit in range(1, units + 1):
                for floor in range(1, self.building_floors[b] + 1):
                    for door in range(1, doors + 1):
                        yield (self.household_id(h), f"{no}栋{unit}单元{floor}{door:02d}", str(self.residents[h]), bid)
                        h += 1

    def coverage_rows(self, oid: Callable[[int], str]) -> Iterable[tuple[str, ...]]:
        uncovered = {self.compound_ids[cp] for cp in self.uncovered}
        branch_kinds = (_ORG["compound_branch"], _ORG["joint_branch"])
        for k, org in enumerate(self.orgs):
            if not org.alive:
                continue
            for territory, since in org.covers:
                if org.kind in branch_kinds and territory in uncovered:
                    continue
                yield (oid(k), territory, since.isoformat(), "")

    def membership_rows(self, oid: Callable[[int], str]) -> Iterable[tuple[str, ...]]:
        for k, m in enumerate(self.members):
            if m.previous is not None:
                org, since, until = m.previous
                yield (self.member_ids[k], oid(org), since.isoformat(), until.isoformat())
            if m.org >= 0:
                yield (self.member_ids[k], oid(m.org), m.since.isoformat(), "")

    def contact_rows(self, ch_ids: list[str]) -> Iterable[tuple[str, ...]]:
        for ch, h, since in self.contacts:
            yield (ch_ids[ch], self.household_id(h), since.isoformat(), "")


# --- writing -----------------------------------------------------------------------------


def _write(path: Path, header: Sequence[str], fields: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    unknown = [f for f in fields if f not in header]
    if unknown:
        raise ValueError(f"{path.name}: the generator writes columns the input format lacks: {unknown}")
    if tuple(fields) == tuple(header):
        shaped: Iterable[Sequence[str]] = rows
    else:
        where = {f: i for i, f in enumerate(fields)}
        picks = [where.get(column) for column in header]
        shaped = ([row[i] if i is not None else "" for i in picks] for row in rows)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in shaped:
            writer.writerow(row)
            count += 1
    return count


def generate(out_dir: Path, scale: int = 1, seed: int = 42, gaps: float = 0.05,
             progress: Progress | None = None) -> dict[str, int]:
    """Write the demo data set: one ``<name>.csv`` per input file, header row first.

    The same arguments always give byte-identical files.  At ``scale`` s every count of
    :data:`SEED_FIGURES` is multiplied by s, except the one city and the 19 joint-meeting
    units.  ``gaps`` is the fraction of records broken for each compliance rule R1–R12
    (0: none, every rule holds; any value > 0 leaves findings for every rule).

    Args:
        out_dir: folder to write into (created if missing; files there are overwritten).
        scale: multiplies every figure; 1 is the seed's city (about 55,000 members).
        seed: seeds the random draws and the name pool.
        gaps: fraction in [0, 1) of the records behind each rule to remove or break.
        progress: called as ``progress(file_name, rows)`` after each file is written.

    Returns:
        Data rows written per input file name, in :data:`INPUT_FILES` order.

    Example:
        >>> counts = generate(Path("demo"), gaps=0)  # doctest: +SKIP
        >>> counts["compounds"], counts["grids"]  # doctest: +SKIP
        (451, 613)
    """
    if scale < 1 or int(scale) != scale:
        raise ValueError(f"scale must be a whole number of at least 1, not {scale!r}")
    if not 0 <= gaps < 1:
        raise ValueError(f"gaps must be in [0, 1), not {gaps!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    builder = _Builder(int(scale), seed, gaps)
    builder.assign_territory_ids()
    builder.build()
    builder.emit()
    counts: dict[str, int] = {}
    for spec in INPUT_FILES:
        fields, rows = builder.tables.get(spec.name, ((), ()))
        header = [c.name for c in spec.columns]
        counts[spec.name] = _write(out_dir / f"{spec.name}.csv", header, fields, rows)
        if progress is not None:
            progress(spec.name, counts[spec.name])
    return counts
