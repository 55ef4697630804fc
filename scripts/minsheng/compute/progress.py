"""Progress of each indicator and item, month by month, and its status against 序时进度.

Indicator: a count target accumulates toward its value (percent = value ÷ target); a level target is
met or not (percent = value ÷ target, or the share of the way from its baseline when the notice gives
one). Comparators are read as the notice words them: 左右 is met within the tolerance of rules.yaml,
every other qualifier (不少于, 以上, 达到, 提高到, 力争, or none) when the value reaches the target.
Item: the mean of its indicators' progress, each capped at 100; qualitative items have none. A figure
reported without a target in the notice (e.g. subsidies paid) is shown but never counted as progress.
From the month of the schedule's last milestone (the notice's final deadline) on, there is no pace left
to compare with: an item is 已完成 or 未完成 (not_done), and its warnings say how far short it fell.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..load.data_folder import Year
from ..model import Indicator, Item, MonthReport, Rules
from ..months import ordinal
from ..status import Status
from .schedule import Pace
from ..rounding import tenth


@dataclass(frozen=True)
class IndicatorProgress:
    indicator: Indicator
    value: float | None
    percent: float | None  # of target, uncapped (a 不少于 target may be exceeded)
    progress: float | None  # contribution to the item's progress, 0–100
    met: bool | None
    gap: float | None  # for an unmet target: how far the value is from it, in the target's unit
    correction: str

    @property
    def gap_unit(self) -> str:
        """The gap's unit as said: a gap between two percentages is in 个百分点, not %."""
        unit = self.indicator.unit or ""
        return " 个百分点" if unit == "%" else unit


@dataclass(frozen=True)
class ItemMonth:
    month: str
    expected: float  # 序时进度
    status: Status
    progress: float | None
    indicators: tuple[IndicatorProgress, ...]
    note: str
    correction: str

    @property
    def measured(self) -> bool:
        """Measured against 序时进度 (not a 定性任务 or 无任务): only then does a row show 序时进度."""
        return self.status not in (Status.QUALITATIVE, Status.NO_TASK)

    @property
    def corrected_indicators(self) -> tuple[IndicatorProgress, ...]:
        """The month's figures corrected after publication (each says why)."""
        return tuple(i for i in self.indicators if i.correction)

    @property
    def lag(self) -> float:
        """How far the month's progress is behind 序时进度, in points (0 when not behind or not measured)."""
        return 0.0 if self.progress is None else max(0.0, self.expected - self.progress)


@dataclass(frozen=True)
class EarlyWarning:
    """A milestone of the schedule the item is short of. Early warning (`missed` False): a milestone still
    ahead that the item will miss at its recent pace; `progress` is the projection. Missed (`missed`
    True, 未完成节点要求): a milestone already passed that the item did not reach and has not reached
    since; `progress` is what it had reached by the milestone's month (None if it had reported no figure)."""

    milestone: str  # "2024-10" or "2024-12"
    progress: float | None
    required: float
    missed: bool = False


def indicator_progress(indicator: Indicator, value: float | None, rules: Rules, correction: str = "") -> IndicatorProgress:
    if value is None or indicator.target is None:  # not reported, or a figure the notice sets no target for
        return IndicatorProgress(indicator, value, None, None, None, None, correction)
    target = indicator.target
    if indicator.baseline is not None and target != indicator.baseline:
        percent = (value - indicator.baseline) / (target - indicator.baseline) * 100
    else:
        percent = value / target * 100 if target else 100.0
    threshold = target * (1 - rules.about_tolerance / 100) if indicator.comparator == "左右" else target
    met = value >= threshold
    progress = 100.0 if met else max(0.0, min(percent, 100.0))
    gap = None if met else round(threshold - value, 6)
    return IndicatorProgress(indicator, value, tenth(percent), tenth(progress), met, gap, correction)


def item_month(item: Item, report: MonthReport, rules: Rules, expected: float, final: bool = False) -> ItemMonth:
    """`final`: the month is at or after the schedule's last milestone (the year's deadline)."""
    row = report.items.get(item.id)
    note = row.note if row else ""
    correction = row.correction if row else ""
    fixed = fixed_status(item)
    if fixed == Status.NO_TASK:
        return ItemMonth(report.month, expected, fixed, None, (), note, correction)
    if row is not None and not row.reported:
        return ItemMonth(report.month, expected, Status.NOT_REPORTED, None, (), "", correction)
    indicators = tuple(
        indicator_progress(i, _value(report, item, i), rules, _correction(report, item, i)) for i in item.indicators
    )
    if fixed == Status.QUALITATIVE:
        return ItemMonth(report.month, expected, fixed, None, indicators, note, correction)
    measured = [i.progress for i in indicators if i.progress is not None]
    if not measured:
        return ItemMonth(report.month, expected, Status.NOT_REPORTED, None, indicators, note, correction)
    progress = tenth(sum(measured) / len(measured))
    return ItemMonth(report.month, expected, status_of(progress, expected, rules, final), progress, indicators, note, correction)


def fixed_status(item: Item) -> Status | None:
    """The status an item has whatever its reports say: 无任务 (no task this year), or 定性任务 when no
    indicator has a target; None for an item measured by its figures."""
    if item.no_task:
        return Status.NO_TASK
    if all(i.target is None for i in item.indicators):
        return Status.QUALITATIVE
    return None


def status_of(progress: float, expected: float, rules: Rules, final: bool = False) -> Status:
    """Against 序时进度; once the deadline has come (`final`), done or not done, nothing in between."""
    if progress >= 100:
        return Status.DONE
    if final:
        return Status.NOT_DONE
    difference = progress - expected
    if difference >= rules.ahead_margin:
        return Status.AHEAD
    if difference < -rules.far_behind_margin:
        return Status.FAR_BEHIND
    if difference < -rules.behind_margin:
        return Status.BEHIND
    return Status.ON_PACE


def item_history(item: Item, year: Year, rules: Rules, pace: Pace | None = None) -> list[ItemMonth]:
    """The item month by month (`pace`: the year's 序时进度, when the caller has it already)."""
    pace = pace or Pace(year.notice, rules)
    return [item_month(item, m, rules, pace(m.month), pace.ended(m.month)) for m in year.months]


def early_warnings(history: list[ItemMonth], year: Year, rules: Rules, schedule: Pace | None = None) -> list[EarlyWarning]:
    """The milestones the item is short of, in order (`schedule`: the year's 序时进度, when the caller has it
    already). A milestone passed by the last month of `history` is missed while the item's latest figure is
    below it; one still ahead is warned of when the pace of the last few reported months will not reach it."""
    measured = [m for m in history if m.progress is not None]
    if not measured:
        return []
    latest = measured[-1]
    if latest.status == Status.DONE:  # a done item has missed nothing, whatever its mean progress
        return []
    schedule = schedule or Pace(year.notice, rules)
    warnings = []
    for month in schedule.milestone_months:
        required = schedule(month)
        if month <= history[-1].month:  # passed
            if latest.progress < required:
                reached = [m.progress for m in measured if m.month <= month]
                warnings.append(EarlyWarning(month, reached[-1] if reached else None, required, missed=True))
            continue
        projected = _projection(measured, month, rules)
        if projected is not None and projected < required:
            warnings.append(EarlyWarning(month, projected, required))
    return warnings


def _projection(measured: list[ItemMonth], month: str, rules: Rules) -> float | None:
    """The progress at the end of `month` at the mean gain of the last few reported months (None with
    fewer than two)."""
    latest = measured[-1]
    if len(measured) < 2:
        return None
    earlier = measured[max(0, len(measured) - 1 - rules.warning_months)]
    latest_number = ordinal(latest.month)
    months = latest_number - ordinal(earlier.month)
    gain = (latest.progress - earlier.progress) / months if months else 0.0  # points a month
    return tenth(min(100.0, latest.progress + gain * (ordinal(month) - latest_number)))


def _value(report: MonthReport, item: Item, indicator: Indicator) -> float | None:
    row = report.indicators.get((item.id, indicator.id))
    return row.value if row else None


def _correction(report: MonthReport, item: Item, indicator: Indicator) -> str:
    row = report.indicators.get((item.id, indicator.id))
    return row.correction if row else ""

