"""The Excel side of the monthly report: a workbook to fill in, and reading a filled-in one back.

The workbook has two sheets, 进展 and 资金, with the same columns as the CSV files, and a 说明 sheet
that names its month (also in the file's properties), so that it cannot be imported as another month, and
the digest of the month's files it was made from. Two very hidden sheets keep the rows as they were written:
what the office changed is what differs from them, so that a workbook made before another clerk's import
changes only its own cells (month/merge.py).

Reading it back turns each cell into the text the office saw in Excel or WPS, exactly as a CSV would
hold it: a percent-formatted cell is the percentage shown (0.625 shown as 62.5% is "62.5%"), a number
in an id column is the id shown (1 formatted as 00 is "01"), a date in a text column is the date
shown. The numbers are then parsed and checked by the same code as the CSV files, so Excel and CSV
input are held to one standard. Each row keeps its place in the sheet, for messages.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ..formats import number
from ..model import FUND_COLUMNS, PROGRESS_COLUMNS
from ..problems import Problem
from .file_kind import not_a_workbook
from .month_files import CsvRow

SHEETS = {"进展": PROGRESS_COLUMNS, "资金": FUND_COLUMNS}
BASE = {title: f"基准·{title}" for title in SHEETS}  # very hidden: the rows as written, to tell what was changed
ABOUT = "说明"  # the sheet that names the workbook's month and the state of the month it was made from
MONTH_MARK = "minsheng-month:"  # in the file's keywords, for a reader that does not look at sheets
ID_COLUMNS = ("item", "indicator", "source")  # kept as text: Excel would make 01 into 1
TEXT_COLUMNS = ("item_title", "indicator_name", "unit", "note", "correction", "status",
                "date", "announced", "responded", "deadline")  # the yearly cycle's dates: read as shown
READ_ONLY_FILL = PatternFill("solid", fgColor="EEEEEE")


def write_workbook(path: Path, month: str, progress: list[CsvRow], funds: list[CsvRow], digest: str | None = None) -> None:
    """The month's workbook; `digest`: of the month's files as they are now (month_files.month_digest), which
    the rows are."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for (title, columns), rows in zip(SHEETS.items(), (progress, funds)):
        _write_sheet(workbook.create_sheet(title), columns, rows)
    about = workbook.create_sheet(ABOUT)
    about.append(["月份", month])
    about.append(["说明", f"本工作簿是 {month} 的月报，只能导入为 {month}。"
                          "请只改“进展”“资金”两个工作表中白色的格子；灰色的列只供参考，不会读回。"])
    about.append(["基准", digest or ""])
    about.append(["", "“基准”记着取表格时这个月的数据，用来在别人也改过这个月时只写入您改的格子。不要改动。"])
    about.column_dimensions["B"].width = 80
    about["B2"].alignment = Alignment(wrap_text=True)
    for (title, columns), rows in zip(SHEETS.items(), (progress, funds)):
        base = workbook.create_sheet(BASE[title])
        _write_sheet(base, columns, rows)
        base.sheet_state = "veryHidden"
    workbook.properties.title = f"民生实事月报 {month}"
    workbook.properties.keywords = f"{MONTH_MARK}{month}"
    workbook.save(path)


def _write_sheet(sheet, columns: tuple, rows: list[CsvRow]) -> None:
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


@dataclass
class Sheet:
    """A sheet's rows as text cells by column name, with the Excel row of each and the column of each name."""

    rows: list[CsvRow] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)


@dataclass
class FilledWorkbook:
    month: str | None  # the month it was made for, when it says
    sheets: dict[str, Sheet]
    base: dict[str, Sheet] | None = None  # the rows as written, when the workbook keeps them
    digest: str | None = None  # of the month's files it was made from, when it says


def read_workbook(path: Path, shown_as: str) -> tuple[FilledWorkbook | None, list[Problem]]:
    """The workbook's sheets, or None and the problems that stop it."""
    refused = not_a_workbook(path, shown_as)
    if refused:
        return None, [refused]
    try:
        workbook = load_workbook(path, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        return None, [Problem("not-a-workbook", shown_as, "无法作为 Excel 工作簿打开，文件可能已损坏",
                              expected="在 Excel 或 WPS 中打开后“另存为” Excel 工作簿（.xlsx）再交回")]
    problems: list[Problem] = []
    for extra in [name for name in workbook.sheetnames if name not in SHEETS and name != ABOUT and name not in BASE.values()]:
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
    base = {title: _read_sheet(workbook[BASE[title]], BASE[title], SHEETS[title])[0]
            for title in SHEETS if BASE[title] in workbook.sheetnames}
    kept = base if len(base) == len(SHEETS) and all(base.values()) else None
    return FilledWorkbook(_month(workbook), sheets, kept, _about(workbook, "基准")), problems


def workbook_month(path: Path) -> str | None:
    """The month a workbook was made for, when it is a workbook that says; None otherwise (never raises)."""
    try:
        if not_a_workbook(path, path.name):
            return None
        workbook = load_workbook(path, read_only=True)
        try:
            return _month(workbook)
        finally:
            workbook.close()
    except Exception:  # noqa: BLE001 - a damaged file: import_month names what is wrong with it
        return None


def _about(workbook, label: str) -> str | None:
    """The value beside `label` in the 说明 sheet."""
    if ABOUT not in workbook.sheetnames:
        return None
    for row in workbook[ABOUT].iter_rows(max_col=2, values_only=True):
        if row and row[0] == label:
            return str(row[1] or "").strip() or None
    return None


def _month(workbook) -> str | None:
    month = _about(workbook, "月份")
    if month:
        return month
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
    hidden = []
    for cells in values[1:]:
        line = cells[0].row
        texts = {}
        for position, cell in enumerate(cells[: len(header)], start=1):
            name = names[header[position - 1]]
            text, problem = _cell_text(cell, name, shown_as, line, position, header[position - 1])
            if problem:
                problems.append(problem)
            texts[name] = text
        for cell in cells[len(header):]:  # what was typed outside the headed columns would be lost: refused
            if cell.value is not None and str(cell.value).strip():
                problems.append(Problem("not-read-back", shown_as, "表头以外的格子有内容，不会读回", line=line,
                                        column=cell.column, value=_plain(cell.value),
                                        expected="把内容移到有表头的列（说明写在“进展情况”或“更正说明”），再清空这个格子"))
        if not any(texts.values()):
            continue
        if sheet.row_dimensions[line].hidden:
            hidden.append(line)
        result.rows.append(texts)
        result.lines.append(line)
    if hidden:  # one notice for all: a filter hides many rows at once
        problems.append(Problem("csv-structure", shown_as, f"有 {len(hidden)} 行在 Excel 中被隐藏或筛选掉了"
                                f"（如第 {hidden[0]} 行），已照常导入", line=hidden[0],
                                expected="确认隐藏的行也要报送；要看到全部的行，取消筛选", severity="notice"))
    return result, problems


def _cell_text(cell, name: str, shown_as: str, row: int, column: int, header: str) -> tuple[str, Problem | None]:
    """The cell as the office saw it, or a problem where that cannot be a monthly report's value."""
    value, shape = cell.value, cell.number_format or "General"
    where = dict(line=row, column=column, field=header)
    if value is None:
        return "", None
    if cell.data_type == "f":  # a formula; text that only begins with = (typed into a text cell) is text
        return "", Problem("number", shown_as, "单元格是公式，请复制后“粘贴为数值”", value=str(value),
                           expected="数值或文字", **where)
    if isinstance(value, str):
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
    percent = "%" in shape.split(";")[0]
    shown, scale = (Decimal(repr(value)).scaleb(2), "%") if percent else (value, "")  # 0.625 formatted 0.0% is 62.5%
    places = _decimals(shape)
    if places is not None and abs(shown) < EXACT:  # what the format shows: its decimals, rounded as Excel rounds
        displayed = Decimal(repr(shown) if isinstance(shown, float) else shown).quantize(Decimal(1).scaleb(-places),
                                                                                        ROUND_HALF_UP)
        text = number(float(displayed))
        if displayed != Decimal(repr(shown) if isinstance(shown, float) else shown):
            stored = number(float(shown))
            return text + scale, Problem("number", shown_as, f"格子里存的是 {stored}{scale}，显示为 {text}{scale}，"
                                         f"按显示的 {text}{scale} 读取", value=f"{stored}{scale}",
                                         expected="核对显示的数就是要报送的数；要报更精确的数，把格式改为显示足够的小数位",
                                         severity="notice", **where)
        return text + scale, None
    text = _excel_digits(float(shown))
    if isinstance(value, float) and abs(shown) < EXACT and float(text) != float(shown):
        return text + scale, Problem("number", shown_as, f"数值的小数超过6位，已按6位小数读作 {text}{scale}",
                                     value=repr(float(shown)), expected="小数不超过6位", severity="notice", **where)
    return text + scale, None


def _decimals(shape: str) -> int | None:
    """How many decimals a number format shows (0.0% → 1, #,##0 → 0), or None for General and text formats,
    where Excel shows what fits."""
    first = re.sub(r'"[^"]*"|\\.|\[[^]]*\]|[_*].', "", shape.split(";")[0])  # quoted text, escapes, colours, padding
    if not re.search(r"[0#?]", first) or re.search(r"[eE][+-]", first):
        return None
    fraction = re.search(r"\.([0#?]+)", first)
    return len(fraction.group(1)) if fraction else 0


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
