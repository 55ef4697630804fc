"""与我有关: every item serves a group; group pages list exactly their items with what one can get;
every item page says where to send comments, naming the item."""

from __future__ import annotations

import re

from conftest import DATA, page_text
from minsheng.load.plan import load_plan
from minsheng.formats import figure

PLAN, _ = load_plan(DATA)
YEAR = PLAN.years[2024]


def test_every_item_belongs_to_a_known_group():
    known = {g.id for g in PLAN.groups.groups}
    for item in YEAR.items:
        assert item.groups and set(item.groups) <= known, item.id
    assert {g for item in YEAR.items for g in item.groups} == known  # and every group has items


def test_group_pages_list_exactly_their_items_with_standards(built_site):
    for group in PLAN.groups.groups:
        raw = (built_site / "groups" / group.id / "index.html").read_text(encoding="utf-8")
        listed = set(re.findall(r'href="\.\./\.\./items/([0-9c]+)/"', raw))
        members = [i for i in YEAR.items if group.id in i.groups]
        assert listed == {i.id for i in members}, group.id
        text = page_text(built_site, f"groups/{group.id}")
        for item in members:
            for parameter in item.policy_parameters:
                assert parameter.name + figure(parameter, "amount") in text
            for unit in item.lead_units:
                assert next(u.name for u in PLAN.units.units if u.id == unit) in text


def test_home_page_leads_to_every_group(built_site):
    raw = (built_site / "index.html").read_text(encoding="utf-8")
    for group in PLAN.groups.groups:
        assert f'href="groups/{group.id}/"' in raw


def test_every_item_page_has_the_feedback_entry_naming_the_item(built_site):
    feedback = PLAN.site.feedback
    for item in YEAR.items:
        text = page_text(built_site, f"items/{item.id}")
        section = text.split("我要反映", 1)[1]
        assert feedback.channel in section and f"（{item.number}）{item.title}" in section


def test_bulletins_state_the_channel_for_objections_and_leave_out_an_unfilled_period(built_site):
    feedback = PLAN.site.feedback
    assert feedback.objection_period.startswith(PLAN.site.placeholder_prefix)  # the sample data's
    for month in YEAR.months:
        text = page_text(built_site, f"bulletins/{month.month}")
        assert f"对本通报的内容如有异议，请通过{feedback.channel}反映：{feedback.how}。" in text
