"""Everything the pages of one year show, computed once: per item, per category, per unit, overall."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..load.plan import Plan, Year
from ..model import Category, FundReport, Item, Rules, Unit
from .progress import STATUSES, ItemMonth, Warning, early_warnings, item_history
from .schedule import expected_progress

LAGGING = ("far_behind", "behind")


@dataclass(frozen=True)
class FundTotals:
    planned: float = 0.0
    in_place: float = 0.0
    disbursed: float = 0.0

    @classmethod
    def of(cls, rows: list[FundReport]) -> FundTotals:
        return cls(sum(r.planned or 0 for r in rows), sum(r.in_place or 0 for r in rows),
                   sum(r.disbursed or 0 for r in rows))

    @property
    def in_place_rate(self) -> float | None:
        return self.in_place / self.planned * 100 if self.planned else None

    @property
    def disbursed_rate(self) -> float | None:
        return self.disbursed / self.in_place * 100 if self.in_place else None


@dataclass(frozen=True)
class ItemView:
    item: Item
    category: Category
    units: tuple[Unit, ...]
    history: tuple[ItemMonth, ...]
    warnings: tuple[Warning, ...]
    funds: FundTotals  # at the latest reported month

    @property
    def latest(self) -> ItemMonth | None:
        return self.history[-1] if self.history else None

    @property
    def status(self) -> str:
        if self.item.no_task:
            return "no_task"
        if self.latest:
            return self.latest.status
        return "not_reported" if any(i.target is not None for i in self.item.indicators) else "qualitative"

    @property
    def lag(self) -> float:
        """How far the item is behind 序时进度, in points (0 when not behind)."""
        latest = self.latest
        if not latest or latest.progress is None:
            return 0.0
        return max(0.0, latest.expected - latest.progress)


@dataclass(frozen=True)
class Group:
    """Items gathered under a category or a lead unit."""

    key: str
    name: str
    items: tuple[ItemView, ...]

    @property
    def status_counts(self) -> Counter:
        return Counter(view.status for view in self.items)

    def progress_by_month(self, months: int) -> list[float | None]:
        return mean_progress(self.items, months)


def mean_progress(views: tuple[ItemView, ...] | list[ItemView], months: int) -> list[float | None]:
    """Month by month, the mean progress of the items that reported a figure that month."""
    result = []
    for index in range(months):
        values = [v.history[index].progress for v in views if v.history and v.history[index].progress is not None]
        result.append(round(sum(values) / len(values), 1) if values else None)
    return result


@dataclass
class YearOverview:
    year: Year
    rules: Rules
    items: list[ItemView]
    latest_month: str | None
    expected: float | None  # 序时进度 at the latest month
    categories: list[Group] = field(default_factory=list)
    units: list[Group] = field(default_factory=list)

    @property
    def status_counts(self) -> Counter:
        return Counter(view.status for view in self.items)

    @property
    def overall_progress(self) -> float | None:
        """Mean progress of the items measured by number at the latest month."""
        return self.progress_by_month[-1] if self.months else None

    @property
    def lagging(self) -> list[ItemView]:
        """Items behind schedule, worst first."""
        behind = [v for v in self.items if v.status in LAGGING]
        return sorted(behind, key=lambda v: (-v.lag, v.item.id))

    @property
    def warned(self) -> list[ItemView]:
        return [v for v in self.items if v.warnings]

    @property
    def months(self) -> list[str]:
        return [m.month for m in self.year.months]

    @property
    def expected_by_month(self) -> list[float]:
        return [expected_progress(self.year.notice, self.rules, month) for month in self.months]

    @property
    def progress_by_month(self) -> list[float | None]:
        return mean_progress(self.items, len(self.months))

    @property
    def status_by_month(self) -> dict[str, list[int]]:
        """How many items had each status, month by month (statuses that never occur left out)."""
        counts = {status: [sum(1 for v in self.items if v.history[i].status == status) for i in range(len(self.months))]
                  for status in STATUSES}
        return {status: values for status, values in counts.items() if any(values)}

    @property
    def funds(self) -> FundTotals:
        rows = list(self.year.months[-1].funds.values()) if self.year.months else []
        return FundTotals.of(rows)


def overview(plan: Plan, year: Year) -> YearOverview:
    rules = plan.rules
    units = {u.id: u for u in plan.units.units}
    categories = {c.id: c for c in year.notice.categories}
    latest = year.months[-1] if year.months else None
    views = []
    for item in sorted(year.items, key=_order):
        history = item_history(item, year, rules)
        funds = [r for r in latest.funds.values() if r.item == item.id] if latest else []
        views.append(ItemView(item, categories[item.category], tuple(units[u] for u in item.lead_units),
                              tuple(history), tuple(early_warnings(history, year, rules)), FundTotals.of(funds)))
    result = YearOverview(year, rules, views, latest.month if latest else None,
                          expected_progress(year.notice, rules, latest.month) if latest else None)
    result.categories = [Group(c.id, c.name, tuple(v for v in views if v.item.category == c.id))
                         for c in year.notice.categories]
    result.units = [Group(u.id, u.name, tuple(v for v in views if u.id in v.item.lead_units))
                    for u in plan.units.units if any(u.id in v.item.lead_units for v in views)]
    return result


def _order(item: Item) -> tuple[int, str]:
    """District items by number, then the city-level items."""
    return (1, item.id) if item.level == "city" else (0, item.id)
