"""A workbook's own changes, applied to the month as it stands now.

Two clerks may take the same month's workbook and each correct their own items. Every workbook keeps the
rows it was written with (very hidden sheets) and the digest of the month's files it was made from. What the
clerk changed is what differs from those rows, cell by cell. When the month's files are still as they were,
the workbook is the month; when another clerk's import changed them since, only this clerk's cells are
written on top, the other's kept, and a cell both changed to different values is refused with both values.

Also refused here, because only the kept rows can tell: a workbook handed back exactly as it was sent, and a
change in a grey column (项目名称, 指标名称, 计量单位, 年度目标), which is never read back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..load.numbers import parse_number
from ..model import FUND_COLUMNS, PROGRESS_COLUMNS, UNCHANGED
from ..problems import Problem
from .excel import SHEETS, FilledWorkbook, Sheet
from .month_files import NUMBER_COLUMNS, CsvRow, format_cell

KEYS = {"进展": ("item", "indicator"), "资金": ("item", "source")}
HEADERS = {title: {c.name: c.header for c in columns} for title, columns in SHEETS.items()}
READ_ONLY = {c.name for c in (*PROGRESS_COLUMNS, *FUND_COLUMNS) if c.read_only}
ASK = "和改动它的人核对应当是哪个值：对方的对，把您这个格子改回取表格时的值再交回；您的对，请对方改回"


@dataclass
class Merged:
    """The rows to write, by sheet, with the workbook line of each (None: a row only the month as it stands has)."""

    rows: dict[str, list[CsvRow]] = field(default_factory=dict)
    lines: dict[str, list[int | None]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    changed: int = 0  # cells this workbook changed
    kept: int = 0  # cells changed by someone else since the workbook was made, kept


def merge(filled: FilledWorkbook, shown_as: str, current: dict[str, list[CsvRow]] | None) -> Merged:
    """`filled`'s rows to write. `current`: the month's rows as its files hold them now, when they changed since
    the workbook was made (None: unchanged or no files, so the workbook is the month)."""
    result = Merged()
    if filled.base is None:  # made by hand, or before workbooks kept their rows: the workbook is the month
        for title, sheet in filled.sheets.items():
            result.rows[title], result.lines[title] = sheet.rows, list(sheet.lines)
        return result
    edited: dict[str, set[str]] = {}  # by sheet: the items this workbook changed a cell of
    for title, sheet in filled.sheets.items():
        edited[title] = _merge_sheet(result, title, f"{shown_as} 工作表“{title}”", sheet, filled.base[title],
                                     None if current is None else current[title])
    if current is not None:
        result.problems += _unchanged_against(filled, shown_as, current, edited)
    if not result.changed and not result.problems:
        result.problems.append(Problem("unfilled", shown_as, "这个表格还没有填写：和发给您时完全一样，没有任何改动",
                                       expected="填写本月的数字和进展情况后再交回；确实没有变化的项目，在该项目那一行的"
                                                "“报送状态”填“无变化”"))
    elif current is not None and not result.problems:
        result.problems.append(Problem(
            "edit-conflict", shown_as, f"您取表格之后，别人也改过这个月：只写入了您改动的 {result.changed} 个格子，"
            f"别人改动的 {result.kept} 个格子都已保留", expected="核对数据变更报告中的每一处改动", severity="notice"))
    return result


def _merge_sheet(result: Merged, title: str, where: str, sheet: Sheet, base: Sheet, current: list[CsvRow] | None) -> set[str]:
    """Merge one sheet into `result`; the items whose cells this workbook changed."""
    headers, names = HEADERS[title], [c.name for c in SHEETS[title]]
    filled_rows = {_key(title, row): (row, line) for row, line in zip(sheet.rows, sheet.lines)}
    base_rows = {_key(title, row): row for row in base.rows}
    now = {_key(title, row): dict(row) for row in current} if current is not None else {
        key: dict(row) for key, (row, _) in filled_rows.items()}
    edits: list[tuple[tuple, str, object]] = []
    for key, (row, line) in filled_rows.items():
        before = base_rows.get(key)
        for name in names:
            if _same(name, row.get(name), before.get(name) if before else None):
                continue
            cell = dict(line=line, column=sheet.columns.get(name), field=headers[name])
            if name in READ_ONLY and before is not None:
                result.problems.append(Problem(
                    "not-read-back", where, "灰色的列只供参考，这里的改动不会读回", value=format_cell(row.get(name)),
                    expected=f"改回原样（{format_cell(before.get(name)) or '空'}）"
                             + ("；截至本月底的数填在“截至月底累计”列" if name == "target" else ""), **cell))
                continue
            if name in READ_ONLY:
                continue
            edits.append((key, name, row.get(name)))
            result.changed += 1
            if current is None:
                continue
            there = now.get(key)
            was = before.get(name) if before else None
            if there is None and before is not None:
                result.problems.append(Problem("edit-conflict", where, "您取表格之后，这一行已被别人删去",
                                               value=format_cell(row.get(name)), expected=ASK, **cell))
            elif there is not None and not _same(name, there.get(name), was) and not _same(name, there.get(name), row.get(name)):
                result.problems.append(Problem(
                    "edit-conflict", where, f"您取表格之后，这个格子已被别人改为“{format_cell(there.get(name))}”"
                    f"（取表格时是“{format_cell(was)}”）", value=format_cell(row.get(name)), expected=ASK, **cell))
    removed = [key for key in base_rows if key not in filled_rows]
    result.changed += len(removed)
    if current is not None:
        mine = {(key, name) for key, name, _ in edits}
        result.kept += sum(1 for key, row in now.items() for name in names if name not in READ_ONLY
                           and not _same(name, row.get(name), (base_rows.get(key) or {}).get(name)) and (key, name) not in mine)
        for key in removed:
            if key in now and any(not _same(n, now[key].get(n), base_rows[key].get(n)) for n in names if n not in READ_ONLY):
                result.problems.append(Problem("edit-conflict", where, f"您删去的一行（{'/'.join(filter(None, key))}）"
                                               "在您取表格之后已被别人改过", expected=ASK))
    for key, name, value in edits:
        now.setdefault(key, dict(filled_rows[key][0]))[name] = value
    for key in removed:
        now.pop(key, None)
    result.rows[title] = list(now.values())
    result.lines[title] = [filled_rows[key][1] if key in filled_rows else None for key in now]
    return {key[0] for key, name, _ in edits if name != "status"} | {key[0] for key in removed}


def _unchanged_against(filled: FilledWorkbook, shown_as: str, current: dict[str, list[CsvRow]],
                       edited: dict[str, set[str]]) -> list[Problem]:
    """无变化 said by one clerk of an item the other filled in: two cells apart, but they contradict each other."""
    progress = filled.sheets["进展"]
    was = {title: {_key(title, row): row for row in filled.base[title].rows} for title in SHEETS}
    now = {title: {_key(title, row): row for row in current[title]} for title in SHEETS}
    theirs = {key[0] for title in SHEETS for key, row in now[title].items()  # items another clerk changed since
              if any(not _same(name, row.get(name), (was[title].get(key) or {}).get(name))
                     for name in HEADERS[title] if name not in READ_ONLY and name != "status")}
    base = was["进展"]
    problems = []
    mine = edited["进展"] | edited["资金"]
    for row, line in zip(progress.rows, progress.lines):
        key = _key("进展", row)
        if key[1]:
            continue
        item, said = key[0], format_cell(row.get("status")).strip()
        before = format_cell((base.get(key) or {}).get("status")).strip()
        there = format_cell((now["进展"].get(key) or {}).get("status")).strip()
        where = dict(line=line, column=progress.columns.get("status"), field=HEADERS["进展"]["status"])
        if said == UNCHANGED != before and item in theirs - mine:
            problems.append(Problem("edit-conflict", f"{shown_as} 工作表“进展”", f"您把项目 {item} 标为“{UNCHANGED}”，"
                                    "但您取表格之后，别人已经填写了这个项目", value=said, expected=ASK, **where))
        elif there == UNCHANGED != before and item in mine:
            problems.append(Problem("edit-conflict", f"{shown_as} 工作表“进展”", f"您填写了项目 {item}，但您取表格之后，"
                                    f"别人已把它标为“{UNCHANGED}”", value=there, expected=ASK, **where))
    return problems


def _key(title: str, row: CsvRow) -> tuple[str, str]:
    return tuple(format_cell(row.get(name)).strip() for name in KEYS[title])


def _same(name: str, one: object, other: object) -> bool:
    return _canonical(name, one) == _canonical(name, other)


def _canonical(name: str, value: object) -> object:
    """A cell as a value: a number column's figure (1190, "1,190" and 1190.0 are one), any other text stripped."""
    text = format_cell(value).strip()
    if name in NUMBER_COLUMNS and text:
        parsed = parse_number(text, ("%", "万元"))
        if not parsed.error:
            return parsed.value
    return text


