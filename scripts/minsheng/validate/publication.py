"""Publication: releases name reported months in order; a published month (figures, notes, statuses), and a
published file of the yearly cycle, changes only when disclosed."""

from __future__ import annotations

from ..revisions import Change, Value, changes, cycle_changes, field_name, shown
from ..months import month_end
from ..load.data_folder import Year
from ..model import PUBLISHED_FIELDS, Revision
from ..model.cycle import CYCLE_FILES, CycleTable
from ..problems import Problem



def check_revisions(year: Year) -> list[Problem]:
    problems: list[Problem] = []
    released = {r.month: r.date for r in year.releases.releases} if year.releases else {}
    current = {m.month: m for m in year.months}
    for month in released:
        if month not in year.published and month in current:
            problems.append(Problem("revision", current[month].progress_file, "已发布的月份缺少发布时的存档",
                                    value=month, expected=f"published/progress/{month}.csv 和 published/funds/{month}.csv"))
    for month, snapshot in year.published.items():
        if month not in released:
            problems.append(Problem("revision", snapshot.progress_file, "存档的月份没有发布记录", value=month,
                                    expected="releases.yaml 中登记的月份"))
            continue
        if month not in current:
            problems.append(Problem("revision", snapshot.progress_file, "已发布月份的月报文件被删除", value=month,
                                    expected=f"保留 progress/{month}.csv 和 funds/{month}.csv"))
            continue
        for change in changes(snapshot, current[month]):
            file = current[month].progress_file if change.file == "progress" else current[month].funds_file
            what = "数字" if change.figure else "内容"
            where = f"项目 {change.item}{f' {change.key}' if change.key else ''} 的{field_name(change.file, change.field)}"
            removed = "（这一行已被删除）" if not change.row else ""
            shown = f"{where}：{_shown(change, change.old)} → {_shown(change, change.new)}"
            if change.note and change.row:  # corrected and said why: disclosed by the next publish
                problems.append(Problem("correction-pending", file, f"已发布的{what}已更正并写明原因，尚未登记（{shown}）",
                                        line=change.row, value=_shown(change, change.new),
                                        expected="运行 minsheng publish 登记并公布这项更正"))
                continue
            problems.append(Problem(
                "revision", file, f"已发布的{what}被改动但未登记更正（{shown}）{removed}",
                line=change.row or None, value=_shown(change, change.new), expected=_what_to_do(change)))
    items = {item.id for item in year.items}
    for index, revision in enumerate(year.revisions.revisions if year.revisions else []):
        source = year.revisions_source
        problems += _after_release(source, ("revisions", index, "month"), revision.month, revision.date, released,
                                   "月份", "releases.yaml 中登记的月份")
        problems += _check_revision(source, index, revision)
        if revision.item not in items:
            problems.append(source.problem("unknown-reference", "计划中没有这个项目", ("revisions", index, "item"),
                                           value=revision.item, expected="本年度计划中的项目编号"))
    return problems


def _check_revision(source, index: int, revision: Revision) -> list[Problem]:
    """The field is one its file has; the key names a row of that kind; old and new are of the field's kind."""
    path = ("revisions", index)
    if (revision.file, revision.field) not in PUBLISHED_FIELDS:
        return [source.problem("not-an-option", "这份报表没有这项内容", path + ("field",), value=revision.field,
                               expected="、".join(f for file, f in PUBLISHED_FIELDS if file == revision.file))]
    problems = []
    item_row = revision.field == "reported"  # the item's own row; a note may be on it or on an indicator's row
    if item_row and revision.key:
        problems.append(source.problem("not-an-option", "报送状态属于项目本身的一行，不属于指标", path + ("key",),
                                       value=revision.key, expected="留空"))
    elif not revision.key and (revision.file == "funds" or revision.field == "value"):
        problems.append(source.problem("missing-field", "数字和资金说明须写明指标或资金来源", path + ("key",),
                                       expected="指标编号或资金来源"))
    kind = {"note": (str,), "reported": (bool,)}.get(revision.field, (float, int))
    for name in ("old", "new"):
        value = getattr(revision, name)
        if value is not None and (not isinstance(value, kind) or isinstance(value, bool) and bool not in kind):
            problems.append(source.problem("wrong-type", "值的类型与更正的内容不符", path + (name,), value=value,
                                           expected={"note": "文字", "reported": "true 或 false"}.get(revision.field, "数值")))
    return problems


def _what_to_do(change: Change) -> str:
    if not change.row:
        return "恢复这一行：已发布月份的行不能删除；如需更正，改动该行并在“更正说明”中写明原因"
    return "在该行“更正说明”中写明原因，再运行 minsheng publish 登记并公布这项更正"


def _shown(change: Change, value: Value) -> str:
    return "（空）" if value is None else shown(change.field, value)


def check_releases(year: Year) -> list[Problem]:
    """Each release names a reported month, after that month has ended, in order, once."""
    if not year.releases:
        return []
    source = year.releases_source
    reported = {m.month for m in year.months}
    problems: list[Problem] = []
    seen: set[str] = set()
    previous = None
    for index, release in enumerate(year.releases.releases):
        path = ("releases", index)
        if release.month not in reported:
            problems.append(source.problem("unknown-reference", "没有这个月份的月报", path + ("month",),
                                           value=release.month, expected="progress/ 中已有的月份"))
        elif release.date <= month_end(release.month):
            problems.append(source.problem("date-order", "发布日期不晚于该月月底", path + ("date",),
                                           value=str(release.date), expected=f"晚于 {month_end(release.month)}"))
        if release.month in seen:
            problems.append(source.problem("duplicate-id", "同一月份登记了两次发布", path + ("month",),
                                           value=release.month, expected="每个月份发布一次"))
        if previous and release.date < previous:
            problems.append(source.problem("date-order", "发布记录没有按日期先后排列", path + ("date",),
                                           value=str(release.date), expected=f"不早于 {previous}"))
        seen.add(release.month)
        previous = release.date
    return problems


def check_cycle_publication(year: Year) -> list[Problem]:
    """The yearly cycle's files as months are: each file released (releases.yaml's `cycle`) is kept as published
    (published/cycle/), and a change to it is refused until its row's 更正说明 says why and `publish --cycle`
    records it (revisions.yaml's `cycle`)."""
    released = {r.file: r.date for r in year.releases.cycle} if year.releases else {}
    problems: list[Problem] = []
    where = f"{year.folder.name}/cycle"
    for stem in released:
        if stem not in year.published_cycle:
            problems.append(Problem("revision", f"{where}/{stem}.csv", "已发布的年度流程文件缺少发布时的存档", value=stem,
                                    expected=f"{year.folder.name}/published/cycle/{stem}.csv"))
    for stem, snapshot in year.published_cycle.items():
        if stem not in released:
            problems.append(Problem("revision", snapshot.file, "存档的年度流程文件没有发布记录", value=stem,
                                    expected="releases.yaml 中 cycle: 登记的文件"))
        elif stem not in year.cycle_files:
            problems.append(Problem("revision", snapshot.file, "已发布的年度流程文件被删除", value=f"{stem}.csv",
                                    expected=f"保留 {where}/{stem}.csv"))
        else:
            problems += [_cycle_problem(year.cycle_files[stem], change) for change in cycle_changes(snapshot, year.cycle_files[stem])]
    source = year.revisions_source
    for index, revision in enumerate(year.revisions.cycle if year.revisions else []):
        problems += _after_release(source, ("cycle", index, "file"), revision.file, revision.date, released,
                                   "文件", "releases.yaml 中 cycle: 登记的文件")
        if revision.field not in {c.name for c in CYCLE_FILES[revision.file]}:
            problems.append(source.problem("not-an-option", "这个文件没有这一列", ("cycle", index, "field"),
                                           value=revision.field, expected="、".join(c.name for c in CYCLE_FILES[revision.file])))
    return problems


def _after_release(source, path: tuple, name: str, date, released: dict, what: str, expected: str) -> list[Problem]:
    """A correction (revisions.yaml, at `path`) names what was published (a month, a cycle file) and is disclosed no
    earlier than that was."""
    if name not in released:
        return [source.problem("unknown-reference", f"更正的{what}没有发布记录", path, value=name, expected=expected)]
    if date < released[name]:
        return [source.problem("date-order", f"更正公布日期早于该{what}的发布日期", (*path[:2], "date"), value=str(date),
                               expected=f"不早于 {released[name]}")]
    return []


def _cycle_problem(table: CycleTable, change: Change) -> Problem:
    where = f"“{change.item}”这一行的{table.header(change.field)}"
    shown = f"{where}：{_shown(change, change.old)} → {_shown(change, change.new)}"
    line, column = change.row or None, table.columns[change.field] if change.row else None
    if change.note and change.row:
        return Problem("correction-pending", table.file, f"已发布的内容已更正并写明原因，尚未登记（{shown}）", line=line,
                       column=column, field=table.header(change.field), value=_shown(change, change.new),
                       expected="运行 minsheng publish --cycle 登记并公布这项更正")
    removed = "（这一行已被删除）" if not change.row else ""
    return Problem("revision", table.file, f"已发布的内容被改动但未登记更正（{shown}）{removed}", line=line, column=column,
                   field=table.header(change.field), value=_shown(change, change.new),
                   expected="恢复这一行：已发布的行不能删除；如需更正，改动该行并在“更正说明”中写明原因" if not change.row
                   else "在该行“更正说明”中写明原因，再运行 minsheng publish --cycle 登记并公布这项更正")
