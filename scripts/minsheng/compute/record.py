"""年度完成情况: a year's record as one table, every item in a row, for the deputies who judge the year.

Each row holds what the site says elsewhere about the item, as at the year's latest reported month: its
status and progress against the 序时 target, its money (the last month it reported funds), the problems
registered for it and how many were closed, and the corrections made to its published figures. Nothing
registered is said as such (no problem, no correction), never left blank.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..revisions import Described
from .funds import Money
from .ledger import LedgerState
from .open_data import CATEGORY, TITLE, F, Dataset
from .overview import ItemView, YearOverview


@dataclass(frozen=True)
class RecordRow:
    view: ItemView
    money_month: str | None  # the month `money` is of (the latest the item reported funds in)
    money: Money | None  # None: the item has no funds data (as its page says)
    problems: int  # registered by the latest month's end
    closed: int  # of them, closed (销号) by then
    corrections: int  # changes to its published figures disclosed

    @property
    def warnings(self) -> tuple:
        return self.view.warnings

    @property
    def progress(self) -> float | None:
        return self.view.latest.progress if self.view.latest else None

    @property
    def expected(self) -> float | None:
        return self.view.latest.expected if self.view.latest else None

    @property
    def compared(self) -> bool:
        """Progress was measured, so the row shows 序时进度 beside it."""
        return self.progress is not None and self.expected is not None

    @property
    def money_earlier(self) -> bool:
        """The money is of a month before the latest (the item did not report funds since): the row says which."""
        latest = self.view.latest
        return self.money_month is not None and latest is not None and self.money_month != latest.month


@dataclass(frozen=True)
class YearRecord:
    rows: tuple[RecordRow, ...]
    month: str | None  # the latest reported month: the table is as at its end
    ended: bool  # the year's last deadline has passed

    @property
    def item_count(self) -> int:
        return len(self.rows)

    @property
    def problems(self) -> int:
        return sum(r.problems for r in self.rows)

    @property
    def closed(self) -> int:
        return sum(r.closed for r in self.rows)

    @property
    def corrections(self) -> int:
        return sum(r.corrections for r in self.rows)


def year_record(ov: YearOverview, ledger: Sequence[LedgerState], revisions: Sequence[Described],
                ended: bool) -> YearRecord:
    """`ledger`: the problems as at the latest month's end; `revisions`: the corrections disclosed."""
    rows = []
    for view in ov.items:
        states = [s for s in ledger if s.entry.item == view.item.id]
        last = view.funds_last_reported if view.funds_by_source.rows or view.funds_unreported else None
        rows.append(RecordRow(view, last[0] if last else None, last[1] if last else None, len(states),
                              sum(1 for s in states if s.status in ("closed", "closed_late")),
                              sum(1 for r in revisions if r.record.item == view.item.id)))
    return YearRecord(tuple(rows), ov.latest_month, ended)


def record_dataset(record: YearRecord) -> Dataset:
    """The table as a download (年度完成情况), the same rows as the page."""
    return Dataset("record", "年度完成情况", "每个项目截至最新报送月份底的状态、进度、资金、问题和更正，一行一项", (
        F("item", "string", "项目编号"), F("number", "string", "通知序号"), F("title", "string", "项目名称", TITLE),
        F("category", "string", "类别", CATEGORY), F("lead_units", "string", "牵头单位"),
        F("status", "string", "状态"), F("progress", "number", "进度（%）", "为空表示定性任务、无任务或未报送"),
        F("expected", "number", "序时进度（%）"),
        F("funds_month", "string", "资金月份", "资金数字所属的月份（最近一次报送资金的月份）；为空表示从未报送资金"),
        F("planned", "number", "年度计划（万元）"), F("in_place", "number", "累计到位（万元）"),
        F("disbursed", "number", "累计拨付（万元）"),
        F("problems", "integer", "登记问题数", "0 表示未登记问题"), F("problems_closed", "integer", "已销号问题数"),
        F("corrections", "integer", "更正数", "0 表示无更正")),
        tuple((r.view.item.id, r.view.item.number, r.view.item.listed_title, r.view.category.shown,
               "、".join(u.name for u in r.view.units), r.view.status.word, r.progress, r.expected,
               r.money_month, r.money.planned if r.money else None, r.money.in_place if r.money else None,
               r.money.disbursed if r.money else None, r.problems, r.closed, r.corrections)
              for r in record.rows), ("item",))
