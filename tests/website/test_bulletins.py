"""Bulletins, their archive and the Atom feed, as built."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conftest import DATA, page_text
from minsheng.compute.bulletins import bulletins
from minsheng.compute.overview import overview
from minsheng.load.plan import load_plan

PLAN, _ = load_plan(DATA)
YEAR = PLAN.years[2024]
BULLETINS = bulletins(overview(PLAN, YEAR))
ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_bulletin_for_every_reported_month(built_site):
    assert [b.month for b in BULLETINS] == [m.month for m in YEAR.months]
    archive = page_text(built_site, "bulletins")
    for bulletin in BULLETINS:
        text = page_text(built_site, f"bulletins/{bulletin.month}")
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
    text = page_text(built_site, "bulletins/2024-12")
    for state in december.overdue:
        assert state.entry.description in text
        assert "⚠ 逾期未销号" in page_text(built_site, f"items/{state.entry.item}")


def test_revisions_are_disclosed_on_the_log_the_item_and_the_bulletin(built_site):
    revisions = YEAR.revisions.revisions
    assert revisions
    log = page_text(built_site, "revisions")
    releases = {r.date: r.month for r in YEAR.releases.releases}
    for revision in revisions:
        old, new = f"{revision.old:g}", f"{revision.new:g}"
        for text in (log, page_text(built_site, f"items/{revision.item}"),
                     page_text(built_site, f"bulletins/{releases[revision.date]}")):
            assert revision.note in text and old in text and new in text
