"""The layouts notices come in (layouts.py), tried on a corpus written for these tests in six layouts
(tests/new_year/fixtures/notices/, with what a person reads in each in expected.yaml) and on 黄山区's 2024
notice: the drafts must get ≥ 90% of items, titles and lead units right and ≥ 85% of the figures in every
layout, and the agreement is printed per layout. A notice the tool cannot read is refused with the part it
could not read and what it looked like, never with "the notice is incomplete".
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import DATA, multiset_agreement, shipped
from minsheng.notice.layouts import find_layout, inline_lead, looks_like_units, marker_of, own_lead
from minsheng.errors import EntryError
from minsheng.new_year.new_year import draft

NOTICES = Path(__file__).parent / "fixtures" / "notices"
EXPECTED = yaml.safe_load((NOTICES / "expected.yaml").read_text(encoding="utf-8"))
PLAN, _ = shipped()


def agreement(name: str) -> dict[str, tuple[int, int]]:
    """(right, wanted) for items, titles, lead units and figures of one notice of the corpus."""
    drafts = draft(PLAN, 2025, (NOTICES / f"{name}.txt").read_text(encoding="utf-8"))
    drafted = list(drafts.items.values())
    wanted = EXPECTED[name]
    right: Counter = Counter()
    figures_wanted = 0
    for position, (number, title, lead, values) in enumerate(wanted):
        figures_wanted += len(values)
        if position >= len(drafted):
            continue
        record = drafted[position]
        right["items"] += record["number"] == str(number)
        right["titles"] += record["title"] == title
        right["lead units"] += record["lead_units_text"] == lead
        right["figures"] += figures_found(record, values)
    return {"items": (right["items"], len(wanted)), "titles": (right["titles"], len(wanted)),
            "lead units": (right["lead units"], len(wanted)), "figures": (right["figures"], figures_wanted)}


def figures_found(record: dict, values: list[float]) -> int:
    """How many of `values` the drafted record has as a target or a standard's amount, each counted once."""
    return multiset_agreement(values, [i["target"] for i in record.get("indicators", [])]
                              + [p["amount"] for p in record.get("policy_parameters", [])])


def agreement_2024() -> dict[str, tuple[int, int]]:
    """The same for 黄山区's 2024 notice, against its 51 items as transcribed by hand (data/2024/items/)."""
    drafted = {record["id"]: record for record in draft(PLAN, 2024, (DATA / "2024" / "notice.txt").read_text(
        encoding="utf-8")).items.values()}
    right: Counter = Counter()
    figures_wanted = 0
    shipped = PLAN.years[2024].items
    for item in shipped:
        record = drafted.get(item.id, {})
        right["items"] += record.get("number") == item.number
        right["titles"] += record.get("title") == item.title
        right["lead units"] += record.get("lead_units_text") == item.lead_units_text
        values = [i.target for i in item.indicators if i.target is not None] + [p.amount for p in item.policy_parameters]
        figures_wanted += len(values)
        right["figures"] += figures_found(record, values)
    return {"items": (right["items"], len(shipped)), "titles": (right["titles"], len(shipped)),
            "lead units": (right["lead units"], len(shipped)), "figures": (right["figures"], figures_wanted)}


def test_every_layout_of_the_corpus_drafts_with_the_items_titles_lead_units_and_figures_a_person_reads(capsys):
    results = {name: agreement(name) for name in EXPECTED}
    results["黄山区2024"] = agreement_2024()
    with capsys.disabled():
        print("\nnew-year on notices in other layouts, agreement with what a person reads:")
        print(f"  {'layout':20} " + " ".join(f"{field:>14}" for field in ("items", "titles", "lead units", "figures")))
        for name, result in results.items():
            print(f"  {name:20} " + " ".join(f"{right:>4}/{wanted:<3} {100 * right / wanted:5.1f}%"
                                             for right, wanted in result.values()))
    assert len(results) >= 6
    for name, result in results.items():
        for field, (right, wanted) in result.items():
            assert right / wanted >= (0.85 if field == "figures" else 0.9), (name, field, right, wanted)


@pytest.mark.parametrize("name, part", [
    ("unreadable-stars", "没有一行以“(一)”“一、”“1.”“1、”“（1）”这样的序号开头"),
    ("unreadable-no-units", "第2–4行有3行以“1.”这样的序号开头"),
])
def test_a_notice_in_a_layout_it_cannot_read_is_refused_naming_the_part_and_how_to_send_it(name, part):
    with pytest.raises(EntryError) as refused:
        draft(PLAN, 2025, (NOTICES / f"{name}.txt").read_text(encoding="utf-8"))
    message = str(refused.value)
    assert part in message and "第2行“" in message  # the part, and what it looked like
    assert "发给网站的维护人员" in message and "新建一个 issue" in message
    assert "不完整" not in message  # the layout is unsupported; nothing is missing


def lines_of(text: str) -> list[tuple[int, str]]:
    return [(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]


def test_a_sub_heading_is_not_taken_for_an_item_when_the_numbered_lines_beneath_it_are_the_list():
    text = ("一、教育\n1.新建幼儿园2所。\n责任单位：区教育局\n2.改造校舍3处。\n责任单位：区教育局\n"
            "二、卫生\n1.新建卫生室4个。\n责任单位：区卫生健康委\n2.新购救护车2台。\n责任单位：区卫生健康委\n")
    layout = find_layout(lines_of(text))
    assert (layout.item_kind, layout.category_kind) == ("arabic", "cn") and len(layout.items) == 4
    # the same headings over measures: then the headings are the items
    text = ("一、实施学前教育工程\n新建幼儿园2所。\n1.3月底前选址。\n2.9月底前建成。\n责任单位：区教育局\n"
            "二、实施卫生工程\n新建卫生室4个。\n1.4月底前选址。\n2.10月底前建成。\n责任单位：区卫生健康委\n")
    layout = find_layout(lines_of(text))
    assert layout.item_kind == "cn" and layout.category_kind is None and len(layout.items) == 2
    assert "单独一行" in layout.describe()


def test_markers_and_lead_units_as_they_are_printed():
    assert marker_of("(五十)实施") == ("paren_cn", "五十", 4)
    assert marker_of("（12）新建")[:2] == ("paren_arabic", "12")
    assert marker_of("十二、保障措施")[:2] == ("cn", "十二")
    assert marker_of("3、改造")[:2] == ("arabic", "3") and marker_of("1.5万人参保") is None
    assert marker_of("百姓、群众") is None  # not a numeral
    assert inline_lead("新建2所。(牵头领导:张华,责任单位:区教育局、区财政局)").text == "区教育局、区财政局"
    assert inline_lead("新建2所。（牵头部门：县人社局；配合单位：县财政局）").text == "县人社局"
    assert inline_lead("新建2所。(市人社局、市财政局)").text == "市人社局、市财政局"
    assert inline_lead("完善培训资料台账(含宣传工作要点)") is None
    assert inline_lead("新建2所。(牵头领导:张华)").text is None  # a bracket to cut, naming no unit
    assert own_lead("责任单位：区住建局。") == "区住建局" and own_lead("牵头领导：李明") == ""
    assert own_lead("主办单位:县农业农村局") == "县农业农村局" and own_lead("乡镇人民政府、区直各责任单位:") is None
    assert looks_like_units("区卫生健康委、区医保局") and not looks_like_units("附件1")


def test_an_item_without_lead_units_among_items_with_them_is_named_with_what_its_end_looks_like():
    text = "南原区2025年民生实事\n1.新建幼儿园2所。(区教育局)\n2.改造校舍3处。\n3.新建卫生室4个。(区卫生健康委)\n"
    with pytest.raises(EntryError) as refused:
        draft(PLAN, 2025, text)
    message = str(refused.value)
    assert "通知第3行的项目“2.改造校舍”没有找到牵头单位" in message and "写在段末括号里" in message
    assert "结尾是“2.改造校舍3处。”" in message and "发给网站的维护人员" in message
