"""Typed records of the data files, and their schema.

Each class is the schema of one kind of record in `data/`. Field titles are the Chinese names that
validation messages and the published data dictionary use. The JSON Schema of every file is derived
from these classes (`minsheng schema`), so the documentation cannot drift from the checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
import types
import typing
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ITEM_ID = r"^c?\d{2,4}$"

# The words with which the notice qualifies a figure. `null` means the notice prints the bare number.
Comparator = Literal["左右", "达到", "不少于", "不低于", "以上", "提高到", "力争", "不超过", "以下"]


class Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class DataNote(Record):
    kind: Literal["capture_defect", "ambiguity", "note"] = Field(
        title="说明类型",
        description="capture_defect：原文抓取缺陷（如缺字、断句）；ambiguity：原文含义不明；note：其他说明",
    )
    text: str = Field(title="说明", min_length=1)


class Unit(Record):
    id: str = Field(title="单位编号", pattern=SLUG)
    name: str = Field(title="单位名称", min_length=1)
    aliases: list[str] = Field(default_factory=list, title="其他写法")


class Group(Record):
    id: str = Field(title="群体编号", pattern=SLUG)
    name: str = Field(title="群体名称", min_length=1)
    description: str = Field(title="群体说明", min_length=1)


class GroupsFile(Record):
    groups: list[Group] = Field(title="受益群体", min_length=1)


class UnitsFile(Record):
    units: list[Unit] = Field(title="牵头单位表", min_length=1)


class Category(Record):
    id: str = Field(title="类别编号", pattern=SLUG)
    number: str = Field(title="类别序号", description="通知中印的序号，如“一”", min_length=1)
    name: str = Field(title="类别名称", min_length=1)
    printed_count: int = Field(title="通知所列项数", ge=0, description="通知标题中印的项数，如“(3项)”")
    level: Literal["district", "city"] = Field(title="层级", description="district：区级；city：市级")


class Milestone(Record):
    by: dt.date = Field(title="截止日期")
    overall_progress: float | None = Field(
        default=None, title="总体进度", ge=0, le=100,
        description="通知给出的总体进度百分比；通知未给出数字时为空",
    )
    label: str = Field(title="节点要求", min_length=1)
    wording: str = Field(title="原文", min_length=1)


class Schedule(Record):
    reporting: Literal["monthly"] = Field(title="报送周期")
    reporting_wording: str = Field(title="报送要求原文", min_length=1)
    milestones: list[Milestone] = Field(title="进度节点", min_length=1)


class Notice(Record):
    year: int = Field(title="年度", ge=2000, le=2100)
    title: str = Field(title="通知标题", min_length=1)
    issuer: str = Field(title="发文机关", min_length=1)
    publisher: str = Field(title="发布机构", min_length=1)
    document_number: str = Field(title="发文字号", min_length=1)
    index_number: str | None = Field(default=None, title="索引号")
    published: dt.date = Field(title="发布日期")
    source_file: str = Field(title="原文文件", description="本目录下通知全文的文件名", min_length=1)
    schedule: Schedule = Field(title="进度安排")
    categories: list[Category] = Field(title="类别", min_length=1)
    data_notes: list[DataNote] = Field(default_factory=list, title="数据说明")


class Indicator(Record):
    id: str = Field(title="指标编号", pattern=SLUG)
    name: str = Field(title="指标名称", min_length=1)
    target: float | None = Field(
        title="目标值", ge=0,
        description="通知规定的年度目标；为空表示通知没有目标、只按月报告的数量（如补贴发放人数），不计入进度",
    )
    unit: str | None = Field(title="计量单位", description="通知未写单位时为空，并在数据说明中注明")
    comparator: Comparator | None = Field(default=None, title="限定词")
    kind: Literal["count", "level"] = Field(
        title="指标类型",
        description="count：全年累计的数量；level：要达到的水平或比率（如参保率、覆盖率）",
    )
    baseline: float | None = Field(default=None, title="基期值", description="水平类指标的起点，如“从99.90%提高到”")
    source: str = Field(title="原文", description="通知中给出该指标的原话，须逐字出现在本项原文或推进措施中", min_length=1)


class PolicyParameter(Record):
    id: str = Field(title="标准编号", pattern=SLUG)
    name: str = Field(title="标准名称", min_length=1)
    kind: Literal["subsidy", "ratio", "cost_share", "standard", "threshold"] = Field(
        title="标准类型",
        description="subsidy：补助、补贴、奖补金额；ratio：救助或资助比例；cost_share：资金分担；"
        "standard：服务或建设标准；threshold：享受条件的界限",
    )
    amount: float = Field(title="数额", ge=0)
    unit: str = Field(title="单位", min_length=1)
    comparator: Comparator | None = Field(default=None, title="限定词")
    per: str | None = Field(default=None, title="对象", description="按谁或按什么计，如“人”“社区”")
    period: str | None = Field(default=None, title="期间", description="如“年”“月”“学年”“一次性”")
    payer: str | None = Field(default=None, title="出资方", description="通知写明的出资方")
    applies_to: str | None = Field(
        default=None, title="对应指标", pattern=SLUG,
        description="按人或按件的补助标准所对应的数量指标编号：标准 × 月报数量 = 应需资金，用于核对资金与产出",
    )
    source: str = Field(title="原文", description="通知中给出该标准的原话，须逐字出现在本项原文或推进措施中", min_length=1)


class Item(Record):
    id: str = Field(title="项目编号", pattern=ITEM_ID, description="区级项目为两位（项目多时可为三到四位）序号，市级项目为 c 加序号")
    number: str = Field(title="通知序号", description="通知中印的序号，如“五十”", min_length=1)
    level: Literal["district", "city"] = Field(title="层级")
    category: str = Field(title="类别", pattern=SLUG)
    title: str = Field(title="项目名称", min_length=1)
    lead_units: list[str] = Field(title="牵头单位", min_length=1)
    lead_units_text: str = Field(title="牵头单位原文", min_length=1)
    groups: list[str] = Field(title="受益群体", min_length=1, description="data/groups.yaml 中的群体编号，按通知所写的对象选定")
    source_text: str = Field(title="通知原文", description="通知中本项的第一段，逐字照录", min_length=1)
    beneficiaries: str | None = Field(default=None, title="受益对象", description="通知写明时，用平实的话说明谁受益")
    eligibility: str | None = Field(default=None, title="享受条件", description="通知写明时，用平实的话说明条件")
    how_to_apply: str | None = Field(default=None, title="办理方式", description="通知写明时，说明如何申请、在哪里办")
    no_task: bool = Field(default=False, title="本年无任务")
    no_task_text: str | None = Field(default=None, title="无任务原文")
    indicators: list[Indicator] = Field(default_factory=list, title="目标指标")
    policy_parameters: list[PolicyParameter] = Field(default_factory=list, title="政策标准")
    measures: list[str] = Field(default_factory=list, title="推进措施", description="逐字照录，按原文顺序，不含序号")
    data_notes: list[DataNote] = Field(default_factory=list, title="数据说明")


class LedgerEntry(Record):
    """One problem of the 问题销号 ledger: found, assigned, closed item by item."""

    id: str = Field(title="问题编号", pattern=r"^\d{4}-\d{3}$", description="年度加三位序号，如 2024-001")
    item: str = Field(title="项目编号", pattern=ITEM_ID)
    found: dt.date = Field(title="发现日期")
    description: str = Field(title="问题描述", min_length=1)
    unit: str = Field(title="责任单位", pattern=SLUG, description="data/units.yaml 中的单位编号")
    due: dt.date = Field(title="整改期限")
    closed: dt.date | None = Field(default=None, title="销号日期", description="尚未销号时为空")
    resolution: str | None = Field(default=None, title="销号情况", description="如何整改、销号；销号时必填")


class LedgerFile(Record):
    problems: list[LedgerEntry] = Field(default_factory=list, title="问题清单")


class Release(Record):
    """A month's report made public: the date its bulletin was published."""

    month: str = Field(title="月份", pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    date: dt.date = Field(title="发布日期")


class ReleasesFile(Record):
    releases: list[Release] = Field(default_factory=list, title="发布记录")


class Revision(Record):
    """A figure changed after its month was published: disclosed in the 更正记录."""

    date: dt.date = Field(title="更正公布日期", description="随哪一次发布公布了这项更正")
    month: str = Field(title="所属月份", pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    file: Literal["progress", "funds"] = Field(title="报表", description="progress：进展；funds：资金")
    item: str = Field(title="项目编号", pattern=ITEM_ID)
    key: str = Field(title="指标或资金来源", min_length=1, description="进展为指标编号，资金为资金来源")
    field: str = Field(title="数字", min_length=1, description="进展为 value；资金为 planned、in_place 或 disbursed")
    old: float | None = Field(title="原公布值")
    new: float | None = Field(title="更正后")
    note: str = Field(title="更正说明", min_length=1)


class RevisionsFile(Record):
    revisions: list[Revision] = Field(default_factory=list, title="更正记录")


class Footer(Record):
    organizer: str = Field(title="主办单位", min_length=1)
    contact: str = Field(title="联系方式", min_length=1)
    site_id_code: str = Field(title="网站标识码", min_length=1)
    icp_record: str = Field(title="ICP备案号", min_length=1)
    icp_record_url: str = Field(title="ICP备案查询链接", min_length=1)
    police_record: str = Field(title="公安机关备案号", min_length=1)
    error_report_url: str = Field(title="我为政府网站找错链接", min_length=1)


class Feedback(Record):
    channel: str = Field(title="反映渠道", min_length=1, description="群众对项目提意见、异议的渠道，如 12345 热线")
    how: str = Field(title="反映方式", min_length=1, description="怎样反映，如 拨打电话并说明项目名称")
    objection_period: str = Field(title="异议期", min_length=1, description="通报发布后接受异议的期限")


class Licence(Record):
    name: str = Field(title="许可协议代码", min_length=1, description="如 CC-BY-4.0")
    title: str = Field(title="许可协议名称", min_length=1)
    path: str = Field(title="许可协议全文地址", min_length=1)


class Site(Record):
    name: str = Field(title="网站名称", min_length=1)
    district: str = Field(title="行政区", min_length=1)
    division_code: str = Field(title="行政区划代码", pattern=r"^\d{6}$")
    sample_data: bool = Field(title="样例数据", description="进度与资金数据是否为演示样例")
    sample_data_banner: str = Field(title="样例数据提示", min_length=1)
    placeholder_prefix: str = Field(
        title="占位标记", min_length=1, description="以此开头的值是尚待办公室填写的占位内容",
    )
    footer: Footer = Field(title="页脚")
    feedback: Feedback = Field(title="意见和异议", description="每个项目页的“我要反映”和每期通报的异议说明")
    open_data_licence: Licence = Field(title="开放数据许可", description="数据下载页和 datapackage.json 写明的许可")


class Rules(Record):
    basic_completion: float = Field(title="基本完成对应的总体进度", gt=0, le=100,
                                    description="通知“10月底前基本完成年度任务”按此百分比计")
    about_tolerance: float = Field(title="“左右”的容差", ge=0, lt=100,
                                   description="目标写作“左右”时，达到目标值的 (100−容差)% 即视为完成")
    ahead_margin: float = Field(title="超序时界限", gt=0, description="比序时进度高出此百分点及以上为超序时")
    behind_margin: float = Field(title="滞后界限", gt=0, description="比序时进度低出此百分点以上为滞后")
    far_behind_margin: float = Field(title="严重滞后界限", gt=0, description="比序时进度低出此百分点以上为严重滞后")
    warning_months: int = Field(title="预警推算月数", ge=1, le=12, description="按最近几个月的平均进度推算")
    funds_tolerance: float = Field(title="资金与产出的容差", gt=0, lt=100,
                                   description="累计拨付与“标准 × 数量”推算数相差超过此百分比时提示")
    lowest_disbursement_items: int = Field(title="拨付率最低项目的列出数", ge=1,
                                           description="资金公开页列出拨付率最低的项目个数")
    list_limit: int = Field(title="清单列出数", ge=1,
                            description="首页、通报和资金公开页的项目清单最多列出几项，最严重的在前；页面大小不随项目数增长")
    page_size: int = Field(title="每页项目数", ge=1, description="类别和牵头单位页面每页列出的项目数")


FILE_MODELS: dict[str, type[Record]] = {
    "site": Site,
    "rules": Rules,
    "units": UnitsFile,
    "groups": GroupsFile,
    "notice": Notice,
    "item": Item,
    "problems": LedgerFile,
    "releases": ReleasesFile,
    "revisions": RevisionsFile,
}


# Field names for messages: the Chinese titles above, looked up along a path of keys and indexes.

def field_label(model: type[BaseModel], loc: tuple) -> str:
    """Chinese name and path of a field: 目标指标 › 第2项 › 目标值（indicators[1].target）."""
    names: list[str] = []
    path = ""
    for depth, part in enumerate(loc):
        if isinstance(part, int):
            names.append(f"第{part + 1}项")
            path += f"[{part}]"
            continue
        path += f".{part}" if path else str(part)
        parent = model_at(model, loc[:depth])
        info = parent.model_fields.get(part) if parent else None
        names.append(info.title if info and info.title else str(part))
    return f"{' › '.join(names)}（{path}）" if names else ""


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The record class found at `loc` inside `model`, or None where `loc` leaves the records."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        current = _inner_model(info.annotation) if info else None
    return current


def _inner_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
    return None


# ---------------------------------------------------------------------------------------------
# Monthly reports: one progress CSV and one funds CSV per month, under data/<year>/progress/ and
# data/<year>/funds/, named <year>-<month>.csv. Columns are Chinese for the office; each has an
# English name for code and for the data dictionary.

@dataclass(frozen=True)
class Column:
    name: str  # English, for code and open data
    header: str  # Chinese, as the office sees it in Excel
    meaning: str  # Chinese description for the data dictionary
    meaning_en: str
    read_only: bool = False  # copied from the plan for the reader's convenience; not read back


NOT_REPORTED = "未报送"
FUND_SOURCES = ("中央", "省", "市", "区", "其他")

PROGRESS_COLUMNS = (
    Column("item", "项目编号", "项目编号，与计划中的编号一致（01–50、c01）", "Item id as in the plan"),
    Column("item_title", "项目名称", "项目名称，仅供阅读，不读回", "Item title, for reading only", True),
    Column("indicator", "指标编号", "指标编号；项目本身的一行留空", "Indicator id; empty on the item's own row"),
    Column("indicator_name", "指标名称", "指标名称，仅供阅读，不读回", "Indicator name, for reading only", True),
    Column("unit", "计量单位", "计量单位，仅供阅读，不读回", "Unit, for reading only", True),
    Column("target", "年度目标", "年度目标值，仅供阅读，不读回", "Annual target, for reading only", True),
    Column("value", "截至月底累计",
           "数量类指标填截至月底的累计数；水平类指标填月底达到的水平（百分比不带%也可）",
           "Cumulative value at month end (count), or level reached (level/rate)"),
    Column("note", "进展情况", "项目本月进展的简要说明，填在项目本身的一行", "Short progress note, on the item's row"),
    Column("correction", "更正说明", "本行数字更正以前月份数字时，说明原因", "Why a figure corrects an earlier month"),
    Column("status", "报送状态", "留空表示已报送；项目本月未报送时在项目本身的一行填“未报送”",
           "Empty when reported; 未报送 on the item's row when the unit did not report"),
)

FUND_COLUMNS = (
    Column("item", "项目编号", "项目编号，与计划中的编号一致", "Item id as in the plan"),
    Column("item_title", "项目名称", "项目名称，仅供阅读，不读回", "Item title, for reading only", True),
    Column("source", "资金来源", "中央、省、市、区、其他 之一", "Level of government: 中央, 省, 市, 区 or 其他"),
    Column("planned", "年度计划（万元）", "本年度计划投入，万元", "Funds planned for the year, 10,000 yuan"),
    Column("in_place", "累计到位（万元）", "截至月底累计到位资金，万元", "Funds in place at month end (cumulative), 10,000 yuan"),
    Column("disbursed", "累计拨付（万元）", "截至月底累计拨付（支出）资金，万元，不超过到位资金",
           "Funds disbursed at month end (cumulative), 10,000 yuan; not above funds in place"),
    Column("note", "资金说明", "资金情况的说明，如拨付与补助标准推算数不一致的原因",
           "Note on the funds, e.g. why disbursement differs from what the standard implies"),
    Column("correction", "更正说明", "本行数字更正以前月份数字时，说明原因", "Why a figure corrects an earlier month"),
)

PROGRESS_HEADERS = {c.name: c.header for c in PROGRESS_COLUMNS}
FUND_HEADERS = {c.name: c.header for c in FUND_COLUMNS}
FUND_FIGURES = ("planned", "in_place", "disbursed")
# The figures a published month discloses, by field, with the name the office sees in their column
FIGURE_NAMES = {"value": PROGRESS_HEADERS["value"], **{name: FUND_HEADERS[name] for name in FUND_FIGURES}}


@dataclass(frozen=True)
class ItemReport:
    item: str
    note: str
    correction: str
    reported: bool
    row: int


@dataclass(frozen=True)
class IndicatorReport:
    item: str
    indicator: str
    value: float | None
    percent_sign: bool  # the cell ended in "%", which is only right for a percentage
    note: str
    correction: str
    row: int
    refused: bool = False  # the cell held text that could not be read (already reported)


@dataclass(frozen=True)
class FundReport:
    item: str
    source: str
    planned: float | None
    in_place: float | None
    disbursed: float | None
    note: str
    correction: str
    row: int
    refused: tuple[str, ...] = ()  # names of the cells that could not be read (already reported)


@dataclass
class MonthReport:
    month: str  # "2024-07"
    progress_file: str
    funds_file: str
    items: dict[str, ItemReport] = field(default_factory=dict)
    indicators: dict[tuple[str, str], IndicatorReport] = field(default_factory=dict)
    funds: dict[tuple[str, str], FundReport] = field(default_factory=dict)
    progress_columns: dict[str, int] = field(default_factory=dict)  # column name → position in the file
    funds_columns: dict[str, int] = field(default_factory=dict)
    _funds_by_item: dict[str, list[FundReport]] | None = field(default=None, init=False, repr=False, compare=False)

    def funds_of(self, item: str) -> list[FundReport]:
        """The item's fund rows (indexed once, after loading: a lookup per item, not a scan)."""
        if self._funds_by_item is None:
            self._funds_by_item = {}
            for row in self.funds.values():
                self._funds_by_item.setdefault(row.item, []).append(row)
        return self._funds_by_item.get(item, [])
