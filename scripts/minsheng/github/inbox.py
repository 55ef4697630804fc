"""`minsheng inbox`: the workbooks the office hands in from the browser, turned into the month's files.

The office uploads a filled-in workbook into `inbox/` on its pull request's branch (GitHub's "Add file →
Upload files"). The pull request's check runs this command, which does on the working copy what a
technician does on a computer, with the same code:

1. each workbook in `inbox/` is imported by `import_month`, all or nothing, as the month the workbook
   names (or its file name, for a workbook made by hand); a workbook of the yearly cycle (recognised by
   its sheets, 征集 … 测评) by `import_cycle`, as the year it names; an imported workbook, and the blank one
   `outbox/` held for that month, are removed from the working copy, and a refused one is left where it
   is, `data/` untouched;
2. a publication date written in the pull request's description (发布月份 / 发布日期) is recorded by
   `publish` (`publish_cycle` for 发布月份：2025年度流程), afresh from the base branch's publication records
   each time, so that a month can be handed in again and again before the pull request is merged;
3. the data is validated, and compared with the base branch (the change report).

What comes out: the pull request's comment (Markdown, in Chinese), and which files changed in the working
copy, for the reply workflow to commit back to the branch. This module writes neither to git nor to
GitHub.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..months import month_end
from ..problems import Problem, Report
from ..month.excel import read_workbook, workbook_month
from ..errors import EntryError
from ..month.cycle_workbook import cycle_workbook, import_cycle
from ..month.monthly import MONTH, import_month

INBOX, OUTBOX = "inbox", "outbox"
IGNORED = {"README.md", ".gitkeep"}  # what keeps the folders in git
DESCRIPTION = "拉取请求说明"  # where the publication fields are written, as problems name it
PENDING = ("revision", "correction-pending")
PUBLICATION = ("releases.yaml", "revisions.yaml", "published")  # what `publish` writes in a year's folder


@dataclass
class Fields:
    """The publication the pull request's description asks for: 发布月份 and 发布日期."""

    month: str | None = None
    date: dt.date | None = None
    problems: list[Problem] = field(default_factory=list)
    cycle: int | None = None  # 发布月份：2025年度流程 — the year whose cycle files are published


@dataclass
class HandedIn:
    """One file found in inbox/, and what became of it."""

    path: str  # as in the repository: inbox/2024-08.xlsx
    month: str | None
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    cycle: int | None = None  # a workbook of the yearly cycle: its year

    @property
    def imported(self) -> bool:
        return bool(self.written)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def error_count(self) -> int:
        return len(self.errors)

    @property
    def told(self) -> list[Problem]:
        """Of an imported workbook: what was read with a settled meaning (no error), for the clerk to check."""
        return [p for p in self.problems if p.severity != "error"]

    @property
    def told_count(self) -> int:
        return len(self.told)

    @property
    def blank_removed_too(self) -> bool:
        """The blank workbook sent out (in outbox/) is removed with the one handed in."""
        return len(self.removed) > 1


@dataclass
class Outcome:
    handed: list[HandedIn]
    fields: Fields
    publication: tuple[str, dt.date] | None  # the month and date recorded from the description
    corrections: int | None  # for a month published before: how many corrections that date records (else None)
    published: list[str]  # the files publish wrote
    publish_problems: list[Problem]
    waiting: list[Problem]  # blank workbooks in outbox/ not handed back
    report: Report  # the data as it is after
    releases: dict[str, dt.date]  # every month's publication date after, for the comment
    changes: str | None  # the change report (Markdown), or None with `changes_note` saying why
    changes_note: str | None = None
    commit: list[str] = field(default_factory=list)  # files to add to the branch (written or changed)
    remove: list[str] = field(default_factory=list)  # files to delete from the branch
    cycle: int | None = None  # the year whose cycle `publication` recorded (its name is then 2025年度流程)

    @property
    def blocking(self) -> list[Problem]:
        return self.report.errors

    @property
    def problems(self) -> int:
        """How many errors stand between the pull request and a merge."""
        refused = sum(len(h.errors) for h in self.handed if not h.imported)
        publishing = sum(p.severity == "error" for p in self.publish_problems)
        return refused + len(self.waiting) + publishing + len(self.blocking)

    @property
    def ok(self) -> bool:
        return self.problems == 0


# 发布日期：2024-09-10, in a Markdown list or bold, with a full-width or ASCII colon
_FIELD = re.compile(r"^[\s>*_#-]*(发布月份|发布日期)[\s*_]*:[\s*_]*(.*?)[\s*_`]*$", re.M)
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")
_CYCLE = re.compile(r"(\d{4})\s*年?\s*度?\s*流程")  # 2025年度流程: the year's cycle files
_NAMED_MONTH = re.compile(r"(?<!\d)(20\d{2})\s*[-_.年]?\s*(0?[1-9]|1[0-2])(?!\d)")
_BRANCH = re.compile(r"^(?:month|correct)-(\d{4}-(?:0[1-9]|1[0-2]))$")  # the branches 取月报表格 makes


def pr_fields(body: str | None) -> Fields:
    """The 发布月份 and 发布日期 lines of a pull request's description. Dates as the office writes them:
    2024-09-10, 2024/9/10, 2024.9.10, 2024年9月10日, in full-width digits too. A line left empty, or with
    words only (待定), asks for nothing."""
    text = unicodedata.normalize("NFKC", re.sub(r"<!--.*?-->", "", body or "", flags=re.S))
    values: dict[str, str] = {}
    for name, value in _FIELD.findall(text):
        values.setdefault(name, value.strip())
    fields = Fields()
    date_text, month_text = values.get("发布日期", ""), values.get("发布月份", "")
    if not re.search(r"\d", date_text):
        return fields  # no date: nothing to record, whatever the month says
    match = _DATE.fullmatch(date_text)
    try:
        fields.date = dt.date(*(int(part) for part in match.groups())) if match else None
    except ValueError:
        fields.date = None
    if fields.date is None:
        fields.problems.append(Problem("publish-field", DESCRIPTION, "发布日期的写法不对", field="发布日期",
                                       value=date_text, expected="年-月-日，如 2024-09-10；暂不登记发布就留空"))
    match = _MONTH.fullmatch(month_text)
    cycle = _CYCLE.fullmatch(month_text)
    if cycle:
        fields.cycle = int(cycle.group(1))
    elif match and 1 <= int(match.group(2)) <= 12:
        fields.month = f"{match.group(1)}-{int(match.group(2)):02d}"
    elif re.search(r"\d", month_text):
        fields.problems.append(Problem("publish-field", DESCRIPTION, "发布月份的写法不对", field="发布月份",
                                       value=month_text, expected="年-月，如 2024-08；年度流程写 2025年度流程"))
    if fields.problems:
        fields.date = None
    return fields


def month_from_name(name: str) -> str | None:
    """The month a file's name says: 2024-08.xlsx, 2024年8月月报.xlsx, 202408.xlsx."""
    match = _NAMED_MONTH.search(Path(name).stem)
    return f"{match.group(1)}-{int(match.group(2)):02d}" if match else None


def branch_month(branch: str | None) -> str | None:
    """The month a pull request's branch is for, when 取月报表格 made it (month-2024-08, correct-2024-11)."""
    match = _BRANCH.match(branch or "")
    return match.group(1) if match else None


def check_inbox(data: Path, base: str | None = None, body: str | None = None, branch: str | None = None) -> Outcome:
    """Import what inbox/ holds, record the publication the description asks for, validate and compare
    with `base` (a git revision, e.g. origin/main). Works on the working copy of `data`'s repository.
    `branch`: the pull request's; a workbook of another month than the branch's is refused."""
    from ..validate import validate_data

    root = data.resolve().parent
    fields = pr_fields(body)
    with tempfile.TemporaryDirectory() as scratch:
        base_data, base_note = _base(data, base, Path(scratch))
        saved = Path(scratch) / "branch"
        if fields.date and base_data is not None:
            restore_publication(saved, data)
            restore_publication(data, base_data)
        found = _found(root)
        doubles = _doubles(root, found)
        handed = [doubles.get(path) or _hand_in(data, root, path, month, branch_month(branch)) for path, month in found]
        handed += _in_subfolders(root)
        waiting = _waiting(root, {h.month for h in handed})
        publication, published, publish_problems = _publish(data, fields, handed, waiting)
        if fields.date and base_data is not None and publication is None and not any(h.imported for h in handed):
            restore_publication(data, saved)  # nothing new to record: the branch's records stay as they are
        plan, report = validate_data(data)
        changes, changes_note = _changes(data, base_data, plan, base_note)
    releases = {r.month: r.date for year in plan.years.values() if year.releases for r in year.releases.releases}
    corrections = None
    cycle = int(publication[0][:4]) if publication and not MONTH.match(publication[0]) else None
    if cycle:  # the cycle's corrections that date records
        year = plan.years.get(cycle)
        corrections = sum(r.date == publication[1] for r in year.revisions.cycle) if year and year.revisions else 0
    elif publication and releases.get(publication[0]) != publication[1]:  # the month was published on another day
        corrections = sum(r.date == publication[1] for year in plan.years.values() if year.revisions
                          for r in year.revisions.revisions)
    outcome = Outcome(handed, fields, publication, corrections, published, fields.problems + publish_problems,
                      waiting, report, releases, changes, changes_note, cycle=cycle)
    outcome.commit, outcome.remove = changed_files(root, handed, published)
    return outcome


def _base(data: Path, base: str | None, scratch: Path) -> tuple[Path | None, str | None]:
    if not base:
        return None, "没有指定比较的版本"
    from ..load.git_tree import GitError, export_data

    try:
        return export_data(base, data, scratch / "base"), None
    except GitError as exc:
        return None, str(exc)


def restore_publication(data: Path, base_data: Path) -> None:
    """Make every year's publication records in `data` as `base_data` has them (the base branch's, so that
    `publish` records the description's date afresh, on the data as handed in now)."""
    years = data if data.is_dir() else base_data  # the years of the working copy (`data`, or the one saved into it)
    for name_of_year in sorted(p.name for p in years.iterdir() if p.is_dir() and p.name.isdigit()):
        year, before = data / name_of_year, base_data / name_of_year
        year.mkdir(parents=True, exist_ok=True)
        for name in PUBLICATION:
            here, there = year / name, before / name
            if here.is_dir():
                shutil.rmtree(here)
            elif here.exists():
                here.unlink()
            if there.is_dir():
                shutil.copytree(there, here)
            elif there.is_file():
                shutil.copyfile(there, here)


def _found(root: Path) -> list[tuple[Path, str | None]]:
    """The files handed in, with the month each is for, earliest month first."""
    folder = root / INBOX
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name not in IGNORED
                   and not p.name.startswith(".")) if folder.is_dir() else []
    found = [(path, workbook_month(path) or month_from_name(path.name)) for path in files]
    return sorted(found, key=lambda pair: (pair[1] or "9999", pair[0].name))


def _in_subfolders(root: Path) -> list[HandedIn]:
    """Files uploaded into a folder inside inbox/: named, never imported (the office meant inbox/ itself)."""
    folder = root / INBOX
    inside = sorted(p for p in folder.rglob("*") if p.is_file() and p.parent != folder and p.name not in IGNORED
                    and not p.name.startswith(".")) if folder.is_dir() else []
    result = []
    for path in inside:
        shown = path.relative_to(root).as_posix()
        where = path.parent.relative_to(root).as_posix()
        result.append(HandedIn(shown, month_from_name(path.name), [Problem(
            "not-a-workbook", shown, f"表格放在了子文件夹“{where}”里，没有导入", value=path.name,
            expected=f"把表格直接上传到 {INBOX} 文件夹（上传页面上方的路径是 {INBOX}，不要拖入文件夹），再删去“{where}”里的这一份")]))
    return result


def _hand_in(data: Path, root: Path, path: Path, month: str | None, expected: str | None = None) -> HandedIn:
    from ..formats import chinese_month

    handed = HandedIn(path.relative_to(root).as_posix(), month)
    is_cycle, year = cycle_workbook(path)
    if is_cycle:
        return _hand_in_cycle(data, root, path, HandedIn(handed.path, None, cycle=year))
    if month is None or not MONTH.match(month):
        _, problems = read_workbook(path, path.name)
        refusal = [p for p in problems if p.severity == "error"]
        handed.problems = refusal or [Problem(
            "inbox", handed.path, "看不出这是哪个月的表格", value=path.name,
            expected="用“取月报表格”生成的表格填写，或把文件名改成月份，如 2024-08.xlsx")]
        return handed
    if expected and month != expected:
        handed.problems = [Problem(
            "month", handed.path, f"这是 {chinese_month(month)} 的表格，这个拉取请求是 {chinese_month(expected)} 的月报",
            value=path.name, expected=f"下载本页说明里的 {expected}.xlsx，填好后交回，并删去这一份；要更正 {chinese_month(month)}，"
                                      f"请另外“取月报表格”，月份填 {month}")]
        return handed
    return _import(data, root, handed, lambda plan, checked: import_month(plan, checked, path, month, force=True),
                   (path, root / OUTBOX / f"{month}.xlsx"))


def _hand_in_cycle(data: Path, root: Path, path: Path, handed: HandedIn) -> HandedIn:
    """A workbook of the yearly cycle, imported all or nothing as the year it names."""
    if handed.cycle is None:
        handed.problems = [Problem("inbox", handed.path, "看出这是年度流程的表格，但看不出是哪一年的", value=path.name,
                                   expected="把文件名改成年度，如 2025年度流程.xlsx")]
        return handed
    return _import(data, root, handed, lambda plan, _: import_cycle(plan, path, handed.cycle), (path,),
                   dict(value=path.name, expected="data/ 中已有的年度"))


def _import(data: Path, root: Path, handed: HandedIn, run, done: tuple[Path, ...], refused: dict | None = None) -> HandedIn:
    """The workbook imported by `run(plan, report)` once the plan has no error; on success the files it wrote are the
    hand-in's, and `done` (the workbook, and the blank one sent for its month) leave the working copy."""
    plan, checked, broken = _sound_plan(data)
    if broken:
        handed.problems = broken
        return handed
    try:
        written, handed.problems, _ = run(plan, checked)
    except EntryError as exc:
        handed.problems = [Problem("inbox", handed.path, str(exc), **(refused or {}))]
        return handed
    if written:
        handed.written = [p.resolve().relative_to(root).as_posix() for p in written]
        for path in done:
            if path.is_file():
                path.unlink()
                handed.removed.append(path.relative_to(root).as_posix())
    return handed


def _doubles(root: Path, found: list[tuple[Path, str | None]]) -> dict[Path, HandedIn]:
    """Two workbooks for one month: neither is imported (which one the office meant is theirs to say)."""
    by_month: dict[str, list[Path]] = {}
    for path, month in found:
        if month:
            by_month.setdefault(month, []).append(path)
    refused = {}
    for month, paths in by_month.items():
        if len(paths) > 1:
            names = "、".join(p.relative_to(root).as_posix() for p in paths)
            for path in paths:
                shown = path.relative_to(root).as_posix()
                refused[path] = HandedIn(shown, month, [Problem(
                    "inbox", shown, f"{month} 交了 {len(paths)} 份表格（{names}）",
                    expected="只留一份：在 inbox 文件夹中删去不要的那份")])
    return refused


def _waiting(root: Path, handed_in: set[str | None]) -> list[Problem]:
    """The blank workbooks in outbox/ whose month nothing in inbox/ is for."""
    from ..formats import chinese_month

    folder = root / OUTBOX
    blanks = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".xlsx") if folder.is_dir() else []
    return [Problem("inbox", p.relative_to(root).as_posix(),
                    f"这是发给您填写的{chinese_month(p.stem) if MONTH.match(p.stem) else p.stem}表格，还没有交回",
                    expected="填好后上传到本分支的 inbox 文件夹；不再需要时删去这个文件")
            for p in blanks if p.stem not in handed_in]


def _publish(data: Path, fields: Fields, handed: list[HandedIn], waiting: list[Problem]) -> tuple[tuple[str, dt.date] | None, list[str], list[Problem]]:
    """Record the description's publication, once the month's workbook is in (never a blank one's data)."""
    if fields.date is None:
        return None, [], []
    where = dict(field="发布月份", expected="年-月，如 2024-08")
    imported = sorted({h.month for h in handed if h.imported and h.month})
    cycles = {h.cycle for h in handed if h.imported and h.cycle}
    if fields.cycle or not fields.month and not imported and len(cycles) == 1:
        year = fields.cycle or next(iter(cycles))
        if any(h.cycle == year and not h.imported for h in handed):
            return None, [], [Problem("publish-field", DESCRIPTION, f"{year}年度流程的表格还没有导入，导入后才能登记发布",
                                      field="发布日期", value=f"{fields.date}", expected="先改正表格的问题再上传",
                                      severity="warning")]
        from ..month.publish import publish_cycle

        return _record(data, f"{year}年度流程", fields.date, lambda plan: publish_cycle(plan, year, fields.date))
    month = fields.month or (imported[0] if len(imported) == 1 else None)
    if month is None:
        return None, [], [Problem("publish-field", DESCRIPTION, "填了发布日期，但没有写发布哪个月", **where)]
    if any(h.month == month and not h.imported for h in handed) or any(p.file == f"{OUTBOX}/{month}.xlsx" for p in waiting):
        return None, [], [Problem("publish-field", DESCRIPTION, f"{month} 的表格还没有导入，导入后才能登记发布",
                            field="发布日期", value=f"{fields.date}", expected="先交回表格并改正它的问题",
                            severity="warning")]
    from ..month.publish import publish

    return _record(data, month, fields.date, lambda plan: publish(plan, month, fields.date),
                   f"晚于 {month_end(month)} 的日期，按月份先后发布" if MONTH.match(month) else None)


def _record(data: Path, name: str, date: dt.date, publish, expected: str | None = None
            ) -> tuple[tuple[str, dt.date] | None, list[str], list[Problem]]:
    """The publication `name` (a month, or 2025年度流程) recorded on `date` by `publish(plan)`, once the plan has no
    error: (name, date), the files written, or the problem why not."""
    plan, _, broken = _sound_plan(data)
    if broken:
        return None, [], [Problem("publish-field", DESCRIPTION, "计划数据有错误，无法登记发布", expected="先改正计划数据")]
    try:
        written = publish(plan)
    except EntryError as exc:
        return None, [], [Problem("publish-field", DESCRIPTION, str(exc), field="发布日期", value=f"{name} {date}",
                                  expected=expected)]
    root = data.resolve().parent
    return (name, date), [p.resolve().relative_to(root).as_posix() for p in written], []


def _sound_plan(data: Path):
    """The data folder, its report, and the plan's own errors: an import or a publication waits until there are none."""
    from ..validate import plan_errors, validate_data

    plan, report = validate_data(data)
    return plan, report, plan_errors(report)


def _changes(data: Path, base_data: Path | None, plan, base_note: str | None) -> tuple[str | None, str | None]:
    if base_data is None:
        return None, base_note
    from ..compute.diff import diff
    from ..render.change_report import change_report
    from ..validate import validate_data

    base_plan, base_report = validate_data(base_data)
    blocking = [p for p in base_report.errors if p.code not in PENDING]
    if blocking:
        return None, f"比较的版本有 {len(blocking)} 个错误，无法比较"
    return change_report(diff(base_plan, plan)), None


def changed_files(root: Path, handed: list[HandedIn], published: list[str]) -> tuple[list[str], list[str]]:
    """(files to commit, files to delete) under data/, inbox/ and outbox/: what git sees changed in the
    working copy, or, outside a git repository, what this run wrote and removed."""
    status = subprocess.run(["git", "status", "-z", "--porcelain=v1", "--untracked-files=all", "--",
                             "data", INBOX, OUTBOX], capture_output=True, cwd=root)
    if status.returncode != 0:
        written = sorted({p for h in handed for p in h.written} | set(published))
        return written, sorted({p for h in handed for p in h.removed})
    commit, remove = [], []
    for entry in status.stdout.decode("utf-8").split("\0"):
        if len(entry) > 3:
            (remove if "D" in entry[:2] else commit).append(entry[3:])
    return sorted(commit), sorted(remove)


def write_report(outcome: Outcome, root: Path, out: Path, comment: str, event: dict) -> Path:
    """The check's report for the reply workflow: comment.md, report.json and the files to commit under
    files/, in `out` (made anew)."""
    if out.exists():
        shutil.rmtree(out)
    (out / "files").mkdir(parents=True)
    (out / "comment.md").write_text(comment, encoding="utf-8")
    for name in outcome.commit:
        target = out / "files" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / name, target)
    pull = event.get("pull_request") or {}
    summary = {"pull_request": pull.get("number"), "head_sha": (pull.get("head") or {}).get("sha"),
               "ok": outcome.ok, "problems": outcome.problems, "commit": outcome.commit, "remove": outcome.remove,
               "imported": [h.path for h in outcome.handed if h.imported]}
    (out / "report.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out
