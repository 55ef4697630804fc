"""Funds: planned, in place and disbursed, by source, item, category, lead unit and month.

Rates: 到位率 = 累计到位 ÷ 年度计划; 拨付率 = 累计拨付 ÷ 累计到位; 支出进度 = 累计拨付 ÷ 年度计划, compared
with the share of the year elapsed (时间进度 = month ÷ 12). Every total is the sum of its table's rows.
A month an item did not report its funds is missing (None), never zero: its figures are running totals,
which cannot vanish. A month's total over items carries each such item's last reported figures, and names
the items it carried (沿用), so that a cumulative total never falls because a report is missing; so does
every table of the latest month (by source, category, lead unit): a row or total that carries an item says
so. An item that has not yet reported funds in any month of the year adds nothing (未报送) and is counted.
Money against output: where a standard is paid per head or per unit (applies_to), standard × the number
reported implies an amount; a gap to the amount disbursed beyond the tolerance of rules.yaml is flagged.
Where the notice says a standard pays for only part of the number (covers: 49元 for 3,500 of the 5,300
cervical screenings), the number counted is the reported one up to that part.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..months import number
from typing import NamedTuple

from ..model import FUND_SOURCES, FundReport, Item, MonthReport, PolicyParameter, Rules
from ..rounding import cent, tenth


@dataclass(frozen=True)
class Money:
    planned: float = 0.0
    in_place: float = 0.0
    disbursed: float = 0.0

    # 万元 to the cent (two decimals), as the tables show them: a total is the sum of the figures shown
    @classmethod
    def of(cls, rows: list[FundReport]) -> Money:
        return cls(_cents(sum(r.planned or 0 for r in rows)), _cents(sum(r.in_place or 0 for r in rows)),
                   _cents(sum(r.disbursed or 0 for r in rows)))

    def __add__(self, other: Money) -> Money:
        return Money(_cents(self.planned + other.planned), _cents(self.in_place + other.in_place),
                     _cents(self.disbursed + other.disbursed))

    @property
    def in_place_rate(self) -> float | None:
        return rate(self.in_place, self.planned)

    @property
    def disbursed_rate(self) -> float | None:
        return rate(self.disbursed, self.in_place)

    @property
    def spent_share(self) -> float | None:
        return rate(self.disbursed, self.planned)


def wan_yuan(amount: float, unit: str) -> float:
    """An amount in 万元, the unit of every fund figure, from one stated in 元 or 万元."""
    return amount / 10_000 if unit == "元" else amount


def _cents(value: float) -> float:
    return cent(value)


def rate(part: float, whole: float) -> float | None:
    """A percentage; None (shown as —) where the whole is zero."""
    return tenth(part / whole * 100) if whole else None


@dataclass(frozen=True)
class FundsRow:
    label: str
    money: Money
    key: str = ""  # a link target where the row stands for an item, category or unit
    carried: int = 0  # items of the row that did not report funds that month: their last figures (沿用)


@dataclass(frozen=True)
class Table:
    rows: tuple[FundsRow, ...]
    carried: int = 0  # items that did not report funds that month: their last reported figures in the rows (沿用)

    @property
    def total(self) -> Money:
        return total(row.money for row in self.rows)


def total(values: Iterable[Money]) -> Money:
    """The sum, to the cent: each figure is a whole number of cents, so they are added as such."""
    planned = in_place = disbursed = 0
    for value in values:
        planned += round(value.planned * 100)
        in_place += round(value.in_place * 100)
        disbursed += round(value.disbursed * 100)
    return Money(planned / 100, in_place / 100, disbursed / 100)


@dataclass(frozen=True)
class Carried:
    """An item that did not report funds in a month: its figures are those of `month`, its last report."""

    item: str  # the item's id
    month: str


@dataclass(frozen=True)
class MonthFunds:
    """A month's funds summed over the items, each non-reporting item with its last reported figures
    (`carried`, 沿用), and how many items had reported none yet (`missing`, 未报送: not in the sum)."""

    money: Money
    missing: int
    carried: tuple[Carried, ...] = ()

    @property
    def carried_count(self) -> int:
        return len(self.carried)


def last_reported(history: tuple[Money | None, ...], index: int) -> tuple[int, Money] | None:
    """The month (index) of an item's last funds report at or before `index`, and its figures then."""
    for earlier in range(index, -1, -1):
        if history[earlier] is not None:
            return earlier, history[earlier]
    return None


def month_funds(histories: Iterable[tuple[str, tuple[Money | None, ...]]], months: list[str], index: int) -> MonthFunds:
    """The funds of month `index` over the items (id, month-by-month funds), carrying each gap's last report."""
    values, carried, missing = [], [], 0
    for item, history in histories:
        last = last_reported(history, index)
        if last is None:
            missing += 1
            continue
        values.append(last[1])
        if last[0] != index:
            carried.append(Carried(item, months[last[0]]))
    return MonthFunds(total(values), missing, tuple(carried))


def funds_history(rows_by_month: list[list[FundReport]]) -> tuple[Money | None, ...]:
    """An item's funds month by month: None for a month without fund rows once the item has reported
    funds in some month of the year (a gap, 未报送); an item that never reports funds has none (zeros)."""
    if not any(rows_by_month):
        return tuple(Money.of([]) for _ in rows_by_month)
    return tuple(Money.of(rows) if rows else None for rows in rows_by_month)


def by_source(rows: list[FundReport], carried: int = 0) -> Table:
    """One row per level of government that gave money, in the fixed order 中央, 省, 市, 区, 其他 (`carried`:
    items whose rows are those of their last report, an earlier month)."""
    return Table(tuple(FundsRow(source, Money.of([r for r in rows if r.source == source]))
                       for source in FUND_SOURCES if any(r.source == source for r in rows)), carried)


def item_rows(report: MonthReport | None, item_id: str) -> list[FundReport]:
    return report.funds_of(item_id) if report else []


def time_elapsed(month: str) -> float:
    """时间进度: the share of the calendar year elapsed at the end of `month`."""
    return tenth(number(month) / 12 * 100)


def counted(parameter: PolicyParameter, reported: float) -> float:
    """The number a per-head standard pays for: the number reported, up to the part it covers (if it says)."""
    return reported if parameter.covers is None else min(reported, parameter.covers)


def implied_money(parameter: PolicyParameter, reported: float) -> float:
    """万元 a per-head standard implies for the number reported."""
    return wan_yuan(parameter.amount, parameter.unit) * counted(parameter, reported)


class OutputPart(NamedTuple):
    name: str  # the standard's
    amount: float
    unit: str
    reported: float  # the number the month reports
    counted: float  # the part of it the standard pays for (all of it, unless the standard covers less)
    implied: float  # 万元

    @property
    def partly_counted(self) -> bool:
        """The standard pays for only part of the number reported."""
        return self.counted != self.reported


@dataclass(frozen=True)
class OutputCheck:
    """Money against output for one item at one month."""

    parts: tuple[OutputPart, ...]
    implied: float  # 万元
    disbursed: float  # 万元
    gap: float | None  # disbursed − implied, as a percentage of implied
    flagged: bool
    explanation: str  # the office's note, or "" when none was given


def output_check(item: Item, report: MonthReport | None, rules: Rules) -> OutputCheck | None:
    """None where the item has no per-head standard or nothing was reported."""
    if report is None:
        return None
    parts = []
    for parameter in item.policy_parameters:
        reported = report.indicators.get((item.id, parameter.applies_to)) if parameter.applies_to else None
        if reported is None or reported.value is None:
            continue
        parts.append(OutputPart(parameter.name, parameter.amount, parameter.unit, reported.value,
                                counted(parameter, reported.value), cent(implied_money(parameter, reported.value))))
    rows = item_rows(report, item.id)
    if not parts or not rows:
        return None
    implied = cent(sum(part.implied for part in parts))
    disbursed = cent(Money.of(rows).disbursed)
    gap = tenth((disbursed - implied) / implied * 100) if implied else None
    flagged = gap is not None and abs(gap) > rules.funds_tolerance
    explanation = "；".join(r.note for r in rows if r.note)
    return OutputCheck(tuple(parts), implied, disbursed, gap, flagged, explanation)
