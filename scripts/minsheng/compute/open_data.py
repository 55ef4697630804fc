"""The open-data tables (数据下载): every table the site shows, as rows with a Table Schema's fields.

render/open_data.py writes each as CSV, JSON and XLSX; its headers are the stable English field
names, and each field's Chinese title is in the schema and in the XLSX header.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import LEDGER
from ..revisions import field_name
from .bulletins import Bulletin
from .ledger import LedgerState
from .overview import YearOverview


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string, integer, number, boolean, date, any (a value of any of those)
    title: str
    description: str = ""


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    rows: tuple[tuple, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict]:
        return [dict(zip((f.name for f in self.fields), row)) for row in self.rows]


def F(name: str, type_: str, title: str, description: str = "") -> Field:  # noqa: N802 - reads as a table
    return Field(name, type_, title, description)


TITLE = "市级民生实事的项目名称后加“（市级）”，与区级项目相区别"
CATEGORY = "网站所用的类别名称：通知的类别名称带有只在年初适用的字样（如“拟安排”）时，为改用的名称"
FUNDS_REPORTED = ("该月未报送资金的项目按其最近一次报送的数字计入（见 funds_carried），累计数不因未报送而减少；"
                  "从未报送资金的项目不计入（见 funds_missing）")
REVISED_VALUE = ("数字为数值；进展情况、资金说明为全文（文字）；报送状态为 true（已报送）或 false（未报送）；"
                 "为空表示空白或没有这一行")


def datasets(ov: YearOverview, monthly: list[Bulletin], ledger: list[LedgerState]) -> list[Dataset]:
    """The tables; `ledger`: the 问题销号 ledger as at the latest month's end."""
    year = ov.year
    items = [v.item for v in ov.items]
    return [
        Dataset("items", "项目", "年度民生实事项目及其最新状态", (
            F("item", "string", "项目编号"), F("number", "string", "通知序号"), F("level", "string", "层级", "district 区级；city 市级"),
            F("category", "string", "类别", CATEGORY), F("title", "string", "项目名称", TITLE), F("lead_units", "string", "牵头单位"),
            F("beneficiaries", "string", "受益对象"), F("no_task", "boolean", "本年无任务"),
            F("status", "string", "最新状态"), F("progress", "number", "最新进度（%）"), F("expected", "number", "序时进度（%）"),
            F("source_text", "string", "通知原文")),
            tuple((v.item.id, v.item.number, v.item.level, v.category.shown, v.item.listed_title, "、".join(u.name for u in v.units),
                   v.item.beneficiaries, v.item.no_task, v.status.word,
                   v.latest.progress if v.latest else None, v.latest.expected if v.latest else None, v.item.source_text)
                  for v in ov.items), ("item",)),
        Dataset("indicators", "目标指标", "每个项目的年度数量目标，照通知原文", (
            F("item", "string", "项目编号"), F("indicator", "string", "指标编号"), F("name", "string", "指标名称"),
            F("target", "number", "目标值", "为空表示通知未定目标、只按月报告的数量"), F("unit", "string", "计量单位"),
            F("comparator", "string", "限定词"), F("kind", "string", "指标类型", "count 累计数量；level 水平或比率"),
            F("baseline", "number", "基期值"), F("source", "string", "原文")),
            tuple((i.id, x.id, x.name, x.target, x.unit, x.comparator, x.kind, x.baseline, x.source)
                  for i in items for x in i.indicators), ("item", "indicator")),
        Dataset("policy_parameters", "政策标准", "补助、救助比例、服务标准等，照通知原文", (
            F("item", "string", "项目编号"), F("parameter", "string", "标准编号"), F("name", "string", "标准名称"),
            F("kind", "string", "标准类型"), F("amount", "number", "数额"), F("unit", "string", "单位"),
            F("comparator", "string", "限定词"), F("per", "string", "对象"), F("period", "string", "期间"),
            F("payer", "string", "出资方"), F("applies_to", "string", "对应指标"),
            F("covers", "number", "补助数量", "标准只补助对应指标中的一部分时，这一部分的数量；为空表示全部"),
            F("source", "string", "原文")),
            tuple((i.id, p.id, p.name, p.kind, p.amount, p.unit, p.comparator, p.per, p.period, p.payer, p.applies_to,
                   p.covers, p.source) for i in items for p in i.policy_parameters), ("item", "parameter")),
        Dataset("progress", "月度进展", "每个指标每月底的累计数或达到的水平", (
            F("month", "string", "月份"), F("item", "string", "项目编号"), F("indicator", "string", "指标编号"),
            F("value", "number", "截至月底"), F("percent", "number", "完成比例（%）"), F("met", "boolean", "是否达标"),
            F("correction", "string", "更正说明")),
            tuple((m.month, v.item.id, x.indicator.id, x.value, x.percent, x.met, x.correction or None)
                  for v in ov.items for m in v.history for x in m.indicators), ("month", "item", "indicator")),
        Dataset("item_status", "项目状态", "每个项目每月的进度和状态", (
            F("month", "string", "月份"), F("item", "string", "项目编号"), F("status", "string", "状态"),
            F("progress", "number", "进度（%）"), F("expected", "number", "序时进度（%）"), F("note", "string", "进展情况")),
            tuple((m.month, v.item.id, m.status.word, m.progress, m.expected, m.note or None)
                  for v in ov.items for m in v.history), ("month", "item")),
        Dataset("funds", "资金", "每个项目每月按资金来源的计划、到位和拨付（万元，累计）", (
            F("month", "string", "月份"), F("item", "string", "项目编号"), F("source", "string", "资金来源"),
            F("planned", "number", "年度计划（万元）"), F("in_place", "number", "累计到位（万元）"),
            F("disbursed", "number", "累计拨付（万元）"), F("note", "string", "资金说明")),
            tuple((month.month, r.item, r.source, r.planned, r.in_place, r.disbursed, r.note or None)
                  for month in year.months for r in month.funds.values()), ("month", "item", "source")),
        Dataset("problems", "问题销号", "问题销号台账及各问题最新状态", (
            F("id", "string", "问题编号"), F("item", "string", "项目编号"), F("found", "date", "发现日期"),
            F("description", "string", "问题描述"), F("unit", "string", "责任单位"), F("due", "date", "整改期限"),
            F("closed", "date", "销号日期"), F("resolution", "string", "销号情况"), F("status", "string", "状态")),
            tuple((s.entry.id, s.entry.item, s.entry.found.isoformat(), s.entry.description, s.entry.unit,
                   s.entry.due.isoformat(), s.entry.closed.isoformat() if s.entry.closed else None, s.entry.resolution,
                   LEDGER[s.status]) for s in sorted(ledger,
                                                     key=lambda s: s.entry.id)), ("id",)),
        Dataset("revisions", "更正记录", "发布后被改动的内容（数字、进展情况、资金说明、报送状态）：原公布值、更正后和更正说明", (
            F("date", "date", "更正公布日期"), F("month", "string", "所属月份"), F("file", "string", "报表", "progress 进展；funds 资金"),
            F("item", "string", "项目编号"), F("key", "string", "指标或资金来源", "项目本身一行的进展情况、报送状态为空"),
            F("field", "string", "更正的内容", "value 截至月底累计；planned、in_place、disbursed 资金（万元）；"
              "note 进展情况或资金说明；reported 报送状态"),
            F("field_name", "string", "更正的内容（中文）"),
            F("old", "any", "原公布值", REVISED_VALUE), F("new", "any", "更正后", REVISED_VALUE),
            F("note", "string", "更正说明")),
            tuple((r.date.isoformat(), r.month, r.file, r.item, r.key or None, r.field, field_name(r.file, r.field),
                   r.old, r.new, r.note) for r in (year.revisions.revisions if year.revisions else []))),
        Dataset("bulletins", "月度通报", "每月通报的主要数字", (
            F("month", "string", "月份"), F("released", "date", "发布日期"), F("overall", "number", "总体进度（%）"),
            F("expected", "number", "序时进度（%）"), F("done", "integer", "已完成项目数"),
            F("lagging", "integer", "滞后项目数"), F("warned", "integer", "预警项目数"),
            F("in_place", "number", "累计到位（万元）", FUNDS_REPORTED), F("disbursed", "number", "累计拨付（万元）", FUNDS_REPORTED),
            F("planned", "number", "年度计划（万元）", FUNDS_REPORTED),
            F("funds_carried", "integer", "沿用此前月份数的项目数", "该月未报送资金、按最近一次报送的数字计入的项目数"),
            F("funds_carried_items", "string", "沿用此前月份数的项目",
              "项目编号（沿用的月份），以“、”分隔；为空表示没有"),
            F("funds_missing", "integer", "尚未报送资金的项目数", "截至该月从未报送资金、不计入合计的项目数"),
            F("overdue_problems", "integer", "逾期未销号问题数")),
            tuple((b.month, b.released.isoformat() if b.released else None, b.overall, b.expected, b.status_counts["done"],
                   len(b.lagging), len(b.warned), b.funds.money.in_place, b.funds.money.disbursed, b.funds.money.planned, b.funds.carried_count,
                   "、".join(f"{c.item}（{c.month}）" for c in b.funds.carried) or None, b.funds.missing,
                   len(b.overdue)) for b in monthly),
            ("month",)),
    ]


YEAR = Field("year", "integer", "年度", "表中各行所属的年度：各年度的表合在一起时，以此区分")


def with_year(table: Dataset, year: int) -> Dataset:
    """The table with its year as the first field of every row (and of its primary key): each year's files are
    under the year's own address, and rows copied out of them, or tables of several years put together, still say
    which year they belong to."""
    return Dataset(table.name, table.title, table.description, (YEAR, *table.fields),
                   tuple((year, *row) for row in table.rows), (YEAR.name, *table.primary_key) if table.primary_key else ())
