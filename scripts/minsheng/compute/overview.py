"""Everything the pages of one year show, computed once: per item, per category, per unit, overall."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..load.data_folder import DataFolder, Year
from ..model import Category, FundReport, Indicator, Item, Rules, Unit
from ..status import LAGGING, Status
from .funds import (FundsRow, Money, MonthFunds, OutputCheck, Table, by_source, funds_history, item_rows, month_funds,
                    output_check, time_elapsed, total)
from .progress import EarlyWarning, IndicatorProgress, ItemMonth, early_warnings, fixed_status, item_history
from .schedule import Pace
from ..rounding import tenth


@dataclass(frozen=True)
class MonthProgress:
    """A row of a progress table: the month, the progress reported (None if none), 序时进度."""

    month: str
    progress: float | None
    expected: float


def progress_rows(months: list[str], progress: list[float | None] | tuple[float | None, ...],
                  expected: list[float]) -> tuple[MonthProgress, ...]:
    return tuple(MonthProgress(*row) for row in zip(months, progress, expected))


@dataclass(frozen=True)
class MonthMoney:
    """A row of a funds table: the month, its funds summed (`funds.carried`: items whose last reported figures
    stand in for a month they did not report), and the share of the year elapsed by its end (时间进度)."""

    month: str
    funds: MonthFunds
    elapsed: float


@dataclass(frozen=True)
class IndicatorRow:
    """A target of the notice beside what the latest month reported for it (None when nothing was)."""

    indicator: Indicator
    found: IndicatorProgress | None


@dataclass(frozen=True)
class ItemView:
    item: Item
    category: Category
    units: tuple[Unit, ...]
    history: tuple[ItemMonth, ...]
    warnings: tuple[EarlyWarning, ...]
    funds_history: tuple[Money | None, ...]  # month by month, None where not reported; the last is the latest
    funds_by_source: Table  # at the latest month: the rows of the item's last funds report (沿用 if earlier)
    output: OutputCheck | None  # money against output at the latest month
    funds_rows: tuple[FundReport, ...] = ()  # the rows of the item's last funds report

    @property
    def funds(self) -> Money:
        return self.funds_by_source.total

    @property
    def funds_unreported(self) -> bool:
        """No funds reported in the latest month, though some were earlier (未报送): `funds` then carries the
        figures of the last month reported (`funds_last_reported`)."""
        return bool(self.funds_history) and self.funds_history[-1] is None

    @property
    def funds_last_reported(self) -> tuple[str, Money] | None:
        """The last month the item reported funds in, and its figures then (None if it never did)."""
        for month, money in zip(reversed(self.history), reversed(self.funds_history)):
            if money is not None:
                return month.month, money
        return None

    @property
    def latest(self) -> ItemMonth | None:
        return self.history[-1] if self.history else None

    @property
    def missed_warnings(self) -> tuple[EarlyWarning, ...]:
        """The warnings of milestones passed and not met (未完成节点要求), said together on the item's page."""
        return tuple(w for w in self.warnings if w.missed)

    @property
    def foreseen_warnings(self) -> tuple[EarlyWarning, ...]:
        """The warnings of milestones ahead that the recent pace will not meet."""
        return tuple(w for w in self.warnings if not w.missed)

    @property
    def history_newest_first(self) -> tuple[ItemMonth, ...]:
        return self.history[::-1]

    @property
    def indicator_rows(self) -> tuple[IndicatorRow, ...]:
        """Each target with the latest month's figure for it."""
        found = self.latest.indicators if self.latest and self.latest.indicators else None
        return tuple(IndicatorRow(indicator, found[index] if found else None)
                     for index, indicator in enumerate(self.item.indicators))

    @property
    def funds_by_month(self) -> tuple[tuple[str, Money | None], ...]:
        """(month, its funds or None where not reported), month by month."""
        return tuple((month.month, money) for month, money in zip(self.history, self.funds_history))

    @property
    def status(self) -> Status:
        if self.item.no_task or not self.latest:
            return fixed_status(self.item) or Status.NOT_REPORTED
        return self.latest.status

    @property
    def lag(self) -> float:
        """How far the item is behind 序时进度 at its latest month, in points (0 when not behind)."""
        return self.latest.lag if self.latest else 0.0


@dataclass(frozen=True)
class Bucket:
    """Items gathered under a category or a lead unit."""

    key: str
    name: str
    items: tuple[ItemView, ...]

    @cached_property
    def status_counts(self) -> Counter:
        return Counter(view.status for view in self.items)

    @property
    def item_count(self) -> int:
        return len(self.items)

    @property
    def done_count(self) -> int:
        return self.status_counts[Status.DONE]

    @property
    def lagging_count(self) -> int:
        return sum(self.status_counts[status] for status in LAGGING)

    @property
    def other_count(self) -> int:
        """Items neither done nor lagging (定性任务, 无任务, 未报送, or on pace): so the columns add up."""
        return self.item_count - self.done_count - self.lagging_count

    def progress_by_month(self, months: int) -> list[float | None]:
        return mean_progress(self.items, months)


def mean_progress(views: tuple[ItemView, ...] | list[ItemView], months: int) -> list[float | None]:
    """Month by month, the mean progress of the items that reported a figure that month."""
    result = []
    for index in range(months):
        values = [v.history[index].progress for v in views if v.history and v.history[index].progress is not None]
        result.append(tenth(sum(values) / len(values)) if values else None)
    return result


@dataclass
class YearOverview:
    year: Year
    rules: Rules
    items: list[ItemView]
    latest_month: str | None
    expected: float | None  # 序时进度 at the latest month
    pace: Pace  # 序时进度, month by month
    categories: list[Bucket] = field(default_factory=list)
    units: list[Bucket] = field(default_factory=list)

    @cached_property
    def status_counts(self) -> Counter:
        return Counter(view.status for view in self.items)

    @property
    def item_count(self) -> int:
        return len(self.items)

    @property
    def category_count(self) -> int:
        return len(self.categories)

    @property
    def unit_count(self) -> int:
        return len(self.units)

    @cached_property
    def level_counts(self) -> Counter:
        """Items by level: district (区级) and city (市级)."""
        return Counter(view.item.level for view in self.items)

    @property
    def overall_progress(self) -> float | None:
        """Mean progress of the items measured by number at the latest month."""
        return self.progress_by_month[-1] if self.months else None

    @cached_property
    def other_statuses(self) -> tuple[Status, ...]:
        """The statuses of the items neither done nor lagging at the latest month, in the status order: what the
        其他 column of the category and unit tables holds."""
        found = {view.status for view in self.items}
        return tuple(s for s in Status if s in found and s != Status.DONE and s not in LAGGING)

    @cached_property
    def lagging(self) -> list[ItemView]:
        """Items behind schedule, worst first."""
        behind = [v for v in self.items if v.status in LAGGING]
        return sorted(behind, key=lambda v: (-v.lag, v.item.id))

    @cached_property
    def warned(self) -> list[ItemView]:
        return [v for v in self.items if v.warnings]

    @cached_property
    def months(self) -> list[str]:
        return [m.month for m in self.year.months]

    @cached_property
    def expected_by_month(self) -> list[float]:
        return [self.pace(month) for month in self.months]

    @cached_property
    def progress_by_month(self) -> list[float | None]:
        return mean_progress(self.items, len(self.months))

    @cached_property
    def status_by_month(self) -> dict[Status, list[int]]:
        """How many items had each status, month by month (statuses that never occur left out)."""
        counts = {status: [0] * len(self.months) for status in Status}
        for view in self.items:
            for index, month in enumerate(view.history):
                counts[month.status][index] += 1
        return {status: values for status, values in counts.items() if any(values)}

    @property
    def funds(self) -> Money:
        """At the latest month, over the items, each that did not report in it with its last figures (`funds_carried`)."""
        return self.funds_by_source.total

    @cached_property
    def funds_carried(self) -> tuple[ItemView, ...]:
        """Items with funds in some month of the year but none reported in the latest (未报送): the latest
        month's totals carry their last reported figures (沿用) and say so."""
        return tuple(v for v in self.items if v.funds_unreported)

    @property
    def funds_carried_count(self) -> int:
        return len(self.funds_carried)

    @cached_property
    def funds_by_source(self) -> Table:
        return by_source([row for v in self.items for row in v.funds_rows], len(self.funds_carried))

    @cached_property
    def funds_by_category(self) -> Table:
        return Table(tuple(FundsRow(g.name, total(v.funds for v in g.items), g.key, _carried(g.items))
                           for g in self.categories), len(self.funds_carried))

    @cached_property
    def funds_by_unit(self) -> Table:
        """One row per lead unit, and one per group of units leading items together, so rows add up."""
        leads: dict[tuple[str, ...], list[ItemView]] = {}
        for view in self.items:
            leads.setdefault(tuple(u.id for u in view.units), []).append(view)
        names = {u.id: u.name for v in self.items for u in v.units}
        return Table(tuple(FundsRow("、".join(names[u] for u in key) + ("（共同牵头）" if len(key) > 1 else ""),
                               total(v.funds for v in views), key[0] if len(key) == 1 else "", _carried(views))
                           for key, views in leads.items()), len(self.funds_carried))

    @cached_property
    def funds_by_month(self) -> list[MonthFunds]:
        """Month by month, the total over the items, each gap carrying the item's last report (named)."""
        histories = [(v.item.id, v.funds_history) for v in self.items]
        return [month_funds(histories, self.months, i) for i in range(len(self.months))]

    @cached_property
    def time_elapsed_by_month(self) -> list[float]:
        return [time_elapsed(month) for month in self.months]

    @property
    def funds_rows(self) -> tuple[MonthMoney, ...]:
        return tuple(MonthMoney(*row) for row in zip(self.months, self.funds_by_month, self.time_elapsed_by_month))

    @property
    def progress_rows(self) -> tuple[MonthProgress, ...]:
        """The overall progress against 序时进度, month by month."""
        return progress_rows(self.months, self.progress_by_month, self.expected_by_month)

    @cached_property
    def lowest_disbursement(self) -> list[ItemView]:
        """Items with money in place, lowest 拨付率 first, as many as rules.yaml lists."""
        with_money = [v for v in self.items if v.funds.disbursed_rate is not None]
        ordered = sorted(with_money, key=lambda v: (v.funds.disbursed_rate, v.item.id))
        return ordered[: self.rules.lowest_disbursement_items]

    @cached_property
    def output_checks(self) -> list[ItemView]:
        """Items whose money can be checked against their output, flagged gaps first."""
        checked = [v for v in self.items if v.output]
        return sorted(checked, key=lambda v: (not v.output.flagged, v.item.id))


def overview(plan: DataFolder, year: Year) -> YearOverview:
    rules = plan.rules
    units = {u.id: u for u in plan.units.units}
    categories = {c.id: c for c in year.notice.categories}
    latest = year.months[-1] if year.months else None
    pace = Pace(year.notice, rules)
    views = []
    for item in sorted(year.items, key=_order):
        history = item_history(item, year, rules, pace)
        rows_by_month = [item_rows(month, item.id) for month in year.months]
        last_rows = next((rows for rows in reversed(rows_by_month) if rows), [])
        views.append(ItemView(
            item, categories[item.category], tuple(units[u] for u in item.lead_units), tuple(history),
            tuple(early_warnings(history, year, rules, pace)), funds_history(rows_by_month),
            by_source(last_rows), output_check(item, latest, rules), tuple(last_rows)))
    result = YearOverview(year, rules, views, latest.month if latest else None,
                          pace(latest.month) if latest else None, pace)
    result.categories = [Bucket(c.id, c.shown, tuple(v for v in views if v.item.category == c.id))
                         for c in year.notice.categories]
    result.units = [Bucket(u.id, u.name, tuple(v for v in views if u.id in v.item.lead_units))
                    for u in plan.units.units if any(u.id in v.item.lead_units for v in views)]
    return result


def _carried(views: tuple[ItemView, ...] | list[ItemView]) -> int:
    """How many of the items did not report funds in the latest month (once they had reported some)."""
    return sum(1 for v in views if v.funds_unreported)


def _order(item: Item) -> tuple[int, str]:
    """District items by number, then the city-level items."""
    return (1, item.id) if item.level == "city" else (0, item.id)
