"""Checks of the 问题销号 ledger: known items and units, dates in order, closed problems say how."""

from __future__ import annotations

from collections import Counter

from ..load.data_folder import DataFolder, Year
from ..problems import Problem


def check_ledger(plan: DataFolder, year: Year) -> list[Problem]:
    if not year.ledger:
        return []
    source = year.ledger_source
    items = {item.id for item in year.items}
    units = {unit.id for unit in plan.units.units} if plan.units else set()
    counts = Counter(entry.id for entry in year.ledger.entries)
    problems: list[Problem] = []
    for index, entry in enumerate(year.ledger.entries):
        def add(code: str, message: str, field: str, value: object, expected: str, index: int = index) -> None:
            problems.append(source.problem(code, message, ("problems", index, field), value=value, expected=expected))

        if counts[entry.id] > 1:
            add("duplicate-id", "问题编号重复", "id", entry.id, "每个问题的编号唯一")
        if not entry.id.startswith(f"{year.year}-"):
            add("year-mismatch", "问题编号的年度与文件夹不一致", "id", entry.id, f"以 {year.year}- 开头")
        if entry.item not in items and entry.item not in year.unreadable_items:
            add("unknown-reference", "计划中没有这个项目", "item", entry.item, "本年度计划中的项目编号")
        if units and entry.unit not in units:
            add("unknown-reference", "责任单位不在单位表中", "unit", entry.unit, "data/units.yaml 中的单位编号之一")
        if entry.due < entry.found:
            add("date-order", "整改期限早于发现日期", "due", str(entry.due), f"不早于 {entry.found}")
        if entry.closed is not None and entry.closed < entry.found:
            add("date-order", "销号日期早于发现日期", "closed", str(entry.closed), f"不早于 {entry.found}")
        if entry.closed is not None and not entry.resolution:
            add("missing-field", "已销号的问题须写明销号情况", "resolution", None, "如何整改、何时通过验收")
        if entry.closed is None and entry.resolution:
            add("ledger-incomplete", "写了销号情况但没有销号日期", "closed", None, "销号日期，或删去销号情况")
        if year.notice and entry.found < year.notice.published:
            add("date-order", "发现日期早于通知发布日期", "found", str(entry.found), f"不早于 {year.notice.published}")
    return problems

