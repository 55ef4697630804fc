"""A bulletin shows what was known on its release date: a correction disclosed later, a problem found or closed
later, is not in it (compute/as_at.py)."""

from __future__ import annotations

import datetime as dt

from conftest import edit_csv, shipped
from minsheng.compute.as_at import changed_after, year_as_at
from minsheng.compute.bulletins import bulletins
from minsheng.compute.overview import overview
from minsheng.compute.portal import portal
from minsheng.load.data_folder import load_data_folder

PLAN, _ = shipped()
YEAR = PLAN.years[2024]
SHOWN = {page.bulletin.month: page.bulletin for page in portal(PLAN).bulletins}
CURRENT = {b.month: b for b in bulletins(overview(PLAN, YEAR))}  # every month from today's files


def _shown(b) -> tuple:
    """What a bulletin shows of its month: figures, counts, and each listed item with its month's figures."""
    return (b.overall, b.expected, b.status_counts, [(v.item.id, m) for v, m in b.lagging],
            [v.item.id for v in b.completed], [(v.item.id, w) for v, w in b.warned], b.funds,
            [s.entry.id for s in b.ledger])


def test_a_correction_disclosed_later_is_not_in_the_earlier_bulletin(data_copy):
    [correction] = [r for r in YEAR.revisions.revisions if r.month == "2024-07"]
    assert correction.date == dt.date(2024, 10, 10) and SHOWN["2024-07"].released < correction.date
    # the July figures as first published: the corrected cell put back by hand in a copy of the files
    edit_csv(data_copy / "2024" / "progress" / "2024-07.csv", {"项目编号": correction.item, "指标编号": correction.key},
             {"截至月底累计": str(correction.old)})
    plan, _ = load_data_folder(data_copy)
    first = bulletins(overview(plan, plan.years[2024]))
    july = next(b for b in first if b.month == "2024-07")
    assert _shown(SHOWN["2024-07"]) == _shown(july)  # item by item, as first published
    then = year_as_at(YEAR, "2024-07", SHOWN["2024-07"].released)
    item = [next(v for v in overview(p, y).items if v.item.id == correction.item).history[3].progress
            for p, y in ((PLAN, then), (plan, plan.years[2024]), (PLAN, YEAR))]
    assert item[0] == item[1] != item[2]  # 78.0 then, 79.2 once corrected
    # released after the correction, the October bulletin has it
    assert SHOWN["2024-10"].overall == CURRENT["2024-10"].overall


def test_a_problem_closed_after_the_release_is_open_in_the_bulletin():
    late = next(e for e in YEAR.ledger.entries if e.id == "2024-005")
    september = SHOWN["2024-09"]
    assert late.closed > september.released >= late.found
    state = next(s for s in september.ledger if s.entry.id == late.id)
    assert state.entry.closed is None and state.status in ("open", "overdue")
    assert changed_after(YEAR, "2024-09", september.released)
    assert not changed_after(YEAR, "2024-12", dt.date(2030, 1, 1))


def test_as_at_a_day_after_everything_the_year_is_as_it_is():
    then = year_as_at(YEAR, YEAR.months[-1].month, dt.date(2030, 1, 1))
    assert then.months == YEAR.months and then.ledger.entries == YEAR.ledger.entries
    assert then.revisions.revisions == YEAR.revisions.revisions
