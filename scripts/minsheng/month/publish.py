"""`minsheng publish MONTH --date DATE`: make a month's report public, and disclose any correction.

It records the release in releases.yaml, keeps a copy of the month's files as published under
published/, and records everything of an earlier published month that has changed since (figures,
notes, item statuses, rows added or removed; with the correction note of its row) in revisions.yaml, dated with this release. Run again for a month already
published, it records and discloses corrections only.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ..data_writer import write_yaml
from ..revisions import changes, field_name
from ..validate.privacy import hidden
from ..months import month_end
from ..load.data_folder import DataFolder, Year
from ..model import Release, Revision
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
    written.append(_write(year.folder / "releases.yaml", "月报发布记录", {"releases": [r.model_dump() for r in releases]}))
    if revisions:
        written.append(_write(year.folder / "revisions.yaml", "更正记录：已发布的数字、说明或报送状态被改动时由 minsheng publish 登记",
                              {"revisions": [r.model_dump() for r in revisions]}))
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


def _write(path: Path, title: str, content: dict) -> Path:
    return write_yaml(path, content, f"# {title}\n")
