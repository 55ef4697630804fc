"""Revisions: figures of a published month that differ from what was published.

Each month's files are kept as last published under data/<year>/published/ (by `minsheng publish`).
Comparing the current files with them finds every changed figure; `publish` records each in
revisions.yaml with the date of the release that discloses it, and validation refuses a change to a
published month that has not been recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import FUND_FIGURES, MonthReport


@dataclass(frozen=True)
class Change:
    month: str
    file: str  # "progress" or "funds"
    item: str
    key: str  # indicator id, or source of funds
    field: str  # "value", or one of FUND_FIGURES
    old: float | None
    new: float | None
    note: str  # the current row's 更正说明
    row: int  # in the current file, for messages (0 when the row was removed)


def changes(published: MonthReport, current: MonthReport) -> list[Change]:
    """Every figure of `published` that `current` shows differently (rows added, changed or removed)."""
    found = []
    for key in sorted(set(published.indicators) | set(current.indicators)):
        old, new = published.indicators.get(key), current.indicators.get(key)
        before, after = (old.value if old else None), (new.value if new else None)
        if before != after:
            found.append(Change(current.month, "progress", key[0], key[1], "value", before, after,
                                new.correction if new else "", new.row if new else 0))
    for key in sorted(set(published.funds) | set(current.funds)):
        old, new = published.funds.get(key), current.funds.get(key)
        for name in FUND_FIGURES:
            before, after = (getattr(old, name) if old else None), (getattr(new, name) if new else None)
            if before != after:
                found.append(Change(current.month, "funds", key[0], key[1], name, before, after,
                                    new.correction if new else "", new.row if new else 0))
    return found
