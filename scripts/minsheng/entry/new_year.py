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
from charset_normalizer import from_bytes

from ..data_writer import write_yaml, yaml_text
from ..load.csv_file import CHINESE_ENCODINGS
from ..load.plan import Plan
from ..problems import Problem, relative
from ..validate import validate_data
from ..validate.plan import chinese_number
from .candidates import Candidate, figures
from .monthly import EntryError
from .notice_text import PrintedItem, PrintedNotice, read_notice

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


def new_year(plan: Plan, year: int, notice_path: Path) -> tuple[list[Path], list[Problem], str]:
    """Draft `year` from the notice at `notice_path` into plan.root; the paths written, the problems
    (notices: what to review) that `minsheng validate` then reports for the new year, and the notice's encoding."""
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
    text, encoding = decode_notice(notice_path.read_bytes(), str(notice_path))
    drafts = draft(plan, year, text)
    drafts.encoding = encoding
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
        written = _install(copy, root, year, bool(drafts.units))
    notices = [p for p in report.notices if p.code == "review" and p.field and p.file.startswith(mine)]  # one a line
    return written, notices, encoding


def decode_notice(raw: bytes, shown_as: str) -> tuple[str, str]:
    """The notice's text and its encoding: UTF-8 (with or without a byte-order mark), or a Chinese encoding
    (GB18030, GBK) as charset-normalizer identifies it. A Word file or a web page is refused with what to do."""
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise EntryError(f"{shown_as} 是 Word 或其他 Office 文件，不是文本：在 WPS 或 Word 中打开，“另存为”纯文本（.txt），"
                         "编码选 UTF-8，再用这个 .txt 文件")
    try:
        text = raw.decode("utf-8-sig")
        encoding = "UTF-8"
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        guess = best.encoding.replace("_", "").lower() if best else None
        if guess not in CHINESE_ENCODINGS:
            raise EntryError(f"{shown_as} 无法按 UTF-8 或 GB18030 读取（识别为 {guess or '未知编码'}）：请用记事本等编辑器"
                             "另存为 UTF-8 编码的文本") from None
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise EntryError(f"{shown_as} 中有无法按 GB18030 读取的字节，可能混用了多种编码：请另存为 UTF-8 编码的文本") from None
        encoding = "GB18030"
    if text.lstrip().lower().startswith(("<!doctype", "<html", "<?xml")):
        raise EntryError(f"{shown_as} 是网页源代码：在浏览器中打开通知页面，选中正文（从标题到落款）复制，粘贴到记事本，"
                         "另存为 UTF-8 编码的 .txt 文件")
    return text, encoding


def draft(plan: Plan, year: int, text: str) -> Drafts:
    """The drafts of `year` from the notice's text, in memory."""
    notice = read_notice(text)
    if not notice.items:
        raise EntryError("通知中没有找到任何项目：项目应以“(一)”这样的序号开头，放在“一、促进就业(3项)”这样的类别标题下")
    if not notice.milestones:
        raise EntryError("通知的最后部分没有找到进度安排（如“6月底前总体进度达到70%”）：请核对通知全文是否完整")
    for item in notice.items:
        if item.lead_units_text is None or not item.lead_units_text.strip():
            raise EntryError(f"通知第{item.line}行的项目（{item.number}）没有写明牵头单位（“(牵头单位:……)”）："
                             "请核对通知全文是否完整")
    units = _Units(plan, year)
    items = {}
    ids = _item_ids(notice)
    categories = _categories(plan, notice)
    for item in notice.items:
        record = _item(item, ids[id(item)], categories[id(item.category)], year, units)
        items[f"{record['id']}.yaml"] = record
    return Drafts(year, text, _notice(notice, year, plan, categories), items, units.added)


def _notice(notice: PrintedNotice, year: int, plan: Plan, categories: dict) -> dict:
    review = []
    title = notice.title
    if title is None:
        title = "待核对：通知标题"
        review.append("没有找到通知标题（“……关于……的通知”），请从通知中照录")
    document = notice.document_number or notice.body_document_number
    if not notice.document_number:
        review.append(f"信息栏中没有找到发文字号，{'暂用正文中的“' + document + '”' if document else '请补上'}")
    published = notice.published
    if published is None:
        published = dt.date(year, 1, 1)
        review.append("没有找到发布日期，暂填本年1月1日，请改为通知的发布日期（它也是序时进度的起点）")
    elif published.year != year:
        review.append(f"发布日期 {published} 不在{year}年，请核对")
    printed_years = {int(y) for y in re.findall(r"(20\d\d)年", title)}
    if printed_years and year not in printed_years:
        review.append(f"通知标题写的是{'、'.join(map(str, sorted(printed_years)))}年，与年度 {year} 不一致，请核对是否用错了通知")
    review.append("核对标题、发文机关、发布机构、发文字号、索引号和发布日期（取自通知开头的信息栏和标题）")
    milestones = []
    for position, milestone in enumerate(notice.milestones):
        entry: dict = {"by": dt.date(year, milestone.month, calendar.monthrange(year, milestone.month)[1])}
        label = milestone.wording.split("月底前", 1)[1]
        progress = milestone.percent
        last = position == len(notice.milestones) - 1
        if progress is None and last and "完成" in label and "基本" not in label:
            progress = 100
            review.append(f"最后一个进度节点“{milestone.wording}”没有印百分比，草稿按全部完成记为100%，请核对")
        if progress is not None:
            entry["overall_progress"] = _number(progress)
        entry["label"] = label
        entry["wording"] = milestone.wording
        milestones.append(entry)
    review.append("核对进度节点（schedule）：截止日期、总体进度和节点要求（label 可改写得更完整，wording 须照录原文）；"
                  "通知没有写百分比的“基本完成”按 data/rules.yaml 的 basic_completion 计")
    reporting = notice.reporting_wording or notice.milestones[0].wording
    if notice.reporting_wording is None:
        review.append("没有找到月度通报的要求（如“实行月度通报”），reporting_wording 暂用第一个进度节点的原文，请改正")
    fresh = [category for category in categories.values() if category["id"].startswith("category-")]
    if fresh:
        review.append("类别" + "、".join(f"“{c['name']}”" for c in fresh) + "是往年没有的，请给它一个英文编号（id，"
                      "小写字母和连字符，如 employment），并改正各项目文件中的 category")
    if any(category["printed_count"] is None for category in categories.values()):
        review.append("有类别的标题没有印项数，printed_count 暂按实际列出的项数填写，请核对")
    if notice.attachments:
        review.append(f"通知列出{len(notice.attachments)}个附件（{'；'.join(notice.attachments)}），notice.txt 只有正文："
                      "附件未能获取的，在数据说明（data_notes）中写明")
    if notice.defects:
        review.append("核对自动记下的数据说明（data_notes）：照录原文的缺陷，改写成给公众看的话，删去不成立的")
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


def _categories(plan: Plan, notice: PrintedNotice) -> dict[int, dict]:
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
    width = max(2, len(str(max([chinese_number(i.number) or 0 for i in district] + [len(district)]))))
    used: set[int] = set()
    previous = 0
    for item in district:
        value = chinese_number(item.number)
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
    review = [f"核对项目名称“{item.title}”：取自通知第{item.line}行第一段的开头，可改得更简短，但不改变原意"]
    lead_ids, unit_review, unit_defects = units.match(item.lead_units_text)
    review += unit_review
    review.append("选择受益群体（groups：data/groups.yaml 中的编号），按通知写明的对象选定")
    if not item.no_task_text:
        review.append("用平实的话写能得到什么（offer）；通知写明时，再写受益对象、享受条件和办理方式"
                      "（beneficiaries、eligibility、how_to_apply），只写通知写明的")
    record: dict = {"id": item_id, "number": item.number, "level": category["level"], "category": category["id"],
                    "title": item.title, "lead_units": lead_ids, "lead_units_text": item.lead_units_text,
                    "groups": [], "source_text": item.paragraph}
    notes = [{"kind": "capture_defect", "text": text} for text in item.defects + unit_defects]
    notes += [{"kind": "note", "text": text} for text in item.remarks]
    if item.no_task_text:
        record |= {"no_task": True, "no_task_text": item.no_task_text, "measures": []}
        review.append(f"通知写明“{item.no_task_text}”：本项按本年无任务记录，请核对")
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
            review.append("第一段和推进措施中没有找到数字：本项按没有数量目标的任务记录；通知有数量目标时补上指标")
    if notes:
        record["data_notes"] = notes
        review.append("核对自动记下的数据说明（data_notes）：照录原文的缺陷，改写成给公众看的话，删去不成立的")
    record["review"] = review
    return record


def _figures(item: PrintedItem, year: int) -> tuple[list[dict], list[dict], list[dict], list[str]]:
    """The item's candidates as indicator and standard records, its data notes on doubtful figures, and
    review lines for figures that cannot be recorded as they stand."""
    found = figures(item.body, "第一段", year)
    first = {candidate.key for candidate in found}
    for position, measure in enumerate(item.measures, start=1):
        found += [c for c in figures(measure.text, f"推进措施第{position}条", year) if c.key not in first]
    indicators: list[dict] = []
    standards: list[dict] = []
    notes: list[dict] = []
    skipped: list[str] = []
    for candidate in found:
        notes += [{"kind": "capture_defect", "text": text + "。"} for text in candidate.doubts]
        notes += [{"kind": "note", "text": text + "。"} for text in candidate.notes]
        if candidate.unit == "%" and not 0 <= candidate.value <= 100:
            skipped.append(f"{candidate.where}“{candidate.source}”中的{_number(candidate.value)}%超出0–100，"
                           "未列为候选指标：请核对原文，需要时手工记录")
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
    comparator = f"限定词“{candidate.comparator}”" if candidate.comparator else "限定词（原文没有）"
    record["review"] = [
        f"候选指标，取自{candidate.where}：核对目标值 {_number(candidate.value)}、单位“{candidate.unit or '（无）'}”、"
        f"{comparator}和类型（count：全年累计的数量；level：要达到的水平或比率），把名称改短；"
        "不是本年度的数量目标就删去这个指标" + "".join(f"；{remark}" for remark in candidate.remarks)]
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
        f"候选标准，取自{candidate.where}：核对数额 {_number(candidate.value)}{candidate.unit}、限定词、类型"
        "（subsidy 补助；ratio 比例；cost_share 资金分担；standard 服务或建设标准；threshold 享受条件的界限）、"
        "对象（per）和期间（period），把名称改短"
        + ("；写明补助给谁（paid_to：person 发给本人，institution 拨给机构或项目经费，unstated 通知未写明）和出资方"
           "（payer，通知写明时）；按人或按件补助、月报有相应数量的，用 applies_to 对应数量指标" if money else "")
        + "".join(f"；{remark}" for remark in candidate.remarks)]
    return record


class _Units:
    """The lead units named in the notice, matched to units.yaml by name and alias; a name it does not know
    becomes a draft unit, added once."""

    def __init__(self, plan: Plan, year: int) -> None:
        self.year = year
        self.spellings: dict[str, str] = {}
        existing = plan.units.units if plan.units else []
        for unit in existing:
            for spelling in (unit.name, *unit.aliases):
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
                found.append(self._draft(name))
                review.append(f"牵头单位“{name}”不在单位表中，已作为待核对单位 {self.spellings[name]} 加入 data/units.yaml："
                              "是已有单位的另一种写法，就把它加入那个单位的 aliases、本项改用那个单位的编号，并删去待核对单位")

        while position < len(text):
            spelling = next((s for s in ordered if text.startswith(s, position)), None)
            if spelling is None:
                if text[position] in SEPARATORS:
                    flush()
                else:
                    unknown += text[position]
                last = None
                position += 1
                continue
            if unknown in ("区", "县", "市"):  # 区人社局: the district's own unit, spelled with its prefix
                review.append(f"牵头单位“{unknown}{spelling}”按单位表中的“{spelling}”记录；确认后把“{unknown}{spelling}”"
                              "加入这个单位的其他写法（aliases）")
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
        record["review"] = [f"{self.year}年通知中的牵头单位“{name}”，单位表中没有这个名称或写法：是已有单位的另一种写法，"
                            "就把它加入那个单位的 aliases 并删去本条记录（项目改用那个单位的编号）；是新单位，就改用英文编号"
                            "（id）、填写地址和电话，再删去这一条"]
        self.added.append(record)
        return unit_id


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _write(drafts: Drafts, root: Path) -> None:
    folder = root / str(drafts.year)
    (folder / "items").mkdir(parents=True, exist_ok=True)
    with (folder / "notice.txt").open("w", encoding="utf-8", newline="") as handle:
        handle.write(drafts.notice_text)
    write_yaml(folder / "notice.yaml", drafts.notice, HEADER)
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
    written += sorted((root / str(year) / "items").glob("*.yaml"))
    return written + ([root / "units.yaml"] if units else [])
