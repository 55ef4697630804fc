"""与我有关: every item serves a group; group pages list exactly their items with a task this year, with what
one can get in plain words and only the money paid to the person; every item page says where to send
comments, naming the item."""

from __future__ import annotations

import html
import re

from conftest import page_text, shipped
from minsheng.formats import figure
from minsheng.model import MONEY_UNITS

# A list run into one line: "- " or "2. " right after other text, as when a template swallows the newline.
RUN_ON = re.compile(r"\S- \S|[^\s\d.]\d{1,2}\. \S")

PLAN, _ = shipped()
YEAR = PLAN.years[2024]


def test_every_item_belongs_to_a_known_group():
    known = {g.id for g in PLAN.groups.groups}
    for item in YEAR.items:
        assert item.groups and set(item.groups) <= known, item.id
    assert {g for item in YEAR.items for g in item.groups} == known  # and every group has items


def article(site, path: str) -> str:
    raw = (site / path / "index.html").read_text(encoding="utf-8")
    return raw.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def sections(site, group: str) -> dict[str, str]:
    """The visible text of each item's part of a group page (from its heading to the next), by item id."""
    found = {}
    for part in re.split(r"<h2\b", article(site, f"groups/{group}"))[1:]:
        item = re.search(r'href="\.\./\.\./2024/items/([0-9c]+)/"', part).group(1)
        found[item] = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part)).split())
    return found


def not_to_the_person(item) -> list[str]:
    """The item's money standards that the person does not receive (paid to an institution, or to whom the
    notice does not say), as a page would print them; none that equals a standard paid to the person."""
    money = [p for p in item.policy_parameters if p.unit in MONEY_UNITS]
    person = {figure(p, "amount") for p in money if p.paid_to == "person"}
    return [figure(p, "amount") for p in money if p.paid_to != "person" and figure(p, "amount") not in person]


def test_group_pages_offer_what_one_gets_this_year_and_no_money_paid_to_institutions(built_site):
    """Each group page lists exactly its items with a task this year (never one without), each with what one
    gets in the notice's plain words and the standards paid to the person; never a standard paid to an
    institution as what the person gets, nor the old stand-in “（通知未规定补助金额）”."""
    index = page_text(built_site, "groups")
    for group in PLAN.groups.groups:
        members = [i for i in YEAR.items if group.id in i.groups and not i.no_task]
        found = sections(built_site, group.id)
        assert set(found) == {i.id for i in members}, group.id
        assert f"{group.name} {group.description} {len(members)}" in " ".join(index.split()), group.id  # 与我有关's count
        text = page_text(built_site, f"groups/{group.id}")
        assert "通知未规定补助金额" not in text and "本年无任务" not in text, group.id
        for item in members:
            section = found[item.id]
            gets = section.split("谁可以享受：", 1)[0]
            assert f"能得到什么： {item.offer}" in gets or f"能得到什么：{item.offer}" in gets, (group.id, item.id)
            for parameter in item.policy_parameters:
                if parameter.paid_to == "person":
                    assert f"{parameter.name}：{figure(parameter, 'amount')}" in gets, (group.id, item.id, parameter.id)
                else:
                    assert parameter.name not in section, (group.id, item.id, parameter.id)
            for amount in not_to_the_person(item):
                assert amount not in gets, (group.id, item.id, amount)
            assert not RUN_ON.search(section), (group.id, item.id)


def test_every_item_on_a_group_page_says_whom_to_ask_with_a_number_to_tap(built_site):
    """The last step is a way to act: each item names its lead units and gives a phone to tap (the unit's,
    or the hotline while the unit's is not filled in)."""
    for group in PLAN.groups.groups:
        for part in re.split(r"<h2\b", article(built_site, f"groups/{group.id}"))[1:]:
            item = re.search(r'href="\.\./\.\./2024/items/([0-9c]+)/"', part).group(1)
            assert 'href="tel:' in part, (group.id, item)
            units = next(i for i in YEAR.items if i.id == item).lead_units
            assert all(f'href="../../2024/units/{unit}/"' in part for unit in units), (group.id, item)


def test_no_task_items_are_in_their_groups_data_but_offered_nowhere(built_site):
    no_task = [i for i in YEAR.items if i.no_task]
    assert no_task and all(i.groups and not i.offer for i in no_task)
    for group in PLAN.groups.groups:
        raw = (built_site / "groups" / group.id / "index.html").read_text(encoding="utf-8")
        assert not [i.id for i in no_task if f'href="../../2024/items/{i.id}/"' in raw], group.id


def test_home_page_leads_to_every_group(built_site):
    raw = (built_site / "index.html").read_text(encoding="utf-8")
    for group in PLAN.groups.groups:
        assert f'href="groups/{group.id}/"' in raw


def test_every_item_page_has_the_feedback_entry_naming_the_item(built_site):
    feedback = PLAN.site.feedback
    for item in YEAR.items:
        text = page_text(built_site, f"2024/items/{item.id}")
        section = text.split("我要反映", 1)[1]
        assert feedback.channel in section and f"（{item.number}）{item.title}" in section


def test_bulletins_state_the_channel_for_objections_and_leave_out_an_unfilled_period(built_site):
    feedback = PLAN.site.feedback
    assert feedback.objection_period.startswith(PLAN.site.placeholder_prefix)  # the sample data's
    for month in YEAR.months:
        text = page_text(built_site, f"2024/bulletins/{month.month}")
        assert f"对本通报的内容如有异议，请通过{feedback.channel}反映：{feedback.how}。" in text
