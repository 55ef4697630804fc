import datetime as dt

import pytest

from conftest import shipped
from minsheng.compute.schedule import expected_progress
from minsheng.months import month_end

PLAN, _ = shipped()
NOTICE, RULES = PLAN.years[2024].notice, PLAN.rules


@pytest.mark.parametrize(
    ("month", "expected"),
    [("2024-03", 0.0), ("2024-04", 23.3), ("2024-05", 46.7), ("2024-06", 70.0), ("2024-07", 75.0),
     ("2024-10", 90.0), ("2024-11", 95.0), ("2024-12", 100.0)],
)
def test_expected_progress_follows_the_notice(month, expected):
    assert expected_progress(NOTICE, RULES, month) == expected


def test_exactly_seventy_at_end_of_june_and_basic_completion_from_rules():
    assert expected_progress(NOTICE, RULES, "2024-06") == NOTICE.schedule.milestones[0].overall_progress == 70
    assert NOTICE.schedule.milestones[1].overall_progress is None
    assert expected_progress(NOTICE, RULES, "2024-10") == RULES.basic_completion


def test_month_end():
    assert month_end("2024-02") == dt.date(2024, 2, 29)
    assert month_end("2024-06") == dt.date(2024, 6, 30)
