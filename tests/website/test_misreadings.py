"""Misreadings residents made, each fixed at its source and read on the generated pages of the real data (the
year's reports run to December, past the last deadline): percentage points said as such, status columns that
add up, a date beside every status, no 序时进度 where nothing is measured, names that fit the time of year, no
forecast after the last deadline, no developer's words (issue 30)."""

from __future__ import annotations

import re

import pytest

from conftest import DATA, generated_pages, generated_tables, generated_text, shipped
from minsheng.compute.portal import portal
from minsheng.status import Status

PLAN, _ = shipped()
PORTAL = portal(PLAN)
OV = PORTAL.overview
AS_AT = f"截至{OV.latest_month[:4]}年{int(OV.latest_month[5:])}月底"


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return generated_pages(DATA, tmp_path_factory.mktemp("misreadings") / "work")


def test_a_gap_between_percentages_is_in_percentage_points(docs):
    said = []
    for path in sorted((docs / "2024" / "items").glob("*.md")):
        text = generated_text(docs, f"2024/items/{path.stem}") + generated_tables(docs, f"2024/items/{path.stem}")
        assert not re.search(r"未达标，差 [0-9.,]+%", text), path.name
        said += re.findall(r"未达标，差 [0-9.,]+ ?个百分点", text)
    assert said  # the real data has unmet rate targets (e.g. 差 2.34 个百分点)


@pytest.mark.parametrize("page, buckets", [("2024/categories/index", OV.categories), ("2024/units/index", OV.units)])
def test_category_and_unit_tables_add_up_and_say_when(docs, page, buckets):
    text = generated_text(docs, page)
    assert AS_AT in text.split("|", 1)[0]
    assert "“其他”是定性任务、无任务的项目" in text  # the year is over: what is neither done nor 未完成
    for bucket in buckets:
        row = next(line for line in text.splitlines() if line.startswith(f"| [{bucket.name}]"))
        count, done, short, other = (int(cell) for cell in row.strip("|").split("|")[1:])
        assert done + short + other == count == bucket.item_count, row
    assert sum(b.other_count for b in buckets) > 0


def test_every_status_on_a_group_card_says_when(docs):
    checked = 0
    for path in sorted((docs / "groups").rglob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("进展"):
                assert line.startswith(f"进展（{AS_AT}）："), (path.name, line)
                checked += 1
    assert checked >= 51


def test_no_pace_beside_an_item_measured_by_no_number(docs):
    unmeasured = [v for v in OV.items if v.status in (Status.QUALITATIVE, Status.NO_TASK)]
    assert unmeasured
    for view in unmeasured:
        text = generated_tables(docs, f"2024/items/{view.item.id}")
        table = text.split("| 月份 | 状态 | 进度 | 序时进度 | 进展情况 |", 1)[1].split("\n\n", 1)[0]  # 月度进展, folded
        rows = [line.strip() for line in table.splitlines()[1:]]
        assert rows and all(row.startswith("|") for row in rows), view.item.id
        for row in rows:
            cells = [c.strip() for c in row.strip("|").split("|")]
            assert cells[2] == "—" and cells[3] == "—", (view.item.id, row)


def test_the_city_level_category_is_not_still_proposed_at_year_end(docs):
    assert PORTAL.ended
    assert "拟安排" not in generated_text(docs, "2024/categories/index")
    assert "拟安排" not in generated_text(docs, "2024/categories/city-level").split("\n", 3)[1]
    item = generated_text(docs, "2024/items/c01")
    assert "类别：[市级民生实事]" in item


def test_after_the_last_deadline_no_page_forecasts_the_nodes_ahead(docs):
    assert PORTAL.ended
    for path in sorted(docs.rglob("*.md")):
        name = path.relative_to(docs).as_posix()
        if name in ("about/glossary.md", "2024/data.md"):
            continue  # definitions: they say what a warning was before the deadline
        assert "之后的节点" not in path.read_text(encoding="utf-8"), name


def test_the_revisions_page_speaks_to_residents(docs):
    text = generated_text(docs, "2024/revisions")
    assert "data/" not in text and "published" not in text and "文件夹" not in text
