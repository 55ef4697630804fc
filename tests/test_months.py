"""Months as the data writes them: ends, order, steps."""

from __future__ import annotations

import datetime as dt

import pytest

from minsheng.months import first_day, month_end, month_of, months_between, next_month, number, ordinal, previous_month


@pytest.mark.parametrize(("month", "end"), [("2024-02", dt.date(2024, 2, 29)), ("2023-02", dt.date(2023, 2, 28)),
                                            ("2024-12", dt.date(2024, 12, 31)), ("2024-04", dt.date(2024, 4, 30))])
def test_month_end(month, end):
    assert month_end(month) == end and first_day(month) == end.replace(day=1) and month_of(end) == month


def test_steps_across_a_year_end():
    assert next_month("2024-12") == "2025-01" and previous_month("2025-01") == "2024-12"
    assert next_month("2024-01") == "2024-02" and previous_month("2024-03") == "2024-02"
    assert ordinal("2025-02") - ordinal("2024-11") == 3 == months_between(dt.date(2024, 11, 30), dt.date(2025, 2, 1))
    assert number("2024-07") == 7
