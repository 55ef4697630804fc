"""The Excel side of the monthly report: a workbook to fill in, and reading a filled-in one back.

The workbook has two sheets, 进展 and 资金, with the same columns as the CSV files, and a 说明 sheet
that names its month (also in the file's properties), so that it cannot be imported as another month.

Reading it back turns each cell into the text the office saw in Excel or WPS, exactly as a CSV would
hold it: a percent-formatted cell is the percentage shown (0.625 shown as 62.5% is "62.5%"), a number
in an id column is the id shown (1 formatted as 00 is "01"), a date in a text column is the date
shown. The numbers are then parsed and checked by the same code as the CSV files, so Excel and CSV
input are held to one standard. Each row keeps its place in the sheet, for messages.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ..formats import number
from ..model import FUND_COLUMNS, PROGRESS_COLUMNS
from ..problems import Problem
from .month_files import Row

SHEETS = {"进展": PROGRESS_COLUMNS, "资金": FUND_COLUMNS}
ABOUT = "说明"  # the sheet that names the workbook's month
MONTH_MARK = "minsheng-month:"  # in the file's keywords, for a reader that does not look at sheets
ID_COLUMNS = ("item", "indicator", "source")  # kept as text: Excel would make 01 into 1
TEXT_COLUMNS = ("item_title", "indicator_name", "unit", "note", "correction", "status")
READ_ONLY_FILL = PatternFill("solid", fgColor="EEEEEE")


def write_workbook(path: Path, month: str, progress: list[Row], funds: list[Row]) -> None:
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
            for cell in sheet[letter][1:]:
                if column.name in ID_COLUMNS or column.name in TEXT_COLUMNS:
                    cell.number_format = "@"  # text: what is typed stays as typed
                if column.read_only:
                    cell.fill = READ_ONLY_FILL
        sheet.freeze_panes = "A2"
    about = workbook.create_sheet(ABOUT)
    about.append(["月份", month])
    about.append(["说明", f"本工作簿是 {month} 的月报，只能导入为 {month}（minsheng import 本文件 --month {month}）。"
                          "请只改“进展”“资金”两个工作表中白色的格子；灰色的列只供参考，不会读回。"])
    about.column_dimensions["B"].width = 80
    about["B2"].alignment = Alignment(wrap_text=True)
    workbook.properties.title = f"民生实事月报 {month}"
    workbook.properties.keywords = f"{MONTH_MARK}{month}"
    workbook.save(path)


@dataclass
class Sheet:
    """A sheet's rows as text cells by column name, with the Excel row of each and the column of each name."""

    rows: list[Row] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)


@dataclass
class FilledWorkbook:
    month: str | None  # the month it was made for, when it says
    sheets: dict[str, Sheet]


def read_workbook(path: Path, shown_as: str) -> tuple[FilledWorkbook | None, list[Problem]]:
    """The workbook's sheets, or None and the problems that stop it."""
    refused = _not_a_workbook(path, shown_as)
    if refused:
        return None, [refused]
    try:
        workbook = load_workbook(path, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        return None, [Problem("csv-structure", shown_as, "无法作为 Excel 工作簿打开，文件可能已损坏",
                              expected="在 Excel 或 WPS 中打开后“另存为” Excel 工作簿（.xlsx）再导入")]
    problems: list[Problem] = []
    for extra in [name for name in workbook.sheetnames if name not in SHEETS and name != ABOUT]:
        problems.append(Problem("csv-structure", shown_as, f"工作表“{extra}”不是规定的工作表，未导入",
                                value=extra, expected="、".join(SHEETS), severity="notice"))
    sheets: dict[str, Sheet] = {}
    for title, columns in SHEETS.items():
        if title not in workbook.sheetnames:
            problems.append(Problem("csv-structure", shown_as, f"缺少工作表“{title}”", expected="、".join(SHEETS)))
            continue
        sheet, found = _read_sheet(workbook[title], f"{shown_as} 工作表“{title}”", columns)
        problems += found
        if sheet is not None:
            sheets[title] = sheet
    if len(sheets) < len(SHEETS):
        return None, problems
    return FilledWorkbook(_month(workbook), sheets), problems


def workbook_month(path: Path) -> str | None:
    """The month a workbook was made for, when it is a workbook that says; None otherwise (never raises)."""
    try:
        if _not_a_workbook(path, path.name):
            return None
        workbook = load_workbook(path, read_only=True)
        try:
            return _month(workbook)
        finally:
            workbook.close()
    except Exception:  # noqa: BLE001 - a damaged file: import_month names what is wrong with it
        return None


def _not_a_workbook(path: Path, shown_as: str) -> Problem | None:
    """A file the office may hand in by mistake, named for what it is."""
    head = path.read_bytes()[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return Problem("csv-structure", shown_as, "这是旧版 Excel 文件（.xls）",
                       expected="在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再导入")
    if path.suffix.lower() == ".csv" or (not zipfile.is_zipfile(path) and b"," in path.read_bytes()[:4096]):
        return Problem("csv-structure", shown_as, "这是 CSV 文件，不需要导入",
                       expected="把它放进 data/年度/progress/ 或 funds/，命名为 月份.csv（如 2024-08.csv），"
                                "再运行 minsheng validate；GBK 编码的 CSV 也能读")
    if not zipfile.is_zipfile(path):
        return Problem("csv-structure", shown_as, "不是 Excel 工作簿", expected="Excel 工作簿（.xlsx）")
    return None


def _month(workbook) -> str | None:
    if ABOUT in workbook.sheetnames and workbook[ABOUT]["A1"].value == "月份":
        return str(workbook[ABOUT]["B1"].value or "").strip() or None
    keywords = workbook.properties.keywords or ""
    return keywords.split(MONTH_MARK, 1)[1].split()[0] if MONTH_MARK in keywords else None


def _read_sheet(sheet, shown_as: str, columns: tuple) -> tuple[Sheet | None, list[Problem]]:
    problems = []
    for merged in sheet.merged_cells.ranges:
        problems.append(Problem("csv-structure", shown_as, f"有合并单元格 {merged.coord}", line=merged.min_row,
                                column=merged.min_col, expected="取消合并，每个单元格各填各的值"))
    if problems:
        return None, problems
    values = list(sheet.iter_rows(values_only=False))
    if not values:
        return None, [Problem("csv-structure", shown_as, "工作表是空的", expected="第1行为表头")]
    header = [_plain(cell.value).strip() for cell in values[0]]
    while header and not header[-1]:
        header.pop()
    wanted = [c.header for c in columns]
    if sorted(header) != sorted(wanted):
        extra = [h or f"第{i}列（无标题）" for i, h in enumerate(header, start=1) if h not in wanted]
        missing = [h for h in wanted if h not in header]
        said = "；".join(part for part in (f"多了：{'、'.join(extra)}" if extra else "",
                                          f"缺少：{'、'.join(missing)}" if missing else "") if part)
        return None, [Problem("csv-structure", shown_as, f"表头与规定的列不一致（{said or '有重复的列'}）", line=1,
                              value="，".join(header), expected=f"恰好这些列：{'，'.join(wanted)}")]
    names = {c.header: c.name for c in columns}
    result = Sheet(columns={names[h]: position for position, h in enumerate(header, start=1)})
    for cells in values[1:]:
        line = cells[0].row
        texts = {}
        for position, cell in enumerate(cells[: len(header)], start=1):
            name = names[header[position - 1]]
            text, problem = _cell_text(cell, name, shown_as, line, position, header[position - 1])
            if problem:
                problems.append(problem)
            texts[name] = text
        if not any(texts.values()):
            continue
        if sheet.row_dimensions[line].hidden:
            problems.append(Problem("csv-structure", shown_as, "这一行在 Excel 中是隐藏的，已照常导入", line=line,
                                    expected="确认隐藏行的数据也要报送", severity="notice"))
        result.rows.append(texts)
        result.lines.append(line)
    return result, problems


def _cell_text(cell, name: str, shown_as: str, row: int, column: int, header: str) -> tuple[str, Problem | None]:
    """The cell as the office saw it, or a problem where that cannot be a monthly report's value."""
    value, shape = cell.value, cell.number_format or "General"
    where = dict(line=row, column=column, field=header)
    if value is None:
        return "", None
    if isinstance(value, str):
        if value.startswith("="):
            return "", Problem("number", shown_as, "单元格是公式，请复制后“粘贴为数值”", value=value,
                               expected="数值或文字", **where)
        return value, None
    if isinstance(value, bool):
        return "", Problem("wrong-type", shown_as, "单元格是逻辑值", value=value, expected="数值或文字", **where)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        if name in TEXT_COLUMNS:
            return _date_shown(value, shape), None
        return "", Problem("wrong-type", shown_as, "单元格是日期格式", value=_date_shown(value, shape),
                           expected="把单元格格式设为“常规”后重新填写数字", **where)
    if name in ID_COLUMNS:
        return _id_shown(value, shape), None
    shown, scale = (value * 100, "%") if "%" in shape else (value, "")  # 0.625 formatted 0.0% is 62.5%
    text = _excel_digits(shown)
    if isinstance(value, float) and abs(shown) < EXACT and float(text) != shown:
        return text + scale, Problem("number", shown_as, f"数值的小数超过6位，已按6位小数读作 {text}{scale}",
                                     value=repr(shown), expected="小数不超过6位", severity="notice", **where)
    return text + scale, None


EXACT = 1e15  # Excel keeps 15 significant digits: a longer number (an ID number typed in) ends in zeros


def _excel_digits(value: float) -> str:
    """A number as Excel holds it: past 15 significant digits the rest are zeros, as Excel shows them."""
    if abs(value) >= EXACT:
        return f"{Decimal(f'{value:.15g}'):f}"
    return number(value)


def _id_shown(value: float, shape: str) -> str:
    """An id typed as a number, as Excel shows it: with its format's leading zeros (00 → 01)."""
    text = _excel_digits(value)
    digits = re.fullmatch(r"0+", shape)
    return text.zfill(len(digits.group())) if digits and text.isdigit() else text


def _date_shown(value: dt.date | dt.datetime | dt.time, shape: str) -> str:
    """A date as Excel and WPS show it in the common Chinese formats; otherwise as 2024-07-31."""
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    shape = shape.lower().replace("\\", "").replace('"', "")
    if "年" in shape or "月" in shape:
        parts = [f"{value.year}年" if "y" in shape else "", f"{value.month}月" if "m" in shape else "",
                 f"{value.day}日" if "d" in shape else ""]
        return "".join(parts)
    if "/" in shape:
        return f"{value.year}/{value.month}/{value.day}"
    return f"{value:%Y-%m-%d}"


def _plain(value: object) -> str:
    return "" if value is None else number(value) if isinstance(value, float) else str(value)
