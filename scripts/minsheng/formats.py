"""How numbers, money, dates and months are written on the site and in the files the office gets."""

from __future__ import annotations

import datetime as dt

from . import months


def number(value: float | None, decimals: int | None = None) -> str:
    """1150 → 1150, 14.395 → 14.395, 99.9 → 99.9: no trailing zeros unless `decimals` is given."""
    if value is None:
        return "—"
    if decimals is not None:
        return f"{value:.{decimals}f}"
    if isinstance(value, int):  # exactly: an id typed into a number cell keeps every digit
        return str(value)
    return f"{value:.6f}".rstrip("0").rstrip(".")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def money(value: float | None) -> str:
    """万元 with two decimals, as Chinese fiscal tables show them."""
    return "—" if value is None else f"{value:,.2f}"


def chinese_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def chinese_month(month: str) -> str:
    return f"{month.split('-')[0]}年{months.number(month)}月"


# Qualifiers the notice writes after the figure (1150人左右, 229个以上); the others come before it.
_AFTER = ("左右", "以上", "以下")


def figure(record: object, field: str = "target") -> str:
    """A target or standard as the notice words it: 不少于305件, 1150人左右, 提高到99.93%."""
    value = number(getattr(record, field))
    unit = getattr(record, "unit", None) or ""
    comparator = getattr(record, "comparator", None) or ""
    if comparator in _AFTER:
        return f"{value}{unit}{comparator}"
    return f"{comparator}{value}{unit}"


def shortened(text: str, limit: int) -> str:
    """Text on one line, cut to `limit` characters with "…" when longer: 按计划推进，已完成… ."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
