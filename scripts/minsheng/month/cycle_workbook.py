"""The yearly cycle's files from a workbook the office fills in Excel: `minsheng import 年度流程.xlsx --cycle 2025`.

A sheet per step (征集, 票决, 调整, 监督, 测评) with the columns of its CSV file (data/README.md); a workbook may hold
only some of them. Cells are read as Excel showed them (excel.py), personal numbers are refused before anything is
written, and the year is validated on a copy: the files are written only when the cycle then has no error, every
problem named by sheet, row and column. A change to a step already published (`minsheng publish --cycle`) is written
only with its row's 更正说明, and disclosed by the next publish.

`minsheng import --cycle 2025 --template FILE.xlsx` writes the workbook to fill, holding the year's files as they
stand, and, as the monthly workbook does, the rows as it wrote them (very hidden sheets, 基准·征集 …). A sheet left as
it was is not written; when another import changed a step since the template was written, only this workbook's own
changes to it are written, row by row and cell by cell, the other's kept; a cell both changed to different values is
refused with both named.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from openpyxl import Workbook, load_workbook

from ..errors import EntryError
from ..excel_csv import write_csv
from ..load.csv_file import read_csv
from ..load.data_folder import DataFolder
from ..model.cycle import CYCLE_FILES, ROW_KEYS
from ..problems import Problem
from ..validate import validate_data
from ..validate.privacy import personal_numbers
from .excel import Sheet, _read_sheet
from .file_kind import not_a_workbook

SHEETS = {"征集": "proposals", "票决": "candidates", "调整": "adjustments", "监督": "oversight", "测评": "ratings"}
BASE = {title: f"基准·{title}" for title in SHEETS}  # very hidden: the rows as written, to tell what the clerk changed
ASK = "和改动它的人核对应当是哪个值，再取一份新的表格，只改您要改的格子后交回"
CYCLE_MARK = "minsheng-cycle:"  # in the file's keywords: the year the workbook was written for
_NAMED_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def write_cycle_template(plan: DataFolder, year: int, path: Path) -> Path:
    """The workbook to fill: a sheet per step with its headers and the year's rows as they stand."""
    folder = _year_folder(plan, year) / "cycle"
    book = Workbook()
    book.remove(book.active)
    for name, stem in [*SHEETS.items(), *((BASE[title], stem) for title, stem in SHEETS.items())]:
        sheet = book.create_sheet(name)
        sheet.append([c.header for c in CYCLE_FILES[stem]])
        for row in _file_rows(folder, stem):
            sheet.append(row)
        for column in sheet.iter_cols(min_row=1, max_row=sheet.max_row):
            for cell in column:
                cell.number_format = "@"  # text: ids keep their zeros, dates stay as typed
        if name in BASE.values():
            sheet.sheet_state = "veryHidden"
    book.properties.title = f"民生实事年度流程 {year}"
    book.properties.keywords = f"{CYCLE_MARK}{year}"
    book.save(path)
    return path


def cycle_workbook(path: Path) -> tuple[bool, int | None]:
    """(whether `path` is a workbook of the yearly cycle: it has a sheet of a step, 征集 … 测评; the year it is for,
    from its keywords (the template's) or else its file name, 2025年度流程.xlsx). Never raises."""
    try:
        if not_a_workbook(path, path.name):
            return False, None
        book = load_workbook(path, read_only=True)
        try:
            titles, keywords = set(book.sheetnames), book.properties.keywords or ""
        finally:
            book.close()
    except Exception:  # noqa: BLE001 - a damaged file is no workbook of the cycle: the monthly route names what is wrong
        return False, None
    if not titles & set(SHEETS):
        return False, None
    if CYCLE_MARK in keywords:
        return True, int(keywords.split(CYCLE_MARK, 1)[1][:4])
    named = _NAMED_YEAR.search(path.stem)
    return True, int(named.group(1)) if named else None


def import_cycle(plan: DataFolder, workbook: Path, year: int) -> tuple[list[Path], list[Problem], tuple | None]:
    """(the files written, the problems, (the data, its report) after the import); nothing is written on an error."""
    folder = _year_folder(plan, year)
    shown_as = workbook.name
    if refused := not_a_workbook(workbook, shown_as):
        return [], [refused], None
    try:
        book = load_workbook(workbook)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        return [], [Problem("not-a-workbook", shown_as, "无法作为 Excel 工作簿打开，文件可能已损坏",
                            expected="在 Excel 或 WPS 中打开后“另存为” Excel 工作簿（.xlsx）再交回")], None
    problems = [Problem("csv-structure", shown_as, f"工作表“{title}”不是规定的工作表，未导入", value=title,
                        expected="、".join(SHEETS), severity="notice") for title in book.sheetnames
                if title not in SHEETS and title not in BASE.values()]
    sheets: dict[str, tuple[str, Sheet]] = {}
    base: dict[str, list[list[str]]] = {}
    for title, stem in SHEETS.items():
        if title in book.sheetnames:
            sheet, found = _read_sheet(book[title], f"{shown_as} 工作表“{title}”", CYCLE_FILES[stem])
            problems += found
            if sheet is not None:
                sheets[stem] = (title, sheet)
        if BASE[title] in book.sheetnames:
            kept, _ = _read_sheet(book[BASE[title]], BASE[title], CYCLE_FILES[stem])
            if kept is not None:
                base[stem] = _cells(stem, kept.rows)
    if not sheets and not _errors(problems):
        problems.append(Problem("csv-structure", shown_as, "没有任何环节的工作表", expected="、".join(SHEETS)))
    for stem, (title, sheet) in sheets.items():  # refused before anything is written anywhere
        for line, row in zip(sheet.lines, sheet.rows):
            for name, text in row.items():
                for kind, number in personal_numbers(text):
                    problems.append(Problem("privacy", f"{shown_as} 工作表“{title}”", f"含有{kind}，个人信息不得公开",
                                            line=line, column=sheet.columns[name], field=_header(stem, name), value=number,
                                            expected="删去，或用遮挡形式（如 138****1234）"))
    if not _errors(problems) and sheets:
        problems += _merge(sheets, base, folder / "cycle", shown_as)
    if _errors(problems):
        return [], problems, None
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / plan.root.resolve().name
        shutil.copytree(plan.root, copy)
        _write(copy / folder.name / "cycle", sheets)
        after = validate_data(copy)
    ours = f"{folder.parent.resolve().name}/{folder.name}/cycle"
    found = [_in_sheet(p, sheets, shown_as, ours) for p in after[1].problems if p.file.startswith(ours)]
    if _errors([p for p in found if p.code != "correction-pending"]):  # a correction is written, then published
        return [], problems + found, None
    written = _write(folder / "cycle", sheets)
    return written, problems + found, validate_data(plan.root)


def _year_folder(plan: DataFolder, year: int) -> Path:
    if year not in plan.years:
        raise EntryError(f"data/ 中没有 {year} 年度")
    return plan.years[year].folder


def _write(folder: Path, sheets: dict[str, tuple[str, Sheet]]) -> list[Path]:
    written = []
    for stem, (_, sheet) in sheets.items():
        columns = CYCLE_FILES[stem]
        write_csv(folder / f"{stem}.csv", [c.header for c in columns], [[row[c.name] for c in columns] for row in sheet.rows])
        written.append(folder / f"{stem}.csv")
    return written


def _merge(sheets: dict[str, tuple[str, Sheet]], base: dict[str, list[list[str]]], folder: Path, shown_as: str
           ) -> list[Problem]:
    """Each sheet of `sheets` made what to write: dropped when it is as the template wrote it (`base`) or as its file
    already stands; merged into the file as it stands when another import changed the step since the template was
    written. The problems: both changed one cell (or row), or nothing to write at all. A workbook without `base`
    (made by hand) is the step, compared with its file as it stands."""
    problems, others, already = [], [], False
    for stem, (title, sheet) in list(sheets.items()):
        now, mine = _file_rows(folder, stem), _cells(stem, sheet.rows)
        was = base.get(stem, now)
        if mine in (was, now):  # nothing of its own to write
            del sheets[stem]
            already |= mine == now != was
        elif was != now:
            merged, conflicts = _three_way(stem, f"{shown_as} 工作表“{title}”", sheet, was, now)
            sheets[stem], problems = (title, merged), problems + conflicts
            if not conflicts and _cells(stem, merged.rows) == now:  # its changes are in already
                del sheets[stem]
                already = True
        if was != now:
            others.append(title)
    if problems:
        return problems
    if not sheets:
        return [Problem("already-imported", shown_as, "这个表格的改动已经导入过，数据中已经是这样，没有新的改动",
                        expected="不用再交回；要再改，请重新取年度流程的表格")] if already else [
            Problem("unfilled", shown_as, "这个表格还没有填写：各工作表与取表格时完全一样，没有任何改动",
                    expected="在工作表中填写或更正后再交回")]
    if others:
        return [Problem("edit-conflict", shown_as, f"您取表格之后，别人也改过{'、'.join(f'“{t}”' for t in others)}："
                        "只写入了您自己改动的内容，别人的改动都已保留", expected="核对数据变更报告中的每一处改动", severity="notice")]
    return []


def _three_way(stem: str, where: str, sheet: Sheet, was: list[list[str]], now: list[list[str]]) -> tuple[Sheet, list[Problem]]:
    """This sheet's own changes (from `was`, the rows as the template wrote them) made to the step's rows as they
    stand (`now`), row by row by the row's key and cell by cell; the others' changes kept."""
    columns = CYCLE_FILES[stem]
    at = [[c.name for c in columns].index(name) for name in ROW_KEYS[stem]]
    mine = _cells(stem, sheet.rows)
    by_key = [{tuple(row[i].strip() for i in at): row for row in rows} for rows in (was, mine, now)]
    if any(len(keyed) < len(rows) for keyed, rows in zip(by_key, (was, mine, now))):  # two rows of one key
        return sheet, [Problem("edit-conflict", where, "您取表格之后，别人也改过这个环节，而表中有两行无法区分，两份改动不能合在一起",
                               expected="重新取年度流程的表格（别人的改动已在其中），填上您的改动后再交回")]
    before, ours, theirs = by_key
    lines = dict(zip(ours, sheet.lines))
    result, problems = dict(theirs), []
    for key in [*ours, *(key for key in before if key not in ours)]:
        old, new, there = before.get(key), ours.get(key), theirs.get(key)
        if new == old:
            continue
        row = dict(line=lines.get(key))
        if new is None and there not in (None, old):
            problems.append(Problem("edit-conflict", where, f"您删去的一行（{'·'.join(filter(None, key))}）在您取表格之后已被别人改过",
                                    expected=ASK))
        elif new is None:
            result.pop(key, None)
        elif old is None and there not in (None, new):
            problems.append(Problem("edit-conflict", where, "您加的这一行，别人在您取表格之后也加了，内容不同", expected=ASK, **row))
        elif old is not None and there is None:
            problems.append(Problem("edit-conflict", where, "您取表格之后，这一行已被别人删去", expected=ASK, **row))
        else:
            merged = list(there or new)
            for index, (was_cell, mine_cell) in enumerate(zip(old or [""] * len(new), new)):
                if mine_cell == was_cell:
                    continue
                if merged[index] not in (was_cell, mine_cell):
                    problems.append(Problem(
                        "edit-conflict", where, f"您取表格之后，这个格子已被别人改为“{merged[index]}”（取表格时是{f'“{was_cell}”' if was_cell else '空白'}）",
                        value=mine_cell, expected=ASK, column=sheet.columns.get(columns[index].name),
                        field=columns[index].header, **row))
                merged[index] = mine_cell
            result[key] = merged
    names = [c.name for c in columns]
    return replace(sheet, rows=[dict(zip(names, cells)) for cells in result.values()],
                   lines=[lines.get(key) for key in result]), problems


def _cells(stem: str, rows: list) -> list[list[str]]:
    """A sheet's rows as the step's file holds them: a text for each column, empty for a blank."""
    return [[row[c.name] or "" for c in CYCLE_FILES[stem]] for row in rows]


def _file_rows(folder: Path, stem: str) -> list[list[str]]:
    """The step's file as it stands, a list of cells for each row (none when there is no file)."""
    headers = [c.header for c in CYCLE_FILES[stem]]
    path = folder / f"{stem}.csv"
    table, _ = read_csv(path, stem, headers) if path.is_file() else (None, [])
    return [[cells[h] for h in headers] for _, cells in table.rows] if table else []


def _in_sheet(problem: Problem, sheets: dict[str, tuple[str, Sheet]], shown_as: str, ours: str) -> Problem:
    """A problem the copy's cycle file has, named by the workbook's sheet, row and column."""
    stem = problem.file.rsplit("/", 1)[-1].removesuffix(".csv")
    if stem not in sheets:
        return problem
    title, sheet = sheets[stem]
    line = sheet.lines[problem.line - 2] if problem.line and 2 <= problem.line <= len(sheet.lines) + 1 else problem.line
    names = {c.header: c.name for c in CYCLE_FILES[stem]}
    column = sheet.columns.get(names.get(problem.field or "", ""), problem.column)
    return replace(problem, file=f"{shown_as} 工作表“{title}”", line=line, column=column)


def _header(stem: str, name: str) -> str:
    return next(c.header for c in CYCLE_FILES[stem] if c.name == name)


def _errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)

