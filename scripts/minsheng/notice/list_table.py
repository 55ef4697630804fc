"""The list as an office keeps it: a workbook (.xlsx) or a CSV file with headed columns (序号, 项目名称,
主要内容, 牵头单位, 配合单位, 完成时限 …), or the deputies' vote (the elected candidates of cycle/candidates.csv), turned into text that notice_text.py reads as a table: the rows
above the header (a title, a date) one a line, then the header and each row with a tab between the cells.

That text becomes the year's notice.txt, against which every quoted phrase is checked; the file as the office
gave it is kept beside it. Cells are written as Excel shows them: a whole number without ".0", a date as
2025-12-31, a percent-formatted 0.9 as 90%; a line break inside a cell is dropped (Chinese text wraps without
spaces) and a tab becomes a space.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from .layouts import column_role
from ..errors import EntryError

WORKBOOK = (".xlsx", ".xlsm")


def is_table(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK + (".csv", ".xls", ".et")


def workbook_text(path: Path) -> str:
    """The text of the first sheet of `path` that has a header row with lead units and names or contents."""
    if path.suffix.lower() in (".xls", ".et"):
        raise EntryError(f"{path.name} 是旧版 Excel（.xls）或 WPS 表格文件：在 Excel 或 WPS 中打开，“另存为” Excel 工作簿"
                         "（.xlsx），再用这个 .xlsx 文件")
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise EntryError(f"{path.name} 无法作为 Excel 工作簿打开（{type(exc).__name__}）：请在 Excel 或 WPS 中打开它，"
                         "“另存为” Excel 工作簿（.xlsx）后再试") from None
    try:
        seen = []
        for sheet in book.worksheets:
            rows = [[_cell(cell) for cell in row] for row in sheet.iter_rows()]
            text = _text(rows)
            if text is not None:
                return text
            seen.append(sheet.title)
    finally:
        book.close()
    raise EntryError(_no_header(path.name, "、".join(f"“{name}”" for name in seen)))


def csv_text(text: str, shown_as: str) -> str:
    """The text of a CSV file's rows (already decoded)."""
    rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    found = _text(rows)
    if found is None:
        raise EntryError(_no_header(shown_as, ""))
    return found


# The deputies' vote (data/<year>/cycle/candidates.csv, or its 票决 sheet): a list of candidates, of which the elected are
# the year's list. Its own columns (the ballot's id, the votes, the result) are not the list's.
ELECTED, VOTE_COLUMNS = "是否当选", ("候选编号", "项目编号", "总投资（万元）", "赞成", "反对", "弃权", "是否当选")


def _elected(rows: list[list[str]]) -> list[list[str]]:
    """The rows of a vote's file that were elected, under a header without the vote's own columns, numbered as a
    list; any other table as it is."""
    for index, row in enumerate(rows):
        if ELECTED in row:
            keep = [i for i, cell in enumerate(row) if cell not in VOTE_COLUMNS]
            chosen = [r for r in rows[index + 1:] if len(r) > row.index(ELECTED) and r[row.index(ELECTED)] == "当选"]
            return [["序号", *(row[i] for i in keep)],
                    *([str(number), *(r[i] for i in keep)] for number, r in enumerate(chosen, start=1))]
    return rows


def _text(rows: list[list[str]]) -> str | None:
    rows = _elected(rows)
    for index, row in enumerate(rows):
        roles = [column_role(cell) for cell in row]
        if "lead" in roles and ("title" in roles or "content" in roles) and sum(r is not None for r in roles) >= 3:
            width = max(i for i, cell in enumerate(row) if cell) + 1
            lines = ["".join(cell for cell in above if cell) for above in rows[:index]]
            lines = [line for line in lines if line]
            lines += ["", "\t".join(row[:width])]
            for below in rows[index + 1:]:
                cells = (below + [""] * width)[:width]
                if any(cells):
                    filled = [cell for cell in cells if cell]
                    lines.append(filled[0] if len(filled) == 1 and len(below) and below[0] else "\t".join(cells))
            return "\n".join(lines) + "\n"
    return None


def _cell(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        if "%" in (getattr(cell, "number_format", "") or ""):
            return f"{value * 100:g}%"
        return str(int(value)) if value == int(value) else f"{value:g}"
    return re.sub(r"[\r\n]+", "", str(value)).replace("\t", " ").strip()


def _no_header(name: str, sheets: str) -> str:
    return (f"{name}{'（工作表 ' + sheets + '）' if sheets else ''}中没有找到表头：需要一行写有“牵头单位”（或“责任单位”“牵头部门”），"
            "以及“项目名称”或“主要内容”等列名，如“序号、项目名称、主要内容、牵头单位、配合单位、完成时限”。"
            "请在表格的第一行（或标题下一行）写上这些列名")


def vote_rows(path: Path, decoded: str | None = None) -> list[dict[str, str]] | None:
    """Every candidate of a vote's file (CSV, `decoded`; or the first sheet of a workbook with a 是否当选 column), each
    by its column's header, elected or not; None for a list that is no vote."""
    if path.suffix.lower() == ".csv":
        tables = [[[cell.strip() for cell in row] for row in csv.reader(io.StringIO(decoded or ""))]]
    else:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            tables = [[[_cell(cell) for cell in row] for row in sheet.iter_rows()] for sheet in book.worksheets]
        finally:
            book.close()
    for rows in tables:
        for index, row in enumerate(rows):
            if ELECTED in row:
                return [dict(zip(row, below + [""] * (len(row) - len(below)))) for below in rows[index + 1:] if any(below)]
    return None
