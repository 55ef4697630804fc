"""Checks of the monthly reports against the plan and against the months before them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..load.data_folder import Year
from ..model import (FUND_FIGURES, FUND_HEADERS, FUND_SOURCES, NOT_REPORTED, PROGRESS_HEADERS, UNCHANGED, WHOLE_UNITS,
                     FundReport, Indicator, Item, MonthReport)
from ..months import first_day, month_of, next_month
from ..problems import Problem

FAR_ABOVE = 3  # a value above this many times its target needs an explanation
FRACTION = 10  # a rate of 1 or less, below a tenth of last month's, was probably typed as a fraction (0.8 for 80)


def check_months(year: Year) -> list[Problem]:
    problems = _check_calendar(year)
    indicators = {(item.id, i.id): i for item in year.items for i in item.indicators}
    active = {item.id: item for item in year.items if not item.no_task}
    previous: MonthReport | None = None
    for month in year.months:
        problems += _check_rows(month, year, indicators, active)
        if previous:
            problems += _check_against(previous, month, indicators)
            problems += _check_confirmed(previous, month, active)
        previous = month
    return problems


def _check_calendar(year: Year) -> list[Problem]:
    problems = []
    start = year.notice.published.replace(day=1) if year.notice else dt.date(year.year, 1, 1)
    expected = None
    for month in year.months:
        if first_day(month.month).year != year.year:
            problems.append(Problem("month", month.progress_file, "月份不在本计划年度内", value=month.month,
                                    expected=f"{year.year}年的月份"))
        elif first_day(month.month) < start:
            problems.append(Problem("month", month.progress_file, "月份早于通知发布的月份", value=month.month,
                                    expected=f"{month_of(start)} 及以后"))
        if expected and month.month != expected:
            problems.append(Problem("month", month.progress_file, f"与上一个报告月份之间缺了月份（应先有 {expected}）",
                                    value=month.month, expected="月份连续，不跳月"))
        expected = next_month(month.month)
    return problems


def _check_rows(month: MonthReport, year: Year, indicators: dict, active: dict) -> list[Problem]:
    problems: list[Problem] = []
    progress, funds = month.progress_file, month.funds_file

    known_items = {item.id for item in year.items}
    # an item whose own file was refused: that file's errors say why, and its rows are not called unknown
    unread = year.unreadable_items
    for item_id, report in month.items.items():
        if item_id not in known_items and item_id not in unread:
            problems.append(Problem("unknown-reference", progress, "计划中没有这个项目",
                                    value=item_id, expected=_known_item(item_id),
                                    **_cell(month.progress_columns, PROGRESS_HEADERS, report.row, "item")))
    for item_id in active:
        if item_id not in month.items:
            problems.append(Problem("missing-row", progress, f"缺少项目 {item_id}（{active[item_id].title}）的一行",
                                    expected=f"每个项目一行（指标编号留空）；未报送时在报送状态填“{NOT_REPORTED}”"))
    for (item_id, indicator_id), report in month.indicators.items():
        where = _cell(month.progress_columns, PROGRESS_HEADERS, report.row, "value")
        plan = indicators.get((item_id, indicator_id))
        if plan is None and item_id in unread:
            continue
        if plan is None:
            problems.append(Problem(
                "unknown-reference", progress, f"项目 {item_id} 没有这个指标" if item_id in known_items else "计划中没有这个项目",
                value=indicator_id if item_id in known_items else item_id,
                expected="计划中该项目的指标编号", **_cell(month.progress_columns, PROGRESS_HEADERS, report.row, "indicator")))
            continue
        reported = month.items.get(item_id)
        if report.value is None:
            if not report.refused and (reported is None or reported.reported):
                problems.append(Problem("missing-row", progress, "缺少数值", expected=f"截至月底的{_what(plan)}", **where))
            continue
        if report.percent_sign and plan.unit != "%":
            problems.append(Problem("number", progress, f"这个指标的单位是“{plan.unit}”，不是百分比",
                                    value=f"{report.value:g}%", expected=f"以{plan.unit}计的数", **where))
        if plan.unit in WHOLE_UNITS and report.value != int(report.value):
            problems.append(Problem("whole-number", progress, f"以“{plan.unit}”计的数不能有小数", value=report.value,
                                    expected="整数", **where))
        if plan.unit == "%" and report.value > 100:
            problems.append(Problem("percent-range", progress, "比率超过100%", value=report.value,
                                    expected="0 到 100 之间的数", **where))
        elif plan.target and report.value > FAR_ABOVE * plan.target and not (report.note or report.correction):
            problems.append(Problem("far-above-target", progress, f"数值超过年度目标 {plan.target:g} 的{FAR_ABOVE}倍，请核实",
                                    value=report.value, expected="核实后在本行的进展情况或更正说明中写明原因",
                                    severity="warning", **where))
    for (item_id, indicator_id), plan in indicators.items():
        reported = month.items.get(item_id)
        if (item_id, indicator_id) not in month.indicators and item_id in active and (reported is None or reported.reported):
            problems.append(Problem("missing-row", progress, f"缺少项目 {item_id} 的指标 {indicator_id}（{plan.name}）的一行",
                                    expected=f"每个指标一行；整个项目未报送时在项目行填“{NOT_REPORTED}”"))
    for (item_id, source), report in month.funds.items():
        if item_id not in known_items and item_id not in unread:
            problems.append(Problem("unknown-reference", funds, "计划中没有这个项目", value=item_id,
                                    expected=_known_item(item_id), **_cell(month.funds_columns, FUND_HEADERS, report.row, "item")))
        if source not in FUND_SOURCES:
            problems.append(Problem("not-an-option", funds, "资金来源不在规定的选项中", value=source,
                                    expected="、".join(FUND_SOURCES), **_cell(month.funds_columns, FUND_HEADERS, report.row, "source")))
        reported = month.items.get(item_id)
        for name in ("planned", "in_place", "disbursed"):
            if getattr(report, name) is None and name not in report.refused and (reported is None or reported.reported):
                problems.append(Problem("missing-row", funds, "缺少金额", expected="万元金额，没有就填 0",
                                        **_cell(month.funds_columns, FUND_HEADERS, report.row, name)))
        if report.in_place is not None and report.disbursed is not None and report.disbursed > report.in_place:
            problems.append(Problem("funds-order", funds, f"累计拨付超过累计到位（{report.in_place:g}万元）",
                                    value=report.disbursed, expected=f"不超过 {report.in_place:g}",
                                    **_cell(month.funds_columns, FUND_HEADERS, report.row, "disbursed")))
    return problems


def _known_item(item_id: str) -> str:
    if not item_id or re.search("合计|总计|小计", item_id):
        return "删去这一行：月报每行是一个项目、指标或资金来源，合计由网站计算"
    return "计划中的项目编号（01–50、c01）"


def _check_against(before: MonthReport, month: MonthReport, indicators: dict[tuple[str, str], Indicator]) -> list[Problem]:
    """Cumulative figures may not fall from one month to the next unless a correction note says why."""
    problems: list[Problem] = []
    for key, report in month.indicators.items():
        plan, earlier = indicators.get(key), before.indicators.get(key)
        if plan is None or earlier is None or None in (earlier.value, report.value):
            continue
        if plan.unit == "%" and report.value <= 1 and report.value * FRACTION < earlier.value and not report.correction:
            problems.append(Problem("percent-scale", month.progress_file,
                                    f"比上月（{before.month}：{earlier.value:g}%）小得多，像是把百分数写成了小数",
                                    **_cell(month.progress_columns, PROGRESS_HEADERS, report.row, "value"), value=report.value,
                                    expected=f"按百分数填写（如 {report.value * 100:g}）；确实下降了，在更正说明中写明原因"))
            continue
        if plan.kind != "count":
            continue
        if report.value < earlier.value and not report.correction:
            problems.append(Problem("decrease", month.progress_file,
                                    f"累计数比上月（{before.month}：{earlier.value:g}）小，但没有更正说明",
                                    **_cell(month.progress_columns, PROGRESS_HEADERS, report.row, "value"),
                                    value=report.value, expected="不小于上月的累计数，或在更正说明中写明原因"))
    for key, earlier in before.funds.items():
        report = month.funds.get(key)
        reported = month.items.get(key[0])
        if report is None:
            if reported is None or reported.reported:
                problems.append(Problem("missing-row", month.funds_file,
                                        f"上月有项目 {key[0]} 的{key[1]}资金，本月缺少这一行",
                                        expected="保留这一行，填截至本月底的累计数"))
            continue
        problems += _fund_decrease(earlier, report, before.month, month)
    return problems


def _check_confirmed(before: MonthReport, month: MonthReport, active: dict[str, Item]) -> list[Problem]:
    """A reported item whose figures and amounts are all as the month before, with no word of progress, is either
    unfilled or unchanged: the office says which (报送状态 无变化), or the row is refused. An item marked 无变化
    whose figures did change is refused too. A month in which every reported item is unfilled is one problem."""
    unfilled, problems = [], []
    for item_id, item in active.items():
        row = month.items.get(item_id)
        if row is None or not row.reported:
            continue
        same = _same_as(before, month, item_id)
        where = _cell(month.progress_columns, PROGRESS_HEADERS, row.row, "status")
        if row.unchanged and not same:
            problems.append(Problem("changed-but-unchanged", month.progress_file, f"报送状态是“{UNCHANGED}”，但项目 {item_id} 的数字或金额与上月不同",
                                    value=UNCHANGED, expected=f"有变化就清空报送状态；没有变化就改回{before.month}的数", **where))
        elif same and not row.unchanged and not _written(month, item_id):
            unfilled.append(Problem("unconfirmed", month.progress_file,
                                    f"项目 {item_id}（{item.title}）与上月（{before.month}）相比没有任何变化，也没有写进展情况",
                                    value="", expected=f"有变化就填写；确实没有变化，报送状态填“{UNCHANGED}”；没有报送填“{NOT_REPORTED}”",
                                    **where))
    reported = sum(1 for item_id in active if month.items.get(item_id) and month.items[item_id].reported)
    if unfilled and len(unfilled) == reported and reported > 1:
        return problems + [Problem("unfilled", month.progress_file,
                                   f"这个月还没有填写：{reported} 个项目的数字、金额都与上月（{before.month}）相同，也没有写进展情况",
                                   expected=f"填写本月的数字和进展情况；确实没有变化的项目，报送状态填“{UNCHANGED}”")]
    return problems + unfilled


@dataclass(frozen=True)
class Reporting:
    """How the items of a month were reported: each kind counted (items with no task this year are left out)."""

    reported: int  # with figures or words of their own this month
    unchanged: int  # reported as 无变化
    not_reported: int  # 未报送
    unconfirmed: int  # as the month before, with nothing said: not yet filled in

    def __str__(self) -> str:
        parts = [f"已报送 {self.reported + self.unchanged} 项（其中无变化 {self.unchanged} 项）", f"未报送 {self.not_reported} 项"]
        if self.unconfirmed:
            parts.append(f"还没有填写或确认 {self.unconfirmed} 项")
        return "，".join(parts)


def reporting(year: Year, month: str) -> Reporting:
    """The month's items by how they were reported, compared with the month before."""
    months = [m.month for m in year.months]
    report = year.months[months.index(month)]
    before = year.months[months.index(month) - 1] if months.index(month) else None
    counts = {"reported": 0, "unchanged": 0, "not_reported": 0, "unconfirmed": 0}
    for item in year.items:
        row = report.items.get(item.id)
        if item.no_task or row is None:
            continue
        if not row.reported:
            counts["not_reported"] += 1
        elif row.unchanged:
            counts["unchanged"] += 1
        elif before and _same_as(before, report, item.id) and not _written(report, item.id):
            counts["unconfirmed"] += 1
        else:
            counts["reported"] += 1
    return Reporting(**counts)


def _same_as(before: MonthReport, month: MonthReport, item_id: str) -> bool:
    """Every figure and amount of the item is as the month before (rows added or removed are changes)."""
    now = {k: r.value for k, r in month.indicators_of(item_id).items()}
    then = {k: r.value for k, r in before.indicators_of(item_id).items()}
    money_now = {(r.source, name): getattr(r, name) for r in month.funds_of(item_id) for name in FUND_FIGURES}
    money_then = {(r.source, name): getattr(r, name) for r in before.funds_of(item_id) for name in FUND_FIGURES}
    return now == then and money_now == money_then


def _written(month: MonthReport, item_id: str) -> bool:
    """Anything in words for the item this month: its progress note, an indicator's or a fund row's note or correction."""
    row = month.items[item_id]
    rows = [*month.indicators_of(item_id).values(), *month.funds_of(item_id)]
    return bool(row.note or row.correction or any(r.note or r.correction for r in rows))


def _fund_decrease(earlier: FundReport, report: FundReport, before: str, month: MonthReport) -> list[Problem]:
    problems = []
    for name in ("in_place", "disbursed"):
        old, new = getattr(earlier, name), getattr(report, name)
        if old is not None and new is not None and new < old and not report.correction:
            problems.append(Problem("decrease", month.funds_file,
                                    f"累计数比上月（{before}：{old:g}万元）小，但没有更正说明",
                                    **_cell(month.funds_columns, FUND_HEADERS, report.row, name),
                                    value=new, expected="不小于上月的累计数，或在更正说明中写明原因"))
    return problems


def _cell(columns: dict[str, int], headers: dict[str, str], row: int, name: str) -> dict:
    """Position of the cell in column `name` of `row`, for a Problem."""
    return {"line": row, "column": columns.get(name), "field": headers[name]}


def _what(indicator: Indicator) -> str:
    return "累计数" if indicator.kind == "count" else "达到的水平"
