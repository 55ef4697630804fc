"""Cross-checks of the annual plan: what no single record's schema can see.

Ids are unique, every reference resolves, each category holds the number of items the notice
prints, every quoted phrase occurs verbatim in the notice, and percentages lie within 0–100. Every
item with a task says in plain words what a resident gets (能得到什么), naming no money but what is
paid to the person or what the item's own text prints, and every money standard says to whom it is paid.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

import ahocorasick

from ..load.data_folder import DataFolder, Source, Year
from ..model import MONEY_UNITS, PAID_KINDS, Item
from ..problems import Problem

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


_UNITS = {"千": 1000, "百": 100, "十": 10}
# The number a paragraph opens with, as notices print it: (一) （一） 一、 1. 1、 （1）
_ITEM_MARKER = re.compile(r"^(?:[(（]\s*([一二三四五六七八九十百千零两]+|\d{1,4})\s*[)）]|([一二三四五六七八九十百千零两]+)\s*、"
                          r"|(\d{1,4})\s*[.．、](?!\d))")


def chinese_number(text: str) -> int | None:
    """一 … 九千九百九十九 as printed (十二, 四十三, 一百零五, 两千); None for anything else."""
    if not text or text != text.strip():
        return None
    total, digit, last_unit = 0, None, 10_000
    for char in text:
        if char in _UNITS:
            unit = _UNITS[char]
            if unit >= last_unit or (digit is None and not (unit == 10 and total == 0)):
                return None
            total += (digit if digit is not None else 1) * unit
            digit, last_unit = None, unit
        elif char == "零":  # a gap after a unit, as in 一百零五
            if digit is not None or last_unit == 10_000:
                return None
        elif char in _DIGITS or char == "两":
            if digit is not None:
                return None
            digit = 2 if char == "两" else _DIGITS[char]
        else:
            return None
    if digit is not None:
        total += digit
    return total or None


def check_plan(plan: DataFolder) -> list[Problem]:
    problems = list(_check_site(plan)) + list(_check_units(plan)) + list(_check_rules_and_groups(plan))
    spellings = {u.id: set(u.spellings) for u in plan.units.units} if plan.units else {}
    groups = {g.id for g in plan.groups.groups} if plan.groups else None
    for year in plan.years.values():
        quotes: list[Quote] = []
        problems += _check_notice(year, quotes)
        anew = _numbered_anew(year)
        for item in year.items:
            problems += _check_item(item, year.item_sources[item.id], year, spellings, groups, quotes, anew)
            problems += _check_continues(plan, year, item)
        problems += _check_category_counts(year, plan.is_draft(year))
        problems += _not_in_notice(year, quotes)
        problems += _reviews(plan, year)
    return problems


def _numbered_anew(year: Year) -> set[str]:
    """Every item number, where the notice numbers its items anew in each category (1. 2. under 一、, 1. 2.
    again under 二、): a number then names no one item, so none is checked against an id."""
    firsts: dict[str, str] = {}
    for item in year.items:
        firsts.setdefault(item.category, item.number)
    if len(firsts) < 2 or any(number not in ("1", "一") for number in firsts.values()):
        return set()
    return {item.number for item in year.items}


def _reviews(plan: DataFolder, year: Year) -> list[Problem]:
    """What a person must still decide in a draft year, one notice per review line (待核对), and one for the
    year: a draft is not an error, it waits, and the site goes on showing the latest year without drafts."""
    if not plan.is_draft(year):
        return []
    found = []
    if year.notice:
        found += [year.notice_source.problem("review", text, ("review", index), severity="notice")
                  for index, text in enumerate(year.notice.review)]
    for item in year.items:
        found += [year.item_sources[item.id].problem("review", text, path, severity="notice")
                  for path, text in item.reviews()]
    named = {unit for item in year.items for unit in item.lead_units}
    units = sum(len(unit.review) for unit in plan.units.units if unit.id in named) if plan.units else 0
    shown = plan.shown_year
    where = year.notice_source.file if year.notice_source else f"{plan.root.name}/{year.year}"
    found.append(Problem(
        "review", where, f"{year.year} 年度是草稿，还有 {len(found) + units} 处待核对"
        + (f"（其中 {units} 处在牵头单位表中）" if units else ""),
        severity="notice", expected="逐条核对后删去 review 中的各条；核对完之前网站仍显示"
        + (f" {shown.year} 年度" if shown else "以前的年度")))
    return found


def _check_site(plan: DataFolder) -> Iterator[Problem]:
    if not plan.site:
        return
    for section in ("footer", "feedback"):
        yield from _placeholders(plan, plan.site_source, getattr(plan.site, section).model_dump(), (section,))
    url = plan.site.site_url
    if url is not None:
        yield from _placeholders(plan, plan.site_source, {"site_url": url}, ())
        if not url.startswith(plan.site.placeholder_prefix) and not _SITE_URL.fullmatch(url):
            yield plan.site_source.problem("site-url", "网站地址不是完整的网址", ("site_url",), value=url,
                                           expected="以 http:// 或 https:// 开头的完整地址，如 https://www.hsq.gov.cn/msss/")


_SITE_URL = re.compile(r"https?://[A-Za-z0-9.\-]+(:[0-9]+)?(/[^\s?#]*)?")


def _placeholders(plan: DataFolder, source: Source, values: dict, path: tuple) -> Iterator[Problem]:
    """Notices for the values still holding site.yaml's placeholder: the site leaves them out until filled."""
    prefix = plan.site.placeholder_prefix
    for name, value in values.items():
        if isinstance(value, str) and value.startswith(prefix):
            yield source.problem("placeholder", "网站信息仍是占位内容，发布前请填写", (*path, name),
                                 value=value, expected="办公室提供的正式内容", severity="notice")


CONTACT_FIELDS = ("address", "phone", "hours", "website")
_PHONE = re.compile(r"\+?[0-9][0-9 ()\-]*[0-9]")


def _check_rules_and_groups(plan: DataFolder) -> Iterator[Problem]:
    rules = plan.rules
    if rules and rules.behind_margin >= rules.far_behind_margin:
        yield plan.rules_source.problem("rules-order", "滞后界限应小于严重滞后界限", ("far_behind_margin",),
                                        value=rules.far_behind_margin, expected=f"大于 {rules.behind_margin:g}")
    if plan.groups:
        counts = Counter(g.id for g in plan.groups.groups)
        for index, group in enumerate(plan.groups.groups):
            if counts[group.id] > 1:
                yield plan.groups_source.problem("duplicate-id", "群体编号重复", ("groups", index, "id"),
                                                 value=group.id, expected="每个群体的编号唯一")


def _check_units(plan: DataFolder) -> Iterator[Problem]:
    if not plan.units:
        return
    source = plan.units_source
    owner: dict[str, str] = {}  # id or spelling → the unit id that first used it
    for index, unit in enumerate(plan.units.units):
        if ("id", unit.id) in owner:
            yield source.problem("duplicate-id", "单位编号重复", ("units", index, "id"), value=unit.id,
                                 expected="每个单位的编号唯一")
        owner[("id", unit.id)] = unit.id
        for line, text in enumerate(unit.review):
            yield source.problem("review", text, ("units", index, "review", line), severity="notice")
        for spelling in unit.spellings:
            if owner.setdefault(spelling, unit.id) != unit.id:
                yield source.problem("duplicate-id", f"这种写法已属于单位 {owner[spelling]}", ("units", index),
                                     value=spelling, expected="一种写法只对应一个单位")
        if not plan.site:
            continue
        contact = {name: getattr(unit, name) for name in CONTACT_FIELDS}
        yield from _placeholders(plan, source, contact, ("units", index))
        filled = {k: v for k, v in contact.items() if v and not v.startswith(plan.site.placeholder_prefix)}
        if "phone" in filled and not _PHONE.fullmatch(filled["phone"]):
            yield source.problem("contact-format", "电话号码的写法无法拨打", ("units", index, "phone"),
                                 value=filled["phone"], expected="一个号码，如 0559-1234567")
        if "website" in filled and not filled["website"].startswith(("http://", "https://")):
            yield source.problem("contact-format", "网站地址不完整", ("units", index, "website"),
                                 value=filled["website"], expected="以 http:// 或 https:// 开头的地址")


def _check_notice(year: Year, quotes: list[Quote]) -> list[Problem]:
    notice, source = year.notice, year.notice_source
    if not notice:
        return []
    problems = []
    if notice.year != year.year:
        problems.append(source.problem("year-mismatch", "年度与文件夹名不一致", ("year",), value=notice.year,
                                       expected=str(year.year)))
    counts = Counter(c.id for c in notice.categories)
    for index, category in enumerate(notice.categories):
        if counts[category.id] > 1:
            problems.append(source.problem("duplicate-id", "类别编号重复", ("categories", index, "id"),
                                           value=category.id, expected="每个类别的编号唯一"))
    previous = None
    for index, milestone in enumerate(notice.schedule.milestones):
        path = ("schedule", "milestones", index)
        if milestone.by.year != year.year:
            problems.append(source.problem("year-mismatch", "进度节点不在本年度内", path + ("by",),
                                           value=str(milestone.by), expected=f"{year.year}年内的日期"))
        if previous and milestone.by <= previous:
            problems.append(source.problem("date-order", "进度节点没有按时间先后排列", path + ("by",),
                                           value=str(milestone.by), expected=f"晚于 {previous}"))
        previous = milestone.by
        quotes.append(Quote(milestone.wording, source, path + ("wording",)))
    quotes.append(Quote(notice.schedule.reporting_wording, source, ("schedule", "reporting_wording")))
    return problems


def _check_continues(plan: DataFolder, year: Year, item: Item) -> list[Problem]:
    """An item that carries on an earlier year's names a year before its own, and an item that year has."""
    if item.continues is None:
        return []
    source, earlier = year.item_sources[item.id], item.continues
    years = sorted(y for y in plan.years if y < year.year)
    if earlier.year not in years:
        return [source.problem("unknown-reference", "延续的项目所在年度不在数据中", ("continues", "year"), value=earlier.year,
                               expected=f"本年度（{year.year}）以前、data/ 中有的年度：{'、'.join(map(str, years)) or '（没有）'}")]
    if earlier.item not in {i.id for i in plan.years[earlier.year].items}:
        return [source.problem("unknown-reference", "延续的项目不在该年度的清单中", ("continues", "item"), value=earlier.item,
                               expected=f"data/{earlier.year}/items/ 中的项目编号")]
    return []


def _check_item(item: Item, source: Source, year: Year, spellings: dict[str, set[str]],
                groups: set[str] | None, quotes: list[Quote], anew: set[str] = frozenset()) -> list[Problem]:
    problems: list[Problem] = []
    draft = bool(item.reviews())  # what its review lines leave open is said by them, not reported again

    def add(code: str, message: str, path: tuple, value: object, expected: str, severity: str = "error") -> None:
        problems.append(source.problem(code, message, path, value=value, expected=expected, severity=severity))

    expected_name = f"{item.id}.yaml"
    if source.file.rsplit("/", 1)[-1] != expected_name:
        add("file-name", "文件名与项目编号不一致", ("id",), item.id, f"文件名为 {expected_name}，或把编号改成与文件名一致")
    number = int(item.number) if item.number.isdigit() else chinese_number(item.number)
    if number is None:
        add("wrong-numeral", "序号不是通知中使用的数字", ("number",), item.number, "通知印的中文数字或阿拉伯数字，如 十二、43")
    elif item.level == "district" and item.id.isdigit() and number != int(item.id) and item.number not in anew:
        add("number-mismatch", "区级项目的编号应与通知序号相同", ("number",), item.number, f"与编号 {item.id} 对应的序号",
            "notice" if draft else "error")  # a draft of a notice that prints a number twice
        # (where each category numbers its items anew, a number printed more than once names no one item)
    # the source text opens with its number where the notice numbers the paragraph ((一), 一、, 1.), not in a table
    printed = _ITEM_MARKER.match(item.source_text)
    if printed and next(group for group in printed.groups() if group) != item.number:
        add("number-mismatch", "通知原文开头的序号与通知序号不一致", ("source_text",), item.source_text[:8],
            f"以“({item.number})”“{item.number}、”或“{item.number}.”开头")

    categories = {c.id: c for c in year.notice.categories} if year.notice else {}
    category = categories.get(item.category)
    if categories and not category:
        add("unknown-reference", "类别不存在", ("category",), item.category,
            f"notice.yaml 中的类别编号之一：{'、'.join(categories)}")
    elif category and category.level != item.level:
        add("level-mismatch", "项目层级与所属类别的层级不一致", ("level",), item.level, category.level)

    if not item.groups and not draft:
        add("empty-value", "内容为空", ("groups",), [], "至少 1 项：data/groups.yaml 中的群体编号")
    for index, group in enumerate(item.groups):
        if groups is not None and group not in groups:
            add("unknown-reference", "受益群体不在群体表中", ("groups", index), group,
                f"data/groups.yaml 中的群体编号之一：{'、'.join(sorted(groups))}")
    for index, unit in enumerate(item.lead_units):
        if unit not in spellings:
            add("unknown-reference", "牵头单位不在单位表中", ("lead_units", index), unit,
                "data/units.yaml 中的单位编号之一")
        elif not any(spelling in item.lead_units_text for spelling in spellings[unit]):
            add("not-verbatim", "牵头单位原文中没有这个单位的任何写法", ("lead_units", index), unit,
                f"原文“{item.lead_units_text}”中出现的单位")
    if re.search(r"[(（]牵头单位[:：]", item.source_text):
        if not re.search(f"[(（]牵头单位[:：]{re.escape(item.lead_units_text)}", item.source_text):
            add("not-verbatim", "与通知原文括号内的牵头单位不一致", ("lead_units_text",), item.lead_units_text,
                "通知原文“(牵头单位:……)”中的文字")
    else:  # printed otherwise (责任单位:…, on a line of its own, in a table's column): it is in the notice
        quotes.append(Quote(item.lead_units_text, source, ("lead_units_text",)))

    quotes.append(Quote(item.source_text, source, ("source_text",)))
    quotes += [Quote(measure, source, ("measures", index)) for index, measure in enumerate(item.measures)]
    quotable = [item.source_text, *item.measures]
    for group in ("indicators", "policy_parameters"):
        records = getattr(item, group)
        counts = Counter(r.id for r in records)
        for index, record in enumerate(records):
            if counts[record.id] > 1:
                add("duplicate-id", "编号在本项目中重复", (group, index, "id"), record.id, "本项目内唯一的编号")
            if not any(record.source in text for text in quotable):
                add("not-verbatim", "在本项的通知原文和推进措施中都找不到这段原话", (group, index, "source"),
                    record.source, "从通知原文或推进措施中逐字复制的原话")
            for name in ("target", "baseline", "amount"):
                value = getattr(record, name, None)
                if record.unit == "%" and value is not None and not 0 <= value <= 100:
                    add("percent-range", "百分比超出 0–100", (group, index, name), value, "0 到 100 之间的数")

    counts = {i.id: i for i in item.indicators if i.kind == "count"}
    for index, indicator in enumerate(item.indicators):
        if indicator.target is None and (indicator.kind != "count" or indicator.comparator or indicator.baseline is not None):
            add("target-missing", "没有目标值的指标只能是按月报告的数量", ("indicators", index, "target"), None,
                "kind: count，且不填限定词和基期值；或者填上通知中的目标值")
    for index, parameter in enumerate(item.policy_parameters):
        if parameter.applies_to is None:
            continue
        if parameter.applies_to not in counts:
            add("unknown-reference", "对应指标不是本项目的数量类指标", ("policy_parameters", index, "applies_to"),
                parameter.applies_to, f"本项目数量类指标的编号之一：{'、'.join(counts) or '（本项目没有）'}")
        if parameter.unit not in MONEY_UNITS:
            add("unit-not-money", "只有以元或万元计的标准才能推算应需资金", ("policy_parameters", index, "unit"),
                parameter.unit, "、".join(MONEY_UNITS))

    problems += _check_offer(item, source, draft)

    if item.no_task:
        if not item.no_task_text:
            add("no-task", "标为本年无任务，但没有照录通知的原话", ("no_task",), True, "同时填写无任务原文（no_task_text）")
        if item.indicators:
            add("no-task", "本年无任务的项目不应有目标指标", ("indicators",), len(item.indicators), "没有目标指标")
    elif item.no_task_text:
        add("no-task", "有无任务原文，但没有标为本年无任务", ("no_task_text",), item.no_task_text, "no_task: true")
    if item.no_task_text:
        quotes.append(Quote(item.no_task_text, source, ("no_task_text",)))
    return problems


# A sum of money as written in plain words: 1500元, 3万元, 14.5万元.
_MONEY = re.compile(r"(\d+(?:\.\d+)?)(万元|元)")


def _check_offer(item: Item, source: Source, draft: bool = False) -> Iterator[Problem]:
    """能得到什么 is written for every item with a task and for none without; it names no sum of money but
    a standard paid to the person, or one the item's own text prints and that is not paid to an institution;
    every money standard that is paid to someone says to whom (补助给谁). In a draft (`draft`),
    what its review lines ask a person to write (能得到什么, 补助给谁) may still be missing."""
    standards = item.policy_parameters
    for index, parameter in enumerate(standards):
        if parameter.kind in PAID_KINDS and parameter.unit in MONEY_UNITS and parameter.paid_to is None and not draft:
            yield source.problem("missing-field", "以元或万元计的补助和标准须写明补助给谁", ("policy_parameters", index),
                                 value=parameter.id, expected="paid_to: person（发给本人）、institution（拨给机构或项目经费）"
                                 "或 unstated（通知未写明）")
    if item.no_task:
        if item.offer:
            yield source.problem("no-task", "本年无任务的项目不应写能得到什么", ("offer",), value=item.offer,
                                 expected="删去能得到什么（offer）：本年无任务的项目不在“与我有关”中列出")
        return
    if not item.offer:
        if not draft:  # a draft's review lines ask for it
            yield source.problem("missing-field", "有任务的项目须用平实的话写明居民能得到什么", ("offer",),
                                 expected="依据通知写的一句话，如“免费的宫颈癌筛查和乳腺癌筛查。”")
        return
    money = [p for p in standards if p.unit in MONEY_UNITS]
    person = {(p.amount, p.unit) for p in money if p.paid_to == "person"}
    not_person = {(p.amount, p.unit) for p in money if p.paid_to in ("institution", "unstated")} - person
    printed = "".join((item.source_text, *item.measures))
    for match in _MONEY.finditer(item.offer):
        figure = (float(match.group(1)), match.group(2))
        if figure in person:
            continue
        if figure in not_person:
            yield source.problem("offer-money", "能得到什么写了不发给本人的金额", ("offer",), value=match.group(0),
                                 expected="只写发给本人的补助（paid_to: person）；拨给机构的钱和通知未写明给谁的钱不写成本人能得到的钱")
        elif match.group(0) not in printed:
            yield source.problem("offer-money", "能得到什么写的金额在本项的补助标准和通知原文中都找不到", ("offer",),
                                 value=match.group(0), expected="本项发给本人的补助标准，或本项通知原文、推进措施中的金额")


class Quote(NamedTuple):
    """A phrase that must occur word for word in the notice, and where the data quotes it."""

    text: str
    source: Source
    path: tuple


def _not_in_notice(year: Year, quotes: list[Quote]) -> list[Problem]:
    """The quotes the notice does not contain. All are looked for in one pass over the notice (Aho–Corasick):
    looking for each in turn costs, at a province's scale, the length of a long notice for every item."""
    if year.notice_text is None:
        return []
    wanted = ahocorasick.Automaton()
    for text in {quote.text for quote in quotes if quote.text}:
        wanted.add_word(text, text)
    found = {""}
    if len(wanted):
        wanted.make_automaton()
        found.update(text for _, text in wanted.iter(year.notice_text))
    return [quote.source.problem("not-verbatim", "在通知全文中找不到这段文字（须逐字照录，不改标点、不补缺字）", quote.path,
                                 value=quote.text, expected="从 notice.txt 逐字复制的原文")
            for quote in quotes if quote.text not in found]


def _check_category_counts(year: Year, draft: bool) -> list[Problem]:
    """Each category holds as many items as the notice prints; in a draft, a notice whose count and list
    differ is a defect of the text to decide (new-year records it as a data note), not an error yet."""
    if not year.notice or year.unreadable_items:  # an item file refused: the counts wait until it is read
        return []
    counts = Counter(item.category for item in year.items)
    return [
        year.notice_source.problem(
            "category-count",
            f"类别“{category.number}、{category.name}”在通知中为{category.printed_count}项，数据中有{counts[category.id]}项",
            ("categories", index, "printed_count"), value=counts[category.id],
            expected=f"{category.printed_count}个项目属于这个类别", severity="notice" if draft else "error")
        for index, category in enumerate(year.notice.categories)
        if counts[category.id] != category.printed_count
    ]
