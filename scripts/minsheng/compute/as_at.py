"""A year's data as it stood on a day: what a bulletin released that day could know.

A bulletin shows what was known on its release date: the months reported up to its own, with every
correction disclosed later undone (its `old` value put back), and the problem ledger without the problems
found, or the closures (销号) made, after that day. Later changes appear in later bulletins and in the
更正记录, never inside an earlier bulletin.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..load.data_folder import Year
from ..model import LedgerFile, MonthReport, Revision, RevisionsFile
from ..model.reports import FundReport, IndicatorReport, ItemReport


def year_as_at(year: Year, month: str, day: dt.date) -> Year:
    """`year` with its months up to `month`, as they were published by `day`, and its ledger and corrections
    as they stood on `day`."""
    revisions = year.revisions.revisions if year.revisions else []
    later = [r for r in revisions if r.date > day and r.month <= month]
    months = [_undone(m, [r for r in later if r.month == m.month]) for m in year.months if m.month <= month]
    entries = year.ledger.entries if year.ledger else []
    ledger = LedgerFile(problems=[
        e if e.closed is None or e.closed <= day else e.model_copy(update={"closed": None, "resolution": None})
        for e in entries if e.found <= day])
    return dataclasses.replace(year, months=months, ledger=ledger,
                               revisions=RevisionsFile(revisions=[r for r in revisions if r.date <= day]))


def changed_after(year: Year, month: str, day: dt.date) -> bool:
    """Whether anything a bulletin of `month` released on `day` shows was changed or added later."""
    revisions = year.revisions.revisions if year.revisions else []
    entries = year.ledger.entries if year.ledger else []
    return (any(r.date > day and r.month <= month for r in revisions)
            or any(e.found > day or (e.closed is not None and e.closed > day) for e in entries))


def _undone(report: MonthReport, revisions: list[Revision]) -> MonthReport:
    """The month's report with each of `revisions` undone: the value as first published."""
    if not revisions:
        return report
    items, indicators, funds = dict(report.items), dict(report.indicators), dict(report.funds)
    for r in revisions:
        if r.file == "funds":
            row = funds.get((r.item, r.key)) or FundReport(r.item, r.key, None, None, None, "", "", 0)
            funds[(r.item, r.key)] = dataclasses.replace(row, **{r.field: r.old if r.field != "note" else r.old or ""})
        elif r.key:
            row = indicators.get((r.item, r.key)) or IndicatorReport(r.item, r.key, None, False, "", "", 0)
            indicators[(r.item, r.key)] = dataclasses.replace(
                row, **{r.field: r.old if r.field != "note" else r.old or ""})
        else:
            row = items.get(r.item) or ItemReport(r.item, "", "", True, 0)
            value = (r.old or "") if r.field == "note" else bool(r.old) if r.old is not None else True
            items[r.item] = dataclasses.replace(row, **{r.field: value})
    return MonthReport(report.month, report.progress_file, report.funds_file, items, indicators, funds,
                       report.progress_columns, report.funds_columns)
