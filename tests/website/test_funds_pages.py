"""The fund disclosures as built: every total equals the sum of its rows, as the reader sees them."""

from __future__ import annotations

import html
import re

from conftest import page_text, shipped
from minsheng.compute.overview import overview

PLAN, _ = shipped()
VIEW = overview(PLAN, PLAN.years[2024])


def tables(raw: str) -> list[list[list[str]]]:
    """Every table of a page, as rows of cell texts."""
    result = []
    for table in re.findall(r"<table>(.*?)</table>", raw, re.S):
        rows = []
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
            cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
            rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
        result.append(rows)
    return result


def number(text: str) -> float:
    return float(text.replace(",", ""))


def check_totals(table: list[list[str]]) -> int:
    """Check a money table with a 合计 row; returns how many columns were checked."""
    header, *rows, total = table
    assert total[0] == "合计"
    checked = 0
    for column, name in enumerate(header):
        if "万元" in name:
            assert round(sum(number(r[column]) for r in rows), 2) == number(total[column]), (name, table)
            checked += 1
    planned, in_place, disbursed = (number(total[header.index(n)]) for n in
                                    ("年度计划（万元）", "累计到位（万元）", "累计拨付（万元）"))
    assert total[header.index("到位率")] == (f"{in_place / planned * 100:.1f}%" if planned else "—")
    assert total[header.index("拨付率")] == (f"{disbursed / in_place * 100:.1f}%" if in_place else "—")
    return checked


def test_every_fund_table_adds_up(built_site):
    pages = [built_site / "2024" / "funds" / "index.html"] + sorted((built_site / "2024" / "items").glob("*/index.html"))
    checked = 0
    for path in pages:
        for table in tables(path.read_text(encoding="utf-8")):
            if table[-1][0] == "合计":
                checked += check_totals(table)
    assert checked >= 3 * (3 + 40)  # the funds page's three tables and most items' source tables


def test_funds_page_totals_match_the_district_total(built_site):
    raw = (built_site / "2024" / "funds" / "index.html").read_text(encoding="utf-8")
    totals = [t[-1] for t in tables(raw) if t[-1][0] == "合计"]
    assert len(totals) == 3 and totals[0] == totals[1] == totals[2]  # by source, by category, by unit
    assert totals[0][1] == f"{VIEW.funds.planned:,.2f}"


def test_lowest_disbursement_and_output_checks_are_shown(built_site):
    text = page_text(built_site, "2024/funds")
    lowest = VIEW.lowest_disbursement
    assert len(lowest) == PLAN.rules.lowest_disbursement_items
    assert [v.funds.disbursed_rate for v in lowest] == sorted(v.funds.disbursed_rate for v in lowest)
    listed = {v.item.id for v in lowest}
    others = [v.funds.disbursed_rate for v in VIEW.items if v.funds.disbursed_rate is not None and v.item.id not in listed]
    assert others and min(others) >= lowest[-1].funds.disbursed_rate  # the lowest of all items, not any of them
    for view in lowest:
        assert view.item.title in text
    flagged = [v for v in VIEW.output_checks if v.output.flagged]
    assert any(v.output.explanation for v in flagged) and any(not v.output.explanation for v in flagged)
    assert "未作说明" in text
    for view in flagged:
        item_text = page_text(built_site, f"2024/items/{view.item.id}")
        assert "资金与产出不一致" in item_text
        assert (view.output.explanation or "未作说明") in item_text


def test_item_pages_show_fund_chart_table_and_csv(built_site):
    for view in VIEW.items:
        raw = (built_site / "2024" / "items" / view.item.id / "index.html").read_text(encoding="utf-8")
        if view.funds.planned:
            assert f"funds-item-{view.item.id}.svg" in raw and f"funds-item-{view.item.id}.csv" in raw
        else:
            assert "暂无资金数据" in raw
