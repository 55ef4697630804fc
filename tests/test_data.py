"""The shipped plan against the notice itself, read independently of the loader.

The notice text is parsed here by its printed structure (category headings, "(一)" item numbers,
推进措施 lists), and every item record is compared with it: the first paragraph, each measure in
order, each headline figure with its unit, the lead units, the no-task items.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import pytest
import yaml

from conftest import DATA, shipped

NOTICE = DATA / "2024" / "notice.txt"
# SHA-256 of shared/source/notice-2024.txt, the notice as captured from the district government's page
# (see shared/source/README.md beside the project), recorded from that file on 2026-11-29. The shipped
# copy must stay that capture byte for byte; the shared folder itself is not needed to run the tests.
SHARED_NOTICE_SHA256 = "a7501d9d7b1b9f41561613bce9b7931e4c6c72ff1d76b6df5c555f13e7f30571"
ITEM_START = re.compile(r"^\(([一二三四五六七八九十]+)\)")
CATEGORY = re.compile(r"^([一二三四五六七八九十]+)、(.+?)\((\d+) ?项\)$")
MEASURE_NUMBER = re.compile(r"^\d{1,2}(?=\.|[^\d年])\.?")
# Figures in first paragraphs that are not targets or standards: years, ages, hours, minutes.
NOT_A_FIGURE = re.compile(r"20\d\d年|\d+—\d+岁|24小时|15分钟")


def parse_notice() -> list[dict]:
    """The items as printed: number, category number, first paragraph, measures (numbers stripped)."""
    items: list[dict] = []
    category = None
    for raw in NOTICE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("十二、保障措施"):
            break
        heading = CATEGORY.match(line)
        if heading:
            category = heading.group(1)
            continue
        if ITEM_START.match(line):
            items.append({"number": ITEM_START.match(line).group(1), "category": category,
                          "first": line, "measures": []})
            continue
        if not items:
            continue
        for lead in ("推进措施:", "推进举措:"):
            if line.startswith(lead):
                line = line[len(lead):]
                break
        if line:
            items[-1]["measures"].append(MEASURE_NUMBER.sub("", line, count=1))
    return items


PRINTED = parse_notice()
PLAN, LOAD_PROBLEMS = shipped()
YEAR = PLAN.years[2024]
RECORDS = [YEAR.item_sources[item.id] for item in YEAR.items]
BY_ID = {item.id: item for item in YEAR.items}
IDS = [f"{n:02d}" for n in range(1, 51)] + ["c01"]


def test_the_notice_is_the_shared_source():
    assert hashlib.sha256(NOTICE.read_bytes()).hexdigest() == SHARED_NOTICE_SHA256


def test_parser_sees_the_notice_structure():
    assert len(PRINTED) == 51
    assert [p["number"] for p in PRINTED][-2:] == ["五十", "五十"]


def test_all_51_items_load_without_problems():
    assert [p for p in LOAD_PROBLEMS if p.severity == "error"] == []
    assert sorted(BY_ID) == IDS
    assert Counter(item.level for item in YEAR.items) == {"district": 50, "city": 1}


def test_category_counts_are_the_notices():
    counts = Counter(item.category for item in YEAR.items)
    categories = YEAR.notice.categories
    assert [counts[c.id] for c in categories] == [3, 5, 12, 5, 3, 2, 2, 3, 10, 5, 1]
    assert [c.printed_count for c in categories] == [3, 5, 12, 5, 3, 2, 2, 3, 10, 5, 1]


@pytest.mark.parametrize(("item_id", "printed"), list(zip(IDS, PRINTED)), ids=IDS)
def test_item_matches_the_notice(item_id, printed):
    item = BY_ID[item_id]
    assert item.number == printed["number"]
    assert item.source_text == printed["first"]
    category = next(c for c in YEAR.notice.categories if c.id == item.category)
    assert category.number == printed["category"]
    if item.no_task:
        assert printed["measures"] == ["2024年黄山区无任务"] == [item.no_task_text]
        assert item.measures == [] and item.indicators == []
    else:
        assert item.measures == printed["measures"]


@pytest.mark.parametrize(("item_id", "printed"), list(zip(IDS, PRINTED)), ids=IDS)
def test_every_headline_figure_is_recorded_with_its_unit(item_id, printed):
    item = BY_ID[item_id]
    values = [(i.target, i.unit) for i in item.indicators]
    values += [(i.baseline, i.unit) for i in item.indicators if i.baseline is not None]
    values += [(p.amount, p.unit) for p in item.policy_parameters]
    body = NOT_A_FIGURE.sub("", printed["first"].split("(牵头单位")[0])
    for match in re.finditer(r"\d+(?:\.\d+)?", body):
        after = body[match.end():]
        number = float(match.group())
        recorded = [unit for value, unit in values if value == number]
        assert recorded, f"{item_id}: {match.group()}{after[:4]} is not in the record"
        assert any(unit is None or after.startswith(unit) for unit in recorded), (
            f"{item_id}: {match.group()}{after[:4]} recorded with unit {recorded}")


def test_no_task_items_are_22_and_41():
    assert sorted(item.id for item in YEAR.items if item.no_task) == ["22", "41"]


def test_qualitative_items_invent_no_target():
    for item_id in ("04", "07", "08", "14", "29", "30", "33", "34", "48", "49"):
        assert BY_ID[item_id].indicators == [], item_id


def test_lead_units_cover_every_unit_named_in_the_notice():
    units = {u.id: {u.name, *u.aliases} for u in PLAN.units.units}
    for item in YEAR.items:
        named = {unit for unit, spellings in units.items() if any(s in item.lead_units_text for s in spellings)}
        assert set(item.lead_units) == named, item.id
    assert BY_ID["24"].lead_units == ["education", "disabled-persons-federation"]
    assert BY_ID["05"].lead_units == BY_ID["04"].lead_units == ["civil-affairs"]  # 区民政局 = 民政局


def test_defects_of_the_capture_are_recorded_not_corrected():
    assert "300元以上" in BY_ID["43"].measures[0]
    assert any("万元" in note.text for note in BY_ID["43"].data_notes)
    assert BY_ID["11"].source_text.endswith("不少于70(牵头单位:残联)")
    assert any(i.unit is None and i.target == 70 for i in BY_ID["11"].indicators)
    assert BY_ID["11"].data_notes and BY_ID["21"].data_notes and BY_ID["c01"].data_notes
    assert BY_ID["50"].number == BY_ID["c01"].number == "五十"


def test_data_files_use_no_yaml_tricks():
    for path in sorted(DATA.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert "\t" not in text, path
        yaml.safe_load(text)
