"""序时进度: the progress the notice's schedule expects at the end of each month.

Rule: progress rises in a straight line from 0 at the start of the notice's month to each milestone
in turn (70% at 6月底, basic completion at 10月底, 100% at 12月底), month end by month end. A
milestone the notice states without a figure (基本完成) takes the portal's rule (rules.yaml).
"""

from __future__ import annotations

import datetime as dt

from ..model import Notice, Rules
from ..months import month_end, month_of, months_between
from ..rounding import tenth


def milestones(notice: Notice, rules: Rules) -> list[tuple[dt.date, float]]:
    """(date, expected progress) points, starting from 0 on the day before the notice's month."""
    start = notice.published.replace(day=1) - dt.timedelta(days=1)
    points = [(start, 0.0)]
    for milestone in notice.schedule.milestones:
        progress = milestone.overall_progress
        points.append((milestone.by, rules.basic_completion if progress is None else progress))
    return points


def expected_progress(notice: Notice, rules: Rules, month: str) -> float:
    """序时进度 at the end of `month`, in percent, interpolated by whole months between milestones."""
    return Pace(notice, rules)(month)


class Pace:
    """序时进度 for one notice and rules, each month worked out once: a year's overview asks for the
    same few months for every item and every bulletin."""

    def __init__(self, notice: Notice, rules: Rules) -> None:
        self.points = milestones(notice, rules)
        self.milestone_months = [month_of(milestone.by) for milestone in notice.schedule.milestones]
        self._months: dict[str, float] = {}

    def __call__(self, month: str) -> float:
        if month not in self._months:
            self._months[month] = _interpolate(self.points, month_end(month))
        return self._months[month]

    @property
    def deadline_month(self) -> str:
        """The month of the schedule's last milestone: the year's deadline."""
        return self.milestone_months[-1]

    def ended(self, month: str) -> bool:
        """Whether `month` is at or after the schedule's last milestone (the year's deadline): from then on
        an item is done or not done, and its warnings report what it missed."""
        return bool(self.milestone_months) and month >= self.milestone_months[-1]


def _interpolate(points: list[tuple[dt.date, float]], end: dt.date) -> float:
    if end <= points[0][0]:
        return 0.0
    for (before, low), (after, high) in zip(points, points[1:]):
        if end <= after:
            span = months_between(before, after)
            done = months_between(before, end)
            return tenth(low + (high - low) * done / span)
    return points[-1][1]

