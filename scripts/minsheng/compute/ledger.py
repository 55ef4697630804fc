"""The 问题销号 ledger at a given day: which problems are open, overdue, closed, closed late."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import LedgerEntry

LEDGER_STATUSES = ("overdue", "open", "closed_late", "closed")


@dataclass(frozen=True)
class LedgerState:
    entry: LedgerEntry
    status: str  # one of LEDGER_STATUSES, as at `day`
    day: dt.date

    @property
    def overdue(self) -> bool:
        return self.status in ("overdue", "closed_late")

    @property
    def closed(self) -> bool:
        """销号 by `day` (on time or late)."""
        return self.status in ("closed", "closed_late")


def state(entry: LedgerEntry, day: dt.date) -> LedgerState | None:
    """The problem as it stood at the end of `day`; None if it had not been found yet."""
    if entry.found > day:
        return None
    if entry.closed is not None and entry.closed <= day:
        return LedgerState(entry, "closed_late" if entry.closed > entry.due else "closed", day)
    return LedgerState(entry, "overdue" if day > entry.due else "open", day)


def ledger_at(entries: list[LedgerEntry], day: dt.date) -> list[LedgerState]:
    """Every problem found by `day`, overdue first, then by id."""
    states = [s for s in (state(e, day) for e in entries) if s]
    return sorted(states, key=lambda s: (LEDGER_STATUSES.index(s.status), s.entry.id))


def opened_between(entries: list[LedgerEntry], first: dt.date, last: dt.date) -> list[LedgerEntry]:
    return [e for e in entries if first <= e.found <= last]


def closed_between(entries: list[LedgerEntry], first: dt.date, last: dt.date) -> list[LedgerEntry]:
    return [e for e in entries if e.closed is not None and first <= e.closed <= last]
