"""Item pages read as written: lists render as lists, and nothing is said twice (a standard, a remark)."""

from __future__ import annotations

import html
import re

from conftest import shipped
from minsheng.formats import figure
from minsheng.labels import PAID_TO
from website.test_groups import RUN_ON, article

PLAN, _ = shipped()
YEAR = PLAN.years[max(PLAN.years)]
BLOCK = re.compile(r"<(p|li|tr)\b[^>]*>(.*?)</\1>", re.S)


def blocks(body: str) -> list[str]:
    """The text of each paragraph, list item and table row, whitespace collapsed."""
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", inner)).split()) for _, inner in BLOCK.findall(body)]


def test_item_pages_render_lists_as_lists_and_list_each_standard_once(built_site):
    """No "- " or "2. " run into the text before it (a template that swallowed a newline); each standard is
    listed once, in 补助和标准 with whom it is paid to (资金与产出 uses it for a sum, which is not a repeat)."""
    for item in YEAR.items:
        body = article(built_site, f"2024/items/{item.id}")
        found = blocks(body)
        assert [b for b in found if RUN_ON.search(b)] == [], item.id
        sums = {row for table in re.findall(r"<table>.*?</table>", body, re.S) if "推算金额" in table
                for row in blocks(table)}
        for parameter in item.policy_parameters:
            listed = [b for b in found if b.startswith(f"{parameter.name} {figure(parameter, 'amount')}")
                      or b.startswith(f"{parameter.name}：{figure(parameter, 'amount')}")]
            listed = [b for b in listed if b not in sums]
            assert len(listed) == 1, (item.id, parameter.id, listed)
            if parameter.paid_to:  # beside the amount, where a phone shows it without scrolling the table
                assert listed[0].startswith(f"{parameter.name} {figure(parameter, 'amount')} {PAID_TO[parameter.paid_to]}"), \
                    (item.id, parameter.id)
        text = " ".join(blocks(body))
        for remark in set(re.findall(r"（[^（）]*见数据说明）", text)):  # a pointer to the notes, said once
            assert text.count(remark) == 1, (item.id, remark)
        if item.offer:
            assert f"能得到什么： {item.offer}" in text, item.id
