"""Escaping and formatting of values placed in generated Markdown.

Every value a template prints goes through `markdown_text` unless it is already Markup: office text
such as "<script>" or "[x](javascript:…)" is shown as the characters typed, never as HTML or a link.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup, escape

# Characters Python-Markdown (with the tables extension) gives meaning to; a backslash makes them literal.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def markdown_text(value: object) -> Markup:
    """A value as literal text inside Markdown: one line, HTML-escaped, Markdown punctuation escaped.

    Used as the templates' `finalize`: Markup (template output, macros, `html`) passes unchanged.
    """
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    if isinstance(value, float):
        value = number(value)
    text = " ".join(str(value).split())
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(text))))


def html_text(value: object) -> Markup:
    """A value as literal text inside raw HTML (where Markdown escapes are not read)."""
    return escape(" ".join(str(value).split()))


def number(value: float | None, decimals: int | None = None) -> str:
    """1150 → 1150, 14.395 → 14.395, 99.9 → 99.9: no trailing zeros unless `decimals` is given."""
    if value is None:
        return "—"
    if decimals is not None:
        return f"{value:.{decimals}f}"
    return f"{value:.6f}".rstrip("0").rstrip(".")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def money(value: float | None) -> str:
    """万元 with two decimals, as Chinese fiscal tables show them."""
    return "—" if value is None else f"{value:,.2f}"


def chinese_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def chinese_month(month: str) -> str:
    year, number_ = month.split("-")
    return f"{year}年{int(number_)}月"


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
