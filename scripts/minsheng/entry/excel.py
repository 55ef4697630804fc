"""The Excel side of the monthly report: a workbook to fill in, and reading a filled-in one back.

The workbook has two sheets, 进展 and 资金, with the same columns as the CSV files. Reading it back
turns each sheet into rows of text, exactly as a CSV would hold them; the numbers are then parsed and
checked by the same code as the CSV files, so Excel and CSV input are held to one standard.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

from ..model import FUND_COLUMNS, PROGRESS_COLUMNS
from ..problems import Problem
from .month_files import Row, format_cell

SHEETS = {"进展": PROGRESS_COLUMNS, "资金": FUND_COLUMNS}
READ_ONLY_FILL = PatternFill("solid", fgColor="EEEEEE")


def write_workbook(path: Path, progress: list[Row], funds: list[Row]) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for (title, columns), rows in zip(SHEETS.items(), (progress, funds)):
        sheet = workbook.create_sheet(title)
        sheet.append([c.header for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([row.get(c.name) for c in columns])
        for index, column in enumerate(columns, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = max(10, len(column.header) * 2 + 2)
            if column.read_only:
                for cell in sheet[letter][1:]:
                    cell.fill = READ_ONLY_FILL
        sheet.freeze_panes = "A2"
    workbook.save(path)


def read_workbook(path: Path, shown_as: str) -> tuple[dict[str, list[Row]] | None, list[Problem]]:
    """The rows of each sheet as text cells by column name, or None and the problems that stop it."""
    try:
        workbook = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        return None, [Problem("csv-structure", shown_as, f"无法作为 Excel 工作簿打开（{type(exc).__name__}）",
                              expected=".xlsx 格式的工作簿（不是 .xls 或改了扩展名的文件）")]
    problems: list[Problem] = []
    result: dict[str, list[Row]] = {}
    for extra in [name for name in workbook.sheetnames if name not in SHEETS]:
        problems.append(Problem("csv-structure", shown_as, f"工作表“{extra}”不是规定的工作表，未导入",
                                value=extra, expected="、".join(SHEETS), severity="notice"))
    for title, columns in SHEETS.items():
        if title not in workbook.sheetnames:
            problems.append(Problem("csv-structure", shown_as, f"缺少工作表“{title}”", expected="、".join(SHEETS)))
            continue
        rows, found = _read_sheet(workbook[title], f"{shown_as} 工作表“{title}”", columns)
        problems += found
        if rows is not None:
            result[title] = rows
    return (result if len(result) == len(SHEETS) else None), problems


def _read_sheet(sheet, shown_as: str, columns: tuple) -> tuple[list[Row] | None, list[Problem]]:
    problems = []
    for merged in sheet.merged_cells.ranges:
        problems.append(Problem("csv-structure", shown_as, f"有合并单元格 {merged.coord}", line=merged.min_row,
                                column=merged.min_col, expected="取消合并，每个单元格各填各的值"))
    if problems:
        return None, problems
    values = list(sheet.iter_rows(values_only=False))
    if not values:
        return None, [Problem("csv-structure", shown_as, "工作表是空的", expected="第1行为表头")]
    header = [format_cell(cell.value).strip() for cell in values[0]]
    while header and not header[-1]:
        header.pop()
    wanted = [c.header for c in columns]
    if sorted(header) != sorted(wanted):
        return None, [Problem("csv-structure", shown_as, "表头与规定的列不一致", line=1, value="，".join(header),
                              expected=f"恰好这些列：{'，'.join(wanted)}")]
    by_header = {c.header: c.name for c in columns}
    rows: list[Row] = []
    for cells in values[1:]:
        number = cells[0].row
        texts = {}
        for position, cell in enumerate(cells[: len(header)], start=1):
            text, problem = _cell_text(cell, shown_as, number, position, header[position - 1])
            if problem:
                problems.append(problem)
            texts[by_header[header[position - 1]]] = text
        if not any(texts.values()):
            continue
        if sheet.row_dimensions[number].hidden:
            problems.append(Problem("csv-structure", shown_as, "这一行在 Excel 中是隐藏的，已照常导入", line=number,
                                    expected="确认隐藏行的数据也要报送", severity="notice"))
        rows.append(texts)
    return rows, problems


def _cell_text(cell, shown_as: str, row: int, column: int, header: str) -> tuple[str, Problem | None]:
    value = cell.value
    if isinstance(value, str) and value.startswith("="):
        return "", Problem("number", shown_as, "单元格是公式，请复制后“粘贴为数值”", line=row, column=column,
                           field=header, value=value, expected="数值或文字")
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return "", Problem("wrong-type", shown_as, "单元格是日期格式", line=row, column=column, field=header,
                           value=str(value), expected="把单元格格式设为“常规”后重新填写")
    if isinstance(value, bool):
        return "", Problem("wrong-type", shown_as, "单元格是逻辑值", line=row, column=column, field=header,
                           value=value, expected="数值或文字")
    return format_cell(value), None
