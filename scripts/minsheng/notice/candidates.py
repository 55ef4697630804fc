"""Every figure of a sentence of the notice as a candidate target (指标) or standard (政策标准): its value,
unit and qualifier (左右, 不少于, 以上, 力争 …), the phrase that states it, and why it may be doubtful.

The reading is a guess for a person to confirm, never a decision: money and rates of aid are standards,
a number with 每 (per head, per village) is a standard, a count or a level to reach is a target. Years,
ages, hours and figures inside quotation marks or book titles (“15分钟阅读圈”, 《…2024年度…》) are not
figures of the plan and are passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .notice_text import clauses

# Counting and measuring units, and the same with 万 or 亿 before them (5万名, 1.2亿元, 10万人次), which keep their
# scale: the figure is 5 in 万名, not 50000 in 名. Longest first, so that 人次 is read before 人.
COUNTS = ("人(次)", "人次", "套(间)", "平方米", "平方公里", "立方米", "公顷", "公里", "千米", "千瓦", "千克", "分钟", "个月",
          "场次", "人", "户", "个", "间", "件", "位", "家", "名", "场", "项", "所", "座", "处", "条", "次", "辆", "台", "张",
          "吨", "亩", "米", "套", "艘", "只", "盏", "册", "头", "株", "棵", "批", "部", "栋", "幢", "眼", "宗", "支", "块",
          "床", "份", "期", "班", "元")
UNITS = tuple(sorted({"万元", "%", *COUNTS, *(f"{scale}{unit}" for scale in "万亿" for unit in COUNTS), "万", "亿"},
                     key=len, reverse=True))
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
UNIT = "|".join(re.escape(unit) for unit in UNITS)
FIGURE = re.compile(rf"(?<![\d.\-—－~～])({NUMBER})\s*(?:({UNIT})|(?=\s*[(（,，。;；]|\s*$))")
SUFFIX = re.compile(r"\s*(/人·年|/人/年|/人|/月|/年|/学年|/户|/村)?\s*(左右|以上|以下)?")
PREFIX_COMPARATORS = ("不少于", "不低于", "不超过", "提高到", "达到")
# 由670元提高到700元, 从99.90%提高到99.93%, 缴费费率由7%降至6%: one figure with its baseline
CHANGE = r"(?:提高|提升|增加|增长|上调|调高|扩大|降低|下降|下调|减少|压减|缩减|降)(?:到|至)"
BASELINE = re.compile(rf"(?:由|从)\s*(?:每[^\d,，。;；]{{1,5}}?)?\s*({NUMBER})\s*({UNIT})?\s*(?:/\S{{1,2}})?\s*{CHANGE}")
RISE = re.compile(r"(?:提高|提升|增加|增长|上调|调高|扩大)(?:到|至)\s*$")
FALL = re.compile(r"(?:降低|下降|下调|减少|压减|缩减|降)(?:到|至)\s*$")
RATIO = re.compile(r"(?:每|)[十百千万](?:人|人口|名|户)")  # 每千人4.2个: a level per head, not a count
PER = re.compile(r"每(学年|年|月|人|生|户|村|院|家|场|个新生儿|个行政村|个村|个)")
MONEY = ("元", "万元", "亿元")
SENTENCE = re.compile(r"[。；;！？!?]")
QUOTED = re.compile(r"“[^”]*”|《[^》]*》|\"[^\"]*\"")
AID = re.compile(r"补助|补贴|奖补|资助|救助|发放")
LIST = ("、", "和", "及")  # what joins the figures of a list
COST_SHARE = re.compile(r"给予补助|由[^,，。;；]{0,10}承担")


@dataclass
class Candidate:
    value: float
    unit: str | None
    comparator: str | None
    standard: bool  # a policy standard (政策标准) rather than a target (指标)
    kind: str  # count or level for a target; subsidy, ratio, cost_share, standard or threshold for a standard
    source: str  # the clause that states it, verbatim
    name: str  # a first guess at its name
    where: str  # 第一段, 推进措施第2条
    start: int  # where in its text
    baseline: float | None = None
    per: str | None = None
    period: str | None = None
    doubts: list[str] = field(default_factory=list)  # what makes the figure doubtful (data notes, capture_defect)
    notes: list[str] = field(default_factory=list)  # how it was read (data notes, note)
    remarks: list[str] = field(default_factory=list)  # what a person must check (review only)

    @property
    def key(self) -> tuple:
        """What makes two candidates the same figure: a measure repeating the first paragraph's."""
        return self.value, self.unit, self.standard


def figures(text: str, where: str, year: int | None = None) -> list[Candidate]:
    """The candidates of one paragraph (an item's first paragraph without its lead units, or one measure)."""
    hidden = [match.span() for match in QUOTED.finditer(text)]
    baselines = {match.start(1): (float(match.group(1).replace(",", "")), match.start())
                 for match in BASELINE.finditer(text)}
    spans = clauses(text)
    sentences = _sentences(text)
    found: list[Candidate] = []
    matches = [m for m in FIGURE.finditer(text) if not any(a <= m.start() < b for a, b in hidden)]
    ends = [SUFFIX.match(text, m.end()).end() for m in matches]  # each figure with its /月 and 以上
    for index, match in enumerate(matches):
        if match.start() in baselines:
            continue  # 从99.90%提高到…: the starting level of the next figure
        unit = match.group(2)
        clause = next(((a, b) for a, b in spans if a <= match.start() < b), (0, len(text)))
        before = text[clause[0]:match.start()]
        if unit is None and not before.rstrip().endswith(PREFIX_COMPARATORS + ("力争", "达")) \
                and not RISE.search(before) and not FALL.search(before):
            continue  # a bare number is a figure only where the notice qualifies it (不少于70)
        # the clause before this figure, from the end of the figure before it in the clause (3500人次 after 人均49元)
        local = text[max(clause[0], ends[index - 1] if index else 0):match.start()]
        suffix = SUFFIX.match(text, match.end())
        sentence = next(((a, b) for a, b in sentences if a <= match.start() < b), (0, len(text)))
        candidate = _candidate(text, match, unit, before, local, suffix.group(1) or "", suffix.group(2), clause,
                               sentence, where)
        baseline = [start for start in baselines if clause[0] <= start < match.start()]
        if baseline:
            candidate.baseline, opening = baselines[baseline[-1]]
            local = text[clause[0]:opening]  # 供电可靠性 (从99.90%提高到99.93%)
            if FALL.search(text[clause[0]:match.start()]) and candidate.comparator == "提高到":
                candidate.comparator = None
            if candidate.standard:
                candidate.notes.append(f"{candidate.where}“{candidate.source}”：标准由{candidate.baseline:g}"
                                       f"{candidate.unit or ''}调整为{candidate.value:g}{candidate.unit or ''}")
        following = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        after = text[ends[index]:min(clause[1], following)]
        if following < clause[1] and after.startswith(LIST):
            after = ""  # 生活救助4人、子女助学1人: what follows names the next figure
        if index and ends[index - 1] > clause[0] and not baseline:  # …宫颈癌、2500人次乳腺癌: named the one before
            local = re.split("|".join(LIST), local)[-1]
        candidate.name = _name(local, after, text[slice(*clause)])
        if year is not None:
            years = {int(y) for y in re.findall(r"(20\d\d)年", text[slice(*clause)])}
            if years and year not in years:
                candidate.remarks.append(f"这句写的是{'、'.join(map(str, sorted(years)))}年的目标，可能不是{year}年度的")
        found.append(candidate)
    _money_lists(found)
    return found


def _candidate(text: str, match: re.Match, unit: str | None, before: str, local: str, tail: str, suffix: str | None,
               clause: tuple[int, int], sentence: tuple[int, int], where: str) -> Candidate:
    """`before`: the clause up to the figure; `local`: the part of it after the figure before (if any)."""
    value = float(match.group(1).replace(",", ""))
    clause_text, sentence_text = text[slice(*clause)], text[slice(*sentence)]
    comparator = suffix or _prefix_comparator(local) or _prefix_comparator(before)
    money = unit in MONEY or unit == "万"
    ratio = unit not in MONEY and unit != "%" and bool(RATIO.search(local))
    if ratio:
        standard = False
    elif money:
        standard = not ("完成" in before and not re.search(r"每|人均|标准|" + AID.pattern, clause_text))
    elif unit == "%":
        standard = bool(re.search(r"比例|救助|资助|补助|报销|分担", clause_text))
    elif unit == "个月":
        standard = True
    else:
        standard = bool(re.search(r"每|人均", local)) or (
            bool(COST_SHARE.search(sentence_text)) and not clause_text.startswith("为"))
    if standard:
        if money:
            kind = "threshold" if comparator == "以下" else "subsidy" if AID.search(sentence_text) else "standard"
        elif unit == "%":
            kind = "ratio"
        elif COST_SHARE.search(sentence_text) and not re.search(r"每|人均", local):
            kind = "cost_share"
        else:
            kind = "standard"
    else:
        kind = "level" if unit == "%" or ratio else "count"
    source = clause_text.strip()
    candidate = Candidate(value, unit, comparator, standard, kind, source, "", where, match.start())
    for found in PER.finditer(before):
        what = found.group(1)
        if what in ("年", "月", "学年"):
            candidate.period = what
        elif what != "个" and found.start() >= len(before) - len(local):
            candidate.per = what.removeprefix("个")
    if "人均" in local:
        candidate.per = "人"
    if "一次性" in before:
        candidate.period = "一次性"
    for part in filter(None, tail.strip("/").replace("·", "/").split("/")):
        if part in ("年", "月", "学年"):
            candidate.period = part
        else:
            candidate.per = part
    if unit is None:
        candidate.doubts.append(f"{where}“{_around(text, match)}”中的{match.group(1)}后没有计量单位，"
                                "单位无法确定，本站单位记为空，请以正式文件为准")
    elif unit == "元" and value < 10_000 and re.search(r"工程|投资|建设", clause_text) and not re.search(
            r"每|人均|标准|" + AID.pattern, clause_text):
        candidate.doubts.append(f"{where}原文为“{match.group(0)}{suffix or ''}”，照录未改；对工程而言金额很小，"
                                "按上下文可能是“万元”，请以正式文件为准")
    elif unit == "%" and value > 100:
        candidate.doubts.append(f"{where}“{_around(text, match)}”中的比率超过100%")
    elif unit in ("人", "人次", "户", "个", "家", "名", "位", "件", "场", "套", "艘", "只", "台", "辆") \
            and value != int(value) and not ratio:
        candidate.doubts.append(f"{where}“{_around(text, match)}”中的{unit}数带小数")
    return candidate


def _prefix_comparator(before: str) -> str | None:
    """The qualifier before a figure: the nearest of 不少于, 不低于, 不超过, 提高到, 达到 (达 just before it) in its
    clause, else 力争 anywhere in the clause."""
    stripped = before.rstrip()
    if stripped.endswith("达") and not stripped.endswith("达到"):
        return "达到"
    if RISE.search(stripped):
        return "提高到"
    if FALL.search(stripped):
        return None
    nearest = max(((before.rfind(word), word) for word in PREFIX_COMPARATORS), default=(-1, None))
    if nearest[0] >= 0:
        return nearest[1]
    return "力争" if "力争" in before else None


def _name(before: str, after: str, clause: str) -> str:
    """A first guess at a figure's name: the words around it in its clause, without its qualifiers and without
    the other figures of the clause; the clause itself where nothing is left."""
    before = RISE.sub("", FALL.sub("", before.rstrip()))
    for word in ("力争",) + PREFIX_COMPARATORS + ("达",):
        before = before.rstrip().removesuffix(word)
    name = (before + after).strip(" 、,，的和及与")
    return name or clause.strip()


def _money_lists(found: list[Candidate]) -> None:
    """30万、20万、10万和3万元: an amount in 万 before one in 万元 of the same clause is in 万元."""
    for candidate in found:
        if candidate.unit != "万":
            continue
        if any(other.unit == "万元" and other.source == candidate.source for other in found):
            candidate.unit = "万元"
            candidate.notes.append(f"{candidate.where}“{candidate.value:g}万”未写“元”字，按同句的“万元”记为万元")
        else:
            candidate.doubts.append(f"“{candidate.value:g}万”没有写单位，无法确定是万元、万人还是其他")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in SENTENCE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _around(text: str, match: re.Match, width: int = 8) -> str:
    return text[max(0, match.start() - width):match.end() + 2].strip()
