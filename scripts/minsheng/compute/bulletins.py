"""月度通报: what each reported month's bulletin says, computed from the data of that month."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..months import first_day, month_end
from ..status import LAGGING, Status
from .funds import MonthFunds
from .ledger import LedgerState, closed_between, ledger_at, opened_between
from .overview import ItemView, YearOverview
from .progress import EarlyWarning, ItemMonth, early_warnings


@dataclass(frozen=True)
class Bulletin:
    month: str
    released: dt.date | None  # from releases.yaml; None while the month is not yet published
    expected: float  # 序时进度
    overall: float | None
    status_counts: Counter
    completed: tuple[ItemView, ...]  # done this month, not the month before
    lagging: tuple[tuple[ItemView, ItemMonth], ...]  # behind this month, worst first
    warned: tuple[tuple[ItemView, tuple[EarlyWarning, ...]], ...]
    funds: MonthFunds  # over the items that reported funds this month
    opened: tuple[LedgerState, ...]
    closed: tuple[LedgerState, ...]
    overdue: tuple[LedgerState, ...]  # open past their due date at month end

    @property
    def lagging_count(self) -> int:
        return len(self.lagging)

    @property
    def opened_count(self) -> int:
        return len(self.opened)

    @property
    def closed_count(self) -> int:
        return len(self.closed)

    @property
    def overdue_count(self) -> int:
        return len(self.overdue)

    @property
    def period_end(self) -> dt.date:
        return month_end(self.month)

    @property
    def ledger(self) -> tuple[LedgerState, ...]:
        """Opened, closed or overdue this month, each once."""
        seen: dict[str, LedgerState] = {}
        for state in (*self.opened, *self.closed, *self.overdue):
            seen.setdefault(state.entry.id, state)
        return tuple(seen.values())


def bulletins(overview: YearOverview) -> list[Bulletin]:
    year = overview.year
    releases = {r.month: r.date for r in year.releases.releases} if year.releases else {}
    entries = year.ledger.entries if year.ledger else []
    result = []
    for index, month in enumerate(overview.months):
        this = [(view, view.history[index]) for view in overview.items]
        first, last = first_day(month), month_end(month)
        completed = tuple(v for v, m in this if m.status == Status.DONE and (index == 0 or v.history[index - 1].status != Status.DONE))
        lagging = tuple(sorted(((v, m) for v, m in this if m.status in LAGGING),
                               key=lambda pair: (pair[1].progress - pair[1].expected, pair[0].item.id)))
        warned = tuple((v, w) for v in overview.items
                       if (w := tuple(early_warnings(list(v.history[: index + 1]), year, overview.rules, overview.pace))))
        states = {s.entry.id: s for s in ledger_at(entries, last)}
        result.append(Bulletin(
            month, releases.get(month), overview.expected_by_month[index], overview.progress_by_month[index],
            Counter(m.status for _, m in this), completed, lagging, warned, overview.funds_by_month[index],
            tuple(states[e.id] for e in opened_between(entries, first, last)),
            tuple(states[e.id] for e in closed_between(entries, first, last)),
            tuple(s for s in states.values() if s.status == "overdue"),
        ))
    return result
