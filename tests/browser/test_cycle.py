"""The yearly cycle's pages in a real browser at 360 px, on the demonstration year (`minsheng synth --cycle`): the
年度流程 page and an item's timeline fit the phone's width (nothing scrolls sideways), pass axe, and the candidate
list is folded, one tap to open, its cells then in sight beside their headers."""

from __future__ import annotations

import pytest

from browser.checks import TABLES_OUT_OF_SIGHT, axe_violations, foreign_requests, open_page
from browser.conftest import AXE, serve

WIDTH, HEIGHT = 360, 740
FITS = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
STILL = "() => document.getAnimations().every(a => a.playState !== 'running')"  # the header's title faded in


@pytest.fixture(scope="module")
def cycle_url(cycle_site):
    server = serve(cycle_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_the_cycle_page_and_an_items_timeline_fit_a_phone_and_pass_axe(browser, cycle_url, artifacts):
    page = open_page(browser, cycle_url + "2024/cycle/", WIDTH, HEIGHT, settled=False)
    assert page.evaluate(FITS) and page.evaluate(TABLES_OUT_OF_SIGHT) == []
    votes = page.locator("article details", has_text="全部候选项目及得票")
    assert votes.locator("table").is_hidden()  # folded: the sentence above it says how many, and how many elected
    votes.locator("summary").click()
    assert votes.locator("table").is_visible() and votes.locator("tbody tr").count() == 14
    assert page.evaluate(FITS) and page.evaluate(TABLES_OUT_OF_SIGHT) == []
    page.wait_for_function(STILL)
    assert axe_violations(page, AXE) == []  # the whole page, the candidates' cards in it
    if artifacts:
        page.screenshot(path=str(artifacts / "cycle-phone.png"), full_page=True)
    assert foreign_requests(page, cycle_url) == []
    page.context.close()

    page = open_page(browser, cycle_url + "2024/items/0004/", WIDTH, HEIGHT, settled=False)
    timeline = page.locator("article h2", has_text="从征集到测评")
    assert timeline.is_visible()
    assert "按规则评为基本满意" in page.locator("article").inner_text()  # 0004: rated below 满意, and what followed
    assert page.evaluate(FITS) and page.evaluate(TABLES_OUT_OF_SIGHT) == []
    assert axe_violations(page, AXE) == []
    if artifacts:
        page.screenshot(path=str(artifacts / "cycle-item-phone.png"), full_page=True)
    page.context.close()
