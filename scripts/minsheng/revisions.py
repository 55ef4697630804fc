"""Revisions: what of a published month, or of a published file of the yearly cycle, differs from what was published.

Each month's files are kept as last published under data/<year>/published/ (by `minsheng publish`).
A published month is protected whole: comparing the current files with them finds every changed
figure, note (进展情况, 资金说明) and item 报送状态, and every row added or removed; `publish` records each
in revisions.yaml with the date of the release that discloses it, and validation refuses a change to a
published month that has not been recorded. The yearly cycle's files are kept and compared the same way
(published/cycle/, `cycle_changes`), cell by cell, their rows named by ROW_KEYS.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import formats
from .model import FUND_FIGURES, NOT_REPORTED, PUBLISHED_FIELDS, Item, MonthReport, Revision
from .model.cycle import ACCRUING, CYCLE_FILES, FILLED_LATER, ROW_KEYS, CycleRow, CycleTable

Value = float | str | bool | None  # a figure, a note's text, or whether the item was reported


@dataclass(frozen=True)
class Change:
    month: str
    file: str  # "progress" or "funds"
    item: str
    key: str  # indicator id, or source of funds; "" for the item's own row
    field: str  # one of the (file, field) of PUBLISHED_FIELDS: a figure, "note" or "reported"
    old: Value  # None: empty, or no such row
    new: Value
    note: str  # the current row's 更正说明
    row: int  # in the current file, for messages (0 when the row was removed)

    @property
    def figure(self) -> bool:
        return self.field not in ("note", "reported")


# What each kind of row of a published month discloses
_ITEM_FIELDS = ("note", "reported")
_INDICATOR_FIELDS = ("value", "note")
_FUND_FIELDS = (*FUND_FIGURES, "note")


def changes(published: MonthReport, current: MonthReport) -> list[Change]:
    """Everything of `published` that `current` shows differently: figures, notes and statuses of rows
    changed, added or removed (an empty note is no note: a row added or removed with none changes no note)."""
    found: list[Change] = []
    _compare(found, current.month, "progress", {(k, ""): r for k, r in published.items.items()},
             {(k, ""): r for k, r in current.items.items()}, _ITEM_FIELDS)
    _compare(found, current.month, "progress", published.indicators, current.indicators, _INDICATOR_FIELDS)
    _compare(found, current.month, "funds", published.funds, current.funds, _FUND_FIELDS)
    return found


def _compare(found: list[Change], month: str, file: str, published: dict, current: dict, fields: tuple) -> None:
    for key in sorted(set(published) | set(current)):
        old, new = published.get(key), current.get(key)
        for name in fields:
            before, after = _value(old, name), _value(new, name)
            if before != after:
                found.append(Change(month, file, key[0], key[1], name, before, after,
                                    new.correction if new else "", new.row if new else 0))


def cycle_changes(published: CycleTable, current: CycleTable) -> list[Change]:
    """Every cell of `published` that `current` shows differently, row by row (rows matched by ROW_KEYS), and its
    rows removed or added (a row added to an accruing file, a new oversight entry, is no change, nor is a cell
    FILLED_LATER filled in since, an answer given). `item` is the
    row's name (cycle_row_name), `field` the column's name, `month` empty."""
    found: list[Change] = []
    before, after = _keyed(published), _keyed(current)
    names = [c.name for c in CYCLE_FILES[current.stem] if c.name != "correction"]
    for key in sorted(set(before) | set(after), key=lambda k: [str(part) for part in k]):
        old, new = before.get(key), after.get(key)
        if old is None and current.stem in ACCRUING:
            continue
        for name in names:
            was, now = _cell(old, name), _cell(new, name)
            if was is None and old is not None and (current.stem, name) in FILLED_LATER:
                continue  # an answer, a rectification, a notice's date given since: news, not a correction
            if was != now:
                found.append(Change("", current.stem, cycle_row_name(key), "", name, was, now,
                                    (new["correction"] or "") if new else "", new.row if new else 0))
    return found


def cycle_row_name(key: tuple) -> str:
    """A cycle row's name, as revisions.yaml and the pages show it: H03; 0003·调整; 群众·交通出行·未采纳."""
    return "·".join(str(part) for part in key if part not in ("", None))


def _keyed(table: CycleTable) -> dict[tuple, CycleRow]:
    """The rows by their key; a second row with the same key is told apart by its ordinal (#2)."""
    rows: dict[tuple, CycleRow] = {}
    for row in table.rows:
        key = tuple(str(row[name]) if row[name] is not None else "" for name in ROW_KEYS[table.stem])
        count = 2
        while key in rows:
            key, count = (*key[:len(ROW_KEYS[table.stem])], f"#{count}"), count + 1
        rows[key] = row
    return rows


def _cell(row: CycleRow | None, name: str) -> Value:
    """A cycle cell as recorded: a number, a text, a date as written (2024-08-28); None when empty or no row."""
    value = row[name] if row else None
    if value in ("", None):
        return None
    return value if isinstance(value, (int, float, str)) else value.isoformat()


def _value(row: object, name: str) -> Value:
    if row is None:
        return None
    value = getattr(row, name)
    return (value or None) if name == "note" else value


def shown(field: str, value: Value, limit: int | None = 30) -> str:
    """A changed value in brief: a figure as a number, a note shortened to `limit` characters, a status in words."""
    if value is None:
        return "—"
    if field == "reported":
        return "已报送" if value else NOT_REPORTED
    if isinstance(value, str):
        return formats.shortened(value, limit) if limit else value
    return formats.number(value)


def field_name(file: str, field: str) -> str:
    """The column a change is in, as the office sees it: 截至月底累计, 进展情况, 资金说明, 报送状态 …"""
    return PUBLISHED_FIELDS[file, field]


@dataclass(frozen=True)
class Described:
    """A change or a recorded correction in words, as the pages and the change report show it."""

    record: Change | Revision
    item: str  # （序号）项目名称
    what: str  # 新增城镇就业（人）, 新增城镇就业·进展情况, 区资金·累计拨付（万元）, 区资金·资金说明, 进展情况, 报送状态
    old: str  # in brief: a note shortened (its full text is in revisions.yaml and open data)
    new: str


def described(record: Change | Revision, item: Item | None) -> Described:
    """`record` of `item` (None when the plan no longer has it) in words."""
    what = field_name(record.file, record.field)
    if record.file == "funds":
        what = f"{record.key}资金·{what}"
    elif record.key:
        indicator = next((i for i in item.indicators if i.id == record.key), None) if item else None
        name = indicator.name if indicator else record.key
        if indicator and indicator.unit:
            name = f"{name}（{indicator.unit}）"
        what = name if record.field == "value" else f"{name}·{what}"
    return Described(record, item.numbered if item else record.item, what,
                     shown(record.field, record.old), shown(record.field, record.new))
