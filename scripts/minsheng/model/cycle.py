"""The yearly cycle (群众提、代表定、政府办、人大督、公众评): which steps a year had (data/<year>/cycle.yaml), the
rule that turns the 测评 counts into a rating (rules.yaml's `rating`), and the CSV files the office fills for
each step under data/<year>/cycle/: proposals as counts, the candidates and the vote, adjustments, oversight
entries and the 测评 counts. Proposals are counts only: no proposer's name or number is ever a column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field

from .base import Record
from .reports import Column

Step = Literal["proposals", "vote", "implementation", "oversight", "rating"]
STEPS: dict[str, str] = {  # each step in the cycle's order, with its Chinese name
    "proposals": "征集", "vote": "票决", "implementation": "实施", "oversight": "监督", "rating": "测评"}
SOURCES = ("群众", "人大代表", "政协委员", "其他")
OUTCOMES = ("采纳", "未采纳")
ELECTED = ("当选", "未当选")
ADJUSTMENTS = ("调整", "终止")
OVERSIGHT_KINDS = ("视察", "专题询问", "督办建议")
RATINGS = ("满意", "基本满意", "不满意")


class RatingRule(Record):
    """镇海's rule by default: 满意 when 满意 votes exceed half of all members; 不满意 when 满意 + 基本满意 are
    half or fewer; otherwise 基本满意."""

    base: Literal["members", "voters"] = Field(
        "members", title="全体代表的计法",
        description="members：按应到的全体代表（组成人员）人数计；voters：按参加投票（测评）的人数计")
    satisfied_above: float = Field(50, title="满意的界限", gt=0, lt=100,
                                   description="满意票超过全体代表的此百分比，评为满意")
    unsatisfied_at_most: float = Field(50, title="不满意的界限", gt=0, lt=100,
                                       description="满意票与基本满意票之和不超过全体代表的此百分比，评为不满意")
    elected_above: float = Field(50, title="当选的界限", gt=0, lt=100,
                                 description="票决时赞成票超过全体代表的此百分比，并按得票多少在名额以内的候选项目当选")


class Session(Record):
    """A meeting that took a step: the vote (人代会) or the 测评 (常委会 or 人代会)."""

    date: dt.date = Field(title="日期")
    body: str = Field(title="会议", min_length=1, description="如 黄山区第十八届人民代表大会第四次会议")
    members: int = Field(title="全体代表人数", ge=1, description="应到的全体代表（组成人员）人数，即规则中的“全体代表”")
    seats: int | None = Field(None, title="名额", ge=1, description="票决：当选的民生实事项目数（差额票决时少于候选项目数）")
    announcement: str | None = Field(None, title="公告", description="如 主席团公告第3号")


class Period(Record):
    start: dt.date = Field(title="开始日期")
    end: dt.date = Field(title="截止日期")
    published: dt.date | None = Field(None, title="公布日期", description="征集结果公布的日期")


class Cycle(Record):
    steps: list[Step] = Field(title="本年度有的环节", min_length=1,
                              description="proposals 征集、vote 票决、implementation 实施、oversight 监督、rating 测评")
    note: str | None = Field(None, title="说明", description="如：本年度清单由民生办发文印发，没有经过人大代表票决")
    proposals: Period | None = Field(None, title="征集")
    vote: Session | None = Field(None, title="票决")
    rating: Session | None = Field(None, title="测评")


CORRECTION = ("correction", "更正说明", "本行改动已发布的内容时，说明原因", "Why this row changes what was published")


def _columns(*spec: tuple[str, str, str, str]) -> tuple[Column, ...]:
    """A file's columns, each with the 更正说明 last, as in the monthly reports."""
    return tuple(Column(*column) for column in (*spec, CORRECTION))


CYCLE_FILES: dict[str, tuple[Column, ...]] = {  # file stem under data/<year>/cycle/ → its columns
    "proposals": _columns(
        ("source", "来源", "群众、人大代表、政协委员 或 其他", "Who proposed: the public, NPC deputies, CPPCC members or other"),
        ("category", "类别", "建议所属的类别，如 交通出行", "Category of the proposals"),
        ("count", "件数", "建议件数（整数）", "Number of proposals (whole number)"),
        ("outcome", "处理结果", "采纳 或 未采纳", "Taken up (采纳) or not (未采纳)"),
        ("reason", "说明", "未采纳的原因，或采纳后并入哪个候选项目；不写提议人的姓名和号码",
         "Why not taken, or which candidate it was merged into; never a proposer's name or number")),
    "candidates": _columns(
        ("candidate", "候选编号", "候选项目的编号，如 H01", "Candidate id on the ballot"),
        ("item", "项目编号", "当选后在清单中的项目编号；未当选的留空", "The item id in the year's list once elected; empty when not elected"),
        ("title", "项目名称", "候选项目名称", "Candidate's title"),
        ("content", "主要内容", "主要建设内容", "Main content"),
        ("investment", "总投资（万元）", "总投资，万元", "Total investment, 10,000 yuan"),
        ("lead_unit", "牵头单位", "牵头单位名称", "Lead unit"),
        ("deadline", "完成时限", "如 2024年12月底", "Completion time"),
        ("for", "赞成", "赞成票数", "Votes for"),
        ("against", "反对", "反对票数", "Votes against"),
        ("abstain", "弃权", "弃权票数", "Abstentions"),
        ("elected", "是否当选", "当选 或 未当选（须与按规则计算的结果一致）", "Elected or not, as published (checked against the rule)")),
    "adjustments": _columns(
        ("item", "项目编号", "调整或终止的项目", "Item adjusted or terminated"),
        ("kind", "类型", "调整 或 终止", "Adjusted (调整) or terminated (终止)"),
        ("content", "内容", "调整的内容或终止的原因", "What changed, or why it was terminated"),
        ("decision", "人大决定", "作出决定的会议和文件，如 区人大常委会第二十次会议决定", "The people's congress decision"),
        ("date", "决定日期", "如 2024-08-28", "Date of the decision"),
        ("announced", "公告日期", "向社会公告的日期", "Date of the public notice")),
    "oversight": _columns(
        ("date", "日期", "如 2024-06-18", "Date"),
        ("kind", "形式", "视察、专题询问 或 督办建议", "Inspection (视察), special inquiry (专题询问) or supervision proposal (督办建议)"),
        ("item", "项目编号", "涉及的项目；涉及全部项目的留空", "Item concerned; empty for the whole list"),
        ("content", "内容", "视察发现、询问的问题或督办建议", "What was found, asked or proposed"),
        ("unit", "答复单位", "答复的单位", "Unit that answered"),
        ("response", "答复", "答复或办理情况", "The answer or what was done"),
        ("responded", "答复日期", "如 2024-07-10", "Date of the answer")),
    "ratings": _columns(
        ("item", "项目编号", "测评的项目", "Item rated"),
        ("satisfied", "满意", "满意票数", "Votes 满意 (satisfied)"),
        ("fair", "基本满意", "基本满意票数", "Votes 基本满意 (fairly satisfied)"),
        ("unsatisfied", "不满意", "不满意票数", "Votes 不满意 (not satisfied)"),
        ("abstain", "弃权", "弃权票数", "Abstentions"),
        ("follow_up", "整改情况", "评为基本满意或不满意后的整改和再次报告情况",
         "What followed a rating below 满意: rectification and the report again")),
}
# What names a row of each file once published (a correction changes its other cells), and the files whose rows
# accrue through the year (a row added to them is news, not a correction)
ROW_KEYS = {"proposals": ("source", "category", "outcome"), "candidates": ("candidate",), "adjustments": ("item", "kind"),
            "oversight": ("date", "kind", "item"), "ratings": ("item",)}
ACCRUING = ("adjustments", "oversight")
# Cells filled in after the step is published (the answer to an oversight entry, what followed a rating below 满意,
# the date an adjustment was announced): filling an empty one is news too; changing a filled one is a correction
FILLED_LATER = {("oversight", "unit"), ("oversight", "response"), ("oversight", "responded"), ("ratings", "follow_up"),
                ("adjustments", "announced")}
CYCLE_STEP_OF_FILE = {"proposals": "proposals", "candidates": "vote", "adjustments": "implementation",
                      "oversight": "oversight", "ratings": "rating"}

CYCLE_TITLES = {  # each file's table in the open data: title and description
    "proposals": ("征集的建议", "征集的建议件数，按来源、类别和处理结果；不含提议人的任何信息"),
    "candidates": ("票决的候选项目", "每个候选项目的得票和按规则计算的是否当选；项目编号连接清单中的项目"),
    "adjustments": ("项目的调整和终止", "经人大决定的调整和终止"),
    "oversight": ("人大监督", "视察、专题询问、督办建议和答复"),
    "ratings": ("满意度测评", "每个项目的测评票数和按规则计算的测评结果")}
CYCLE_TYPES = {  # the Table Schema type of the columns that are not text
    "count": "integer", "for": "integer", "against": "integer", "abstain": "integer", "satisfied": "integer",
    "fair": "integer", "unsatisfied": "integer", "investment": "number", "date": "date", "announced": "date",
    "responded": "date"}


@dataclass(frozen=True)
class CycleRow:
    """One row of a cycle file: its Excel row number and its cells, texts stripped and numbers read."""

    row: int
    cells: dict[str, object]

    def __getitem__(self, name: str) -> object:
        return self.cells[name]


@dataclass
class CycleTable:
    file: str  # as shown to the office
    stem: str  # which file: proposals, candidates, adjustments, oversight or ratings
    columns: dict[str, int]  # column name → position
    rows: list[CycleRow] = field(default_factory=list)

    def header(self, name: str) -> str:
        """The Chinese header of the column `name`."""
        return next(c.header for c in CYCLE_FILES[self.stem] if c.name == name)


@dataclass(frozen=True)
class Voted:
    """A candidate's row and whether the rule elects it."""

    row: CycleRow
    elected: bool


@dataclass(frozen=True)
class Rated:
    """An item's 测评 row and the rating the rule gives its counts."""

    row: CycleRow
    rating: str

    @property
    def below(self) -> bool:
        """Rated below 满意: it must be put right and reported again."""
        return self.rating != RATINGS[0]
