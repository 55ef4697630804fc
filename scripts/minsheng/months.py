"""Months as the data writes them ("2024-07"): their first and last days, their order, the steps between."""

from __future__ import annotations

import calendar
import datetime as dt


def first_day(month: str) -> dt.date:
    return dt.date.fromisoformat(month + "-01")


def month_end(month: str) -> dt.date:
    year, number = (int(part) for part in month.split("-"))
    return dt.date(year, number, calendar.monthrange(year, number)[1])


def month_of(day: dt.date) -> str:
    return f"{day:%Y-%m}"


def number(month: str) -> int:
    """The month's number in its year: 2024-07 → 7."""
    return int(month.split("-")[1])


def ordinal(month: str) -> int:
    """A count of months, so that the difference of two is the number of months between them."""
    year, number_ = month.split("-")
    return int(year) * 12 + int(number_)


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def next_month(month: str) -> str:
    return month_of(month_end(month) + dt.timedelta(days=1))


def previous_month(month: str) -> str:
    return month_of(first_day(month) - dt.timedelta(days=1))
