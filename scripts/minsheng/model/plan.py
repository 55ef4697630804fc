"""The plan: the lead units, the groups of residents, and each year's notice and items."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .base import ITEM_ID, SLUG, Comparator, DataNote, Record

# What a person must still decide about a draft written by `minsheng new-year`: one sentence each, in
# Chinese, beside what it is about. A record that has any is a draft; the office deletes each line once
# decided. A year with a draft is not published (the site shows the latest year without one).
Review = Annotated[list[Annotated[str, Field(min_length=1)]], Field(
    default_factory=list, title="待核对",
    description="new-year 生成的草稿中需要人工核对或决定的事项，每条一句；核对并改好后删去该条。"
    "有待核对事项的年度是草稿，网站仍显示最近一个没有草稿的年度")]


class Unit(Record):
    id: str = Field(title="单位编号", pattern=SLUG)
    name: str = Field(title="单位名称", min_length=1)
    aliases: list[str] = Field(default_factory=list, title="其他写法")
    # Where residents go and whom they call. Optional; a value starting with site.yaml's placeholder
    # prefix is not known yet, is listed by `validate` and never shown on the site.
    address: str | None = Field(default=None, title="办公地址", min_length=1, description="群众办事的地点")
    phone: str | None = Field(default=None, title="咨询电话", min_length=1, description="如 0559-1234567")
    hours: str | None = Field(default=None, title="办公时间", min_length=1, description="如 工作日 8:00—12:00，14:30—17:30")
    website: str | None = Field(default=None, title="网站", min_length=1, description="以 http:// 或 https:// 开头")
    review: Review

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every way the unit is written: its name and its other spellings (aliases), the one place they are joined."""
        return (self.name, *self.aliases)


class Group(Record):
    id: str = Field(title="群体编号", pattern=SLUG)
    name: str = Field(title="群体名称", min_length=1)
    description: str = Field(title="群体说明", min_length=1)


class GroupsFile(Record):
    groups: list[Group] = Field(title="受益群体", min_length=1)


class UnitsFile(Record):
    units: list[Unit] = Field(title="牵头单位表", min_length=1)


class Category(Record):
    id: str = Field(title="类别编号", pattern=SLUG)
    number: str = Field(title="类别序号", description="通知中印的序号，如“一”", min_length=1)
    name: str = Field(title="类别名称", min_length=1)
    printed_count: int = Field(title="通知所列项数", ge=0, description="通知标题中印的项数，如“(3项)”")
    level: Literal["district", "city"] = Field(title="层级", description="district：区级；city：市级")
    site_name: str | None = Field(
        default=None, title="网站上的类别名称", min_length=1,
        description="通知的类别名称带有只在年初适用的字样（如“拟安排”）时，网站上改用的名称，如“市级民生实事”；不填即用通知的名称")

    @property
    def shown(self) -> str:
        """The name the site lists the category by: site_name where the notice's name fits only the year's start."""
        return self.site_name or self.name


class Milestone(Record):
    by: dt.date = Field(title="截止日期")
    overall_progress: float | None = Field(
        default=None, title="总体进度", ge=0, le=100,
        description="通知给出的总体进度百分比；通知未给出数字时为空",
    )
    label: str = Field(title="节点要求", min_length=1)
    wording: str = Field(title="原文", min_length=1)


class Schedule(Record):
    reporting: Literal["monthly"] = Field(title="报送周期")
    reporting_wording: str = Field(title="报送要求原文", min_length=1)
    milestones: list[Milestone] = Field(title="进度节点", min_length=1)


class Notice(Record):
    year: int = Field(title="年度", ge=2000, le=2100)
    title: str = Field(title="通知标题", min_length=1)
    issuer: str = Field(title="发文机关", min_length=1)
    publisher: str = Field(title="发布机构", min_length=1)
    document_number: str = Field(title="发文字号", min_length=1)
    index_number: str | None = Field(default=None, title="索引号")
    published: dt.date = Field(title="发布日期")
    source_file: str = Field(title="原文文件", description="本目录下通知全文的文件名", min_length=1)
    schedule: Schedule = Field(title="进度安排")
    categories: list[Category] = Field(title="类别", min_length=1)
    data_notes: list[DataNote] = Field(default_factory=list, title="数据说明")
    review: Review


class Continued(Record):
    """An item of an earlier year that an item carries on (the same work under the new year's list)."""

    year: int = Field(title="年度", ge=2000, le=2100)
    item: str = Field(title="项目编号", pattern=ITEM_ID, description="该年度的项目编号，加引号，如 \"13\"")


class Indicator(Record):
    id: str = Field(title="指标编号", pattern=SLUG)
    name: str = Field(title="指标名称", min_length=1)
    target: float | None = Field(
        title="目标值", ge=0,
        description="通知规定的年度目标；为空表示通知没有目标、只按月报告的数量（如补贴发放人数），不计入进度",
    )
    unit: str | None = Field(title="计量单位", description="通知未写单位时为空，并在数据说明中注明")
    comparator: Comparator | None = Field(default=None, title="限定词")
    kind: Literal["count", "level"] = Field(
        title="指标类型",
        description="count：全年累计的数量；level：要达到的水平或比率（如参保率、覆盖率）",
    )
    baseline: float | None = Field(default=None, title="基期值", description="水平类指标的起点，如“从99.90%提高到”")
    source: str = Field(title="原文", description="通知中给出该指标的原话，须逐字出现在本项原文或推进措施中", min_length=1)
    review: Review


# Counting units: a figure in one of them is a whole number (people, households, places, things)
WHOLE_UNITS = frozenset(("人", "人次", "人(次)", "名", "位", "户", "家", "个", "间", "套", "套(间)", "场", "项", "件", "所",
                         "座", "台", "辆", "艘", "只", "盏", "册", "张", "处", "条", "次", "批"))
MONEY_UNITS = ("元", "万元")  # a standard in these units is money, and implies the funds it needs
PAID_KINDS = ("subsidy", "standard")  # a money standard of these kinds is paid to someone: `paid_to` says to whom


class PolicyParameter(Record):
    id: str = Field(title="标准编号", pattern=SLUG)
    name: str = Field(title="标准名称", min_length=1)
    kind: Literal["subsidy", "ratio", "cost_share", "standard", "threshold"] = Field(
        title="标准类型",
        description="subsidy：补助、补贴、奖补金额；ratio：救助或资助比例；cost_share：资金分担；"
        "standard：服务或建设标准；threshold：享受条件的界限",
    )
    amount: float = Field(title="数额", ge=0)
    unit: str = Field(title="单位", min_length=1)
    comparator: Comparator | None = Field(default=None, title="限定词")
    per: str | None = Field(default=None, title="对象", description="按谁或按什么计，如“人”“社区”")
    period: str | None = Field(default=None, title="期间", description="如“年”“月”“学年”“一次性”")
    payer: str | None = Field(default=None, title="出资方", description="通知写明的出资方")
    paid_to: Literal["person", "institution", "unstated"] | None = Field(
        default=None, title="补助给谁",
        description="person：发给本人或其家庭（按人补助，如补贴、资助、救助）；institution：拨给学校、医疗机构、"
        "村（社区）、企业等，或作为项目经费，本人不领取这笔钱；unstated：通知没有写明给谁。"
        "以元或万元计的补助和标准必填；只有 person 的标准在“与我有关”中作为本人能得到的补助列出",
    )
    applies_to: str | None = Field(
        default=None, title="对应指标", pattern=SLUG,
        description="按人或按件的补助标准所对应的数量指标编号：标准 × 月报数量 = 应需资金，用于核对资金与产出",
    )
    covers: float | None = Field(
        default=None, title="补助数量", gt=0,
        description="通知写明标准只补助对应指标中的一部分时，这一部分的数量（如宫颈癌筛查5300人次中省级以上财政补助的"
        "3500人次）；核对资金与产出时按月报数量与这个数中较小的一个计算",
    )
    source: str = Field(title="原文", description="通知中给出该标准的原话，须逐字出现在本项原文或推进措施中", min_length=1)
    review: Review


class Item(Record):
    id: str = Field(title="项目编号", pattern=ITEM_ID, description="区级项目为两位（项目多时可为三到四位）序号，市级项目为 c 加序号")
    number: str = Field(title="通知序号", description="通知中印的序号，如“五十”", min_length=1)
    level: Literal["district", "city"] = Field(title="层级")
    category: str = Field(title="类别", pattern=SLUG)
    title: str = Field(title="项目名称", min_length=1)
    lead_units: list[str] = Field(title="牵头单位", min_length=1)
    lead_units_text: str = Field(title="牵头单位原文", min_length=1)
    groups: list[str] = Field(
        title="受益群体", description="data/groups.yaml 中的群体编号，按通知所写的对象选定；至少一个（草稿核对时选定）")
    source_text: str = Field(title="通知原文", description="通知中本项的第一段，逐字照录", min_length=1)
    beneficiaries: str | None = Field(default=None, title="受益对象", description="通知写明时，用平实的话说明谁受益")
    eligibility: str | None = Field(default=None, title="享受条件", description="通知写明时，用平实的话说明条件")
    how_to_apply: str | None = Field(default=None, title="办理方式", description="通知写明时，说明如何申请、在哪里办")
    offer: str | None = Field(
        default=None, title="能得到什么", min_length=1,
        description="用平实的话说明居民能得到什么、政府做什么，只依据通知所写：免费的服务写“免费”，拨给机构的钱不写成"
        "发给个人的钱；写到的金额须是本项发给本人的补助标准或本项原文中的金额。有任务的项目必填，本年无任务的项目不填",
    )
    keywords: list[Annotated[str, Field(min_length=1, pattern=r"^\S+$")]] = Field(
        default_factory=list, title="搜索关键词",
        description="居民可能用来搜索本项、而项目名称中没有的词（如“适老化改造”）；网站搜索把含这些词的查询排在本项前面",
    )
    continues: Continued | None = Field(
        default=None, title="延续的项目",
        description="本项延续以前年度的哪一项（同一件事列入新年度的清单），写明该年度和项目编号；网站在两项的页面上互相链接。"
        "只在通知或办公室确认是同一件事时填写",
    )
    places: list[str] = Field(
        default_factory=list, title="实施地点",
        description="本项在哪些乡镇或村、社区实施（data/places.yaml 中的乡镇名称，如 汤口镇，或其下列出的村、社区，如 山岔村）；"
        "不填即全区实施或通知没有写明",
    )
    no_task: bool = Field(default=False, title="本年无任务")
    no_task_text: str | None = Field(default=None, title="无任务原文")
    indicators: list[Indicator] = Field(default_factory=list, title="目标指标")
    policy_parameters: list[PolicyParameter] = Field(default_factory=list, title="政策标准")
    measures: list[str] = Field(default_factory=list, title="推进措施", description="逐字照录，按原文顺序，不含序号")
    data_notes: list[DataNote] = Field(default_factory=list, title="数据说明")
    review: Review

    @property
    def city(self) -> bool:
        """A 市级 item (the city's, listed in the district's notice)."""
        return self.level == "city"

    @property
    def listed_title(self) -> str:
        """The title as every list gives it: for a city-level item (numbered like one of the district's), with
        （市级）, so that no two items are listed alike; the downloads' title column too."""
        return f"{self.title}{'（市级）' if self.city else ''}"

    @property
    def numbered(self) -> str:
        """The item as every list, title and script names it: its number and its listed title: one item, one
        number."""
        return f"（{self.number}）{self.listed_title}"

    def reviews(self) -> list[tuple[tuple, str]]:
        """Every review line of the item and of its indicators and standards, with its path in the file."""
        found = [(("review", index), text) for index, text in enumerate(self.review)]
        for group in ("indicators", "policy_parameters"):
            for position, record in enumerate(getattr(self, group)):
                found += [((group, position, "review", index), text) for index, text in enumerate(record.review)]
        return found
