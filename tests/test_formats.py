"""How numbers, money, dates and months are written: on the site and in the files the office gets."""

from __future__ import annotations

import datetime as dt

import pytest

from minsheng.month.month_files import format_cell
from minsheng.formats import chinese_date, chinese_month, figure, money, number, percent
from minsheng.model import Indicator


def test_formats():
    assert chinese_date(dt.date(2024, 7, 31)) == "2024年7月31日"
    assert chinese_month("2024-07") == "2024年7月"
    assert money(1234.5) == "1,234.50" and money(None) == "—"
    assert percent(70) == "70.0%" and percent(None) == "—"


@pytest.mark.parametrize(
    ("comparator", "unit", "shown"),
    [("左右", "人", "1150人左右"), ("不少于", "件", "不少于1150件"), ("以上", "个", "1150个以上"), (None, None, "1150")],
)
def test_figures_read_as_the_notice_words_them(comparator, unit, shown):
    indicator = Indicator(id="x", name="x", target=1150, unit=unit, comparator=comparator, kind="count", source="x")
    assert figure(indicator) == shown


def test_one_number_format_for_pages_and_the_office_files():
    for value in (1150.0, 14.395, 99.9, 0.1 + 0.2, 1e-7):
        assert format_cell(value) == number(value)
    assert number(0.1 + 0.2) == "0.3" and number(1150.0) == "1150" and number(2.5, 2) == "2.50"
    assert number(340102199001011000) == "340102199001011000"  # an int keeps every digit (a float would not)
