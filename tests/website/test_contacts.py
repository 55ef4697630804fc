"""Contacts: say only what is true. While a lead unit's address, hours and phone are not filled in, no page
promises them; every item page ends with a way to act, the hotline as a tap-to-call link, from data (issue 30)."""

from __future__ import annotations

import re

import yaml

from conftest import DATA, generated_pages, generated_text

PROMISE = "列出牵头单位的地址、办公时间和电话"


def hotline() -> str:
    return yaml.safe_load((DATA / "site.yaml").read_text(encoding="utf-8"))["feedback"]["hotline"]


def test_while_units_lack_their_details_no_page_promises_them_and_every_item_page_ends_with_a_call(tmp_path):
    docs = generated_pages(DATA, tmp_path / "work")
    promising = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if PROMISE in p.read_text(encoding="utf-8")]
    assert promising == []
    feedback = generated_text(docs, "feedback")
    call = f"(tel:{hotline()})"
    assert "还没有全部公布" in feedback and call in feedback.split("## 直接问牵头单位", 1)[1]
    items = sorted((docs / "2024" / "items").glob("*.md"))
    assert len(items) >= 51
    for path in items:
        text = re.sub(r"\\(.)", r"\1", path.read_text(encoding="utf-8"))
        last = text.rsplit("\n## ", 1)[1]
        assert last.startswith("我要反映") and call in last, path.name  # the last step is a call
        where = text.split("### 到哪里办、找谁问", 1)[1].split("\n### ", 1)[0]
        assert call in where, path.name  # no unit has a phone: the hotline, tap to call


def test_once_every_unit_has_its_details_the_feedback_page_points_to_them(data_copy, tmp_path):
    path = data_copy / "units.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("待填写：办公地址", "黄山区某路 1 号").replace("待填写：咨询电话（如 0559-1234567）", "0559-1234567")
    path.write_text(text.replace("待填写：办公时间", "工作日 8:30—17:30"), encoding="utf-8")
    docs = generated_pages(data_copy, tmp_path / "work")
    feedback = generated_text(docs, "feedback")
    assert PROMISE in feedback and "还没有全部公布" not in feedback
    item = generated_text(docs, "2024/items/01")
    assert "黄山区某路 1 号" in item and "(tel:05591234567)" in item
