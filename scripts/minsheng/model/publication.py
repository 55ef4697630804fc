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
    # `problems` in the file (problems.yaml), `entries` here: a validation finding is a Problem (problems.py)
    entries: list[LedgerEntry] = Field(default_factory=list, alias="problems", title="问题清单")


class Release(Record):
    """A month's report made public: the date its bulletin was published."""

    month: str = Field(title="月份", pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    date: dt.date = Field(title="发布日期")


CycleFile = Literal["proposals", "candidates", "adjustments", "oversight", "ratings"]
CYCLE_FILE_DESCRIPTION = ("proposals 征集、candidates 票决、adjustments 调整、oversight 监督、ratings 测评"
                          "（data/<年度>/cycle/ 中的文件名）")


class CycleRelease(Record):
    """A file of the yearly cycle made public (`minsheng publish --cycle`): the date it was first published."""

    file: CycleFile = Field(title="年度流程的文件", description=CYCLE_FILE_DESCRIPTION)
    date: dt.date = Field(title="发布日期")


class ReleasesFile(Record):
    releases: list[Release] = Field(default_factory=list, title="发布记录")
    cycle: list[CycleRelease] = Field(default_factory=list, title="年度流程的发布记录")


class Revision(Record):
    """Something of a published month changed later: a figure, a note or an item's 报送状态, disclosed in the
    更正记录. Which fields a file has, and what `old` and `new` hold for each, is checked by validation."""

    date: dt.date = Field(title="更正公布日期", description="随哪一次发布公布了这项更正")
    month: str = Field(title="所属月份", pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    file: Literal["progress", "funds"] = Field(title="报表", description="progress：进展；funds：资金")
    item: str = Field(title="项目编号", pattern=ITEM_ID)
    key: str = Field(title="指标或资金来源",
                     description="进展为指标编号（项目本身一行的进展情况、报送状态为空）；资金为资金来源")
    field: Literal["value", "planned", "in_place", "disbursed", "note", "reported"] = Field(
        title="更正的内容",
        description="进展：value（截至月底累计）、note（进展情况）或 reported（报送状态）；"
                    "资金：planned、in_place、disbursed（年度计划、累计到位、累计拨付）或 note（资金说明）")
    old: float | str | bool | None = Field(
        title="原公布值", description="数字为数值，进展情况、资金说明为文字，报送状态为 true（已报送）或 false（未报送）；"
                                     "为空表示原来是空白或没有这一行")
    new: float | str | bool | None = Field(title="更正后", description="同原公布值；为空表示现在是空白或这一行已删除")
    note: str = Field(title="更正说明", min_length=1)


class CycleRevision(Record):
    """A cell of a published file of the yearly cycle changed later (or its row added or removed), disclosed in the
    更正记录 as a month's are."""

    date: dt.date = Field(title="更正公布日期", description="随哪一次 minsheng publish --cycle 公布了这项更正")
    file: CycleFile = Field(title="年度流程的文件", description=CYCLE_FILE_DESCRIPTION)
    row: str = Field(title="哪一行", min_length=1,
                     description="这一行的标识：候选编号、项目编号，或几列的内容以“·”连接（如 群众·交通出行·未采纳）")
    field: str = Field(title="更正的列", description="列的英文名，见 data/README.md 中年度流程的数据字典")
    old: float | str | None = Field(title="原公布值", description="为空表示原来是空白或没有这一行")
    new: float | str | None = Field(title="更正后", description="为空表示现在是空白或这一行已删除")
    note: str = Field(title="更正说明", min_length=1)


class RevisionsFile(Record):
    revisions: list[Revision] = Field(default_factory=list, title="更正记录")
    cycle: list[CycleRevision] = Field(default_factory=list, title="年度流程的更正记录")
