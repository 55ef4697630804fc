"""The office's ways to produce a month: `new-month` (a pre-filled file), `export` (a published month's own
workbook, to correct it) and `import` (from Excel).

`import` is all or nothing: the workbook's rows are checked for personal numbers in memory, then
written into a copy of the data folder and validated there; only a month with no new error is written
into data/, so a refused workbook leaves data/ byte for byte as it was and no personal number is ever
written to disk. Its problems name the workbook's sheet, row and column as Excel shows them.

A workbook knows the state of the month it was made from (month/merge.py): when another clerk's import
changed the month since, only this workbook's own cells are written, and a cell both changed is refused.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import tempfile
from pathlib import Path

from ..errors import EntryError
from ..load.data_folder import DataFolder
from ..model import FUND_HEADERS, PROGRESS_HEADERS
from ..formats import chinese_month
from ..months import next_month, previous_month
from ..problems import Problem, Report, relative
from ..validate import validate_data
from ..validate.privacy import personal_numbers
from .excel import SHEETS, FilledWorkbook, read_workbook, write_workbook
from .merge import Merged, merge
from .month_files import month_digest, month_paths, read_month, template_rows, write_month

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
FREE_TEXT = ("note", "correction")  # what the office writes in words: where a personal number could be
# Errors a month may be written with, to be resolved before it is published: a correction to record (publish), and
# items not yet filled in (another clerk's workbook for the same month may bring them)
LATER = ("correction-pending", "unconfirmed")


def new_month(plan: DataFolder, month: str, xlsx: Path | None = None, force: bool = False) -> list[Path]:
    """Write `month`'s files with every row, pre-filled from the month before. A published month is never
    written over, with or without `force`: it is corrected through its own workbook (`export`)."""
    year = year_of(plan, month)
    reported = {m.month: m for m in year.months}
    if month in _released(year):
        raise EntryError(f"{month} 已经发布，不能重新生成（已有的数字和进展情况会被上月的覆盖）。要更正这个月，请用"
                         f" minsheng export {month} --xlsx {month}.xlsx 取得这个月自己的工作簿，改好并在“更正说明”中写明原因，"
                         f"再 minsheng import {month}.xlsx --month {month} --force")
    if reported and month not in reported and month != next_month(max(reported)):
        raise EntryError(f"最新的月份是 {max(reported)}，新月份应为 {next_month(max(reported))}，不能跳月")
    _refuse_overwrite(plan, year.folder, month, force)
    previous = reported.get(previous_month(month))
    progress, funds = template_rows(year, previous)
    written = list(write_month(year.folder, month, progress, funds))
    if xlsx:
        write_workbook(xlsx, month, progress, funds, month_digest(year.folder, month))
        written.append(xlsx)
    return written


def export_month(plan: DataFolder, month: str, xlsx: Path) -> list[Path]:
    """`month`'s own workbook, as its files hold it now, notes and all: to correct it and import it again."""
    year = year_of(plan, month)
    if not all(path.is_file() for path in month_paths(year.folder, month)):
        raise EntryError(f"没有 {month} 的月报文件，无法导出")
    progress, funds = read_month(year.folder, month)
    write_workbook(xlsx, month, progress, funds, month_digest(year.folder, month))
    return [xlsx]


def import_month(plan: DataFolder, checked: Report, workbook: Path, month: str,
                 force: bool = False) -> tuple[list[Path], list[Problem], tuple[DataFolder, Report] | None]:
    """Turn a filled-in workbook into `month`'s CSV files, or write nothing and say why. `checked` is the
    data folder's report as it is; returned: what was written, the workbook's problems, and the data folder's
    plan and report as they are after. A workbook that keeps its rows writes over the month's files without
    `force` (only its own changes are written); one made by hand needs `force` to replace existing files."""
    year = year_of(plan, month)
    shown_as = workbook.name
    filled, problems = read_workbook(workbook, shown_as)
    if filled is None or _errors(problems):
        return [], problems, None
    if filled.month and filled.month != month:
        return [], problems + [Problem("month", shown_as, f"这是 {_named(filled.month)} 的表格，不能导入为 {_named(month)}",
                                       value=filled.month, expected=f"用 {_named(month)} 的表格；要导入这份表格，月份写 {filled.month}")], None
    if not filled.month:
        problems.append(Problem("month", shown_as, f"工作簿没有注明月份，按 {month} 导入", value=month,
                                expected=f"确认这是 {month} 的月报", severity="notice"))
    problems += _restore_zeros(filled, shown_as, {item.id for item in year.items})
    problems += _personal_numbers(filled, shown_as)
    if _errors(problems):
        return [], problems, None
    if filled.base is None:
        _refuse_overwrite(plan, year.folder, month, force)
    stale = filled.digest is not None and month_digest(year.folder, month) not in (None, filled.digest)
    current = dict(zip(SHEETS, read_month(year.folder, month))) if stale else None
    merged = merge(filled, shown_as, current)
    problems += merged.problems
    if _errors(problems):
        return [], problems, None
    progress, funds = merged.rows["进展"], merged.rows["资金"]
    after, report = _with_month(plan, year.folder.name, month, progress, funds)
    files = dict(zip(SHEETS, (relative(path, plan.root) for path in month_paths(year.folder, month))))
    before = {str(p) for p in checked.errors}
    blocking = [p for p in report.errors if p.code not in LATER  # disclosed by the next publish, or filled by the next import
                and (p.file in files.values() or str(p) not in before)]
    if blocking:
        return [], problems + [_in_workbook(p, merged, shown_as, files, filled) for p in blocking], None
    return list(write_month(year.folder, month, progress, funds)), problems, (after, report)


def _named(month: str) -> str:
    return chinese_month(month) if MONTH.match(month) else month


def year_of(plan: DataFolder, month: str):
    match = MONTH.match(month)
    if not match:
        raise EntryError(f"月份“{month}”的格式不对，应为 年-月，如 2024-08")
    year = plan.years.get(int(match.group(1)))
    if year is None or not year.items:
        raise EntryError(f"还没有 {match.group(1)} 年度的民生实事清单，不能填报 {chinese_month(month)} 的月报。"
                         f"请联系网站的维护人员，请他们先建立 {match.group(1)} 年度的清单")
    if plan.is_draft(year):
        raise EntryError(f"{year.year} 年度的计划还是草稿（minsheng new-year 生成，还有待核对的事项）：请先逐条核对并删去"
                         f"各文件中的 review 条目（minsheng validate 列出它们），再填报月报")
    return year


def _released(year) -> set[str]:
    return {r.month for r in year.releases.releases} if year.releases else set()


def _errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def _refuse_overwrite(plan: DataFolder, folder: Path, month: str, force: bool) -> None:
    existing = [p for p in month_paths(folder, month) if p.exists()]
    if existing and not force:
        names = "、".join(relative(p, plan.root) for p in existing)
        raise EntryError(f"{names} 已存在，不会覆盖；如确要覆盖，请加 --force")


def _restore_zeros(filled: FilledWorkbook, shown_as: str, item_ids: set[str]) -> list[Problem]:
    """Item ids typed as numbers (1 for 01) read as the plan's ids, with one notice per sheet."""
    padded = {item.lstrip("0"): item for item in item_ids if item.startswith("0") and item.strip("0")}
    problems = []
    for title, sheet in filled.sheets.items():
        restored = [line for row, line in zip(sheet.rows, sheet.lines) if row.get("item") in padded]
        if restored:
            first = next(row["item"] for row in sheet.rows if row.get("item") in padded)
            problems.append(Problem("lost-zero", f"{shown_as} 工作表“{title}”",
                                    f"有 {len(restored)} 行的项目编号是数字（如 {first}），已按计划读作 {padded[first]}",
                                    line=restored[0], column=sheet.columns["item"], field=PROGRESS_HEADERS["item"],
                                    value=first, expected="项目编号按文本填写，带开头的 0", severity="notice"))
            for row in sheet.rows:
                row["item"] = padded.get(row.get("item"), row.get("item"))
    return problems


def _personal_numbers(filled: FilledWorkbook, shown_as: str) -> list[Problem]:
    """Refused before anything is written anywhere: the message shows the number hidden."""
    problems = []
    for title, sheet in filled.sheets.items():
        headers = PROGRESS_HEADERS if title == "进展" else FUND_HEADERS
        for row, line in zip(sheet.rows, sheet.lines):
            for name in FREE_TEXT:
                for kind, shown in personal_numbers(row.get(name) or ""):
                    problems.append(Problem("privacy", f"{shown_as} 工作表“{title}”", f"含有{kind}，个人信息不得公开",
                                            line=line, column=sheet.columns[name], field=headers[name], value=shown,
                                            expected="删去，或用遮挡形式（如 138****1234）"))
    return problems


def _with_month(plan: DataFolder, year: str, month: str, progress: list, funds: list) -> tuple[DataFolder, Report]:
    """The data folder with the month written in, and its report: checked on a copy, not on data/."""
    root = plan.root.resolve()
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / root.name  # the same name, so that messages name the same files
        shutil.copytree(root, copy)
        write_month(copy / year, month, progress, funds)
        return validate_data(copy)


def _in_workbook(problem: Problem, merged: Merged, shown_as: str, files: dict[str, str], filled: FilledWorkbook) -> Problem:
    """A problem found in the month's CSV file, placed where the office typed it: sheet, row and column.
    `files`: the CSV files' names, by the sheet each was written from. A row the workbook does not have (kept
    from another clerk's import) is named in the CSV file."""
    title = next((title for title, name in files.items() if name == problem.file), None)
    if title is None or problem.line is None or not 2 <= problem.line < len(merged.lines[title]) + 2:
        return problem
    line = merged.lines[title][problem.line - 2]  # the CSV holds the rows in order, after its header on line 1
    if line is None:
        return problem
    column = problem.column
    if column is not None:  # the CSV's columns are in the standard order; the sheet's may not be
        column = filled.sheets[title].columns.get(SHEETS[title][column - 1].name, column)
    return dataclasses.replace(problem, file=f"{shown_as} 工作表“{title}”", line=line, column=column)
