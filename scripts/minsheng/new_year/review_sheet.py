"""The review of a drafted year in the clerk's words: a workbook (核对表.xlsx) with one row per decision
(which item, what to decide, what the draft says now, the choices), which the office fills in Excel or WPS
and imports with `minsheng new-year 2025 --import-review 核对表.xlsx`, instead of editing YAML fields by their
English names.

Each review line that new-year writes opens with a tag in brackets (【受益群体】, 【候选指标】 …) that says what
kind of decision it asks for; the row carries, in hidden columns, the file, the place in it and the line, so
that the import finds them again. An answer that cannot be used is refused with its row, column, value and
what was expected, and nothing is changed; a row left empty keeps its review line. The year's files are
rewritten in a copy of the data folder and validated there first, as new-year's drafts are.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import EntryError

SHEET_NAME = "核对表.xlsx"
TITLE = "核对表"
HEADER = ("序号", "位置", "事项", "要决定什么", "草稿中现在是", "可选", "你的决定", "改为（可不填）", "文件", "路径", "待核对原文")
DRAFT_HEADER = ("# 草稿：由 minsheng new-year 从 notice.txt 生成，须人工核对。review（待核对）下的每一条核对并改好后删去；\n"
                "# 全部删去之前，本年度是草稿，网站仍显示上一个年度。写法见 data/README.md 和 2024 年度的文件。\n")
CONFIRM = ("确认", "已核对", "同意", "是", "对", "无误", "ok", "OK", "√", "✓")
INDICATOR = ("保留：全年累计的数量", "保留：要达到的水平或比率", "删除")
MONEY = ("发给本人", "拨给机构或作项目经费", "通知没有写明给谁", "删除")
PAID = {"发给本人": "person", "拨给机构或作项目经费": "institution", "通知没有写明给谁": "unstated"}
OTHER = ("保留", "删除")
NEW_UNIT = "新单位"


@dataclass
class ReviewRow:
    where: str  # 通知 / 项目 01 实施… / 单位 区数据资源局
    tag: str
    question: str
    now: str
    choices: str
    file: str  # relative to the data folder: 2025/items/01.yaml, units.yaml
    path: str  # review, indicators/0, policy_parameters/1, units/new-2025-1
    line: str  # the review line as written
    options: tuple[str, ...] = ()  # a drop-down list, where the answer is one of a few


@dataclass
class Imported:
    decided: int = 0
    left: int = 0
    changed: list[Path] = field(default_factory=list)


def _tag(line: str) -> str:
    found = re.match(r"^【(.+?)】", line)
    return found.group(1) if found else "其他"


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def rows_of(root: Path, year: int) -> list[ReviewRow]:
    """One row per review line of the year's notice, items, their indicators and standards, and the draft
    units its items name."""
    folder = root / str(year)
    groups = [g["name"] for g in (_load(root / "groups.yaml") or {}).get("groups", [])] \
        if (root / "groups.yaml").exists() else []
    rows: list[ReviewRow] = []
    notice = _load(folder / "notice.yaml")
    for line in notice.get("review", []):
        rows.append(_notice_row(notice, line, f"{year}/notice.yaml"))
    named: list[str] = []
    for path in sorted((folder / "items").glob("*.yaml")):
        item = _load(path)
        where = f"项目 {item['id']} {item['title']}"
        file = f"{year}/items/{path.name}"
        named += [unit for unit in item.get("lead_units", []) if unit not in named]
        for line in item.get("review", []):
            rows.append(_item_row(item, line, where, file, groups))
        for group in ("indicators", "policy_parameters"):
            for index, record in enumerate(item.get(group, [])):
                for line in record.get("review", []):
                    rows.append(_figure_row(group, record, line, where, file, index))
    units = (_load(root / "units.yaml") or {}).get("units", [])
    existing = [u["name"] for u in units if not u.get("review")]
    for unit in units:
        if unit["id"] in named:
            for line in unit.get("review", []):
                rows.append(ReviewRow(f"单位 {unit['name']}", _tag(line), _strip(line), unit["name"],
                                f"已有单位之一（{'、'.join(existing)}），或“{NEW_UNIT}”", "units.yaml",
                                f"units/{unit['id']}", line, (NEW_UNIT, *existing)))
    return rows


def _strip(line: str) -> str:
    return re.sub(r"^【.+?】", "", line)


def _notice_row(notice: dict, line: str, file: str) -> ReviewRow:
    tag = _tag(line)
    now, choices, options = "", "确认", ("确认",)
    if tag == "通知标题":
        now, choices, options = notice["title"], "在“改为”中照录通知的标题", ()
    elif tag == "发文字号":
        now, choices = notice["document_number"], "确认，或在“改为”中写发文字号"
    elif tag == "发布日期":
        now, choices = str(notice["published"]), "确认，或在“改为”中写发布日期（如 2025-03-01）"
    elif tag == "进度安排":
        now = "；".join(m["wording"] for m in notice["schedule"]["milestones"])
        choices = "确认，或在“改为”中照录通知的进度节点，用“；”隔开（如 6月底前总体进度达到70%；12月底前全部完成）"
    elif tag == "类别":
        now = "、".join(c["name"] for c in notice["categories"])
        choices = "确认，或在“改为”中写类别名称（只有一个类别时）"
    elif tag == "通知信息":
        now = f"{notice['title']}；{notice['document_number']}；{notice['published']}"
    return ReviewRow("通知", tag, _strip(line), now, choices, file, "review", line, options)


def _item_row(item: dict, line: str, where: str, file: str, groups: list[str]) -> ReviewRow:
    tag = _tag(line)
    if tag == "项目名称":
        return ReviewRow(where, tag, _strip(line), item["title"], "确认，或在“改为”中写新名称", file, "review", line, ("确认",))
    if tag == "受益群体":
        return ReviewRow(where, tag, _strip(line), "（未选）", "一个或几个，用“、”隔开：" + "、".join(groups), file, "review", line)
    if tag == "能得到什么":
        return ReviewRow(where, tag, _strip(line), item.get("offer") or "（未写）", "写一句话，如“免费的宫颈癌筛查和乳腺癌筛查。”",
                   file, "review", line)
    return ReviewRow(where, tag, _strip(line), "", "确认", file, "review", line, ("确认",))


def _figure_row(group: str, record: dict, line: str, where: str, file: str, index: int) -> ReviewRow:
    if group == "indicators":
        now = f"{record['name']}：{_value(record['target'])}{record.get('unit') or ''}{record.get('comparator') or ''}"
        options = INDICATOR
    else:
        now = f"{record['name']}：{_value(record['amount'])}{record['unit']}" + (f"/{record['per']}" if record.get("per") else "")
        options = MONEY if record["unit"] in ("元", "万元") else OTHER
    return ReviewRow(where, _tag(line), _strip(line), now, "、".join(options), file, f"{group}/{index}", line, options)


def _value(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def write_review_sheet(root: Path, year: int, path: Path) -> int:
    """The review workbook of `year` at `path`; the number of its rows (decisions)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = rows_of(root, year)
    book = Workbook()
    sheet = book.active
    sheet.title = TITLE
    sheet.append(HEADER)
    lists = book.create_sheet("选项")
    lists.sheet_state = "hidden"
    ranges: dict[tuple[str, ...], str] = {}
    for number, row in enumerate(rows, start=1):
        sheet.append((number, row.where, row.tag, row.question, row.now, row.choices, None, None, row.file, row.path,
                      row.line))
        if row.options:
            if row.options not in ranges:
                column = len(ranges) + 1
                for position, option in enumerate(row.options, start=1):
                    lists.cell(position, column, option)
                letter = lists.cell(1, column).column_letter
                ranges[row.options] = f"选项!${letter}$1:${letter}${len(row.options)}"
                check = DataValidation(type="list", formula1=ranges[row.options], allow_blank=True,
                                       showErrorMessage=False)
                check.prompt, check.promptTitle = "从下拉列表中选，也可以直接输入", "你的决定"
                sheet.add_data_validation(check)
                ranges[row.options + ("",)] = check  # type: ignore[assignment]
            ranges[row.options + ("",)].add(f"G{number + 1}")  # type: ignore[union-attr]
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="FFF2CC")
    for cell in sheet[1]:
        cell.font = bold
    for row in sheet.iter_rows(min_row=2, min_col=7, max_col=8):
        for cell in row:
            cell.fill = fill
    for letter, width in zip("ABCDEFGH", (6, 28, 12, 60, 30, 36, 24, 30)):
        sheet.column_dimensions[letter].width = width
    for letter in "IJK":
        sheet.column_dimensions[letter].hidden = True
    for row in sheet.iter_rows(min_row=2, max_col=8):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return len(rows)


def import_review(root: Path, year: int, path: Path) -> Imported:
    """Apply the decisions of the filled review workbook at `path` to the year's files under `root` (the data
    folder), validated in a copy first; the workbook is written anew with the rows left, or removed from the
    year folder when none is left."""
    from ..validate import validate_data

    folder = root / str(year)
    if not (folder / "notice.yaml").is_file():
        raise EntryError(f"{root.name}/{year}/ 中没有 notice.yaml：先用 minsheng new-year {year} --notice 通知.txt 生成草稿")
    answers = _read_answers(path)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / root.name
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".*"))
        result = _apply(copy, year, answers, path.name)
        _, report = validate_data(copy)
        mine = (f"{root.name}/{year}/", f"{root.name}/units.yaml")
        errors = [p for p in report.errors if p.file.startswith(mine)]
        if errors:
            raise EntryError(f"按 {path.name} 改好的 {year} 年度没有通过检查，data/ 未作任何改动：\n"
                             + "\n".join(str(p) for p in errors))
        result.left = len(rows_of(copy, year))
        sheet = copy / str(year) / SHEET_NAME
        if result.left:
            write_review_sheet(copy, year, sheet)
        elif sheet.exists():
            sheet.unlink()
        result.changed = _install(copy, root, year)
    return result


@dataclass
class _Answer:
    row: int  # the workbook's row
    decision: object
    change: object
    file: str
    path: str
    line: str
    tag: str


def _read_answers(path: Path) -> list[_Answer]:
    from openpyxl import load_workbook

    if not path.is_file():
        raise EntryError(f"找不到核对表 {path}")
    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:
        raise EntryError(f"{path.name} 无法作为 Excel 工作簿打开（{type(exc).__name__}）：请用 Excel 或 WPS 保存为 .xlsx") from None
    if TITLE not in book.sheetnames:
        raise EntryError(f"{path.name} 中没有“{TITLE}”工作表：请使用 new-year 生成的核对表，不要改工作表的名称")
    sheet = book[TITLE]
    header = [str(cell.value or "").strip() for cell in sheet[1]]
    missing = [name for name in HEADER if name not in header]
    if missing:
        raise EntryError(f"{path.name} 的“{TITLE}”工作表第1行缺少列：{'、'.join(missing)}。请使用 new-year 生成的核对表，"
                         "不要删除或改名任何列（后三列是隐藏的，供导入使用）")
    at = {name: header.index(name) for name in HEADER}
    answers = []
    for number, cells in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        def get(name: str):
            value = cells[at[name]] if at[name] < len(cells) else None
            return value.strip() if isinstance(value, str) else value

        if get("文件") is None:
            continue
        decision, change = get("你的决定"), get("改为（可不填）")
        if decision in (None, "") and change in (None, ""):
            continue
        answers.append(_Answer(number, decision, change, str(get("文件")), str(get("路径")), str(get("待核对原文")),
                               str(get("事项"))))
    return answers


def _apply(root: Path, year: int, answers: list[_Answer], shown_as: str) -> Imported:
    files: dict[str, dict] = {}
    units_text = (root / "units.yaml").read_text(encoding="utf-8")
    units = (yaml.safe_load(units_text) or {}).get("units", [])
    groups = {g["name"]: g["id"] for g in (_load(root / "groups.yaml") or {}).get("groups", [])}
    group_ids = set(groups.values())
    errors: list[str] = []
    result = Imported()
    merges: dict[str, str] = {}  # draft unit id → the existing unit's id
    unit_edits: list[tuple[str, str, str]] = []  # (unit id, what, value)
    notice_text = (root / str(year) / "notice.txt").read_text(encoding="utf-8-sig")

    def refuse(answer: _Answer, column: str, value: object, expected: str) -> None:
        errors.append(f"{shown_as} 第{answer.row}行“{column}”列：“{value}”不能用，应为{expected}")

    for answer in answers:
        decision = "" if answer.decision is None else answer.decision
        change = "" if answer.change is None else answer.change
        text = decision if isinstance(decision, str) else str(decision)
        changed = change if isinstance(change, str) else str(change)
        confirm = text in CONFIRM
        if answer.file == "units.yaml":
            unit_id = answer.path.split("/", 1)[1]
            unit = next((u for u in units if u["id"] == unit_id), None)
            if unit is None or answer.line not in unit.get("review", []):
                continue  # decided before: the line is gone
            if text == NEW_UNIT:
                unit_edits.append((unit_id, "review", answer.line))
            else:
                target = next((u for u in units if text in (u["name"], *u.get("aliases", [])) and not u.get("review")), None)
                if target is None:
                    refuse(answer, "你的决定", text, f"“{NEW_UNIT}”或单位表中已有单位的名称")
                    continue
                merges[unit_id] = target["id"]
                unit_edits.append((target["id"], "alias", unit["name"]))
                unit_edits.append((unit_id, "remove", ""))
            result.decided += 1
            continue
        record_file = files.setdefault(answer.file, _load(root / answer.file)) if (root / answer.file).is_file() else None
        if record_file is None:
            refuse(answer, "文件", answer.file, "核对表生成时的文件（请使用本年度 new-year 生成的核对表）")
            continue
        target = _place(record_file, answer.path)
        if target is None or answer.line not in target.get("review", []):
            continue  # decided before, or the draft was edited by hand: the row is passed over
        done = _decide(record_file, target, answer, text, changed, confirm, groups, group_ids, notice_text, year,
                       refuse, units, unit_edits)
        if done:
            target["review"].remove(answer.line)
            if not target["review"]:
                del target["review"]
            result.decided += 1
    if errors:
        raise EntryError(f"核对表中有{len(errors)}处无法导入，data/ 未作任何改动：\n" + "\n".join(errors))
    for record in files.values():
        for group in ("indicators", "policy_parameters"):
            if group in record:
                record[group] = [figure for figure in record[group] if not figure.get("_delete")]
                if not record[group]:
                    del record[group]
    for name, record in files.items():
        if "lead_units" in record and merges:
            record["lead_units"] = list(dict.fromkeys(merges.get(unit, unit) for unit in record["lead_units"]))
    if merges:
        for path in (root / str(year) / "items").glob("*.yaml"):
            name = f"{year}/items/{path.name}"
            if name not in files:
                record = _load(path)
                if any(unit in merges for unit in record.get("lead_units", [])):
                    files[name] = record
                    record["lead_units"] = list(dict.fromkeys(merges.get(u, u) for u in record["lead_units"]))
    for name, record in files.items():
        _write_record(root / name, record)
    if unit_edits:
        (root / "units.yaml").write_text(_edit_units(units_text, unit_edits), encoding="utf-8")
    return result


def _place(record: dict, path: str) -> dict | None:
    """The record a row's review line belongs to: the file's own, or one of its indicators or standards."""
    if path == "review":
        return record
    group, index = path.split("/")
    records = record.get(group, [])
    return records[int(index)] if int(index) < len(records) else None


def _decide(record, target, answer: _Answer, text: str, changed: str, confirm: bool, groups, group_ids,
            notice_text: str, year: int, refuse, units, unit_edits) -> bool:
    """Apply one answer; True when its review line is settled."""
    tag = _tag(answer.line)
    if tag in ("候选指标", "候选标准"):
        options = INDICATOR if tag == "候选指标" else MONEY if target["unit"] in ("元", "万元") else OTHER
        if text not in options:
            refuse(answer, "你的决定", text, "、".join(f"“{o}”" for o in options))
            return False
        if text == "删除":
            target["_delete"] = True  # removed once every row is read: the rows after it keep their places
            return True
        if tag == "候选指标":
            target["kind"] = "count" if "数量" in text else "level"
        elif text in PAID:
            target["paid_to"] = PAID[text]
        if changed:
            target["name"] = changed
        return True
    if tag == "受益群体":
        wanted = changed or text
        names = [name.strip() for name in re.split(r"[、,，;；/\s]+", wanted) if name.strip()]
        unknown = [name for name in names if name not in groups and name not in group_ids]
        if not names or unknown:
            refuse(answer, "你的决定", wanted, "受益群体表中的名称，用“、”隔开：" + "、".join(groups))
            return False
        record["groups"] = list(dict.fromkeys(groups.get(name, name) for name in names))
        return True
    if tag == "能得到什么":
        offer = changed or text
        if confirm or len(offer) < 2:
            refuse(answer, "你的决定", offer, "写给居民看的一句话，说明能得到什么")
            return False
        _insert_after(record, "groups", "offer", offer)
        return True
    if tag == "进度安排" and changed:
        milestones = []
        for wording in (w.strip() for w in re.split(r"[；;\n]+", changed) if w.strip()):
            found = re.match(r"^(\d{1,2})月底前|^年底前", wording)
            if not found or wording not in notice_text:
                refuse(answer, "改为（可不填）", wording, "通知原文中的一句进度要求，以“6月底前”这样的月份开头，逐字照录")
                return False
            month = int(found.group(1)) if found.group(1) else 12
            percent = re.search(r"(\d+(?:\.\d+)?)%", wording)
            entry: dict = {"by": dt.date(year, month, calendar.monthrange(year, month)[1])}
            if percent:
                entry["overall_progress"] = _number(float(percent.group(1)))
            elif "完成" in wording and "基本" not in wording and month == 12:
                entry["overall_progress"] = 100
            entry["label"] = wording.split("底前", 1)[1] or wording
            entry["wording"] = wording
            milestones.append(entry)
        record["schedule"]["milestones"] = sorted(milestones, key=lambda m: m["by"])
        return True
    if tag == "发布日期" and changed:
        day = _day(answer.change)
        if day is None:
            refuse(answer, "改为（可不填）", changed, "一个日期，如 2025-03-01 或 2025年3月1日")
            return False
        record["published"] = day
        return True
    if tag in ("发文字号", "通知标题"):
        key = "document_number" if tag == "发文字号" else "title"
        if changed:
            record[key] = changed
            return True
        if str(record[key]).startswith("待核对"):
            refuse(answer, "改为（可不填）", "（空）", f"照录通知的{tag}：草稿中还没有")
            return False
    if tag == "项目名称" and changed:
        record["title"] = changed
        return True
    if tag == "类别" and changed:
        if len(record["categories"]) != 1:
            refuse(answer, "改为（可不填）", changed, "空着（通知有几个类别时，类别名称照录通知）")
            return False
        record["categories"][0]["name"] = changed
        return True
    if not confirm:
        refuse(answer, "你的决定", text or changed, "“确认”" + ("，或在“改为”中写新的内容" if tag in
                                                            ("项目名称", "发文字号", "发布日期", "进度安排", "类别") else ""))
        return False
    if tag == "牵头单位":
        found = re.search(r"牵头单位“(.+?)”按单位表中的“(.+?)”记录", answer.line)
        if found:
            owner = next((u for u in units if found.group(2) in (u["name"], *u.get("aliases", []))), None)
            if owner and found.group(1) not in (owner["name"], *owner.get("aliases", [])):
                unit_edits.append((owner["id"], "alias", found.group(1)))
    return True


def _insert_after(record: dict, key: str, new: str, value) -> None:
    items = list(record.items())
    record.clear()
    placed = False
    for name, old in items:
        if name == new:
            continue
        record[name] = old
        if name == key:
            record[new] = value
            placed = True
    if not placed:
        record[new] = value


def _day(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    found = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", str(value))
    try:
        return dt.date(*map(int, found.groups())) if found else None
    except ValueError:
        return None


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _has_review(record) -> bool:
    if isinstance(record, dict):
        return bool(record.get("review")) or any(_has_review(v) for v in record.values() if isinstance(v, list))
    if isinstance(record, list):
        return any(_has_review(v) for v in record)
    return False


def _write_record(path: Path, record: dict) -> None:
    text = yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    path.write_text((DRAFT_HEADER if _has_review(record) else "") + text, encoding="utf-8")


def _edit_units(text: str, edits: list[tuple[str, str, str]]) -> str:
    """units.yaml with the edits made in its text, keeping its comments and layout: a review line removed
    from a draft unit, a draft unit removed, an alias added to a unit."""
    lines = text.split("\n")
    for unit_id, what, value in edits:
        start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {unit_id}")
        end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- id: ")
                    or (lines[i] and not lines[i].startswith(" "))), len(lines))
        block = lines[start:end]
        if what == "remove":
            block = []
        elif what == "review":
            out, skipping = [], False
            for line in block:
                if line.strip() == "review:":
                    skipping = True
                    continue
                if skipping and line.startswith("      - "):
                    continue
                skipping = False
                out.append(line)
            block = out
        elif what == "alias":
            at = next((i for i, line in enumerate(block) if line.strip().startswith("aliases:")), None)
            if at is None:
                name_at = next(i for i, line in enumerate(block) if line.strip().startswith("name:"))
                block.insert(name_at + 1, f"    aliases: [{value}]")
            elif block[at].rstrip().endswith("]"):
                block[at] = block[at].rstrip()[:-1] + f", {value}]"
            else:
                last = at
                while last + 1 < len(block) and block[last + 1].startswith("      - "):
                    last += 1
                block.insert(last + 1, f"      - {value}")
        lines[start:end] = block
    return "\n".join(lines)


def _install(copy: Path, root: Path, year: int) -> list[Path]:
    """The year folder and units.yaml from the copy into data/, each replaced whole."""
    staging = Path(tempfile.mkdtemp(prefix=f".{year}-review-", dir=root))
    try:
        shutil.copytree(copy / str(year), staging / str(year))
        os.replace(root / str(year), staging / "replaced")  # removed with the staging folder
        os.replace(staging / str(year), root / str(year))
        temporary = root / ".units.yaml.new"
        shutil.copyfile(copy / "units.yaml", temporary)
        os.replace(temporary, root / "units.yaml")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [root / str(year), root / "units.yaml"]
