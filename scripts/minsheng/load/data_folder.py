"""Load the data folder: site settings, the unit table and each year's notice, items and reports.

This is the only module that reads the data folder's files. It returns typed records together with where
each came from, so that later checks can name the file and line of what they complain about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..model import (
    GroupsFile,
    Item,
    LedgerFile,
    MonthReport,
    Notice,
    PlacesFile,
    Record,
    ReleasesFile,
    RevisionsFile,
    Rules,
    Site,
    UnitsFile,
    VocabularyFile,
    field_label,
)
from ..model.cycle import Cycle, CycleTable
from ..problems import Problem, relative
from .cycle import load_cycle
from .progress import load_months
from .records import to_record
from .yaml_file import YamlDocument, read_yaml

YEAR_FOLDER = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Source:
    """Where a record came from: the file as shown to the office, the file itself and its schema."""

    file: str
    path: Path
    model: type[Record]

    @cached_property
    def document(self) -> YamlDocument:
        """The file's positions, read again when a problem needs one: a province's valid files never are."""
        document, _ = read_yaml(self.path, self.file)
        return document or YamlDocument(None)

    def problem(self, code: str, message: str, path: tuple = (), value: object = None,
                expected: str | None = None, severity: str = "error") -> Problem:
        """A problem at the field `path` of this record, named by its line and Chinese title."""
        line, column = self.document.position(path)
        return Problem(code, self.file, message, line=line, column=column,
                       field=field_label(self.model, path) or None, value=value, expected=expected,
                       severity=severity)


@dataclass
class Year:
    year: int
    folder: Path
    notice: Notice | None = None
    notice_source: Source | None = None
    notice_text: str | None = None
    items: list[Item] = field(default_factory=list)
    item_sources: dict[str, Source] = field(default_factory=dict)  # by item id
    unreadable_items: set[str] = field(default_factory=set)  # ids (file names) of item files refused: their own errors say why
    months: list[MonthReport] = field(default_factory=list)  # the monthly reports, in order
    ledger: LedgerFile | None = None  # 问题销号 ledger
    ledger_source: Source | None = None
    releases: ReleasesFile | None = None  # when each month's report was made public
    releases_source: Source | None = None
    published: dict[str, MonthReport] = field(default_factory=dict)  # each month's files as last published
    revisions: RevisionsFile | None = None  # figures changed after publication
    revisions_source: Source | None = None
    vocabulary: VocabularyFile | None = None  # residents' words for the items (optional)
    vocabulary_source: Source | None = None
    cycle: Cycle | None = None  # which steps of the yearly cycle the year had (cycle.yaml; without it: 实施 only)
    cycle_source: Source | None = None
    cycle_files: dict[str, CycleTable] = field(default_factory=dict)  # cycle/<step>.csv by stem
    published_cycle: dict[str, CycleTable] = field(default_factory=dict)  # published/cycle/<step>.csv: as last published


@dataclass
class DataFolder:
    """Everything data/ holds, read: the site's settings and tables, and each year (model/plan.py is one
    year's notice and its list of items)."""

    root: Path
    site: Site | None = None
    site_source: Source | None = None
    units: UnitsFile | None = None
    units_source: Source | None = None
    rules: Rules | None = None
    rules_source: Source | None = None
    groups: GroupsFile | None = None
    groups_source: Source | None = None
    places: PlacesFile | None = None  # the district's 乡镇 (optional)
    places_source: Source | None = None
    years: dict[int, Year] = field(default_factory=dict)

    def is_draft(self, year: Year) -> bool:
        """A year is a draft while its notice, an item (or an item's indicator or standard) or a lead unit it
        names still has review lines (待核对): `minsheng new-year` writes them, the office deletes them."""
        if year.notice and year.notice.review or any(item.reviews() for item in year.items):
            return True
        pending = {unit.id for unit in self.units.units if unit.review} if self.units else set()
        return any(pending.intersection(item.lead_units) for item in year.items)

    @property
    def shown_year(self) -> Year | None:
        """The year the site shows: the latest that is not a draft (a new year's drafts never replace it)."""
        ready = [number for number, year in self.years.items() if not self.is_draft(year)]
        return self.years[max(ready)] if ready else None


def load_data_folder(root: Path) -> tuple[DataFolder, list[Problem]]:
    """Read everything under `root` (the data folder). Problems do not stop loading the rest."""
    plan = DataFolder(root=root)
    problems: list[Problem] = []
    plan.site, plan.site_source = _load(root / "site.yaml", Site, root, problems)
    plan.units, plan.units_source = _load(root / "units.yaml", UnitsFile, root, problems)
    plan.rules, plan.rules_source = _load(root / "rules.yaml", Rules, root, problems)
    plan.groups, plan.groups_source = _load(root / "groups.yaml", GroupsFile, root, problems)
    if (root / "places.yaml").exists():
        plan.places, plan.places_source = _load(root / "places.yaml", PlacesFile, root, problems)
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and YEAR_FOLDER.match(p.name)):
        if not (folder / "notice.yaml").exists() and not any((folder / "items").glob("*.yaml")):
            problems.append(Problem(  # a year being set up: it waits, and the other years go on
                "file-missing", relative(folder, root), "这个年度文件夹还没有计划，暂不处理", severity="notice",
                expected="notice.txt（通知全文）、notice.yaml（通知信息和进度安排）和 items/（每个项目一个 .yaml），"
                         "写法见 data/README.md 和 2024 年度的文件"))
            continue
        plan.years[int(folder.name)] = _load_year(folder, root, problems)
    if not plan.years:
        problems.append(Problem("file-missing", relative(root, root), "没有任何年度文件夹",
                                expected="至少一个以年份命名的文件夹，如 2024/"))
    return plan, problems


def _load_year(folder: Path, root: Path, problems: list[Problem]) -> Year:
    year = Year(year=int(folder.name), folder=folder)
    year.notice, year.notice_source = _load(folder / "notice.yaml", Notice, root, problems)
    if year.notice:
        text_path = folder / year.notice.source_file
        if text_path.is_file():
            year.notice_text = text_path.read_text(encoding="utf-8-sig")
        else:
            problems.append(year.notice_source.problem(
                "file-missing", f"找不到通知全文文件 {relative(text_path, root)}", ("source_file",),
                value=year.notice.source_file, expected="同一文件夹下存在的文件名"))
    items_folder = folder / "items"
    paths = sorted(items_folder.glob("*.yaml")) if items_folder.is_dir() else []
    if not paths:
        problems.append(Problem("file-missing", relative(items_folder, root), "没有任何项目文件",
                                expected="items/ 文件夹下每个项目一个 .yaml 文件"))
    for path in paths:
        item, source = _load(path, Item, root, problems)
        if item is None:
            year.unreadable_items.add(path.stem)
            continue
        if item.id in year.item_sources:
            first = year.item_sources[item.id].file
            problems.append(source.problem("duplicate-id", f"项目编号与 {first} 重复", ("id",),
                                           value=item.id, expected="每个项目的编号唯一"))
            continue
        year.items.append(item)
        year.item_sources[item.id] = source
    year.months, found = load_months(folder, root, set(year.item_sources) | year.unreadable_items)
    problems.extend(found)
    year.ledger, year.ledger_source = _optional(folder / "problems.yaml", LedgerFile, root, problems,
                                                "没有问题销号台账，按没有问题处理")
    year.releases, year.releases_source = _optional(folder / "releases.yaml", ReleasesFile, root, problems,
                                                    "没有发布记录，月报按未发布处理")
    snapshots, found = load_months(folder / "published", root, set(year.item_sources))
    problems.extend(found)
    year.published = {m.month: m for m in snapshots}
    if (folder / "revisions.yaml").exists():
        year.revisions, year.revisions_source = _load(folder / "revisions.yaml", RevisionsFile, root, problems)
    if (folder / "vocabulary.yaml").exists():
        year.vocabulary, year.vocabulary_source = _load(folder / "vocabulary.yaml", VocabularyFile, root, problems)
    if (folder / "cycle.yaml").exists():
        year.cycle, year.cycle_source = _load(folder / "cycle.yaml", Cycle, root, problems)
    year.cycle_files, found = load_cycle(folder, root, set(year.item_sources))
    problems.extend(found)
    year.published_cycle, found = load_cycle(folder / "published", root, set(year.item_sources))
    problems.extend(found)
    return year


def _optional(path: Path, model: type, root: Path, problems: list[Problem], absent: str) -> tuple:
    if path.exists():
        return _load(path, model, root, problems)
    problems.append(Problem("file-missing", relative(path, root), absent,
                            expected=f"{path.name}（可以是空的列表）", severity="notice"))
    return None, None


def _load(path: Path, model: type, root: Path, problems: list[Problem]) -> tuple:
    shown_as = relative(path, root)
    if not path.is_file():
        problems.append(Problem("file-missing", shown_as, "找不到文件", expected="存在这个文件"))
        return None, None
    readable, record, found = _read(path, shown_as, model)
    problems.extend(found)
    if not readable:
        return None, None
    return record, Source(shown_as, path, model)


def _read(path: Path, shown_as: str, model: type) -> tuple[bool, Record | None, list[Problem]]:
    """Whether the file is YAML at all, its record if valid, and its problems."""
    document, problems = read_yaml(path, shown_as)
    if document is None:
        return False, None, problems
    record, record_problems = to_record(model, document, shown_as)
    return True, record, problems + record_problems
