"""Checks of the yearly cycle: the files match the steps cycle.yaml declares, the vote's 是否当选 is what the
rule gives, counts stay within the members, every item named is in the year's list, every item is rated
when the year had a 测评, and a proposal not taken says why."""

from __future__ import annotations

from collections import Counter

from ..cycle_rules import elected
from ..load.data_folder import DataFolder, Year
from ..model import STEPS
from ..model.cycle import CYCLE_STEP_OF_FILE, CycleRow, CycleTable
from ..problems import Problem

NEEDED = {"proposals": "proposals", "vote": "candidates", "oversight": "oversight", "rating": "ratings"}


def check_cycle(plan: DataFolder, year: Year) -> list[Problem]:
    steps = set(year.cycle.steps) if year.cycle else {"implementation"}
    where = year.cycle_source.file if year.cycle_source else f"{year.folder.name}/cycle.yaml"
    problems = []
    for stem, table in year.cycle_files.items():
        step = CYCLE_STEP_OF_FILE[stem]
        if step not in steps:
            problems.append(Problem("cycle-step", table.file, f"本年度的 cycle.yaml 没有“{STEPS[step]}”这个环节，却有它的文件",
                                    value=stem + ".csv", expected=f"在 {where} 的 steps 里加上 {step}，或删去这个文件"))
    for step, stem in NEEDED.items():
        if step in steps and stem not in year.cycle_files:
            problems.append(Problem("file-missing", where, f"本年度有“{STEPS[step]}”环节，缺少它的文件",
                                    value=step, expected=f"{year.folder.name}/cycle/{stem}.csv"))
    for step in ("proposals", "vote", "rating"):
        if step in steps and year.cycle and getattr(year.cycle, step) is None:
            problems.append(year.cycle_source.problem("missing-field", f"本年度有“{STEPS[step]}”环节，缺少它的日期和会议",
                                                      (), value=step, expected=f"在 cycle.yaml 中写 {step}:（见 data/README.md）"))
    items = set(year.item_sources)
    tables = year.cycle_files
    for stem in ("candidates", "adjustments", "oversight", "ratings"):
        for row in tables[stem].rows if stem in tables else ():
            if row["item"] and row["item"] not in items:
                problems.append(add("unknown-reference", tables[stem], row, "item", "计划中没有这个项目",
                                    "本年度 items/ 中的项目编号"))
    for row in tables["proposals"].rows if "proposals" in tables else ():
        if row["outcome"] == "未采纳" and not row["reason"]:
            problems.append(add("missing-row", tables["proposals"], row, "reason", "未采纳的建议要写明原因",
                                "未采纳的原因，如 不属于政府职责、已列入部门年度计划"))
    if "candidates" in tables and year.cycle and year.cycle.vote:
        problems += _check_vote(plan, year, tables["candidates"])
    if "ratings" in tables and year.cycle and year.cycle.rating:
        problems += _check_ratings(year, tables["ratings"], tables.get("adjustments"))
    return problems


def add(code: str, table: CycleTable, row: CycleRow, name: str, message: str, expected: str,
        severity: str = "error") -> Problem:
    """A problem at the cell `name` of `row`."""
    return Problem(code, table.file, message, line=row.row, column=table.columns[name], field=table.header(name),
                   value=row[name], expected=expected, severity=severity)


def _check_vote(plan: DataFolder, year: Year, table: CycleTable) -> list[Problem]:
    session, problems = year.cycle.vote, []
    rows = [r for r in table.rows if None not in (r["for"], r["against"], r["abstain"])]
    for row, count in Counter(r["candidate"] for r in table.rows).items():
        if count > 1:
            first = next(r for r in table.rows if r["candidate"] == row)
            problems.append(add("duplicate-row", table, first, "candidate", f"候选编号重复（{count}行）", "每个候选项目一行"))
    for row in rows:
        if row["for"] + row["against"] + row["abstain"] > session.members:
            problems.append(add("out-of-range", table, row, "for", f"赞成、反对、弃权共 {row['for'] + row['against'] + row['abstain']} 票，"
                                f"超过全体代表 {session.members} 人", f"三项之和不超过 {session.members}"))
    if session.seats is None:
        return problems + [year.cycle_source.problem("missing-field", "票决缺少名额", ("vote",), expected="seats: 当选的项目数")]
    chosen, tied = elected([r["for"] for r in rows], session.seats, session.members, plan.rules.rating,
                           [r["for"] + r["against"] + r["abstain"] for r in rows])
    for index, row in enumerate(rows):
        if index in tied:
            problems.append(add("vote-result", table, row, "for", "与其他候选项目得票相同，争最后的名额",
                                "按规则另行投票后填写结果"))
            continue
        computed = "当选" if index in chosen else "未当选"
        if row["elected"] and row["elected"] != computed:
            problems.append(add("vote-result", table, row, "elected", f"按规则（名额 {session.seats}、赞成票超过全体代表的"
                                f"{plan.rules.rating.elected_above:g}%）应为“{computed}”", computed))
        if computed == "当选" and not row["item"]:
            problems.append(add("missing-row", table, row, "item", "当选的项目要写明它在清单中的项目编号", "如 07"))
        if computed == "未当选" and row["item"]:
            problems.append(add("vote-result", table, row, "item", "未当选的候选项目不应有清单中的项目编号", "留空"))
    return problems


def _check_ratings(year: Year, table: CycleTable, adjustments: CycleTable | None) -> list[Problem]:
    members, problems = year.cycle.rating.members, []
    seen: dict[str, int] = {}
    for row in table.rows:
        if row["item"] in seen:
            problems.append(add("duplicate-row", table, row, "item", f"这个项目已有一行（第{seen[row['item']]}行）",
                                "每个项目一行"))
        seen.setdefault(row["item"], row.row)
        counts = [row[n] for n in ("satisfied", "fair", "unsatisfied", "abstain")]
        if None not in counts and sum(counts) > members:
            problems.append(add("out-of-range", table, row, "satisfied", f"四项共 {sum(counts)} 票，超过全体代表 {members} 人",
                                f"满意、基本满意、不满意、弃权之和不超过 {members}"))
    ended = {r["item"] for r in adjustments.rows if r["kind"] == "终止"} if adjustments else set()
    missing = [item.id for item in year.items if item.id not in seen and item.id not in ended]
    if missing:
        problems.append(Problem("missing-row", table.file, f"{len(missing)} 个项目没有测评结果", value="、".join(missing[:10]),
                                expected="本年度每个项目（终止的除外）一行"))
    return problems
