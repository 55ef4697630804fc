"""`minsheng publish MONTH --date DATE`: make a month's report public, and disclose any correction.

It records the release in releases.yaml, keeps a copy of the month's files as published under
published/, and records everything of an earlier published month that has changed since (figures,
notes, item statuses, rows added or removed; with the correction note of its row) in revisions.yaml, dated with this release. Run again for a month already
published, it records and discloses corrections only. `publish_cycle` does the same for a year's cycle files
(征集, 票决, 调整, 监督, 测评), kept under published/cycle/.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ..data_writer import write_yaml
from ..revisions import changes, cycle_changes, field_name
from ..validate.privacy import hidden
from ..months import month_end
from ..load.data_folder import DataFolder, Year
from ..model import CycleRelease, CycleRevision, Release, ReleasesFile, Revision, RevisionsFile
from ..errors import EntryError
from .monthly import year_of


def publish(plan: DataFolder, month: str, date: dt.date) -> list[Path]:
    year = year_of(plan, month)
    current = {m.month: m for m in year.months}
    if month not in current:
        raise EntryError(f"没有 {month} 的月报，不能发布")
    releases = list(year.releases.releases) if year.releases else []
    released = {r.month for r in releases}
    if month not in released:
        unreleased = [m for m in current if m < month and m not in released]
        if unreleased:
            raise EntryError(f"请先发布 {unreleased[0]}，月报按月份先后发布")
        if date <= month_end(month):
            raise EntryError(f"发布日期 {date} 应晚于 {month} 月底")
        releases.append(Release(month=month, date=date))
    if releases and date < max(r.date for r in releases):
        raise EntryError(f"发布日期 {date} 早于上一次发布（{max(r.date for r in releases)}）")
    found = [c for m in sorted(released & set(year.published)) for c in changes(year.published[m], current[m])]
    missing = [c for c in found if not c.note]
    if missing:
        lines = "；".join(f"{c.month} {c.file}/{c.month}.csv 项目 {c.item}{f' {c.key}' if c.key else ''}的"
                         f"{field_name(c.file, c.field)}（{f'第{c.row}行' if c.row else '该行已被删除'}）" for c in missing)
        raise EntryError(f"以下已发布的内容有改动，但所在行没有填写更正说明：{lines}")
    revisions = list(year.revisions.revisions) if year.revisions else []
    # a corrected text that held a personal number is quoted with the number hidden, never published again
    revisions += [Revision(date=date, month=c.month, file=c.file, item=c.item, key=c.key, field=c.field,
                           old=hidden(c.old) if isinstance(c.old, str) else c.old, new=c.new, note=c.note)
                  for c in found]
    written = _snapshot(year, sorted({c.month for c in found} | {month}))
    written.append(_write(year, (year.releases or ReleasesFile()).model_copy(update={"releases": releases})))
    recorded = (year.revisions or RevisionsFile()).model_copy(update={"revisions": revisions})
    if recorded.revisions or recorded.cycle:
        written.append(_write(year, recorded))
    return written


def _snapshot(year: Year, months: list[str]) -> list[Path]:
    written = []
    for month in months:
        for kind in ("progress", "funds"):
            target = year.folder / "published" / kind / f"{month}.csv"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(year.folder / kind / f"{month}.csv", target)
            written.append(target)
    return written


_RECORDS = {ReleasesFile: ("releases.yaml", "月报发布记录"),
            RevisionsFile: ("revisions.yaml", "更正记录：已发布的数字、说明或报送状态被改动时由 minsheng publish 登记")}


def _write(year: Year, record: ReleasesFile | RevisionsFile) -> Path:
    """releases.yaml or revisions.yaml, with the yearly cycle's list only when there is one."""
    name, title = _RECORDS[type(record)]
    return write_yaml(year.folder / name, record.model_dump(exclude=None if record.cycle else {"cycle"}), f"# {title}\n")


def publish_cycle(plan: DataFolder, year_number: int, date: dt.date) -> list[Path]:
    """`minsheng publish --cycle YEAR --date DATE`: make the year's cycle files public as they stand, as `publish`
    does a month's: each file not yet published is recorded in releases.yaml's `cycle` and kept as published under
    published/cycle/; every change since to a file already published is recorded in revisions.yaml's `cycle`, with
    its row's 更正说明 (refused, with nothing written, when one has none)."""
    if year_number not in plan.years:
        raise EntryError(f"data/ 中没有 {year_number} 年度")
    year = plan.years[year_number]
    if not year.cycle_files:
        raise EntryError(f"{year_number} 年度的 cycle/ 中没有任何年度流程的文件，没有可发布的内容")
    releases = year.releases or ReleasesFile()
    published = list(releases.cycle)
    if published and date < max(r.date for r in published):
        raise EntryError(f"发布日期 {date} 早于上一次发布（{max(r.date for r in published)}）")
    removed = sorted(set(year.published_cycle) - set(year.cycle_files))
    if removed:
        raise EntryError(f"已发布的 {year_number}/cycle/{removed[0]}.csv 被删除：已发布的文件不能删除，请恢复它")
    found = [c for stem in sorted(year.published_cycle) for c in cycle_changes(year.published_cycle[stem], year.cycle_files[stem])]
    missing = [c for c in found if not c.note]
    if missing:
        lines = "；".join(f"cycle/{c.file}.csv “{c.item}”这一行的{year.cycle_files[c.file].header(c.field)}"
                         f"（{f'第{c.row}行' if c.row else '该行已被删除'}）" for c in missing)
        raise EntryError(f"以下已发布的内容有改动，但所在行没有填写更正说明：{lines}")
    published += [CycleRelease(file=stem, date=date) for stem in year.cycle_files if stem not in year.published_cycle]
    revisions = year.revisions or RevisionsFile()
    corrected = [CycleRevision(date=date, file=c.file, row=c.item, field=c.field, new=c.new, note=c.note,
                               old=hidden(c.old) if isinstance(c.old, str) else c.old) for c in found]
    written = []
    for stem in year.cycle_files:
        target = year.folder / "published" / "cycle" / f"{stem}.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(year.folder / "cycle" / f"{stem}.csv", target)
        written.append(target)
    written.append(_write(year, releases.model_copy(update={"cycle": published})))
    if corrected:
        written.append(_write(year, revisions.model_copy(update={"cycle": list(revisions.cycle) + corrected})))
    return written
