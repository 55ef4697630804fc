"""历年对比: the years side by side, for each year and for each category, from each year's own record.

Each year's figures are that year's as at its latest reported month (its record, 年度完成情况): how many
items, how many completed, the planned and the disbursed money of the items that reported funds (each at the
last month it reported them; an item that never did is counted apart, never as zero). Categories are matched
across years by their name, since a category's key may change from one notice to the next.
"""

from __future__ import annotations

from dataclasses import dataclass

from .portal import Portal, Portals
from .record import RecordRow
from ..rounding import cent


@dataclass(frozen=True)
class YearFigures:
    year: int
    target: str  # the year's page, or the category's page of that year
    month: str | None  # the latest reported month: the figures are as at its end
    ended: bool  # the year's last deadline has passed
    items: int
    done: int
    planned: float | None  # None: no item reported funds
    disbursed: float | None
    without_funds: int  # items with no funds data, not in the sums

    @classmethod
    def of(cls, portal: Portal, target: str, rows: list[RecordRow]) -> YearFigures:
        money = [row.money for row in rows if row.money]
        return cls(portal.notice.year, target, portal.record.month, portal.record.ended, len(rows),
                   sum(1 for row in rows if row.view.status == "done"),
                   cent(sum(m.planned for m in money)) if money else None,
                   cent(sum(m.disbursed for m in money)) if money else None, len(rows) - len(money))


@dataclass(frozen=True)
class CategoryYears:
    name: str
    years: tuple[YearFigures, ...]  # newest first; only the years that have the category


@dataclass(frozen=True)
class YearsCompared:
    years: tuple[YearFigures, ...]  # newest first
    categories: tuple[CategoryYears, ...]  # in the order the newest year lists them, then older ones


def compare_years(portals: Portals) -> YearsCompared:
    newest_first = tuple(reversed(portals.years))
    years = tuple(YearFigures.of(p, p.at.index, list(p.record.rows)) for p in newest_first)
    names: list[str] = []
    cells: dict[str, list[YearFigures]] = {}
    for portal in newest_first:
        for bucket in portal.overview.categories:
            rows = [row for row in portal.record.rows if row.view.category.id == bucket.key]
            if bucket.name not in cells:
                names.append(bucket.name)
                cells[bucket.name] = []
            cells[bucket.name].append(YearFigures.of(portal, portal.at.category(bucket.key), rows))
    return YearsCompared(years, tuple(CategoryYears(name, tuple(cells[name])) for name in names))
