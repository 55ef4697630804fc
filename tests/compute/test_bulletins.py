"""Bulletins, their archive and the Atom feed, as built."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from conftest import page_text, shipped
from minsheng.compute.bulletins import bulletins
from minsheng.compute.overview import overview

PLAN, _ = shipped()
YEAR = PLAN.years[2024]
BULLETINS = bulletins(overview(PLAN, YEAR))
ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_bulletin_for_every_reported_month(built_site):
    assert [b.month for b in BULLETINS] == [m.month for m in YEAR.months]
    archive = page_text(built_site, "2024/bulletins")
    for bulletin in BULLETINS:
        text = page_text(built_site, f"2024/bulletins/{bulletin.month}")
        year, month = bulletin.month.split("-")
        assert f"{year}年{int(month)}月民生实事进展通报" in text and f"{year}年{int(month)}月" in archive
        assert f"总体进度为 {bulletin.overall:.1f}%" in text
        for view, _ in bulletin.lagging:
            assert view.item.title in text
        assert f"月底逾期未销号 {len(bulletin.overdue)} 个" in text


def test_feed_parses_and_lists_every_released_bulletin_with_dates_from_the_data(built_site):
    root = ET.parse(built_site / "feed.xml").getroot()
    entries = root.findall(f"{ATOM}entry")
    released = {r.month: r.date for r in YEAR.releases.releases}
    assert [e.find(f"{ATOM}id").text.rsplit(":", 1)[1] for e in entries] == list(released)
    for entry in entries:
        month = entry.find(f"{ATOM}id").text.rsplit(":", 1)[1]
        assert entry.find(f"{ATOM}updated").text == f"{released[month].isoformat()}T00:00:00+08:00"
        assert (built_site / entry.find(f"{ATOM}link").get("href") / "index.html").exists()
    assert root.find(f"{ATOM}updated").text.startswith(max(released.values()).isoformat())


def test_overdue_problems_are_flagged_on_items_and_bulletins(built_site):
    december = BULLETINS[-1]
    assert december.overdue
    text = page_text(built_site, "2024/bulletins/2024-12")
    for state in december.overdue:
        assert state.entry.description in text
        assert "⚠ 逾期未销号" in page_text(built_site, f"2024/items/{state.entry.item}")


def test_revisions_are_disclosed_on_the_log_the_item_and_the_bulletin(built_site):
    revisions = YEAR.revisions.revisions
    assert revisions
    log = page_text(built_site, "2024/revisions")
    releases = {r.date: r.month for r in YEAR.releases.releases}
    for revision in revisions:
        old, new = f"{revision.old:g}", f"{revision.new:g}"
        for text in (log, page_text(built_site, f"2024/items/{revision.item}"),
                     page_text(built_site, f"2024/bulletins/{releases[revision.date]}")):
            assert revision.note in text and old in text and new in text


def test_no_bulletin_shows_an_event_dated_after_its_release(built_site):
    """Every date a bulletin shows, but a problem's deadline (整改期限, which is ahead by nature), is on or before
    the day it was released: a problem found, a 销号 or a correction disclosed later waits for a later bulletin."""
    import datetime as dt

    releases = {r.month: r.date for r in YEAR.releases.releases}
    assert releases
    checked = 0
    for month, released in releases.items():
        raw = (built_site / "2024" / "bulletins" / month / "index.html").read_text(encoding="utf-8")
        article = raw.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
        # the ledger table's deadline column (期限) left out: its header's position in each table
        for table in re.findall(r"<table>.*?</table>", article, re.S):
            headers = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
            if "期限" in headers:
                column = headers.index("期限")
                for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
                    cells = re.findall(r"<td[^>]*>.*?</td>", row, re.S)
                    article = article.replace(cells[column], "", 1)
        text = re.sub(r"<[^>]+>", "", article)
        for year, mon, day in re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
            assert dt.date(int(year), int(mon), int(day)) <= released, (month, f"{year}年{mon}月{day}日", released)
            checked += 1
    assert checked > len(releases)  # dates were found and read
    september = page_text(built_site, "2024/bulletins/2024-09")
    assert "2024-005" in september and "2024年10月27日销号" not in september  # closed after its release (10-10)
