"""Read a notice of the yearly form into its parts: the page's metadata, the categories (一、促进就业(3项)),
the items ((一)… (牵头单位:…), then 推进措施: and the numbered measures) and the closing section with its
schedule (6月底前总体进度达到70%、…). Every text is kept as printed, and every defect of the text found on
the way (an unclosed bracket, a measure without its full stop, a number printed twice, a lost character,
a stray space) is recorded in Chinese beside the part it touches, never corrected.

This module only reads: figures are candidates.py's, drafts and files new_year.py's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..validate.plan import chinese_number

NUMERAL = "一二三四五六七八九十百千零两"
ITEM_HEADING = re.compile(rf"^[(（]([{NUMERAL}]+)[)）]")
CATEGORY_HEADING = re.compile(rf"^([{NUMERAL}]+)、\s*(.+?)\s*(?:[(（]\s*(\d+)\s*项\s*[)）])?\s*$")
MEASURES_HEADING = re.compile(r"^(推进措施|推进举措|工作措施|主要措施)\s*[:：]\s*")
LEAD_UNITS = re.compile(r"[(（]牵头单位[:：]")
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
DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass
class Measure:
    text: str  # as printed, without its number
    number: int | None  # as printed; None where it has none
    line: int


@dataclass
class PrintedItem:
    number: str  # the numeral as printed: 五十
    line: int  # 1-based line of notice.txt
    paragraph: str  # the first paragraph, as printed
    category: PrintedCategory
    measures: list[Measure] = field(default_factory=list)
    measures_heading: str = ""
    no_task_text: str | None = None
    defects: list[str] = field(default_factory=list)  # capture defects, for data notes (kind capture_defect)
    remarks: list[str] = field(default_factory=list)  # plain remarks on the text (kind note)

    @property
    def body(self) -> str:
        """The first paragraph without its number and its (牵头单位:…)."""
        start = ITEM_HEADING.match(self.paragraph).end()
        lead = LEAD_UNITS.search(self.paragraph)
        return self.paragraph[start:lead.start() if lead else None]

    @property
    def lead_units_text(self) -> str | None:
        """The text inside (牵头单位:…), as printed, up to its closing bracket or the paragraph's end."""
        lead = LEAD_UNITS.search(self.paragraph)
        if not lead:
            return None
        rest = self.paragraph[lead.end():]
        end = re.search(r"[)）]", rest)
        return rest[:end.start()] if end else rest

    @property
    def title(self) -> str:
        return title_of(self.body)


@dataclass
class PrintedCategory:
    number: str
    name: str
    printed_count: int | None
    line: int
    items: list[PrintedItem] = field(default_factory=list)

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
    header: list[tuple[int, str]] = []
    closing: list[tuple[int, str]] = []
    category: PrintedCategory | None = None
    item: PrintedItem | None = None
    for index, (number, line) in enumerate(lines):
        if closing:
            closing.append((number, line))
            continue
        heading = CATEGORY_HEADING.match(line)
        if heading and not ITEM_HEADING.match(line):
            following = lines[index + 1][1] if index + 1 < len(lines) else ""
            if heading.group(3) is not None or ITEM_HEADING.match(following):
                count = int(heading.group(3)) if heading.group(3) is not None else None
                category = PrintedCategory(heading.group(1), heading.group(2), count, number)
                notice.categories.append(category)
                item = None
                continue
            if notice.categories:  # a heading without items after the list: the closing section
                closing.append((number, line))
                continue
        if category is None:
            header.append((number, line))
            continue
        if ITEM_HEADING.match(line):
            item = PrintedItem(ITEM_HEADING.match(line).group(1), number, line, category)
            category.items.append(item)
            continue
        if item is None:  # text between a category heading and its first item
            notice.defects.append(f"第{number}行“{_cut(line)}”在类别标题和第一个项目之间，不属于任何项目，未读入。")
            continue
        lead = MEASURES_HEADING.match(line)
        if lead and not item.measures_heading:
            item.measures_heading = lead.group(1)
            line = line[lead.end():]
            if not line:
                continue
        item.measures.append(_measure(line, number, len(item.measures) + 1))
    _read_header(notice, header)
    _read_closing(notice, closing)
    for item in notice.items:
        _check_item(notice, item)
    _check_numbers(notice)
    return notice


def title_of(body: str) -> str:
    """The item's name: the first clause of its first paragraph (or the first two, where the first only says
    what it builds on), without a target figure at its end (实施农村电网巩固提升工程9个)."""
    spans = clauses(body)
    if not spans:
        return body.strip()
    end = spans[1][1] if body[spans[0][0]:].startswith(CIRCUMSTANCE) and len(spans) > 1 else spans[0][1]
    title = body[spans[0][0]:end].strip()
    stripped = re.sub(r"\d+(?:\.\d+)?\s*[个项家所间座处条户名人次]+$", "", title)
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
    return Measure(line, None, number)


def _read_header(notice: PrintedNotice, header: list[tuple[int, str]]) -> None:
    text = "\n".join(line for _, line in header)
    for _, line in header:
        if notice.title is None and "关于" in line and line.endswith("通知"):
            notice.title = line
    if notice.title:
        notice.issuer = notice.title.split("关于", 1)[0] or None
    found = re.search(r"发布机构\s*[:：]\s*(\S+)", text)
    notice.publisher = found.group(1) if found else None
    found = re.search(r"(?:发布文号|文\s*号)\s*[:：]\s*(\S+〔\d{4}〕\d+号)", text)
    notice.document_number = found.group(1) if found else None
    for _, line in header:
        if re.fullmatch(r"\S{2,12}〔\d{4}(〕\d*号?)?", line):
            notice.body_document_number = line
    found = re.search(r"(\d{9}/\d{6}-\d{5})", text) or re.search(r"索引号\s*[:：]\s*(\S+)", text)
    notice.index_number = found.group(1) if found else None
    for label in ("发布日期", "发布时间", "发文日期", "成文日期"):
        found = re.search(label + r"\s*[:：]\s*(\d{4}-\d{1,2}-\d{1,2})", text)
        if found:
            notice.published = _date(found.group(1))
            if notice.published:
                break
    if notice.body_document_number and not notice.body_document_number.endswith("号"):
        notice.defects.append(f"正文中的发文字号被截断为“{notice.body_document_number}”"
                              + (f"；完整字号“{notice.document_number}”取自信息公开页的“发布文号”栏。"
                                 if notice.document_number else "，信息栏中也没有完整的发文字号。"))


def _read_closing(notice: PrintedNotice, closing: list[tuple[int, str]]) -> None:
    for _, line in closing:
        for found in re.finditer(r"(\d{1,2})月底前([^、,，;；。]*)", line):
            wording = found.group(0)
            month = int(found.group(1))
            if not re.search("进度|完成", wording) or any(m.month == month for m in notice.milestones):
                continue  # 4月底前制定实施方案 is a task, not a milestone of progress
            percent = re.search(r"(\d+(?:\.\d+)?)%", wording)
            notice.milestones.append(Milestone(month, wording, float(percent.group(1)) if percent else None))
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
                year, month, day = map(int, re.findall(r"\d+", last))
                notice.published = _date(f"{year}-{month}-{day}")


def _check_item(notice: PrintedNotice, item: PrintedItem) -> None:
    """The defects of one item's text, each as a data note in Chinese."""
    paragraph, lead = item.paragraph, LEAD_UNITS.search(item.paragraph)
    if lead is None:
        item.defects.append("第一段没有“(牵头单位:……)”。")
    else:
        before = paragraph[:lead.start()].rstrip()
        if before and before[-1] not in CLAUSE_END:
            item.defects.append(f"第一段“{_tail(before)}”后缺句号，直接接“{paragraph[lead.start():][:5]}…”，照录未改。")
        if not re.search(r"[)）]", paragraph[lead.end():]):
            item.defects.append(f"第一段末尾“{paragraph[lead.start():]}”缺少右括号，照录未改。")
    texts = [("第一段", item.body)] + [(f"推进措施第{i}条", m.text) for i, m in enumerate(item.measures, start=1)]
    for where, text in texts:
        item.defects += _text_defects(where, text, notice.district)
    printed = [m.number for m in item.measures]
    if len(item.measures) == 1 and printed == [None]:
        if NO_TASK.search(item.measures[0].text) and len(item.measures[0].text) <= 40:
            item.no_task_text = item.measures[0].text
            item.measures = []
        else:
            item.remarks.append(f"本项{item.measures_heading or '推进措施'}只有一段，原文未编号。")
    for position, measure in enumerate(item.measures, start=1):
        raw = _raw_line(notice.text, measure.line)
        if measure.number is None and len(item.measures) > 1:
            item.defects.append(f"推进措施第{position}条没有序号，本站按原文顺序列为第{position}条，照录未改。")
        elif measure.number is not None and measure.number != position:
            item.defects.append(f"推进措施第{position}条印的序号是“{measure.number}”，与前后顺序不符，照录未改。")
        elif measure.number is not None and not re.match(r"^(\d{1,2}[.．、]|[(（]\d{1,2}[)）])", raw):
            item.defects.append(f"推进措施第{position}条序号“{measure.number}”后缺少“.”，原文为“{_cut(raw, 8)}……”，"
                                "本站去掉序号照录正文。")
        text = measure.text.rstrip()
        if text and text[-1] not in CLAUSE_END + "”》)）":
            item.defects.append(f"推进措施第{position}条以“{_tail(text)}”结束，缺句末标点，句子可能不完整，照录未改。")
    if not item.measures_heading:
        item.defects.append("本项没有“推进措施:”一行。")


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
    for number, items in seen.items():
        if len(items) > 1:
            places = "、".join(f"“{i.category.number}、{i.category.name}”中的“{i.title}”" for i in items)
            for item in items:
                item.defects.append(f"通知中有{len(items)}个项目都印为“({number})”：{places}。照录原印序号。")
    for level in (False, True):
        expected = 1
        for item in (i for i in notice.items if i.category.city == level):
            value = chinese_number(item.number)
            if value is not None and value != expected and len(seen[item.number]) == 1:
                item.defects.append(f"本项印为“({item.number})”，按前后顺序应为第{expected}项，序号不连续，照录未改。")
            expected = (value if value is not None and len(seen[item.number]) == 1 else expected) + 1
    for category in notice.categories:
        if category.printed_count is None:
            notice.defects.append(f"类别“{category.number}、{category.name}”的标题没有印项数。")
        elif category.printed_count != len(category.items):
            notice.defects.append(f"类别“{category.number}、{category.name}”标题印为{category.printed_count}项，"
                                  f"其下实际列出{len(category.items)}项，照录未改。")


def _raw_line(text: str, number: int) -> str:
    return text.splitlines()[number - 1].strip()


def _date(text: str) -> dt.date | None:
    found = DAY.fullmatch(text)
    try:
        return dt.date(*map(int, found.groups())) if found else None
    except ValueError:
        return None


def _cut(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _tail(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else "……" + text[-limit:]
