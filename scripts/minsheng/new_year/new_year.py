"""`minsheng new-year 2025 --notice FILE`: a new year's list drafted from its notice.

The notice (UTF-8 or GB18030 text) is kept as data/2025/notice.txt, as it came. From it are drafted
notice.yaml (title, document number, dates, the schedule's milestones and the categories) and one file per
item under items/, in the shape of the 2024 files: number, category, title, the first paragraph, the lead
units' text and ids, the measures in order, and every figure as a candidate target or standard with its
unit and qualifier. Nothing a person must judge is decided: each guess carries a review line (review:, 待核对)
that `minsheng validate` lists as a notice, every defect of the text becomes a data note and is never
corrected, and a lead unit that units.yaml does not know is added to it as a draft unit, flagged.

A year with review lines is a draft: it blocks nothing, and the site goes on showing the latest year
without drafts until the office has cleared them. The drafts are written into a copy of the data folder
and validated there first; data/ is changed only when they bring no error, and an existing year is never
written over.
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

from ..data_writer import write_yaml, yaml_text
from ..excel_csv import write_csv
from ..load.csv_file import decode
from ..load.numbers import parse_number
from ..model.cycle import CYCLE_FILES
from ..load.data_folder import DataFolder
from ..problems import Problem, relative
from ..validate import validate_data
from ..notice.candidates import Candidate, figures
from ..notice.layouts import UNIT as UNIT_NAME
from ..notice.list_table import csv_text, is_table, vote_rows, workbook_text
from ..errors import EntryError
from ..notice.notice_text import SEND, PrintedItem, PrintedNotice, read_notice, where_of
from .review_sheet import SHEET_NAME, write_review_sheet

HEADER = ("# 草稿：由 minsheng new-year 从 notice.txt 生成，须人工核对。review（待核对）下的每一条核对并改好后删去；\n"
          "# 全部删去之前，本年度是草稿，网站仍显示上一个年度。写法见 data/README.md 和 2024 年度的文件。\n")
UNIT_FIELDS = (("address", "办公地址"), ("phone", "咨询电话（如 0559-1234567）"), ("hours", "办公时间"),
               ("website", "单位网站（https:// 开头）"))
SEPARATORS = "、,，;；/和及 \u3000"


@dataclass
class Drafts:
    """What new-year writes: the files of the year folder by name, and the units added to units.yaml."""

    year: int
    notice_text: str
    notice: dict
    items: dict[str, dict]  # file name → record
    units: list[dict] = field(default_factory=list)
    encoding: str = "UTF-8"
    layout: str = ""  # how the notice was read, in words
    original: tuple[str, bytes] | None = None  # a list kept as a workbook or CSV: its name in the folder, as given
    cycle: dict | None = None  # started from the deputies' vote: cycle.yaml
    candidates: list[list[object]] | None = None  # … and cycle/candidates.csv's rows, the elected with their item ids


@dataclass
class Drafted:
    """What `new_year` did: the paths written, the review notices `minsheng validate` then reports for the new
    year (one a review line), how the notice was read, and the review workbook."""

    written: list[Path]
    notices: list[Problem]
    encoding: str
    layout: str
    review_sheet: Path | None
    decisions: int


def new_year(plan: DataFolder, year: int, notice_path: Path, review_sheet: Path | None = None) -> Drafted:
    """Draft `year` from the notice (text) or the list (workbook or CSV) at `notice_path` into plan.root, and
    write the review workbook (核对表) to `review_sheet`, by default data/<year>/核对表.xlsx."""
    root = plan.root
    if not 2000 <= year <= 2100:
        raise EntryError(f"年度“{year}”不对，应为四位数的年份，如 2025")
    folder = root / str(year)
    existing = sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []
    if existing:
        raise EntryError(f"{relative(folder, root)} 已经有 {'、'.join(existing[:5])}{'等' if len(existing) > 5 else ''}："
                         "new-year 不会覆盖已有的年度。要重新生成，先把这个文件夹移走或删除")
    if not notice_path.is_file():
        raise EntryError(f"找不到通知文件 {notice_path}")
    raw = notice_path.read_bytes()
    original, votes = None, None
    if is_table(notice_path):
        if notice_path.suffix.lower() == ".csv":
            decoded, encoding = decode_notice(raw, str(notice_path))
            text = csv_text(decoded, notice_path.name)
            encoding = f"CSV，{encoding}"
            votes = vote_rows(notice_path, decoded)
        else:
            text, encoding = workbook_text(notice_path), "Excel"
            votes = vote_rows(notice_path)
        original = (f"notice{notice_path.suffix.lower()}", raw)
    else:
        text, encoding = decode_notice(raw, str(notice_path))
    drafts = draft(plan, year, text)
    drafts.encoding, drafts.original = encoding, original
    if votes is not None:
        _from_the_vote(drafts, votes)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / root.name
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".*"))
        if (copy / str(year)).exists():
            shutil.rmtree(copy / str(year))
        _write(drafts, copy)
        _, report = validate_data(copy)
        mine = (f"{root.name}/{year}/", f"{root.name}/units.yaml")
        errors = [p for p in report.errors if p.file.startswith(mine)]
        if errors:
            raise EntryError("生成的草稿没有通过检查，data/ 未作任何改动（这是本工具的缺陷，请把以下内容告诉网站的维护人员）：\n"
                             + "\n".join(str(p) for p in errors))
        sheet = review_sheet or copy / str(year) / SHEET_NAME
        decisions = write_review_sheet(copy, year, sheet)
        written = _install(copy, root, year, bool(drafts.units))
    if review_sheet is None:
        sheet = root / str(year) / SHEET_NAME
    notices = [p for p in report.notices if p.code == "review" and p.field and p.file.startswith(mine)]  # one a line
    return Drafted(written, notices, encoding, drafts.layout, sheet, decisions)


def _from_the_vote(drafts: Drafts, votes: list[dict[str, str]]) -> None:
    """A year drafted from the deputies' vote had 征集 and 票决: its cycle.yaml says so, and the vote's file is carried
    into cycle/candidates.csv, each elected candidate with the id its item was given (in the file's order). What the
    vote's file cannot say (the meeting, its date, all members; the proposals) is drafted for review in notice.yaml."""
    year = drafts.year
    ids = [record["id"] for record in drafts.items.values()]
    elected = [row for row in votes if row.get("是否当选") == "当选"]
    given = dict(zip(map(id, elected), ids))
    columns = CYCLE_FILES["candidates"]
    drafts.candidates = [[given.get(id(row), "") if c.name == "item" else row.get(c.header, "") for c in columns]
                         for row in votes]
    cast = [sum(int(parse_number(row.get(h) or "0", ("票",)).value or 0) for h in ("赞成", "反对", "弃权")) for row in votes]
    drafts.cycle = {"steps": ["proposals", "vote", "implementation"],
                    "proposals": {"start": dt.date(year - 1, 1, 1), "end": dt.date(year - 1, 12, 31)},
                    "vote": {"date": drafts.notice["published"], "body": "待核对：票决的会议", "members": max(cast, default=1) or 1,
                             "seats": len(elected)}}
    drafts.notice.setdefault("review", []).append(
        f"【年度流程】本年度从人大代表票决的结果生成，cycle.yaml 记下了征集和票决两个环节。请照主席团公告在 cycle.yaml 中填写票决的"
        f"会议（body）、日期（date）和全体代表人数（members，现暂填最多的投票数 {max(cast, default=1) or 1}），照征集结果填写"
        "征集的起止日期（proposals）和 cycle/proposals.csv（建议件数）；没有公开征集的，从 steps 中删去 proposals 并删去"
        " proposals.csv，再删去这一条")


def decode_notice(raw: bytes, shown_as: str) -> tuple[str, str]:
    """The notice's text and its encoding: UTF-8 (with or without a byte-order mark), or a Chinese encoding
    (GB18030, GBK), read by the decoder every file of the office goes through (load/csv_file.decode). A Word
    file or a web page is refused with what to do."""
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise EntryError(f"{shown_as} 是 Word 或其他 Office 文件，不是文本：在 WPS 或 Word 中打开，“另存为”纯文本（.txt），"
                         "编码选 UTF-8，再用这个 .txt 文件")
    text, problems = decode(raw, shown_as)
    if text is None:
        found = problems[0]
        raise EntryError(f"{shown_as} 第{found.line}行：{found.message}（识别为 {found.value or '未知编码'}）：请用记事本等"
                         "编辑器另存为 UTF-8 编码的文本")
    encoding = "GB18030" if problems else "UTF-8"
    if text.lstrip().lower().startswith(("<!doctype", "<html", "<?xml")):
        raise EntryError(f"{shown_as} 是网页源代码：在浏览器中打开通知页面，选中正文（从标题到落款）复制，粘贴到记事本，"
                         "另存为 UTF-8 编码的 .txt 文件")
    return text, encoding


def draft(plan: DataFolder, year: int, text: str) -> Drafts:
    """The drafts of `year` from the notice's text, in memory."""
    notice = read_notice(text)
    if notice.unreadable:
        raise EntryError(notice.unreadable)
    for item in notice.items:
        if item.lead_units_text is None or not item.lead_units_text.strip():
            others = [i for i in notice.items if i.lead_units_text]
            raise EntryError(f"通知第{item.line}行的项目“{item.marker}{item.title}”没有找到牵头单位：这份通知的其他"
                             f"{len(others)}个项目的牵头单位{notice.layout.lead_kind or '写在表格的牵头单位列中'}，"
                             f"而这一项的第一段结尾是“{item.paragraph[-15:]}”。请对照正式文件核对：是通知漏印了，"
                             "不要在 notice.txt 里补写，告诉网站的维护人员；是这一项写在别处，" + SEND.removeprefix(
                                 "如果通知原本就是这样写的，"))
    units = _Units(plan, year)
    items = {}
    ids = _item_ids(notice)
    categories = _categories(plan, notice)
    for item in notice.items:
        record = _item(item, ids[id(item)], categories[id(item.category)], year, units)
        items[f"{record['id']}.yaml"] = record
    return Drafts(year, text, _notice(notice, year, plan, categories), items, units.added,
                  layout=notice.layout.describe())


def _notice(notice: PrintedNotice, year: int, plan: DataFolder, categories: dict) -> dict:
    review = []
    title = notice.title
    if title is None:
        title = "待核对：通知标题"
        review.append("【通知标题】没有找到通知标题（如“……关于……的通知”），请照录通知的标题")
    document = notice.document_number or notice.body_document_number
    if not notice.document_number:
        review.append("【发文字号】信息栏中没有找到发文字号，" + (f"暂用正文中的“{document}”，请核对" if document else
                                                       "请照录通知的发文字号（如 黄民生办〔2025〕4号）"))
    published = notice.published
    if published is None:
        published = dt.date(year, 1, 1)
        review.append("【发布日期】没有找到发布日期，暂填本年1月1日，请填写通知的发布日期（它也是序时进度的起点）")
    elif published.year != year:
        review.append(f"【发布日期】发布日期 {published} 不在{year}年，请核对")
    printed_years = {int(y) for y in re.findall(r"(20\d\d)年", title)}
    if printed_years and year not in printed_years:
        review.append(f"【通知信息】通知标题写的是{'、'.join(map(str, sorted(printed_years)))}年，与年度 {year} 不一致，"
                      "请核对是否用错了通知")
    review.append("【通知信息】核对标题、发文机关、发布机构、发文字号、索引号和发布日期（取自通知开头的信息栏和标题）")
    milestones = []
    for position, milestone in enumerate(notice.milestones):
        entry: dict = {"by": dt.date(year, milestone.month, calendar.monthrange(year, milestone.month)[1])}
        label = milestone.wording.split("底前", 1)[1]
        progress = milestone.percent
        last = position == len(notice.milestones) - 1
        if progress is None and last and "完成" in label and "基本" not in label:
            progress = 100
            review.append(f"【进度安排】最后一个进度节点“{milestone.wording}”没有印百分比，草稿按全部完成记为100%，请核对")
        if progress is not None:
            entry["overall_progress"] = _number(progress)
        entry["label"] = label
        entry["wording"] = milestone.wording
        milestones.append(entry)
    if milestones:
        review.append("【进度安排】核对进度节点的截止日期和总体进度（序时进度按它计算）；通知没有写百分比的“基本完成”"
                      "按网站规则中“基本完成”的比例计算")
    else:
        wording = _year_end_wording(notice, year)
        milestones = [{"by": dt.date(year, 12, 31), "overall_progress": 100, "label": "全部完成",
                       "wording": wording}]
        review.append(f"【进度安排】通知没有写进度安排（如“6月底前总体进度达到70%”），序时进度要等它：草稿暂按原文"
                      f"“{wording}”记为12月底前全部完成。确认，或照录通知中的进度节点")
    reporting = notice.reporting_wording or milestones[0]["wording"]
    if notice.reporting_wording is None:
        review.append(f"【月度通报】没有找到月度通报的要求（如“实行月度通报”），暂用“{reporting}”，请核对")
    if any(not category.printed for category in notice.categories):
        review.append("【类别】通知没有分类，全部项目归入一个类别“民生实事”；需要别的名称时在“改为”中写明")
    elif any(category["printed_count"] is None for category in categories.values()):
        review.append("【类别】有类别的标题没有印项数，暂按实际列出的项数记录，请核对")
    if notice.attachments:
        review.append(f"【附件】通知列出{len(notice.attachments)}个附件（{'；'.join(notice.attachments)}），notice.txt 只有"
                      "正文：附件未能获取的，请在通知的数据说明中写明")
    if notice.defects:
        review.append("【数据说明】核对自动记下的通知原文缺陷（数据说明），删去不成立的")
    record: dict = {"year": year, "title": title, "issuer": notice.issuer or "待核对：发文机关",
                    "publisher": notice.publisher or notice.issuer or "待核对：发布机构",
                    "document_number": document or "待核对：发文字号"}
    if notice.index_number:
        record["index_number"] = notice.index_number
    record |= {"published": published, "source_file": "notice.txt",
               "schedule": {"reporting": "monthly", "reporting_wording": reporting, "milestones": milestones},
               "categories": [{k: v if k != "printed_count" or v is not None else len(c["_items"])
                               for k, v in c.items() if not k.startswith("_")} for c in categories.values()]}
    if notice.defects:
        record["data_notes"] = [{"kind": "capture_defect", "text": text} for text in notice.defects]
    record["review"] = review
    return record


def _year_end_wording(notice: PrintedNotice, year: int) -> str:
    """Where the notice gives no schedule, the words of it that say by when the year's list is done: a table's
    latest 完成时限 (2025年12月底前), else a phrase with 年底 or 12月, else the year as its title prints it."""
    for deadline in sorted(set(notice.deadlines), key=lambda text: ("12月" in text or "年底" in text), reverse=True):
        if "12月" in deadline or "年底" in deadline:
            return deadline
    found = re.search(r"[^,，。;；、\s]{0,8}(?:年底|12月底|12月31日)[^,，。;；、\s]{0,8}", notice.text)
    if found:
        return found.group(0)
    if f"{year}年" in notice.text:
        return f"{year}年"
    raise EntryError(f"通知中没有进度安排，也没有写明{year}年或完成时限，无法确定序时进度的依据：请核对通知全文是否完整"
                     "（进度安排一般在通知的最后部分，如“6月底前总体进度达到70%”）")


def _categories(plan: DataFolder, notice: PrintedNotice) -> dict[int, dict]:
    """Each category of the notice as notice.yaml records it, its id taken from an earlier year's category of
    the same name (促进就业 → employment), or a numbered one to rename."""
    known: dict[str, str] = {}
    for number in sorted(plan.years):  # the latest year's id wins
        if plan.years[number].notice:
            known |= {c.name: c.id for c in plan.years[number].notice.categories}
    result, used = {}, set()
    for position, category in enumerate(notice.categories, start=1):
        category_id = known.get(category.name)
        if category_id is None or category_id in used:
            category_id = f"category-{position}"
        used.add(category_id)
        result[id(category)] = {"id": category_id, "number": category.number, "name": category.name,
                                "printed_count": category.printed_count, "level": "city" if category.city else "district",
                                "_items": category.items}
    return result


def _item_ids(notice: PrintedNotice) -> dict[int, str]:
    """District items by their printed number (two digits, more where the list is longer), city items c01, c02 …;
    an item whose number is printed twice or is no numeral takes the next free number after the one before."""
    ids: dict[int, str] = {}
    district = [item for item in notice.items if not item.category.city]
    width = max(2, len(str(max([i.value or 0 for i in district] + [len(district)]))))
    used: set[int] = set()
    previous = 0
    for item in district:
        value = item.value
        if value is None or value in used:
            value = previous + 1
            while value in used:
                value += 1
        used.add(value)
        previous = value
        ids[id(item)] = f"{value:0{width}d}"
    for position, item in enumerate((i for i in notice.items if i.category.city), start=1):
        ids[id(item)] = f"c{position:02d}"
    return ids


def _item(item: PrintedItem, item_id: str, category: dict, year: int, units: _Units) -> dict:
    review = [f"【项目名称】核对项目名称“{item.title}”：取自通知第{item.line}行，可改得更简短，但不改变原意"]
    lead_ids, unit_review, unit_defects = units.match(item.lead_units_text)
    review += unit_review
    review.append("【受益群体】按通知写明的对象，从受益群体表中选定一个或几个群体")
    if not item.no_task_text:
        review.append("【能得到什么】用平实的话写居民能得到什么、政府做什么，只写通知写明的")
    record: dict = {"id": item_id, "number": item.number, "level": category["level"], "category": category["id"],
                    "title": item.title, "lead_units": lead_ids, "lead_units_text": item.lead_units_text,
                    "groups": [], "source_text": item.paragraph}
    notes = [{"kind": "capture_defect", "text": text} for text in item.defects + unit_defects]
    notes += [{"kind": "note", "text": text} for text in item.remarks]
    if item.no_task_text:
        record |= {"no_task": True, "no_task_text": item.no_task_text, "measures": []}
        review.append(f"【本年无任务】通知写明“{item.no_task_text}”：本项按本年无任务记录，请核对")
    else:
        indicators, standards, figure_notes, skipped = _figures(item, year)
        if indicators:
            record["indicators"] = indicators
        if standards:
            record["policy_parameters"] = standards
        record["measures"] = [measure.text for measure in item.measures]
        notes += figure_notes
        review += skipped
        if not indicators and not standards:
            review.append("【数字】第一段和推进措施中没有找到数字：本项按没有数量目标的任务记录，请核对")
    if notes:
        record["data_notes"] = notes
        review.append("【数据说明】核对自动记下的原文缺陷和说明（数据说明），删去不成立的")
    record["review"] = review
    return record


def _figures(item: PrintedItem, year: int) -> tuple[list[dict], list[dict], list[dict], list[str]]:
    """The item's candidates as indicator and standard records, its data notes on doubtful figures, and
    review lines for figures that cannot be recorded as they stand."""
    found = figures(item.body, "第一段", year)
    first = {candidate.key for candidate in found}
    for position, measure in enumerate(item.measures, start=1):
        found += [c for c in figures(measure.text, where_of(item, position), year) if c.key not in first]
    indicators: list[dict] = []
    standards: list[dict] = []
    notes: list[dict] = []
    skipped: list[str] = []
    for candidate in found:
        notes += [{"kind": "capture_defect", "text": text + "。"} for text in candidate.doubts]
        notes += [{"kind": "note", "text": text + "。"} for text in candidate.notes]
        if candidate.unit == "%" and not 0 <= candidate.value <= 100:
            skipped.append(f"【数字】{candidate.where}“{candidate.source}”中的{_number(candidate.value)}%超出0–100，"
                           "未列为候选指标：请核对原文")
            continue
        if candidate.standard and candidate.unit is not None:
            standards.append(_standard(candidate, len(standards) + 1))
        else:
            indicators.append(_indicator(candidate, len(indicators) + 1))
    return indicators, standards, notes, skipped


def _indicator(candidate: Candidate, number: int) -> dict:
    record: dict = {"id": f"indicator-{number}", "name": candidate.name, "target": _number(candidate.value),
                    "unit": candidate.unit}
    if candidate.comparator:
        record["comparator"] = candidate.comparator
    record["kind"] = candidate.kind
    if candidate.baseline is not None:
        record["baseline"] = _number(candidate.baseline)
    record["source"] = candidate.source
    comparator = f"，限定词“{candidate.comparator}”" if candidate.comparator else ""
    baseline = f"（由{_number(candidate.baseline)}{candidate.unit or ''}起）" if candidate.baseline is not None else ""
    record["review"] = [
        f"【候选指标】{candidate.where}：“{candidate.name}”目标 {_number(candidate.value)}{candidate.unit or '（无单位）'}"
        f"{baseline}{comparator}。保留时选它是全年累计的数量，还是要达到的水平或比率；不是本年度的数量目标就删除；"
        "名称可在“改为”中改短" + "".join(f"；{remark}" for remark in candidate.remarks)]
    return record


def _standard(candidate: Candidate, number: int) -> dict:
    record: dict = {"id": f"standard-{number}", "name": candidate.name, "kind": candidate.kind,
                    "amount": _number(candidate.value), "unit": candidate.unit}
    for name in ("comparator", "per", "period"):
        if getattr(candidate, name):
            record[name] = getattr(candidate, name)
    record["source"] = candidate.source
    money = candidate.unit in ("元", "万元")
    record["review"] = [
        f"【候选标准】{candidate.where}：“{candidate.name}”{_number(candidate.value)}{candidate.unit}"
        + (f"/{candidate.per}" if candidate.per else "") + (f"（{candidate.period}）" if candidate.period else "")
        + "。" + ("补助或标准的钱是发给本人（或其家庭），还是拨给机构或作项目经费，还是通知没有写明？" if money else
                  "保留还是删除？") + "不是本项的标准就删除；名称可在“改为”中改短"
        + "".join(f"；{remark}" for remark in candidate.remarks)]
    return record


class _Units:
    """The lead units named in the notice, matched to units.yaml by name and alias; a name it does not know
    becomes a draft unit, added once."""

    def __init__(self, plan: DataFolder, year: int) -> None:
        self.year = year
        self.spellings: dict[str, str] = {}
        existing = plan.units.units if plan.units else []
        for unit in existing:
            for spelling in unit.spellings:
                self.spellings.setdefault(spelling, unit.id)
        self.ids = {unit.id for unit in existing}
        self.prefix = plan.site.placeholder_prefix if plan.site else "待填写"
        self.added: list[dict] = []

    def match(self, text: str) -> tuple[list[str], list[str], list[str]]:
        """The unit ids named in `text` (the inside of 牵头单位:…), the review lines and the capture defects.
        Known spellings are read longest first, so that two units printed without a separator (教育局区卫生健康委)
        are still two; what is left between separators is a unit units.yaml does not know."""
        found: list[str] = []
        review: list[str] = []
        defects: list[str] = []
        ordered = sorted(self.spellings, key=len, reverse=True)
        unknown, position, last = "", 0, None  # `last`: the spelling read just before, if nothing came between

        def flush() -> None:
            nonlocal unknown
            name = unknown.strip(SEPARATORS)
            unknown = ""
            if name:
                found.append(self._draft(name))  # the draft unit's own review line asks about it

        while position < len(text):
            spelling = next((s for s in ordered if text.startswith(s, position)), None)
            if spelling is None:
                # 和 and 及 join two units (教育局和财政局) but also stand inside one name (区住房和城乡建设局)
                joins = text[position] not in "和及" or UNIT_NAME.match(unknown.strip(SEPARATORS))
                if text[position] in SEPARATORS and joins:
                    flush()
                else:
                    unknown += text[position]
                last = None
                position += 1
                continue
            if unknown in ("区", "县", "市"):  # 区人社局: the district's own unit, spelled with its prefix
                review.append(f"【牵头单位】牵头单位“{unknown}{spelling}”按单位表中的“{spelling}”记录；确认后"
                              f"“{unknown}{spelling}”记为“{spelling}”的另一种写法")
                unknown = ""
            flush()
            if last is not None:
                defects.append(f"第一段牵头单位“{text}”中“{last}”与“{spelling}”之间缺少分隔的顿号，照录未改。")
            if self.spellings[spelling] not in found:
                found.append(self.spellings[spelling])
            last = spelling
            position += len(spelling)
        flush()
        return found, review, defects

    def _draft(self, name: str) -> str:
        if name in self.spellings:
            return self.spellings[name]
        number = 1
        while f"new-{self.year}-{number}" in self.ids:
            number += 1
        unit_id = f"new-{self.year}-{number}"
        self.ids.add(unit_id)
        self.spellings[name] = unit_id
        record: dict = {"id": unit_id, "name": name}
        record |= {key: f"{self.prefix}：{label}" for key, label in UNIT_FIELDS}
        record["review"] = [f"【待核对单位】{self.year}年通知中的牵头单位“{name}”，单位表中没有这个名称：是已有单位的"
                            "另一种写法，就选那个单位；是新单位，就选“新单位”（地址和电话以后在单位表中填写）"]
        self.added.append(record)
        return unit_id


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _write(drafts: Drafts, root: Path) -> None:
    folder = root / str(drafts.year)
    (folder / "items").mkdir(parents=True, exist_ok=True)
    with (folder / "notice.txt").open("w", encoding="utf-8", newline="") as handle:
        handle.write(drafts.notice_text)
    if drafts.original:
        (folder / drafts.original[0]).write_bytes(drafts.original[1])
    write_yaml(folder / "notice.yaml", drafts.notice, HEADER)
    if drafts.cycle:
        write_yaml(folder / "cycle.yaml", drafts.cycle, HEADER)
        write_csv(folder / "cycle" / "candidates.csv", [c.header for c in CYCLE_FILES["candidates"]], drafts.candidates)
        write_csv(folder / "cycle" / "proposals.csv", [c.header for c in CYCLE_FILES["proposals"]], [])
    for name, record in drafts.items.items():
        write_yaml(folder / "items" / name, record, HEADER)
    if drafts.units:
        units = root / "units.yaml"
        text = units.read_text(encoding="utf-8")
        addition = yaml_text({"units": drafts.units}).split("\n", 1)[1]
        units.write_text(text.rstrip("\n") + "\n" + addition, encoding="utf-8")
        check = yaml.safe_load(units.read_text(encoding="utf-8"))
        if [u["id"] for u in check["units"][-len(drafts.units):]] != [u["id"] for u in drafts.units]:
            raise EntryError("data/units.yaml 的最后不是单位列表，无法添加待核对单位：请把 units: 列表放在文件末尾")


def _install(copy: Path, root: Path, year: int, units: bool) -> list[Path]:
    """Move the validated year folder (and units.yaml) from the copy into data/: the folder is renamed into
    place whole, units.yaml replaced whole, so a reader never sees half of either."""
    staging = Path(tempfile.mkdtemp(prefix=f".{year}-", dir=root))
    try:
        shutil.copytree(copy / str(year), staging / str(year))
        target = root / str(year)
        if target.exists():  # an empty folder made for the year before its notice was in (checked empty above)
            target.rmdir()
        (staging / str(year)).rename(target)
        if units:
            temporary = root / ".units.yaml.new"
            shutil.copyfile(copy / "units.yaml", temporary)
            os.replace(temporary, root / "units.yaml")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    written = [root / str(year) / "notice.txt", root / str(year) / "notice.yaml"]
    written += sorted(path for path in (root / str(year)).iterdir() if path.suffix in (".xlsx", ".xlsm", ".csv"))
    written += sorted((root / str(year) / "items").glob("*.yaml"))
    written += sorted(path for path in [root / str(year) / "cycle.yaml", *(root / str(year) / "cycle").glob("*.csv")]
                      if path.is_file())
    return written + ([root / "units.yaml"] if units else [])
