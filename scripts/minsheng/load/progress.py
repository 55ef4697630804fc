"""Load the monthly reports: data/<year>/progress/<month>.csv and data/<year>/funds/<month>.csv.

Cells are parsed here (numbers normalised, refused cells reported with row and column); whether a
row makes sense against the plan and the other months is for validate.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import (
    FUND_COLUMNS,
    FUND_HEADERS,
    NOT_REPORTED,
    UNCHANGED,
    PROGRESS_COLUMNS,
    PROGRESS_HEADERS,
    FundReport,
    IndicatorReport,
    ItemReport,
    MonthReport,
)
from ..problems import Problem, relative
from .csv_file import CsvTable, read_csv
from .numbers import parse_number

MONTH_FILE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])\.csv$")


def load_months(year_folder: Path, root: Path, item_ids: set[str] = frozenset()) -> tuple[list[MonthReport], list[Problem]]:
    """Every month reported in `year_folder`, in order. An item id that lost its leading zero (Excel turns
    a CSV's 01 into 1 when it saves the file) is read as the plan's id in `item_ids`, with a notice."""
    problems: list[Problem] = []
    files: dict[str, dict[str, Path]] = {}
    for kind in ("progress", "funds"):
        folder = year_folder / kind
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            match = MONTH_FILE.match(path.name)
            if not match:
                problems.append(Problem("month", relative(path, root), "文件名不是“年-月.csv”", value=path.name,
                                        expected="如 2024-07.csv"))
                continue
            files.setdefault(path.stem, {})[kind] = path
    months = []
    for month, paths in sorted(files.items()):
        for kind, other in (("progress", "funds"), ("funds", "progress")):
            if kind not in paths:
                problems.append(Problem("month", relative(paths[other], root), f"有{_NAMES[other]}文件，缺少同月的{_NAMES[kind]}文件",
                                        value=month, expected=f"{year_folder.name}/{kind}/{month}.csv"))
        if len(paths) == 2:
            report, found = _load_month(month, paths["progress"], paths["funds"], root, _zero_padded(item_ids))
            problems += found
            months.append(report)
    return months, problems


_NAMES = {"progress": "进展", "funds": "资金"}


def _zero_padded(item_ids: set[str]) -> dict[str, str]:
    """The plan's ids that begin with 0, by the number Excel would make of them: "1" → "01"."""
    return {item.lstrip("0"): item for item in item_ids if item.startswith("0") and item.strip("0")}


def _load_month(month: str, progress_path: Path, funds_path: Path, root: Path,
                padded: dict[str, str]) -> tuple[MonthReport, list[Problem]]:
    report = MonthReport(month, relative(progress_path, root), relative(funds_path, root))
    problems: list[Problem] = []
    for path, shown_as, columns, headers, rows, positions in (
            (progress_path, report.progress_file, PROGRESS_COLUMNS, PROGRESS_HEADERS, _progress_rows, "progress_columns"),
            (funds_path, report.funds_file, FUND_COLUMNS, FUND_HEADERS, _fund_rows, "funds_columns")):
        table, found = read_csv(path, shown_as, [c.header for c in columns])
        problems += found
        if table:
            setattr(report, positions, _positions(table, columns))
            problems += _restore_zeros(table, shown_as, headers["item"], padded)
            problems += rows(table, report)
    return report, problems


def _restore_zeros(table: CsvTable, shown_as: str, header: str, padded: dict[str, str]) -> list[Problem]:
    """Item ids such as 1 for 01, read as the plan's ids; one notice for the file, naming the cause and the fix."""
    restored = []
    for row, cells in table.rows:
        item = cells[header].strip()
        if item in padded:
            cells[header] = padded[item]
            restored.append((row, item))
    if not restored:
        return []
    row, item = restored[0]
    return [Problem("lost-zero", shown_as, f"有 {len(restored)} 行的项目编号丢了开头的 0（如“{item}”），已按计划读作"
                    f"“{padded[item]}”；用 Excel 打开 CSV 再保存就会这样", line=row, column=table.column(header),
                    field=header, value=item, expected="项目编号带开头的 0（如 01）：在 Excel 中把这一列设为“文本”后改回，"
                    "或改用 minsheng new-month --xlsx 的工作簿填写再 minsheng import", severity="notice")]


def _positions(table: CsvTable, columns: tuple) -> dict[str, int]:
    return {c.name: table.column(c.header) for c in columns}


class _Cells:
    """Read the cells of one row, collecting problems named by row, column and header."""

    def __init__(self, table: CsvTable, shown_as: str, row: int, cells: dict[str, str], headers: dict[str, str]) -> None:
        self.table, self.shown_as, self.row, self.cells, self.headers = table, shown_as, row, cells, headers
        self.problems: list[Problem] = []

    def text(self, name: str) -> str:
        return self.cells[self.headers[name]].strip()

    def number(self, name: str, suffixes: tuple[str, ...]) -> tuple[float | None, bool, bool]:
        """The cell's value, whether it ended in "%", and whether its text was refused."""
        header = self.headers[name]
        raw = self.cells[header]
        parsed = parse_number(raw, suffixes)
        if parsed.error or parsed.changes:
            where = dict(line=self.row, column=self.table.column(header), field=header, value=raw)
        if parsed.error:
            self.problems.append(Problem("number", self.shown_as, parsed.error, expected="不带其他文字的非负数", **where))
        elif parsed.changes:
            self.problems.append(Problem("number", self.shown_as, f"已自动处理：{'，'.join(parsed.changes)}",
                                         expected=f"读作 {parsed.value:g}", severity="notice", **where))
        return parsed.value, any(change == "去掉单位“%”" for change in parsed.changes), parsed.error is not None

    def duplicate(self, what: str, first: int) -> None:
        self.problems.append(Problem("duplicate-row", self.shown_as, f"{what}在本月已有一行（第{first}行）",
                                     line=self.row, expected="每个项目、指标或资金来源每月只填一行"))


def _progress_rows(table: CsvTable, report: MonthReport) -> list[Problem]:
    problems = []
    for row, cells in table.rows:
        read = _Cells(table, report.progress_file, row, cells, PROGRESS_HEADERS)
        item, indicator = read.text("item"), read.text("indicator")
        if not indicator:
            status = read.text("status")
            if status not in ("", NOT_REPORTED, UNCHANGED):
                read.problems.append(Problem("not-an-option", report.progress_file, f"报送状态只能留空或填“{NOT_REPORTED}”“{UNCHANGED}”",
                                             line=row, column=table.column(PROGRESS_HEADERS["status"]),
                                             field=PROGRESS_HEADERS["status"], value=status,
                                             expected=f"留空（已报送）、“{NOT_REPORTED}”或“{UNCHANGED}”"))
            if item in report.items:
                read.duplicate(f"项目 {item}", report.items[item].row)
            else:
                report.items[item] = ItemReport(item, read.text("note"), read.text("correction"),
                                                status != NOT_REPORTED, row, status == UNCHANGED)
        else:
            value, percent, refused = read.number("value", ("%",))
            if (item, indicator) in report.indicators:
                read.duplicate(f"项目 {item} 的指标 {indicator}", report.indicators[item, indicator].row)
            else:
                report.indicators[item, indicator] = IndicatorReport(item, indicator, value, percent, read.text("note"),
                                                                     read.text("correction"), row, refused)
        problems += read.problems
    return problems


def _fund_rows(table: CsvTable, report: MonthReport) -> list[Problem]:
    problems = []
    for row, cells in table.rows:
        read = _Cells(table, report.funds_file, row, cells, FUND_HEADERS)
        item, source = read.text("item"), read.text("source")
        cells = {name: read.number(name, ("万元",)) for name in ("planned", "in_place", "disbursed")}
        amounts = {name: value for name, (value, _, _) in cells.items()}
        refused = tuple(name for name, (_, _, bad) in cells.items() if bad)
        if (item, source) in report.funds:
            read.duplicate(f"项目 {item} 的{source}资金", report.funds[item, source].row)
        else:
            report.funds[item, source] = FundReport(item, source, note=read.text("note"), correction=read.text("correction"),
                                                    row=row, refused=refused, **amounts)
        problems += read.problems
    return problems
