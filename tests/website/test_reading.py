"""The built site read as a resident reads it, every page: one label shows one value for the same month
wherever it appears; once the year's deadline has passed no page calls an item on pace, ahead or behind;
lists render as lists; nothing unfinished (a template tag, None, nan) shows."""

from __future__ import annotations

import re

import pytest

from conftest import page_text, shipped
from minsheng.compute.portal import portal
from minsheng.formats import chinese_month
from minsheng.status import Status

PLAN, _ = shipped()
PORTAL = portal(PLAN)
OV = PORTAL.overview


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, str]:
    """Every built page's visible text, by its path ("" for home)."""
    found = {}
    for index in sorted(built_site.rglob("index.html")):
        path = index.parent.relative_to(built_site).as_posix()
        path = "" if path == "." else path
        found[path] = page_text(built_site, path)
    return found


def _values(text: str, label: str) -> list[str]:
    """Every "label X%" or "label为 **X%**" on a page, as written."""
    return re.findall(rf"{label}(?:为)?\s*\**\s*([0-9.]+%)", text)


def test_one_label_one_value_for_the_latest_month(pages):
    latest = OV.latest_month
    bulletin = pages[f"2024/bulletins/{latest}"]
    funds = OV.funds
    expected = {
        "总体进度": f"{OV.overall_progress:.1f}%",
        "序时进度": f"{OV.expected:.1f}%",
        "到位率": f"{funds.in_place_rate:.1f}%",
        "拨付率": f"{funds.disbursed_rate:.1f}%",
    }
    for label, value in expected.items():
        for path, text in (("", pages[""]), (f"2024/bulletins/{latest}", bulletin)):
            shown = _values(text.split("各月总体进度")[0], label)
            assert shown and set(shown) == {value}, (path, label, shown)
    assert set(_values(pages["2024/funds"].split("## ")[0].split("按资金来源")[0], "拨付率")) == {expected["拨付率"]}


def test_each_month_shows_the_same_pace_and_overall_progress_on_home_and_in_its_bulletin(pages):
    rows = {line.split("|")[0]: line.split("|")[1:] for line in _table_lines(pages[""], "各月总体进度")}
    assert len(rows) == len(OV.months)
    for month in OV.months:
        progress, pace = rows[chinese_month(month)][:2]
        bulletin = pages[f"2024/bulletins/{month}"]
        assert _values(bulletin, "总体进度")[0] == progress and _values(bulletin, "序时进度")[0] == pace, month


def test_every_item_page_shows_the_pace_of_its_month_as_the_home_page_does(pages):
    for view in OV.items:
        if view.latest and view.latest.progress is not None:
            text = pages[f"2024/items/{view.item.id}"]
            assert _values(text.split("政策解读")[0], "序时进度")[0] == f"{OV.expected:.1f}%", view.item.id


def test_after_the_deadline_no_page_calls_an_item_on_pace_ahead_or_behind(built_site, pages):
    assert PORTAL.ended
    paced = [f"{s.symbol} {s.word}" for s in Status if s.paced]
    for path, text in pages.items():
        if path.startswith(("2024/bulletins/", "about")):  # a bulletin speaks of its own month; 名词解释 defines them all
            continue
        if path.startswith("2024/items/"):
            text = text.split("月度进展")[0]  # the month-by-month table shows earlier months as they were
        assert not [label for label in paced if label in text], path
    for path in ("", "2024/categories", "2024/units"):
        assert "已完成 未完成" in " ".join(pages[path].split()) and "已完成 滞后" not in " ".join(pages[path].split()), path
    for month in OV.months:
        text = pages[f"2024/bulletins/{month}"]
        if OV.pace.ended(month):
            assert not [label for label in paced if label in text], month
            assert "滞后的项目" not in text and "预警的项目" not in text
            count = len(next(b for b in PORTAL.bulletins if b.bulletin.month == month).bulletin.lagging)
            assert f"{count} 项未完成" in pages["2024/bulletins"]
            feed = (built_site / "feed.xml").read_text(encoding="utf-8")
            assert f"{chinese_month(month)}底，" in feed and f"未完成项目{count}个" in feed


def test_lists_render_as_lists_and_nothing_unfinished_shows(built_site, pages):
    for index in built_site.rglob("index.html"):
        raw = index.read_text(encoding="utf-8")
        body = raw.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
        for paragraph in re.findall(r"<p>(.*?)</p>", body, flags=re.S):
            assert not re.search(r"\S- \S", re.sub(r"<[^>]+>", "", paragraph)), (index, paragraph[:120])
    for path, text in pages.items():
        for leftover in ("{{", "{%", "None", "nan%", "NaN", "undefined", "Traceback"):
            assert leftover not in text, (path, leftover)


def _table_lines(text: str, heading: str) -> list[str]:
    """The rows of the first table after `heading`, cells joined by "|" (page_text keeps one cell a line)."""
    section = text.split(heading, 1)[1]
    lines = [line.strip() for line in section.splitlines() if line.strip()]
    rows, row = [], []
    for line in lines[3:]:  # the header cells
        if re.fullmatch(r"\d{4}年\d{1,2}月", line) and row:
            rows.append("|".join(row))
            row = []
        if not re.fullmatch(r"\d{4}年\d{1,2}月|[0-9.]+%|—", line):
            break
        row.append(line)
    if row:
        rows.append("|".join(row))
    return rows


def test_the_reading_helpers_find_what_they_look_for():
    text = "截至2024年6月底，总体进度为 **55.7%**，序时进度为 **70.0%**。到位率 97.9%"
    assert _values(text, "序时进度") == ["70.0%"] and _values(text, "到位率") == ["97.9%"]
    table = "各月总体进度\n月份\n进度\n序时进度\n2024年4月\n20.3%\n23.3%\n2024年5月\n37.4%\n46.7%\n进度安排"
    assert _table_lines(table, "各月总体进度") == ["2024年4月|20.3%|23.3%", "2024年5月|37.4%|46.7%"]


def test_every_page_links_to_the_glossary_and_names_items_by_title(built_site):
    for page in [*built_site.rglob("index.html"), built_site / "404.html"]:
        if page.parent.name == "glossary":
            continue
        assert re.search(r'<a href="[./]*(about/)?glossary/"', page.read_text(encoding="utf-8")), page
    bulletin = (built_site / "2024" / "bulletins" / OV.latest_month / "index.html").read_text(encoding="utf-8")
    ledger = bulletin.split("问题销号</h2>", 1)[1].split("</table>", 1)[0]
    linked = re.findall(r'<a href="../../items/([0-9c]+)/">([^<]*)</a>', ledger)
    assert linked and all(text.startswith("（") for _, text in linked), linked  # a title, not a bare id
