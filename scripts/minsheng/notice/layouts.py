"""How a notice lays out its list, inferred from the whole text: which lines are items, which are category
headings, where the list starts and ends, or the columns of a table flattened into text.

Item lines are numbered in one of four ways, from the highest level to the lowest: 一、, (一), 1. (or 1、)
and （1）. The item marker is the one whose lines carry lead units: in a bracket of the line (labelled
牵头单位, 责任单位, 牵头部门, 主办单位, with or without a 牵头领导 beside them, or unlabelled names of units at
the line's end), or on a line of their own below it (责任单位:区住建局). Where a heading and the numbered
lines beneath it both lead to units, the more numerous are the items: a sub-heading is never taken for an
item when the numbered items beneath it are the list. Category headings are the lines of a higher marker
that open onto items. A table is recognised by its header (序号, 项目名称, 主要内容, 牵头单位, 配合单位,
完成时限 …), one row a line with tabs between the cells, or one cell a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..validate.plan import chinese_number

NUMERAL = "一二三四五六七八九十百千零两"
KINDS = ("cn", "paren_cn", "arabic", "paren_arabic")  # from the highest level to the lowest
PATTERNS = {
    "paren_cn": re.compile(rf"^[(（]\s*([{NUMERAL}]+)\s*[)）]\s*"),
    "paren_arabic": re.compile(r"^[(（]\s*(\d{1,3})\s*[)）]\s*"),
    "cn": re.compile(rf"^([{NUMERAL}]+)\s*、\s*"),
    "arabic": re.compile(r"^(\d{1,3})\s*[.．、](?!\d)\s*"),
}
SHOWN = {"paren_cn": "(一)", "paren_arabic": "（1）", "cn": "一、", "arabic": "1."}
CATEGORY_HEADING = re.compile(rf"^([{NUMERAL}]+)、\s*(.+?)\s*(?:[(（]\s*(\d+)\s*项\s*[)）])?\s*$")
LABELS = "牵头单位|责任单位|牵头部门|主办单位|责任部门|实施单位"
LEADER = "牵头领导|责任领导|分管领导|牵头区领导|牵头市领导|牵头县领导|联系领导"
PARTNER = "配合单位|协办单位|配合部门|参与单位|协同单位|责任人"
LABELLED = re.compile(rf"[(（]\s*(?:(?:{LEADER})\s*[:：][^()（）]*?[,，;；、\s]\s*)?(?:{LABELS})\s*[:：]\s*")
LEADER_ONLY = re.compile(rf"[(（]\s*(?:{LEADER})\s*[:：][^()（）]*[)）]\s*[。.;；]?\s*$")
LABEL_END = re.compile(rf"[)）]|[,，;；]\s*(?:{PARTNER}|{LEADER})\s*[:：]")
OWN = re.compile(rf"^[(（]?\s*(?:(?:{LEADER})\s*[:：][^()（）]*?[,，;；、\s]\s*)?(?:{LABELS})\s*[:：]\s*(.*)$")
OTHER_LABEL = re.compile(rf"^[(（]?\s*(?:{LEADER}|{PARTNER})\s*[:：]")
TRAILING = re.compile(r"[(（]([^()（）]{2,80})[)）]\s*[。.;；]?\s*$")
UNIT = re.compile(r"^\S{1,20}?(?:局|委|办|院|中心|公司|部|会|政府|镇|乡|街道|所|队|站|处|厅|馆|集团|社|室|团|行|署)$")
CLOSING = ("保障措施", "工作要求", "有关要求", "组织保障", "工作保障", "保障机制", "其他事项", "进度安排", "工作安排",
           "实施要求", "组织实施", "工作措施", "附则")
ROLES = {
    "number": ("序号", "编号"),
    "title": ("项目名称", "项目", "实事名称", "民生实事项目", "民生实事", "事项名称", "事项", "名称"),
    "content": ("主要内容", "内容", "建设内容", "项目内容", "目标任务", "具体内容", "工作内容", "主要目标",
                "实施内容", "建设内容及规模", "主要任务", "工作目标"),
    "lead": ("牵头单位", "责任单位", "牵头部门", "主办单位", "责任部门", "实施单位"),
    "partners": ("配合单位", "协办单位", "配合部门", "参与单位"),
    "deadline": ("完成时限", "时限", "完成时间", "时间节点", "完成期限"),
    "category": ("类别", "分类", "领域", "项目类别"),
}
ROLE_NAMES = {"number": "序号", "title": "项目名称", "content": "第一段（项目内容）", "lead": "牵头单位",
              "partners": "配合单位（照录，不作牵头单位）", "deadline": "完成时限（记为说明）", "category": "类别"}


@dataclass
class Lead:
    text: str | None  # the units as printed; None: a bracket of leaders only, to cut from the paragraph
    start: int  # where its bracket opens


@dataclass
class ListRow:
    line: int
    cells: dict[str, str] = field(default_factory=dict)  # role → text as printed
    extra: list[str] = field(default_factory=list)  # lines below the row that belong to no column
    category: str | None = None  # a category heading between rows, as printed


@dataclass
class Layout:
    start: int = 0  # index (into the non-empty lines) where the list starts
    end: int = 0  # where the closing part starts
    items: set[int] = field(default_factory=set)
    categories: set[int] = field(default_factory=set)
    item_kind: str | None = None
    category_kind: str | None = None
    lead_kind: str = ""  # how the lead units are printed, in words
    table: str | None = None  # "tabs" or "cells" for a table
    columns: list[tuple[str, str | None]] = field(default_factory=list)  # a table's headers with their role
    rows: list[ListRow] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)  # of the table: a row with a cell missing
    unreadable: str | None = None

    def describe(self) -> str:
        """The layout in words, for the office."""
        if self.table:
            used = "，".join(f"“{name}”作{ROLE_NAMES[role]}" for name, role in self.columns if role)
            unused = "、".join(f"“{name}”" for name, role in self.columns if not role)
            return (f"按表格读取（{'每行一个项目，单元格之间是制表符' if self.table == 'tabs' else '每个单元格一行'}）："
                    f"{used}" + (f"；未使用的列：{unused}" if unused else ""))
        text = f"项目按“{SHOWN[self.item_kind]}”编号，牵头单位{self.lead_kind}"
        text += f"；类别按“{SHOWN[self.category_kind]}”编号" if self.category_kind else "；没有分类"
        return text


def marker_of(line: str) -> tuple[str, str, int] | None:
    """(kind, number as printed, where the text after it starts) of a numbered line."""
    for kind in ("paren_cn", "paren_arabic", "cn", "arabic"):
        found = PATTERNS[kind].match(line)
        if found and (kind in ("arabic", "paren_arabic") or chinese_number(found.group(1)) is not None):
            return kind, found.group(1), found.end()
    return None


def inline_lead(line: str) -> Lead | None:
    """The lead units printed in a bracket of the line: labelled anywhere, or unlabelled names of units
    at its end."""
    found = LABELLED.search(line)
    if found:
        rest = line[found.end():]
        end = LABEL_END.search(rest)
        return Lead(rest[:end.start()] if end else rest, found.start())
    found = TRAILING.search(line)
    if found and looks_like_units(found.group(1)):
        return Lead(found.group(1).strip(), found.start())
    found = LEADER_ONLY.search(line)
    if found:
        return Lead(None, found.start())
    return None


def own_lead(line: str) -> str | None:
    """The lead units of a line of their own (责任单位:区住建局), "" for a line naming only leaders or
    partners, None for any other line."""
    found = OWN.match(line)
    if found:
        rest = found.group(1)
        end = LABEL_END.search(rest)
        return (rest[:end.start()] if end else rest).strip().rstrip("。.;；").strip()
    return "" if OTHER_LABEL.match(line) else None


def looks_like_units(text: str) -> bool:
    parts = [part for part in re.split(r"[、,，;；/\s]+", text) if part]
    return bool(parts) and all(UNIT.match(part) for part in parts)


def is_closing_heading(line: str) -> bool:
    found = marker_of(line)
    rest = line[found[2]:] if found else line
    return len(rest) <= 20 and rest.startswith(CLOSING)


def find_layout(lines: list[tuple[int, str]]) -> Layout:
    return _find_table(lines) or _find_list(lines)


def _find_list(lines: list[tuple[int, str]]) -> Layout:
    marks = [marker_of(line) for _, line in lines]
    by_kind = {kind: [i for i, mark in enumerate(marks) if mark and mark[0] == kind] for kind in KINDS}
    leads: dict[str, list[int]] = {}
    styles: dict[str, set[str]] = {}
    for kind, indexes in by_kind.items():
        leads[kind], styles[kind] = [], set()
        for position, index in enumerate(indexes):
            following = indexes[position + 1] if position + 1 < len(indexes) else len(lines)
            lead = inline_lead(lines[index][1])
            if lead and lead.text:
                leads[kind].append(index)
                styles[kind].add("labelled" if LABELLED.search(lines[index][1]) else "bracket")
            elif any(own_lead(lines[j][1]) for j in range(index + 1, following)):
                leads[kind].append(index)
                styles[kind].add("own")

    def score(kind: str) -> tuple:
        ratio = len(leads[kind]) / len(by_kind[kind]) if by_kind[kind] else 0
        return ratio >= 0.75, len(leads[kind]), -KINDS.index(kind)

    kind = max(KINDS, key=score)
    if not leads[kind] or len(leads[kind]) < 0.5 * len([i for i in by_kind[kind] if leads[kind][0] <= i
                                                          <= leads[kind][-1]]):
        return Layout(unreadable=_diagnose(lines, marks, by_kind, leads))
    first, last = leads[kind][0], leads[kind][-1]
    layout = Layout(item_kind=kind, items={i for i in by_kind[kind] if first <= i <= last})
    layout.lead_kind = "、".join({"labelled": "写在段中括号里（如“(牵头单位:……)”“(责任单位:……)”）",
                                 "bracket": "写在段末括号里、没有标注", "own": "单独一行（如“责任单位:……”）"}[s]
                                for s in sorted(styles[kind]))
    level = KINDS.index(kind)
    for higher in KINDS[:level]:
        opening = [i for i in by_kind[higher] if i < last and (i + 1 in layout.items
                                                                or CATEGORY_HEADING.match(lines[i][1]) and
                                                                CATEGORY_HEADING.match(lines[i][1]).group(3))]
        before = [i for i in by_kind[higher] if first <= i < last]
        if opening and (len(opening) >= len(before) / 2) and min(opening) < first:
            layout.category_kind = higher
            layout.categories = set(opening)
            break
    layout.start = min(layout.items | layout.categories)
    layout.end = _end_of_list(lines, marks, layout, last)
    return layout


def _end_of_list(lines, marks, layout: Layout, last: int) -> int:
    """Where the closing part starts: the first heading after the last item that is of a higher level than
    the items, or names the closing part (保障措施, 工作要求); a paragraph naming the schedule; or, where the
    items are one line each, the first line after the last item."""
    ordered = sorted(layout.items)
    gaps = [b - a - 1 for a, b in zip(ordered, ordered[1:])]
    one_line = bool(gaps) and sorted(gaps)[len(gaps) // 2] == 0
    level = KINDS.index(layout.item_kind)
    for index in range(last + 1, len(lines)):
        line = lines[index][1]
        mark = marks[index]
        if one_line and own_lead(line) is None:
            return index
        if mark and KINDS.index(mark[0]) < level or is_closing_heading(line) or line.startswith("附件"):
            return index
        if re.search(r"(\d{1,2}月|年)底前[^。]{0,12}(总体)?进度", line):
            return index
        if re.fullmatch(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", line):
            return index
    return len(lines)


def _diagnose(lines, marks, by_kind, leads) -> str:
    """What could not be read, naming the lines and what they looked like."""
    numbered = [(kind, indexes) for kind, indexes in by_kind.items() if indexes]
    if not numbered:
        body = [(n, line) for n, line in lines if len(line) > 20][:2]
        shown = "；".join(f"第{n}行“{_cut(line)}”" for n, line in body) or "（通知中没有一行超过20个字）"
        return ("没有读懂通知中的项目部分：没有一行以“(一)”“一、”“1.”“1、”“（1）”这样的序号开头，也没有“序号、项目名称、"
                f"牵头单位”这样的表头，看不出每个项目从哪里开始。正文是这样的：{shown}")
    kind, indexes = max(numbered, key=lambda pair: len(pair[1]))
    a, b = lines[indexes[0]][0], lines[indexes[-1]][0]
    example = lines[indexes[0]][1]
    tail = example[-12:]
    if leads[kind]:
        return (f"没有读懂通知中的项目部分：第{a}–{b}行有{len(indexes)}行以“{SHOWN[kind]}”这样的序号开头（如第{a}行"
                f"“{_cut(example)}”），其中只有{len(leads[kind])}行写了牵头单位，看不出哪些是项目、哪些是标题或措施。")
    return (f"没有读懂通知中的项目部分：第{a}–{b}行有{len(indexes)}行以“{SHOWN[kind]}”这样的序号开头（如第{a}行"
            f"“{_cut(example)}”），但这些行和它们下面的段落中都没有找到牵头单位：既没有“牵头单位:”“责任单位:”“牵头部门:”"
            f"“主办单位:”这样的标注，行末括号中也不是单位的名称（第{a}行的末尾是“{tail}”）。")


def column_role(cell: str) -> str | None:
    name = re.sub(r"\s", "", cell)
    for role, names in ROLES.items():
        if name in names:
            return role
    for role, names in ROLES.items():
        if len(name) <= 12 and any(name.startswith(known) for known in names if len(known) >= 2):
            return role
    return None


def _is_category(text: str) -> bool:
    found = CATEGORY_HEADING.match(text)
    return bool(found and (found.group(3) or len(text) <= 20))


def _find_table(lines: list[tuple[int, str]]) -> Layout | None:
    for index, (_, line) in enumerate(lines):
        if "\t" in line:
            cells = line.split("\t")
            roles = [column_role(cell) for cell in cells]
            if "lead" in roles and ("title" in roles or "content" in roles) and sum(r is not None for r in roles) >= 3:
                return _tab_rows(lines, index, [(cell.strip(), role) for cell, role in zip(cells, roles)])
        run = 0
        while index + run < len(lines) and column_role(lines[index + run][1]) and len(lines[index + run][1]) <= 12:
            run += 1
        if run >= 3:
            roles = [column_role(lines[index + k][1]) for k in range(run)]
            if roles[0] == "number" and "lead" in roles and ("title" in roles or "content" in roles):
                return _cell_rows(lines, index, [(lines[index + k][1], roles[k]) for k in range(run)])
    return None


def _columns(columns: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Each role to its first column; a second column of the same role is not used."""
    seen, result = set(), []
    for name, role in columns:
        result.append((name, role if role not in seen else None))
        seen.add(role)
    return result


def _tab_rows(lines, header: int, columns) -> Layout:
    columns = _columns(columns)
    layout = Layout(start=header, end=len(lines), table="tabs", columns=columns)
    for index in range(header + 1, len(lines)):
        number, line = lines[index]
        cells = [cell.strip() for cell in line.split("\t")]
        filled = [cell for cell in cells if cell]
        if "\t" not in line or len(filled) == 1:
            following = lines[index + 1][1] if index + 1 < len(lines) else ""
            if filled and _is_category(filled[0]) and "\t" in following:
                layout.rows.append(ListRow(number, category=filled[0]))
                continue
            layout.end = index
            break
        row = ListRow(number)
        for (name, role), cell in zip(columns, cells):
            if role and cell:
                row.cells[role] = cell
        if "number" in dict((r, n) for n, r in columns) and not row.cells.get("number", "").isdigit():
            if not row.cells.get("title") and not row.cells.get("content"):
                continue  # a row without a number or a name: a subtotal, a blank row
        layout.rows.append(row)
    return layout


def _cell_rows(lines, header: int, columns) -> Layout:
    columns = _columns(columns)
    width = len(columns) - 1  # cells after the number
    layout = Layout(start=header, end=len(lines), table="cells", columns=columns)
    row: ListRow | None = None
    raw: list[str] = []

    def close() -> None:
        if row is None:
            return
        if len(raw) < width:
            layout.defects.append(f"表格第{row.line}行起的一行只有{len(raw) + 1}格，表头有{width + 1}列："
                                  "按顺序对应各列，缺的是最后几列，照录未改。")
        for (name, role), cell in zip(columns[1:], raw):
            if role:
                row.cells[role] = cell
        row.extra = raw[width:]

    for index in range(header + len(columns), len(lines)):
        number, line = lines[index]
        serial = re.fullmatch(r"\d{1,3}", line)
        if serial and (row is None or raw):
            close()
            row = ListRow(number, {"number": line})
            raw = []
            layout.rows.append(row)
            continue
        if row is None or len(raw) >= width:
            following = lines[index + 1][1] if index + 1 < len(lines) else ""
            if _is_category(line) and re.fullmatch(r"\d{1,3}", following):
                close()
                layout.rows.append(ListRow(number, category=line))
                row, raw = None, []
                continue
            layout.end = index
            break
        raw.append(line)
    close()
    return layout


def _cut(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
