"""Read a notice of a year's list into its parts: the page's metadata, the categories, the items (each with
its number as printed, its first paragraph, its lead units and its measures) and the closing part with its
schedule (6月底前总体进度达到70%、…). Every text is kept as printed, and every defect of the text found on
the way (an unclosed bracket, a measure without its full stop, a number printed twice, a lost character,
a stray space) is recorded in Chinese beside the part it touches, never corrected.

Notices are laid out in many ways, and the layout is inferred from the whole text rather than from one
expected line (see `layouts.py` for what is recognised and how the item lines are told from headings and
measures): items numbered (一), 一、, 1. or 1、, （1）, or a table flattened into text (one row a line with
tabs, or one cell a line); lead units labelled (牵头单位, 责任单位, 牵头部门, 主办单位, with or without a
牵头领导 beside them), unlabelled in a trailing bracket, or on a line of their own; categories and schedule
optional. What cannot be read is said, naming the part and what it looked like (`unreadable`).

This module only reads: figures are candidates.py's, drafts and files new_year.py's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..validate.plan import chinese_number
from .layouts import CATEGORY_HEADING, Layout, find_layout, inline_lead, marker_of, own_lead

MEASURES_HEADING = re.compile(r"^(推进措施|推进举措|工作措施|主要措施|具体措施|实施措施)\s*[:：]\s*")
MEASURE_NUMBER = re.compile(r"^(?:[(（](\d{1,2})[)）]|(\d{1,2})(?!\d)([.．、]?))\s*")  # 1. 2、 3 （4）
NO_TASK = re.compile(r"无任务")
CLAUSE_END = "。；;！？!?"
# A title does not open with a circumstance alone (围绕重点民生食品, 依托“15分钟阅读圈”建设): it runs on to the
# clause that says what is done.
CIRCUMSTANCE = ("围绕", "依托", "按照", "根据", "结合", "聚焦", "针对", "立足", "对照", "面向")
# Words in which 全 stands whole (全面, 安全, 健全); anywhere else, a character after 全 has likely been lost
# (全区 read as 全).
WHOLE = set("区县市省国面部力年体域额民过社日方程覆员链周天新局流科景球量貌")
WHOLE_BEFORE = set("安健完齐保周成双十万")
PAIRS = (("(", ")"), ("（", "）"), ("“", "”"), ("《", "》"), ("[", "]"), ("【", "】"))
STRAY_SPACE = re.compile(r"(?<=[\u4e00-\u9fff，,、。:：%])[ \u3000\u00a0]+(?=[\u4e00-\u9fff\d，,、。])")
DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
DOCUMENT_NUMBER = r"[^\s|｜:：()（）]{1,16}?[〔\[【（(]\d{4}[〕\]】）)]\s*\d+\s*号"
TITLE_ENDS = ("通知", "方案", "清单", "安排", "意见", "计划", "决定", "公告", "项目", "项目表", "一览表")
SEND = ("如果通知原本就是这样写的，请不要改写通知（它是核对每一句原文的依据）：把通知文件原样发给网站的维护人员"
        "（在本项目的代码仓库新建一个 issue 并附上文件，或交给负责网站的同事），说明是哪一年、哪个地方的通知，"
        "维护人员会让 minsheng new-year 读懂这种写法。")


@dataclass
class Measure:
    text: str  # as printed, without its number
    number: int | None  # as printed; None where it has none
    line: int


@dataclass
class PrintedItem:
    number: str  # the number as printed: 五十, 12
    marker: str  # the number with its brackets or stop as printed: (五十), 12.
    line: int  # 1-based line of notice.txt
    paragraph: str  # the first paragraph (or the row's content), as printed: the item's source text
    category: PrintedCategory
    body: str = ""  # the paragraph without its number and its lead units
    title: str = ""
    lead_units_text: str | None = None  # the lead units as printed, without their label
    lead_in_paragraph: bool = False  # printed in a bracket of the first paragraph, as (牵头单位:…)
    measures: list[Measure] = field(default_factory=list)
    measures_heading: str = ""
    no_task_text: str | None = None
    defects: list[str] = field(default_factory=list)  # capture defects, for data notes (kind capture_defect)
    remarks: list[str] = field(default_factory=list)  # plain remarks on the text (kind note)

    @property
    def value(self) -> int | None:
        """The printed number as a number: 五十 → 50, 12 → 12."""
        return int(self.number) if self.number.isdigit() else chinese_number(self.number)


@dataclass
class PrintedCategory:
    number: str
    name: str
    printed_count: int | None
    line: int
    items: list[PrintedItem] = field(default_factory=list)
    printed: bool = True  # False: the notice has no categories, and this one stands for the whole list

    @property
    def city(self) -> bool:
        return "市级" in self.name


@dataclass
class Milestone:
    month: int
    wording: str  # as printed: 6月底前总体进度达到70%
    percent: float | None  # the overall progress it names, where it names one


@dataclass
class PrintedNotice:
    text: str
    title: str | None = None
    issuer: str | None = None
    publisher: str | None = None
    document_number: str | None = None  # from the page's metadata (发布文号)
    body_document_number: str | None = None  # as the notice's own text prints it
    index_number: str | None = None
    published: dt.date | None = None
    signature: str | None = None  # the date under the signature, as printed
    categories: list[PrintedCategory] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    reporting_wording: str | None = None
    attachments: list[str] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)  # a table's 完成时限 cells, as printed
    layout: Layout | None = None
    unreadable: str | None = None  # what could not be read, naming the part and what it looked like
    defects: list[str] = field(default_factory=list)  # of the notice as a whole

    @property
    def items(self) -> list[PrintedItem]:
        return [item for category in self.categories for item in category.items]

    @property
    def district(self) -> str | None:
        """The district (or county) the notice is for, from its issuer: 黄山区."""
        found = re.match(r"^(.{1,8}?[区县旗])", self.issuer or "")
        return found.group(1) if found else None


def read_notice(text: str) -> PrintedNotice:
    notice = PrintedNotice(text)
    lines = [(number, raw.strip()) for number, raw in enumerate(text.splitlines(), start=1)]
    lines = [(number, line) for number, line in lines if line]
    layout = find_layout(lines)
    notice.layout = layout
    if layout.unreadable:
        notice.unreadable = layout.unreadable + "\n" + SEND
        _read_header(notice, lines)
        return notice
    if layout.table:
        header, closing = _read_table(notice, lines, layout)
    else:
        header, closing = _read_list(notice, lines, layout)
    _read_header(notice, header)
    _read_closing(notice, header, closing)
    for item in notice.items:
        _check_item(notice, item)
    _check_numbers(notice)
    return notice


def _read_list(notice: PrintedNotice, lines: list[tuple[int, str]], layout: Layout):
    """Items on numbered lines of the layout's item marker, categories on the category marker's lines, and
    what stands between them in the item it follows."""
    header: list[tuple[int, str]] = []
    closing: list[tuple[int, str]] = []
    category: PrintedCategory | None = None
    item: PrintedItem | None = None
    for index, (number, line) in enumerate(lines):
        if index < layout.start:
            header.append((number, line))
            continue
        if index >= layout.end:
            closing.append((number, line))
            continue
        if index in layout.categories:
            heading = CATEGORY_HEADING.match(line)
            count = int(heading.group(3)) if heading and heading.group(3) is not None else None
            found = marker_of(line)
            name = heading.group(2) if heading else line[found[2]:].strip()
            category = PrintedCategory(found[1], name, count, number)
            notice.categories.append(category)
            item = None
            continue
        if index in layout.items:
            if category is None:
                category = PrintedCategory("一", "民生实事", None, number, printed=False)
                notice.categories.append(category)
            item = _list_item(line, number, category)
            category.items.append(item)
            continue
        if item is None:  # text between a category heading and its first item
            notice.defects.append(f"第{number}行“{_cut(line)}”在类别标题和第一个项目之间，不属于任何项目，未读入。")
            continue
        lead = own_lead(line)
        if lead is not None:
            if item.lead_units_text is None and lead:
                item.lead_units_text = lead
            else:
                item.remarks.append(f"第{number}行“{_cut(line, 30)}”照录于通知，未作为推进措施。")
            continue
        heading = MEASURES_HEADING.match(line)
        if heading and not item.measures_heading:
            item.measures_heading = heading.group(1)
            line = line[heading.end():]
            if not line:
                continue
        item.measures.append(_measure(line, number, len(item.measures) + 1))
    return header, closing


def _list_item(line: str, number: int, category: PrintedCategory) -> PrintedItem:
    kind, printed, start = marker_of(line)
    item = PrintedItem(printed, line[:start].strip(), number, line, category)
    lead = inline_lead(line)
    if lead is not None:
        item.lead_units_text = lead.text
        item.lead_in_paragraph = True
        item.body = line[start:lead.start]
    else:
        item.body = line[start:]
    item.title = title_of(item.body)
    return item


def _read_table(notice: PrintedNotice, lines: list[tuple[int, str]], layout: Layout):
    header = [pair for index, pair in enumerate(lines) if index < layout.start]
    closing = [pair for index, pair in enumerate(lines) if index >= layout.end]
    category: PrintedCategory | None = None
    by_name: dict[str, PrintedCategory] = {}
    notice.defects += layout.defects
    for row in layout.rows:
        if row.category is not None:
            heading = CATEGORY_HEADING.match(row.category)
            if heading:
                category = PrintedCategory(heading.group(1), heading.group(2),
                                           int(heading.group(3)) if heading.group(3) else None, row.line)
            else:
                category = PrintedCategory(_numeral(len(notice.categories) + 1), row.category, None, row.line)
            notice.categories.append(category)
            continue
        cells = row.cells
        if cells.get("category"):
            name = cells["category"]
            if name not in by_name:
                by_name[name] = PrintedCategory(_numeral(len(by_name) + 1), name, None, row.line)
                notice.categories.append(by_name[name])
            category = by_name[name]
        if category is None:
            category = PrintedCategory("一", "民生实事", None, row.line, printed=False)
            notice.categories.append(category)
        content, title = cells.get("content", ""), cells.get("title", "")
        paragraph = content or title
        item = PrintedItem(cells.get("number", ""), cells.get("number", ""), row.line, paragraph, category,
                           body=paragraph, title=title or title_of(content))
        if title and content and title not in content:
            item.body = title + "。" + content  # figures of the name too (新建公办幼儿园2所)
        item.lead_units_text = cells.get("lead") or None
        if cells.get("deadline"):
            item.remarks.append(f"完成时限：{cells['deadline']}（通知表格原文）。")
            notice.deadlines.append(cells["deadline"])
        item.measures = [Measure(text, None, row.line) for text in row.extra]
        category.items.append(item)
    return header, closing


def title_of(body: str) -> str:
    """The item's name: the first clause of its first paragraph (or the first two, where the first only says
    what it builds on), without a target figure at its end (实施农村电网巩固提升工程9个)."""
    spans = clauses(body)
    if not spans:
        return body.strip()
    end = spans[1][1] if body[spans[0][0]:].startswith(CIRCUMSTANCE) and len(spans) > 1 else spans[0][1]
    title = body[spans[0][0]:end].strip()
    stripped = re.sub(r"\d+(?:\.\d+)?\s*(?:[万亿]?[个项家所间座处条户名人次套辆台艘只盏册亩元]+|公里)$", "", title)
    return stripped if stripped else title


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause: the stretches between commas, semicolons and full stops (a comma
    between digits, as in 1,150, divides nothing)."""
    spans, start = [], 0
    for match in re.finditer(r"[,，;；。！？!?]", text):
        at = match.start()
        if text[at] == "," and 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit():
            continue
        if text[start:at].strip():
            spans.append((start, at))
        start = at + 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _measure(line: str, number: int, expected: int) -> Measure:
    found = MEASURE_NUMBER.match(line)
    if found and line[found.end():]:
        printed = int(found.group(1) or found.group(2))
        if found.group(1) or found.group(3) or printed == expected:  # 1. or (1), or a bare 3 where the third is due
            return Measure(line[found.end():], printed, number)
    marker = marker_of(line)
    if marker and marker[0] in ("paren_cn", "cn") and line[marker[2]:]:
        return Measure(line[marker[2]:], chinese_number(marker[1]), number)
    return Measure(line, None, number)


def _read_header(notice: PrintedNotice, header: list[tuple[int, str]]) -> None:
    text = "\n".join(line for _, line in header)
    for _, line in header:
        if notice.title is None and "关于" in line and line.endswith("通知"):
            notice.title = line
    for _, line in header:
        if notice.title is None and re.search("民生实事|民生工程|为民办实事", line) and len(line) <= 60 \
                and line.endswith(TITLE_ENDS) and not marker_of(line) and not re.search(r"[:：|｜]", line):
            notice.title = line
    if notice.title:
        parts = re.split("关于|印发|下达|公布", notice.title, maxsplit=1)
        notice.issuer = parts[0] if len(parts) > 1 and parts[0] else None
    found = re.search(r"发布机构\s*[:：|｜]?\s*[|｜]?\s*([^\s|｜]+)", text)
    notice.publisher = found.group(1) if found else None
    found = re.search(rf"(?:发布文号|文件编号|发文字号|文\s*号)\s*[:：|｜]?\s*[|｜]?\s*({DOCUMENT_NUMBER})", text)
    notice.document_number = found.group(1) if found else None
    for _, line in header:
        if re.fullmatch(r"\S{2,12}〔\d{4}(〕\d*号?)?", line):
            notice.body_document_number = line
        found = re.fullmatch(rf"[(（]?({DOCUMENT_NUMBER})[)）]?", line)
        if found:
            notice.body_document_number = found.group(1)
    found = re.search(r"(\d{9}/\d{6}-\d{5})", text) or re.search(r"索引号\s*[:：|｜]\s*[|｜]?\s*(\S+)", text)
    notice.index_number = found.group(1) if found else None
    for label in ("发布日期", "发布时间", "发文日期", "成文日期", "印发日期"):
        found = re.search(label + r"\s*[:：|｜]?\s*[|｜]?\s*" + DATE, text)
        if found:
            notice.published = _date(*found.groups())
            if notice.published:
                break
    if notice.body_document_number and not notice.body_document_number.endswith("号"):
        notice.defects.append(f"正文中的发文字号被截断为“{notice.body_document_number}”"
                              + (f"；完整字号“{notice.document_number}”取自信息公开页的“发布文号”栏。"
                                 if notice.document_number else "，信息栏中也没有完整的发文字号。"))


def _read_closing(notice: PrintedNotice, header: list[tuple[int, str]], closing: list[tuple[int, str]]) -> None:
    for _, line in header + closing:
        for found in re.finditer(r"(\d{1,2}月|年)底前([^、,，;；。]*)", line):
            wording = found.group(0)
            month = 12 if found.group(1) == "年" else int(found.group(1)[:-1])
            if not re.search(r"进度|完成|\d%", wording) or any(m.month == month for m in notice.milestones) \
                    or not 1 <= month <= 12:
                continue  # 4月底前制定实施方案 is a task, not a milestone of progress
            percent = re.search(r"(\d+(?:\.\d+)?)%", wording)
            notice.milestones.append(Milestone(month, wording, float(percent.group(1)) if percent else None))
    notice.milestones.sort(key=lambda milestone: milestone.month)
    for _, line in closing:
        if notice.reporting_wording is None and "月度通报" in line:
            spans = clauses(line)
            at = next(i for i, (start, end) in enumerate(spans) if "月度通报" in line[start:end])
            first = at - 1 if at and "通报" in line[slice(*spans[at - 1])] else at
            notice.reporting_wording = line[spans[first][0]:spans[at][1]].strip()
        attachment = re.match(r"^附件\s*\d*\s*[:：]\s*(.+)$", line)
        if attachment:
            notice.attachments.append(attachment.group(1))
    if closing:
        last = closing[-1][1]
        if re.fullmatch(r"\d{4}.*", last) and not re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", last):
            notice.signature = last
            notice.defects.append(f"落款日期被抓取为“{last}”，无法确定具体日期"
                                  + ("；发布日期取自信息公开页。" if notice.published else "。"))
        elif re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", last):
            notice.signature = last
            if notice.published is None:
                notice.published = _date(*re.findall(r"\d+", last))


def _check_item(notice: PrintedNotice, item: PrintedItem) -> None:
    """The defects of one item's text, each as a data note in Chinese."""
    paragraph = item.paragraph
    lead = re.search(r"[(（]\s*(?:牵头单位|责任单位|牵头部门|主办单位|责任部门|实施单位|牵头领导)", paragraph) \
        if item.lead_in_paragraph else None
    if lead is not None:
        before = paragraph[:lead.start()].rstrip()
        if before and before[-1] not in CLAUSE_END:
            item.defects.append(f"第一段“{_tail(before)}”后缺句号，直接接“{paragraph[lead.start():][:5]}…”，照录未改。")
        if not re.search(r"[)）]", paragraph[lead.end():]):
            item.defects.append(f"第一段末尾“{paragraph[lead.start():]}”缺少右括号，照录未改。")
    texts = [("第一段", item.body)] + [(f"{where_of(item, i)}", m.text) for i, m in enumerate(item.measures, start=1)]
    for where, text in texts:
        item.defects += _text_defects(where, text, notice.district)
    printed = [m.number for m in item.measures]
    if len(item.measures) == 1 and printed == [None]:
        if NO_TASK.search(item.measures[0].text) and len(item.measures[0].text) <= 40:
            item.no_task_text = item.measures[0].text
            item.measures = []
        elif item.measures_heading:
            item.remarks.append(f"本项{item.measures_heading}只有一段，原文未编号。")
    if NO_TASK.search(item.body) and not item.measures and len(item.body) <= 40 and not item.no_task_text:
        found = re.search(r"[^,，。;；]*无任务", item.body)
        item.no_task_text = found.group(0).strip()
    numbered = item.measures_heading or any(number is not None for number in printed)
    for position, measure in enumerate(item.measures, start=1):
        raw = _raw_line(notice.text, measure.line)
        if not numbered:
            pass
        elif measure.number is None and len(item.measures) > 1:
            item.defects.append(f"推进措施第{position}条没有序号，本站按原文顺序列为第{position}条，照录未改。")
        elif measure.number is not None and measure.number != position:
            item.defects.append(f"推进措施第{position}条印的序号是“{measure.number}”，与前后顺序不符，照录未改。")
        elif measure.number is not None and not re.match(r"^(\d{1,2}[.．、]|[(（]\S{1,3}[)）]|[一二三四五六七八九十]+、)", raw):
            item.defects.append(f"推进措施第{position}条序号“{measure.number}”后缺少“.”，原文为“{_cut(raw, 8)}……”，"
                                "本站去掉序号照录正文。")
        text = measure.text.rstrip()
        if text and text[-1] not in CLAUSE_END + "”》)）" and not notice.layout.table:
            item.defects.append(f"{where_of(item, position)}以“{_tail(text)}”结束，缺句末标点，句子可能不完整，照录未改。")
    if not item.measures_heading and any(other.measures_heading for other in notice.items):
        item.defects.append("本项没有“推进措施:”一行。")


def where_of(item: PrintedItem, position: int) -> str:
    """How a measure is named in messages: 推进措施第2条, or 正文第3段 where the notice gives no such heading
    and no number."""
    if item.measures_heading or any(measure.number is not None for measure in item.measures):
        return f"推进措施第{position}条"
    return f"正文第{position + 1}段"


def _text_defects(where: str, text: str, district: str | None) -> list[str]:
    found = []
    lost = district[-1] if district else "区"
    for match in re.finditer(r"全(.)", text):
        if match.group(1) not in WHOLE and (match.start() == 0 or text[match.start() - 1] not in WHOLE_BEFORE):
            context = text[max(0, match.start() - 4):match.end() + 4]
            found.append(f"{where}“{context}”中“全”后很可能缺“{lost}”字（即“全{lost}”），照录未改。")
    for opening, closing in PAIRS:
        if text.count(opening) != text.count(closing):
            found.append(f"{where}中“{opening}”与“{closing}”不成对（{text.count(opening)}个“{opening}”，"
                         f"{text.count(closing)}个“{closing}”），照录未改。")
    for match in STRAY_SPACE.finditer(text):
        context = text[max(0, match.start() - 4):match.end() + 4]
        found.append(f"{where}“{context}”中有一个多余的空格，照录未改。")
    return found


def _check_numbers(notice: PrintedNotice) -> None:
    """Item numbers printed twice, skipped or out of order; categories whose printed count is not their list's."""
    seen: dict[str, list[PrintedItem]] = {}
    for item in notice.items:
        seen.setdefault(item.number, []).append(item)
    restart = _numbering_restarts(notice)
    for number, items in seen.items():
        if len(items) > 1 and not restart:
            places = "、".join((f"“{i.category.number}、{i.category.name}”中的" if i.category.printed else "")
                              + f"“{i.title}”" for i in items)
            for item in items:
                item.defects.append(f"通知中有{len(items)}个项目都印为“{item.marker}”：{places}。照录原印序号。")
    for level in (False, True):
        expected = 1
        previous = None
        for item in (i for i in notice.items if i.category.city == level):
            if restart and item.category is not previous:
                expected = 1
            previous = item.category
            value = item.value
            if value is not None and value != expected and len(seen[item.number]) == 1 and not restart:
                item.defects.append(f"本项印为“{item.marker}”，按前后顺序应为第{expected}项，序号不连续，照录未改。")
            expected = (value if value is not None and len(seen[item.number]) == 1 else expected) + 1
    counted = any(category.printed_count is not None for category in notice.categories)
    for category in notice.categories:
        if category.printed_count is None:
            if counted:
                notice.defects.append(f"类别“{category.number}、{category.name}”的标题没有印项数。")
        elif category.printed_count != len(category.items):
            notice.defects.append(f"类别“{category.number}、{category.name}”标题印为{category.printed_count}项，"
                                  f"其下实际列出{len(category.items)}项，照录未改。")


def _numbering_restarts(notice: PrintedNotice) -> bool:
    """Whether the items are numbered anew in each category (1. 2. under 一、, 1. 2. again under 二、)."""
    return len(notice.categories) > 1 and all(c.items and c.items[0].value == 1 for c in notice.categories)


def _raw_line(text: str, number: int) -> str:
    return text.splitlines()[number - 1].strip()


def _date(year, month, day) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def _numeral(value: int) -> str:
    digits = "一二三四五六七八九"
    tens, ones = divmod(value, 10)
    return (("" if tens < 2 else digits[tens - 1]) + "十" if tens else "") + (digits[ones - 1] if ones else "")


def _cut(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _tail(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else "……" + text[-limit:]
