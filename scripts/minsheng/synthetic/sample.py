"""Generate the sample monthly reports shipped in data/ (no official monthly figures were published).

Reproducible: the same plan and seed give the same files byte for byte. Each item is given a
scenario, so that the site shows every situation it must: done early, on pace, behind, far behind,
no task, qualitative items, a correction, and a unit that did not report one month. The figures are
invented; `sample_data: true` in site.yaml makes every page say so.

Each month's note (进展情况) follows from that month's figures, never from the scenario: the month is
judged by compute/progress.py exactly as the site judges it (progress against 序时进度, done or not done
after the deadline), and the note says what that status says. A figure the scenario rounds down (one of
a target of 1) or a level that starts high can put an item anywhere, so the note must not be chosen first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import shutil
from pathlib import Path

from ..compute.funds import implied_money
from ..compute.progress import item_history
from ..data_writer import write_yaml
from ..months import month_end, next_month
from ..load.data_folder import DataFolder, Year, load_data_folder
from ..model import NOT_REPORTED, Indicator, IndicatorReport, Item, ItemReport, MonthReport, Rules
from ..month.month_files import CsvRow, write_month
from ..month.publish import publish
from ..status import LAGGING, Status

# Share of the year's work done by the end of each month, by scenario (months 4–12).
PACE = {
    "early": [0.25, 0.5, 0.8, 0.95, 1.0, 1.0, 1.0, 1.0, 1.0],
    "on_pace": [0.2, 0.45, 0.72, 0.78, 0.85, 0.93, 0.97, 1.0, 1.0],
    "behind": [0.1, 0.25, 0.45, 0.52, 0.58, 0.64, 0.7, 0.76, 0.82],
    "far_behind": [0.05, 0.1, 0.2, 0.26, 0.32, 0.38, 0.45, 0.52, 0.6],
}
SCENARIOS = ["on_pace", "on_pace", "early", "behind", "on_pace", "far_behind", "on_pace", "early", "behind"]
PACE_FROM = 4  # PACE starts with April, the month of the 2024 notice


def _share(scenario: str, month_number: int) -> float:
    """Share of the year's work done by the end of a month; months before April rise toward April's."""
    pace = PACE[scenario]
    return pace[month_number - PACE_FROM] if month_number >= PACE_FROM else pace[0] * month_number / PACE_FROM
SOURCE_CHOICES = (("区",), ("区", "市"), ("省", "区"), ("中央", "省", "区"), ("区", "其他"))


def generate(year: Year, seed: int, rules: Rules) -> dict[str, tuple[list[CsvRow], list[CsvRow]]]:
    """The rows of every month from April to December, by month; each note follows the month's figures."""
    rng = random.Random(seed)
    items = sorted(year.items, key=lambda i: i.id)
    active = [i for i in items if not i.no_task]
    measured = [i for i in active if any(x.target is not None for x in i.indicators)]
    scenario = {item.id: SCENARIOS[index % len(SCENARIOS)] for index, item in enumerate(measured)}
    linked = [i for i in active if any(p.applies_to for p in i.policy_parameters)]
    # by id: `item in linked` compared the items' models field by field, for every item and month (quadratic)
    linked_ids = {i.id for i in linked}
    # lowered in August, with a correction note; its funds do not follow its figures
    candidates = [i for i in measured if i.id not in linked_ids
                  and all(x.kind != "count" or (x.target or 0) >= 100 for x in i.indicators)]
    corrected = rng.choice([i for i in candidates if scenario[i.id] == "on_pace"] or candidates)
    silent = rng.choice([i for i in active if i.id != corrected.id])  # did not report in September
    explained, unexplained = rng.sample(linked, 2)  # money paid out falls short of standard × output
    bases = {(i.id, x.id): x.target if x.target is not None else float(rng.randint(150, 400))
             for i in active for x in i.indicators}
    weights = {item.id: _source_weights(rng) for item in active}
    planned = {item.id: _planned(rng, item, bases) for item in active}
    months = {}
    for month_number in range(year.notice.published.month, 13):
        month = f"{year.year}-{month_number:02d}"
        progress: list[CsvRow] = []
        fund_rows: list[CsvRow] = []
        for item in items:
            if item.no_task:
                progress.append({"item": item.id, "item_title": item.title, "note": item.no_task_text})
                continue
            not_reported = item.id == silent.id and month_number == 9
            row: CsvRow = {"item": item.id, "item_title": item.title}
            if not_reported:
                row["status"] = NOT_REPORTED
            progress.append(row)
            share = _share(scenario.get(item.id, "on_pace"), month_number)
            values = {}
            for indicator in item.indicators:
                value = None if not_reported else _value(indicator, share, bases[item.id, indicator.id])
                cells: CsvRow = {"item": item.id, "item_title": item.title, "indicator": indicator.id,
                              "indicator_name": indicator.name, "unit": indicator.unit,
                              "target": indicator.target, "value": value}
                if item.id == corrected.id and indicator.kind == "count" and month_number == 8 and value:
                    cells["value"] = _round(indicator, value * 0.9)
                    cells["correction"] = "经核实，7月报送数含重复统计，本月起按核实后的累计数报送（样例）"
                values[indicator.id] = cells["value"]
                progress.append(cells)
            if not not_reported:
                paid = _implied(item, values) if item.id in linked_ids else planned[item.id] * 0.8 * share
                if item.id in (explained.id, unexplained.id):
                    paid *= 0.6
                note = "部分补贴年底集中清算，已发放但尚未拨付到位（样例）" if item.id == explained.id else ""
                fund_rows += _fund_rows(item, weights[item.id], planned[item.id], share, paid, note)
        months[month] = (progress, fund_rows)
    write_notes(year, rules, months)
    return months


# What a month's note says, by the status compute/progress.py gives the month's figures
NOTES = {
    Status.DONE: "已完成年度目标（样例）",
    Status.AHEAD: "进度快于序时（样例）",
    Status.ON_PACE: "按计划推进（样例）",
    Status.BEHIND: "受前期手续影响，进度偏慢（样例）",
    Status.FAR_BEHIND: "进度明显滞后，正在督促加快推进（样例）",
    Status.NOT_DONE: "未完成年度目标，继续推进（样例）",
}
STAGES = ("制定实施方案（样例）", "按方案推进（样例）", "完成阶段性工作（样例）")  # qualitative items, month by month


def write_notes(year: Year, rules: Rules, months: dict[str, tuple[list[CsvRow], list[CsvRow]]],
                items: list[Item] | None = None) -> None:
    """Set each reported item's note (进展情况) from its month's status, as the site computes it from the
    figures of the rows; a month not reported has no note, an item without a task keeps its own text.
    `items`: only these (default: every item of the year)."""
    shadow = dataclasses.replace(year, months=[_report(month, progress) for month, (progress, _) in months.items()])
    rows = {(month, row["item"]): row for month, (progress, _) in months.items()
            for row in progress if not row.get("indicator")}
    for item in year.items if items is None else items:
        if item.no_task:
            continue
        for step, judged in enumerate(item_history(item, shadow, rules)):
            row = rows[judged.month, item.id]
            if row.get("status") == NOT_REPORTED:
                row.pop("note", None)
            else:
                row["note"] = note(judged.status, step)


def note(status: Status, step: int) -> str:
    """The sample note for a month with `status`, the `step`-th month reported (qualitative items go by stage)."""
    if status == Status.QUALITATIVE:
        return STAGES[min(step, len(STAGES) - 1)]
    return NOTES.get(status, "")


def _report(month: str, rows: list[CsvRow]) -> MonthReport:
    """The month as the loader reads it back from the rows."""
    report = MonthReport(month, "", "")
    for number, row in enumerate(rows, start=2):
        correction = row.get("correction") or ""
        if row.get("indicator"):
            report.indicators[row["item"], row["indicator"]] = IndicatorReport(
                row["item"], row["indicator"], row.get("value"), False, "", correction, number)
        else:
            report.items[row["item"]] = ItemReport(row["item"], row.get("note") or "", correction,
                                                   row.get("status") != NOT_REPORTED, number)
    return report


def write_sample(plan: DataFolder, year_number: int, seed: int) -> list[Path]:
    """Write the sample months, ledger and releases; publish each month in turn, one with a correction."""
    year = plan.years[year_number]
    for old in ("releases.yaml", "revisions.yaml"):
        (year.folder / old).unlink(missing_ok=True)
    shutil.rmtree(year.folder / "published", ignore_errors=True)
    written = []
    months = generate(year, seed, plan.rules)
    for month, (progress, funds) in months.items():
        written += write_month(year.folder, month, progress, funds)
    ledger = year.folder / "problems.yaml"
    problems = generate_ledger(year, seed, item_states(year, plan.rules, months))
    written.append(write_yaml(ledger, {"problems": problems}, LEDGER_HEADER))
    revised_month, revising_month = f"{year_number}-07", f"{year_number}-09"
    for month in months:
        if month == revising_month:
            written += _revise(year, plan.rules, months, revised_month, random.Random(seed + 2))
        plan, _ = load_data_folder(plan.root)
        written += publish(plan, month, month_end(month) + dt.timedelta(days=10))
    return sorted(set(written))


def _revise(year: Year, rules: Rules, months: dict, month: str, rng: random.Random) -> list[Path]:
    """Correct one figure of an already published month, as an office would, with its note. The figure is
    one whose correction leaves the item's status, and so its note, as published: one change to disclose."""
    progress, funds = months[month]
    following = {(r["item"], r.get("indicator")): r for r in months[next_month(month)][0]}
    notes = {r["item"]: r.get("note") for r in progress if not r.get("indicator")}
    candidates = []
    for row in progress:
        later = following.get((row["item"], row.get("indicator")), {}).get("value")
        if not row.get("indicator") or row.get("value") is None or later is None or later <= row["value"] + 1:
            continue
        revised = round((row["value"] + later) / 2, 3)
        if _notes_with(year, rules, months, row, revised) == notes:
            candidates.append((row, revised))
    row, row["value"] = rng.choice(candidates)
    row["correction"] = "经复核，7月漏报部分已完成数量，更正为核实后的累计数（样例）"
    return list(write_month(year.folder, month, progress, funds))


def _notes_with(year: Year, rules: Rules, months: dict, row: CsvRow, value: float) -> dict[str, str | None]:
    """The notes of the row's month, by item, were the row's figure `value` (the months are left as they are)."""
    month = next(m for m, (progress, _) in months.items() if any(r is row for r in progress))
    trial = {m: ([dict(r, value=value) if r is row else dict(r) for r in progress], funds)
             for m, (progress, funds) in months.items()}
    write_notes(year, rules, trial, [i for i in year.items if i.id == row["item"]])
    return {r["item"]: r.get("note") for r in trial[month][0] if not r.get("indicator")}



LEDGER_HEADER = "# 问题销号台账（演示样例，由 minsheng sample 生成，非官方数据）\n"
PROBLEM_TEXTS = (  # each with what it says of the item in the month it is found: lagging, money short, or nothing
    ("施工单位进场推迟，工程进度落后于计划（样例）", "lagging"),
    ("配套资金未按时拨付到位（样例）", "funds_short"),
    ("服务对象信息核对不及时，补贴发放滞后（样例）", "lagging"),
    ("项目选址调整，前期手续未办结（样例）", "lagging"),
    ("台账资料不完整，进度数据无法核实（样例）", None),
    ("宣传不到位，群众知晓率不高（样例）", None),
)
# The statuses a description that says the work lags may stand beside: the lagging ones, and 定性任务 (a
# qualitative item has no pace for the description to contradict)
MAY_BE_SAID_TO_LAG = LAGGING | {Status.QUALITATIVE}


def generate_ledger(year: Year, seed: int, states: dict[tuple[str, str], tuple[str, bool | None]] | None = None
                      ) -> list[dict]:
    """A ledger that shows every state: closed on time, closed late, open, and open past its due date.
    `states`: (item, month) → (its status, whether money in place fell short of the plan), as the site
    shows them; each problem's description then says nothing the item's month beside it contradicts."""
    rng = random.Random(seed + 1)  # its own stream: the monthly files do not change with the ledger
    items = rng.sample(sorted((i for i in year.items if not i.no_task), key=lambda i: i.id), 8)
    entries = []
    for number, item in enumerate(items, start=1):
        first = min(year.notice.published.month + 1, 12)  # problems are found from the month after the notice
        found = dt.date(year.year, first + (number - 1) % max(1, 12 - first), rng.randint(3, 25))
        due = found + dt.timedelta(days=rng.choice((30, 45, 60)))
        entry = {"id": f"{year.year}-{number:03d}", "item": item.id, "found": found,
                 "description": "", "unit": item.lead_units[0], "due": due}
        if number <= 4:  # closed on time
            entry |= {"closed": due - dt.timedelta(days=rng.randint(1, 20)), "resolution": "已整改到位，经牵头单位验收销号（样例）"}
        elif number == 5:  # closed late
            entry |= {"closed": due + dt.timedelta(days=rng.randint(5, 20)), "resolution": "逾期完成整改，已销号（样例）"}
        entries.append(entry)  # 6 and 7: open; found early enough to be overdue by December
    entries[-1]["found"] = dt.date(year.year, 12, 10)  # found in December, not yet due
    entries[-1]["due"] = dt.date(year.year + 1, 1, 31)
    for number, entry in enumerate(entries, start=1):
        state = states.get((entry["item"], entry["found"].strftime("%Y-%m"))) if states is not None else None
        entry["description"] = problem_text(number, state)
    return entries


def problem_text(number: int, state: tuple[str, bool | None] | None) -> str:
    """The `number`-th problem's description, in turn, skipping those its item's month contradicts."""
    for offset in range(len(PROBLEM_TEXTS)):
        text, claim = PROBLEM_TEXTS[(number + offset) % len(PROBLEM_TEXTS)]
        if state is None or problem_fits(claim, state):
            return text
    raise AssertionError("a description that claims nothing fits every month")


def problem_fits(claim: str | None, state: tuple[str, bool | None]) -> bool:
    """Whether a description claiming `claim` may stand beside an item's month in `state` (status, money short)."""
    status, funds_short = state
    return (claim is None or (claim == "lagging" and status in MAY_BE_SAID_TO_LAG)
            or (claim == "funds_short" and funds_short is True))


def item_states(year: Year, rules: Rules, months: dict[str, tuple[list[CsvRow], list[CsvRow]]]
                ) -> dict[tuple[str, str], tuple[str, bool | None]]:
    """(item, month) → (status as compute/progress.py gives it, whether money in place fell short of the
    plan, None when no funds were reported)."""
    shadow = dataclasses.replace(year, months=[_report(month, progress) for month, (progress, _) in months.items()])
    funds: dict[tuple[str, str], list[CsvRow]] = {}
    for month, (_, rows) in months.items():
        for row in rows:
            funds.setdefault((row["item"], month), []).append(row)
    states = {}
    for item in year.items:
        for judged in item_history(item, shadow, rules):
            rows = funds.get((item.id, judged.month))
            short = sum(r["in_place"] for r in rows) < sum(r["planned"] for r in rows) if rows else None
            states[item.id, judged.month] = (judged.status, short)
    return states


def _value(indicator: Indicator, share: float, base: float) -> float:
    if indicator.kind == "count":
        return _round(indicator, base * share)
    start = indicator.baseline if indicator.baseline is not None else base * 0.8
    return _round(indicator, start + (base - start) * share, decimals=2)


def _round(indicator: Indicator, value: float, decimals: int | None = None) -> float:
    if decimals is None:
        text = f"{indicator.target:g}" if indicator.target is not None else "0"
        decimals = len(text.split(".")[1]) if "." in text else 0
    return round(value, decimals) if decimals else float(int(value))


def _implied(item: Item, values: dict[str, float | None]) -> float:
    """万元 the item's per-head standards imply for the figures reported (standard × number served)."""
    total = 0.0
    for parameter in item.policy_parameters:
        if parameter.applies_to and values.get(parameter.applies_to) is not None:
            total += implied_money(parameter, values[parameter.applies_to])
    return total


def _planned(rng: random.Random, item: Item, bases: dict) -> float:
    implied = _implied(item, {x.id: bases[item.id, x.id] for x in item.indicators})
    return round(implied, 2) if implied else round(rng.uniform(5, 300), 2)


def _source_weights(rng: random.Random) -> dict[str, float]:
    sources = rng.choice(SOURCE_CHOICES)
    raw = [rng.uniform(1, 3) for _ in sources]
    return {source: weight / sum(raw) for source, weight in zip(sources, raw)}


def _fund_rows(item: Item, weights: dict[str, float], planned: float, share: float, paid: float, note: str) -> list[CsvRow]:
    in_place = max(paid, planned * min(1.0, share + 0.15))
    rows = []
    for index, (source, weight) in enumerate(weights.items()):
        rows.append({"item": item.id, "item_title": item.title, "source": source,
                     "planned": round(planned * weight, 2), "in_place": round(in_place * weight, 2),
                     "disbursed": round(paid * weight, 2), "note": note if index == 0 else ""})
    return rows
