"""Monthly reports: one progress CSV and one funds CSV per month, under data/<year>/progress/ and
data/<year>/funds/, named <year>-<month>.csv. Columns are Chinese for the office; each has an English
name for code and for the data dictionary."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    name: str  # English, for code and open data
    header: str  # Chinese, as the office sees it in Excel
    meaning: str  # Chinese description for the data dictionary
    meaning_en: str
    read_only: bool = False  # copied from the plan for the reader's convenience; not read back


NOT_REPORTED = "未报送"
UNCHANGED = "无变化"  # reported, and nothing changed since the month before: said, so that an unfilled row is not taken for it
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
    Column("correction", "更正说明", "本行改动已发布月份的数字、说明或报送状态时，说明原因", "Why this row changes a published month (figure, note or status)"),
    Column("status", "报送状态", "留空表示已报送；项目本月未报送时在项目本身的一行填“未报送”；报送了但与上月相比没有任何变化时填“无变化”",
           "Empty when reported; 未报送 on the item's row when the unit did not report; 无变化 when it reported no change"),
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
    Column("correction", "更正说明", "本行改动已发布月份的数字、说明或报送状态时，说明原因", "Why this row changes a published month (figure, note or status)"),
)

PROGRESS_HEADERS = {c.name: c.header for c in PROGRESS_COLUMNS}
FUND_HEADERS = {c.name: c.header for c in FUND_COLUMNS}
FUND_FIGURES = ("planned", "in_place", "disbursed")
# Everything of a published month that a later change must disclose, by (file, field), named as its column:
# the figures, the notes, and the item row's 报送状态 (field "reported": whether the unit reported that month)
PUBLISHED_FIELDS = {
    ("progress", "value"): PROGRESS_HEADERS["value"],
    ("progress", "note"): PROGRESS_HEADERS["note"],
    ("progress", "reported"): PROGRESS_HEADERS["status"],
    **{("funds", name): FUND_HEADERS[name] for name in FUND_FIGURES},
    ("funds", "note"): FUND_HEADERS["note"],
}


@dataclass(frozen=True)
class ItemReport:
    item: str
    note: str
    correction: str
    reported: bool
    row: int
    unchanged: bool = False  # reported as 无变化: nothing changed since the month before


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
    _indicators_by_item: dict[str, dict[tuple[str, str], IndicatorReport]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def indicators_of(self, item: str) -> dict[tuple[str, str], IndicatorReport]:
        """The item's indicator rows by (item, indicator), indexed once after loading as funds_of's are."""
        if self._indicators_by_item is None:
            self._indicators_by_item = {}
            for key, row in self.indicators.items():
                self._indicators_by_item.setdefault(key[0], {})[key] = row
        return self._indicators_by_item.get(item, {})

    def funds_of(self, item: str) -> list[FundReport]:
        """The item's fund rows (indexed once, after loading: a lookup per item, not a scan)."""
        if self._funds_by_item is None:
            self._funds_by_item = {}
            for row in self.funds.values():
                self._funds_by_item.setdefault(row.item, []).append(row)
        return self._funds_by_item.get(item, [])
