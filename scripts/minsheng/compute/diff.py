"""What changed between two versions of the data: the change report of a pull request.

Months added or removed, every figure, note and item 报送状态 old → new (the same comparison as the
revision log), for a month added every figure and 报送状态 that differs from the month before, how each
month's items were reported (无变化, 未报送, not yet filled in), items whose plan changed, status changes and warnings raised or cleared at the latest
month, problems opened or closed, and corrections recorded for published months.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..load.data_folder import DataFolder
from ..model import LedgerEntry
from .overview import YearOverview, overview
from ..revisions import Described, changes, described
from ..validate.progress import Reporting, reporting


@dataclass
class YearDiff:
    year: int
    months_added: list[str] = field(default_factory=list)
    months_removed: list[str] = field(default_factory=list)
    month_changes: list[Described] = field(default_factory=list)  # in months present in both versions
    new_month_changes: list[Described] = field(default_factory=list)  # a month added, against the month before it
    reporting: list[tuple[str, Reporting]] = field(default_factory=list)  # months added or changed: how items reported
    plan_changes: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (item, title, changed fields)
    items_added: list[str] = field(default_factory=list)
    items_removed: list[str] = field(default_factory=list)
    statuses: list[tuple[str, str, str, str]] = field(default_factory=list)  # (item, title, old, new)
    warnings_new: list[tuple[str, str, str]] = field(default_factory=list)  # (item, title, milestone)
    warnings_cleared: list[tuple[str, str, str]] = field(default_factory=list)
    problems_new: list[LedgerEntry] = field(default_factory=list)
    problems_closed: list[LedgerEntry] = field(default_factory=list)
    revisions_new: list[Described] = field(default_factory=list)
    base_month: str | None = None
    head_month: str | None = None

    @property
    def month_change_count(self) -> int:
        return len(self.month_changes)

    @property
    def new_month_change_count(self) -> int:
        return len(self.new_month_changes)

    @property
    def empty(self) -> bool:
        return not any((self.months_added, self.months_removed, self.month_changes, self.plan_changes, self.items_added,
                        self.items_removed, self.statuses, self.warnings_new, self.warnings_cleared,
                        self.problems_new, self.problems_closed, self.revisions_new))


def diff(base: DataFolder, head: DataFolder) -> list[YearDiff]:
    result = []
    for number in sorted(set(base.years) | set(head.years)):
        if number not in head.years or number not in base.years:
            result.append(_whole_year(number, base, head))
            continue
        result.append(_year(number, overview(base, base.years[number]), overview(head, head.years[number])))
    return result


def _whole_year(number: int, base: DataFolder, head: DataFolder) -> YearDiff:
    year = head.years.get(number) or base.years[number]
    months = [m.month for m in year.months]
    ids = [i.id for i in year.items]
    if number in head.years:
        return YearDiff(number, months_added=months, items_added=ids)
    return YearDiff(number, months_removed=months, items_removed=ids)


def _year(number: int, base: YearOverview, head: YearOverview) -> YearDiff:
    result = YearDiff(number, base_month=base.latest_month, head_month=head.latest_month)
    base_months = {m.month: m for m in base.year.months}
    head_months = {m.month: m for m in head.year.months}
    base_items = {i.id: i for i in base.year.items}
    head_items = {i.id: i for i in head.year.items}
    result.months_added = sorted(set(head_months) - set(base_months))
    result.months_removed = sorted(set(base_months) - set(head_months))
    for month in sorted(set(base_months) & set(head_months)):
        result.month_changes += [described(c, head_items.get(c.item) or base_items.get(c.item))
                                 for c in changes(base_months[month], head_months[month])]
    order = [m.month for m in head.year.months]
    for month in result.months_added:
        earlier = order.index(month)
        if earlier:  # every figure and status that moved since the month before (the notes are all new)
            result.new_month_changes += [described(c, head_items.get(c.item))
                                         for c in changes(head.year.months[earlier - 1], head_months[month])
                                         if c.field != "note"]
    touched = sorted(set(result.months_added) | {line.record.month for line in result.month_changes})
    result.reporting = [(month, reporting(head.year, month)) for month in touched]

    result.items_added = sorted(set(head_items) - set(base_items))
    result.items_removed = sorted(set(base_items) - set(head_items))
    for item_id in sorted(set(base_items) & set(head_items)):
        old, new = base_items[item_id].model_dump(), head_items[item_id].model_dump()
        fields = [name for name in new if old.get(name) != new.get(name)]
        if fields:
            result.plan_changes.append((item_id, head_items[item_id].title, fields))

    base_views = {v.item.id: v for v in base.items}
    for view in head.items:
        before = base_views.get(view.item.id)
        if before is None:
            continue
        if before.status != view.status:
            result.statuses.append((view.item.id, view.item.title, before.status, view.status))
        old_warnings = {w.milestone for w in before.warnings}
        new_warnings = {w.milestone for w in view.warnings}
        result.warnings_new += [(view.item.id, view.item.title, m) for m in sorted(new_warnings - old_warnings)]
        result.warnings_cleared += [(view.item.id, view.item.title, m) for m in sorted(old_warnings - new_warnings)]

    base_ledger = {e.id: e for e in (base.year.ledger.entries if base.year.ledger else [])}
    head_ledger = head.year.ledger.entries if head.year.ledger else []
    result.problems_new = [e for e in head_ledger if e.id not in base_ledger]
    result.problems_closed = [e for e in head_ledger if e.closed and e.id in base_ledger and not base_ledger[e.id].closed]
    base_revisions = base.year.revisions.revisions if base.year.revisions else []
    result.revisions_new = [described(r, head_items.get(r.item))
                            for r in (head.year.revisions.revisions if head.year.revisions else [])
                            if r not in base_revisions]
    return result
