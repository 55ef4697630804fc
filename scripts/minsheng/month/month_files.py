"""Write one month's pair of CSV files (progress and funds)."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from ..excel_csv import write_csv
from ..formats import number
from ..load.csv_file import decode
from ..load.numbers import ASCII_PLAIN
from ..load.data_folder import Year
from ..model import FUND_COLUMNS, PROGRESS_COLUMNS, MonthReport

CsvRow = dict[str, object]  # cells by column name; missing names are empty


def month_paths(year_folder: Path, month: str) -> tuple[Path, Path]:
    return year_folder / "progress" / f"{month}.csv", year_folder / "funds" / f"{month}.csv"


def month_digest(year_folder: Path, month: str) -> str | None:
    """The state of the month's files, for a workbook to say what it was made from; None when there are none."""
    paths = month_paths(year_folder, month)
    if not all(path.is_file() for path in paths):
        return None
    digest = hashlib.sha256()
    for path in paths:
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_rows(path: Path, columns: tuple, rows: list[CsvRow]) -> None:
    write_csv(path, [c.header for c in columns], [[format_cell(row.get(c.name)) for c in columns] for row in rows])


def write_month(year_folder: Path, month: str, progress: list[CsvRow], funds: list[CsvRow]) -> tuple[Path, Path]:
    progress_path, funds_path = month_paths(year_folder, month)
    write_rows(progress_path, PROGRESS_COLUMNS, progress)
    write_rows(funds_path, FUND_COLUMNS, funds)
    return progress_path, funds_path


def format_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return number(value)
    return str(value)


def template_rows(year: Year, previous: MonthReport | None) -> tuple[list[CsvRow], list[CsvRow]]:
    """Every row of a month, with the cumulative figures of `previous` filled in.

    Notes, corrections and 未报送 marks belong to one month and start empty.
    """
    progress: list[CsvRow] = []
    funds: list[CsvRow] = []
    for item in sorted(year.items, key=lambda i: i.id):
        progress.append({"item": item.id, "item_title": item.title,
                         "note": item.no_task_text if item.no_task else None})
        for indicator in item.indicators:
            earlier = previous.indicators.get((item.id, indicator.id)) if previous else None
            progress.append({
                "item": item.id, "item_title": item.title, "indicator": indicator.id,
                "indicator_name": indicator.name, "unit": indicator.unit, "target": indicator.target,
                "value": earlier.value if earlier else None,
            })
        for key, earlier in previous.funds.items() if previous else []:
            if key[0] == item.id:
                funds.append({"item": item.id, "item_title": item.title, "source": earlier.source,
                              "planned": earlier.planned, "in_place": earlier.in_place, "disbursed": earlier.disbursed})
    return progress, funds


NUMBER_COLUMNS = ("target", "value", "planned", "in_place", "disbursed")


def read_month(year_folder: Path, month: str) -> tuple[list[CsvRow], list[CsvRow]]:
    """The month's rows as its files hold them, numbers as numbers: for a workbook to correct it with."""
    result = []
    for path, columns in zip(month_paths(year_folder, month), (PROGRESS_COLUMNS, FUND_COLUMNS)):
        text, _ = decode(path.read_bytes(), path.name)
        by_header = {c.header: c.name for c in columns}
        rows = [{by_header[header]: _typed(by_header[header], cell) for header, cell in cells.items() if header in by_header}
                for cells in csv.DictReader(io.StringIO(text or ""))]
        result.append(rows)
    return result[0], result[1]


def _typed(name: str, cell: str) -> object:
    if name in NUMBER_COLUMNS and ASCII_PLAIN.fullmatch(cell):
        return float(cell)
    return cell or None
