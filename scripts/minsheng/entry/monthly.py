"""The office's two ways to produce a month: `new-month` (a pre-filled file) and `import` (from Excel)."""

from __future__ import annotations

import re
from pathlib import Path

from ..load.plan import Plan
from ..months import next_month, previous_month
from ..problems import Problem, relative
from .excel import read_workbook, write_workbook
from .month_files import month_paths, template_rows, write_month

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class EntryError(Exception):
    """A request the tool refuses, with its reason in Chinese."""


def new_month(plan: Plan, month: str, xlsx: Path | None = None, force: bool = False) -> list[Path]:
    """Write `month`'s files with every row, pre-filled from the month before."""
    year = year_of(plan, month)
    reported = {m.month: m for m in year.months}
    if reported and month not in reported and month != next_month(max(reported)):
        raise EntryError(f"最新的月份是 {max(reported)}，新月份应为 {next_month(max(reported))}，不能跳月")
    _refuse_overwrite(plan, year.folder, month, force)
    previous = reported.get(previous_month(month))
    progress, funds = template_rows(year, previous)
    written = list(write_month(year.folder, month, progress, funds))
    if xlsx:
        write_workbook(xlsx, progress, funds)
        written.append(xlsx)
    return written


def import_month(plan: Plan, workbook: Path, month: str, force: bool = False) -> tuple[list[Path], list[Problem]]:
    """Turn a filled-in workbook into `month`'s CSV files. Nothing is written when it cannot be read."""
    year = year_of(plan, month)
    sheets, problems = read_workbook(workbook, workbook.name)
    if sheets is None or any(p.severity == "error" for p in problems):
        return [], problems
    _refuse_overwrite(plan, year.folder, month, force)
    return list(write_month(year.folder, month, sheets["进展"], sheets["资金"])), problems


def year_of(plan: Plan, month: str):
    match = MONTH.match(month)
    if not match:
        raise EntryError(f"月份“{month}”的格式不对，应为 年-月，如 2024-08")
    year = plan.years.get(int(match.group(1)))
    if year is None or not year.items:
        raise EntryError(f"data/ 中没有 {match.group(1)} 年度的计划，请先建立 data/{match.group(1)}/")
    return year


def _refuse_overwrite(plan: Plan, folder: Path, month: str, force: bool) -> None:
    existing = [p for p in month_paths(folder, month) if p.exists()]
    if existing and not force:
        names = "、".join(relative(p, plan.root) for p in existing)
        raise EntryError(f"{names} 已存在，不会覆盖；如确要覆盖，请加 --force")

