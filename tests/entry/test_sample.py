"""The shipped sample reports come from the generator and show every situation the site must."""

from __future__ import annotations

from conftest import DATA
from minsheng.cli import SAMPLE_SEED, main
from minsheng.load.plan import load_plan

PLAN, _ = load_plan(DATA)
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
        for path in shipped:
            assert (data_copy / "2024" / kind / path.name).read_bytes() == path.read_bytes(), path
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
