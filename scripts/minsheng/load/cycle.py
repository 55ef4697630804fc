"""Load the yearly cycle's files: data/<year>/cycle/*.csv (proposals, candidates, adjustments, oversight,
ratings), as the office saves them from Excel. Each cell is read here (whole numbers, amounts, dates, the
allowed words), refused cells named by file, row and column; how rows fit the plan and the rules is for
validate/cycle.py."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from ..model.cycle import (ADJUSTMENTS, CYCLE_FILES, ELECTED, OUTCOMES, OVERSIGHT_KINDS, SOURCES, CycleRow,
                           CycleTable)
from ..problems import Problem, relative
from .csv_file import read_csv
from .numbers import parse_number
from .progress import _restore_zeros, _zero_padded

WHOLE = {"count", "for", "against", "abstain", "satisfied", "fair", "unsatisfied"}
OPTIONS = {("proposals", "source"): SOURCES, ("proposals", "outcome"): OUTCOMES, ("candidates", "elected"): ELECTED,
           ("adjustments", "kind"): ADJUSTMENTS, ("oversight", "kind"): OVERSIGHT_KINDS}
REQUIRED = {"proposals": {"category"}, "candidates": {"candidate", "title"},
            "adjustments": {"item", "content", "decision", "date"}, "oversight": {"date", "content"},
            "ratings": {"item"}}
DATES = {"date", "announced", "responded"}
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def load_cycle(year_folder: Path, root: Path, item_ids: set[str]) -> tuple[dict[str, CycleTable], list[Problem]]:
    """Each cycle file the year has, by its stem; a file of another name in cycle/ is named as a problem."""
    folder = year_folder / "cycle"
    tables: dict[str, CycleTable] = {}
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        shown_as = relative(path, root)
        if path.suffix != ".csv" or path.stem not in CYCLE_FILES:
            problems.append(Problem("file-name", shown_as, "cycle/ 文件夹里只放各环节的 CSV 文件", value=path.name,
                                    expected="、".join(f"{stem}.csv" for stem in CYCLE_FILES)))
            continue
        columns = CYCLE_FILES[path.stem]
        headers = {c.name: c.header for c in columns}
        table, found = read_csv(path, shown_as, list(headers.values()))
        problems += found
        if table is None:
            continue
        problems += _restore_zeros(table, shown_as, headers["item"], _zero_padded(item_ids)) if "item" in headers else []
        loaded = CycleTable(shown_as, path.stem, {c.name: table.column(c.header) for c in columns})
        for row, cells in table.rows:
            values = {}
            for column in columns:
                value, problem = _cell(path.stem, column.name, cells[column.header].strip())
                if problem:
                    problems.append(Problem(problem[0], shown_as, problem[1], line=row, column=loaded.columns[column.name],
                                            field=column.header, value=cells[column.header], expected=problem[2]))
                values[column.name] = value
            loaded.rows.append(CycleRow(row, values))
        tables[path.stem] = loaded
    return tables, problems


def _cell(stem: str, name: str, text: str) -> tuple[object, tuple[str, str, str] | None]:
    """The cell's value, and (code, message, expected) when it is refused."""
    if not text:
        if name in REQUIRED[stem] or name in WHOLE:
            return None, ("missing-row", "这一格不能空着", "填写内容" if name not in WHOLE else "整数，没有就填 0")
        return None if name in DATES or name == "investment" else "", None
    if (stem, name) in OPTIONS:
        options = OPTIONS[stem, name]
        return (text, None) if text in options else (None, ("not-an-option", "不在规定的选项中", "、".join(options)))
    if name in WHOLE or name == "investment":
        parsed = parse_number(text, ("票", "件") if name in WHOLE else ("万元",))
        if parsed.error:
            return None, ("number", parsed.error, "不带其他文字的非负数")
        if name in WHOLE and parsed.value != int(parsed.value):
            return None, ("whole-number", "票数和件数不能有小数", "整数")
        return (int(parsed.value) if name in WHOLE else parsed.value), None
    if name in DATES:
        match = _DATE.match(unicodedata.normalize("NFKC", text))
        try:
            return dt.date(*map(int, match.groups())), None
        except (AttributeError, ValueError):
            return None, ("wrong-format", "日期的写法不对", "如 2024-07-31（Excel 里把单元格设为文本）")
    return text, None
