import datetime as dt

from minsheng.compute.ledger import closed_between, ledger_at, opened_between, state
from minsheng.model import LedgerEntry

D = dt.date


def entry(found, due, closed=None, id="2024-001") -> LedgerEntry:
    return LedgerEntry(id=id, item="01", found=found, description="x", unit="hrss", due=due, closed=closed,
                       resolution="已整改" if closed else None)


def test_states_at_a_day():
    problem = entry(D(2024, 5, 1), D(2024, 6, 30))
    assert state(problem, D(2024, 4, 30)) is None  # not found yet
    assert state(problem, D(2024, 6, 30)).status == "open"  # due today: not yet overdue
    assert state(problem, D(2024, 7, 1)).status == "overdue"
    assert state(entry(D(2024, 5, 1), D(2024, 6, 30), D(2024, 6, 30)), D(2024, 12, 31)).status == "closed"
    late = state(entry(D(2024, 5, 1), D(2024, 6, 30), D(2024, 7, 15)), D(2024, 12, 31))
    assert late.status == "closed_late" and late.overdue
    assert state(entry(D(2024, 5, 1), D(2024, 6, 30), D(2024, 7, 15)), D(2024, 7, 10)).status == "overdue"


def test_ledger_lists_overdue_first_and_counts_by_period():
    entries = [entry(D(2024, 5, 1), D(2024, 9, 30), id="2024-001"), entry(D(2024, 5, 2), D(2024, 6, 1), id="2024-002"),
               entry(D(2024, 6, 3), D(2024, 7, 1), D(2024, 6, 20), id="2024-003")]
    assert [s.entry.id for s in ledger_at(entries, D(2024, 6, 30))] == ["2024-002", "2024-001", "2024-003"]
    assert [e.id for e in opened_between(entries, D(2024, 6, 1), D(2024, 6, 30))] == ["2024-003"]
    assert [e.id for e in closed_between(entries, D(2024, 6, 1), D(2024, 6, 30))] == ["2024-003"]
