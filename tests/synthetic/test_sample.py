"""The shipped sample reports come from the generator and show every situation the site must."""

from __future__ import annotations

from dataclasses import replace

from conftest import DATA, shipped
from minsheng.cli import SAMPLE_SEED, main
from minsheng.compute.progress import item_history
from minsheng.month.month_files import write_month
from minsheng.synthetic.sample import generate, note, write_notes
from minsheng.load.progress import load_months
from minsheng.model import NOT_REPORTED

PLAN, _ = shipped()
YEAR = PLAN.years[2024]
MONTHS = {m.month: m for m in YEAR.months}
ITEMS = {i.id: i for i in YEAR.items}


def test_shipped_files_are_exactly_the_generators_output(data_copy, capsys):
    for kind in ("progress", "funds"):
        for path in (data_copy / "2024" / kind).glob("*.csv"):
            path.unlink()
    assert main(["sample", "--data", str(data_copy), "--seed", str(SAMPLE_SEED)]) == 0
    for kind in ("progress", "funds"):
        shipped = sorted((DATA / "2024" / kind).glob("*.csv"))
        assert [p.name for p in shipped] == [f"2024-{m:02d}.csv" for m in range(4, 13)]
    # every file of the year, the published snapshots, releases, revisions and ledger too, byte for byte
    files = sorted(p.relative_to(DATA) for p in (DATA / "2024").rglob("*") if p.is_file())
    assert sorted(p.relative_to(data_copy) for p in (data_copy / "2024").rglob("*") if p.is_file()) == files
    assert {"2024/problems.yaml", "2024/releases.yaml", "2024/revisions.yaml", "2024/published/funds/2024-12.csv"} \
        <= {p.as_posix() for p in files}
    for path in files:
        assert (data_copy / path).read_bytes() == (DATA / path).read_bytes(), path
    # Generated figures, then: the site must say so (every page shows the banner: publish/test_build.py).
    assert PLAN.site.sample_data is True, "the shipped reports are generated: site.yaml must set sample_data"


def share(month: str, item_id: str) -> float:
    """The lowest share of target reached by the item's count indicators in `month`."""
    item = ITEMS[item_id]
    counts = [i for i in item.indicators if i.kind == "count" and i.target is not None]
    return min(MONTHS[month].indicators[item_id, i.id].value / i.target for i in counts)


def test_every_situation_is_present():
    measured = [i.id for i in YEAR.items if any(x.kind == "count" and x.target is not None for x in i.indicators)]
    june = {item_id: share("2024-06", item_id) for item_id in measured}
    assert any(share("2024-09", item_id) >= 1 for item_id in measured)  # done early
    assert any(0.65 <= s < 0.8 for s in june.values())  # about on pace at 70% by June
    assert any(0.4 <= s < 0.6 for s in june.values())  # behind
    assert any(s < 0.3 for s in june.values())  # far behind
    no_task = [i for i in YEAR.items if i.no_task]  # which items: tests/test_data.py, against the notice
    assert no_task and all(MONTHS["2024-07"].items[i.id].note == i.no_task_text for i in no_task)
    qualitative = [i.id for i in YEAR.items if all(x.target is None for x in i.indicators) and not i.no_task]
    assert qualitative and all(MONTHS["2024-07"].items[i].note for i in qualitative)
    silent = [(m.month, r.item) for m in YEAR.months for r in m.items.values() if not r.reported]
    assert len(silent) == 1
    key = next(k for k, r in MONTHS["2024-08"].indicators.items() if r.correction)  # a lowering correction
    assert MONTHS["2024-08"].indicators[key].value < MONTHS["2024-07"].indicators[key].value
    [revision] = YEAR.revisions.revisions  # a published figure changed later, and disclosed
    assert revision.month == "2024-07" and revision.old != revision.new and revision.note
    assert YEAR.published["2024-07"].indicators[revision.item, revision.key].value == revision.new


# What a sample note claims, by the words that claim it, and the statuses the month beside it may have
CLAIMS = (
    ("已完成", {"done"}), ("提前", {"done", "ahead"}), ("快于序时", {"ahead"}), ("按计划", {"on_pace"}),
    ("偏慢", {"behind"}), ("滞后", {"behind", "far_behind"}), ("未完成", {"not_done"}),
    ("实施方案", {"qualitative"}), ("按方案", {"qualitative"}), ("阶段性", {"qualitative"}),
)


def test_every_sample_note_agrees_with_the_status_beside_it():
    """On the shipped data: each month's （样例） note claims what the figures beside it show."""
    wrong, checked = [], 0
    for item in YEAR.items:
        for judged in item_history(item, YEAR, PLAN.rules):
            row = MONTHS[judged.month].items[item.id]
            if not row.note.endswith("（样例）"):
                continue
            checked += 1
            claims = [(word, allowed) for word, allowed in CLAIMS if word in row.note]
            if not row.reported or not claims or any(judged.status not in allowed for _, allowed in claims):
                wrong.append((item.id, judged.month, row.note, judged.status, judged.progress, judged.expected))
    assert checked > 300 and wrong == []


def test_the_generator_writes_the_note_the_figures_call_for(tmp_path):
    months = generate(YEAR, 7, PLAN.rules)  # another seed than the shipped one
    for month, (progress, funds) in months.items():
        write_month(tmp_path, month, progress, funds)
    read, problems = load_months(tmp_path, tmp_path, {i.id for i in YEAR.items})  # as the site reads the files
    assert not [p for p in problems if p.severity == "error"]
    written = replace(YEAR, months=read)
    for item in YEAR.items:
        if not item.no_task:  # every note is what its month's status, from the figures read back, calls for
            for step, judged in enumerate(item_history(item, written, PLAN.rules)):
                assert written.months[step].items[item.id].note == note(judged.status, step), (item.id, judged.month)
    # change the figures of item 13 (one count target of 150) and the notes follow them
    rows = {month: {r["item"]: r for r in progress if not r.get("indicator")} for month, (progress, _) in months.items()}
    figure = {month: next(r for r in progress if r["item"] == "13" and r.get("indicator"))
              for month, (progress, _) in months.items()}
    figure["2024-04"]["value"], figure["2024-06"]["value"] = 150.0, 0.0
    write_notes(YEAR, PLAN.rules, months)
    assert rows["2024-04"]["13"]["note"] == "已完成年度目标（样例）"
    assert rows["2024-06"]["13"]["note"] == "进度明显滞后，正在督促加快推进（样例）"
    rows["2024-06"]["13"]["status"] = NOT_REPORTED
    write_notes(YEAR, PLAN.rules, months)
    assert "note" not in rows["2024-06"]["13"]  # a month not reported says nothing


def test_every_sample_problem_says_nothing_its_item_contradicts():
    """A ledger entry that says the work lags stands beside a month that lags (or has no pace to judge); one
    that says money has not arrived, beside a month whose money in place is short of the plan."""
    histories = {item.id: {m.month: m for m in item_history(item, YEAR, PLAN.rules)} for item in YEAR.items}
    wrong = []
    for problem in YEAR.ledger.entries:
        month = problem.found.strftime("%Y-%m")
        status = histories[problem.item][month].status
        rows = MONTHS[month].funds_of(problem.item)
        if ("落后" in problem.description or "滞后" in problem.description or "未办结" in problem.description) \
                and status not in ("behind", "far_behind", "not_done", "qualitative"):
            wrong.append((problem.id, problem.item, month, problem.description, status))
        if "资金未" in problem.description and not (rows and sum(r.in_place for r in rows) < sum(r.planned for r in rows)):
            wrong.append((problem.id, problem.item, month, problem.description, "money in place"))
    assert len(YEAR.ledger.entries) == 8 and wrong == []
