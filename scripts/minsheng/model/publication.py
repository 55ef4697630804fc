"""What happens to a year's list after the notice: releases of monthly reports, corrections of published
figures, and the 问题销号 ledger."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .base import ITEM_ID, SLUG, Record


class LedgerEntry(Record):
    """One problem of the 问题销号 ledger: found, assigned, closed item by item."""

    id: str = Field(title="问题编号", pattern=r"^\d{4}-\d{3}$", description="年度加三位序号，如 2024-001")
    item: str = Field(title="项目编号", pattern=ITEM_ID)
    found: dt.date = Field(title="发现日期")
    description: str = Field(title="问题描述", min_length=1)
    unit: str = Field(title="责任单位", pattern=SLUG, description="data/units.yaml 中的单位编号")
    due: dt.date = Field(title="整改期限")
    closed: dt.date | None = Field(default=None, title="销号日期", description="尚未销号时为空")
    resolution: str | None = Field(default=None, title="销号情况", description="如何整改、销号；销号时必填")


class LedgerFile(Record):
    problems: list[LedgerEntry] = Field(default_factory=list, title="问题清单")


class Release(Record):
    """A month's report made public: the date its bulletin was published."""

    month: str = Field(title="月份", pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    date: dt.date = Field(title="发布日期")


class ReleasesFile(Record):
    releases: list[Release] = Field(default_factory=list, title="发布记录")


class Revision(Record):
    """A figure changed after its month was published: disclosed in the 更正记录."""

    date: dt.date = Field(title="更正公布日期", description="随哪一次发布公布了这项更正")
    month: str = Field(title="所属月份", pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    file: Literal["progress", "funds"] = Field(title="报表", description="progress：进展；funds：资金")
    item: str = Field(title="项目编号", pattern=ITEM_ID)
    key: str = Field(title="指标或资金来源", min_length=1, description="进展为指标编号，资金为资金来源")
    field: str = Field(title="数字", min_length=1, description="进展为 value；资金为 planned、in_place 或 disbursed")
    old: float | None = Field(title="原公布值")
    new: float | None = Field(title="更正后")
    note: str = Field(title="更正说明", min_length=1)


class RevisionsFile(Record):
    revisions: list[Revision] = Field(default_factory=list, title="更正记录")
