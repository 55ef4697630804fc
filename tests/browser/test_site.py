"""Tested as a person would: every page type at phone and desktop width, in normal and 长辈模式, in chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from browser.checks import BUDGET, axe_violations, first_visit_weight, foreign_requests, open_page
from browser.conftest import ARTIFACTS, AXE, serve

PAGES = {
    "home": "",
    "item": "items/28/",
    "category": "categories/hardship-relief/",
    "unit": "units/civil-affairs/",
    "funds": "funds/",
    "bulletin": "bulletins/2024-12/",
    "downloads": "downloads/",
    "group": "groups/disabled/",
}
SIZES = {"phone": (360, 740), "desktop": (1280, 800)}


def test_the_browser_has_a_chinese_font():
    """The pages and the charts' text are drawn by the reader's fonts; the layout checks below measure them
    only as a reader sees them when chromium finds a Chinese font (Debian's fonts-noto-cjk) through
    fontconfig. Without one, under CI=true, this skip is a failure."""
    fc_list = shutil.which("fc-list")
    found = subprocess.run([fc_list, ":lang=zh-cn", "family"], capture_output=True, text=True).stdout if fc_list else ""
    if not found.strip():
        pytest.skip("no font for Chinese text (Debian's fonts-noto-cjk): the layout checks would measure the wrong glyphs")


@pytest.fixture(scope="session")
def first_visits() -> dict[tuple[str, str], list[str]]:
    """The requests of each page's first visit by test_page, by (kind, size), for the weight check."""
    return {}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", PAGES)
def test_page(browser, site_url, artifacts, first_visits, kind, size):
    """Each page checked as loaded, then again after switching to 长辈模式 on the same page."""
    width, height = SIZES[size]
    page = open_page(browser, site_url + PAGES[kind], width, height)
    first_visits[kind, size] = list(page.requests)
    for mode in ("normal", "elder"):
        if mode == "elder":
            page.click("#ms-elder-toggle")
            page.wait_for_function("document.documentElement.classList.contains('ms-elder')")
        if artifacts:
            page.screenshot(path=str(artifacts / f"{kind}-{size}-{mode}.png"), full_page=True)
        assert page.evaluate("document.documentElement.lang") == "zh", mode
        assert foreign_requests(page, site_url) == [], mode
        assert axe_violations(page, AXE) == [], mode
        for image in page.locator("article img").all():
            assert image.get_attribute("alt"), f"every chart has a text alternative ({mode})"
        if mode == "elder":
            size_px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
            assert size_px >= 18
    page.context.close()


def test_first_visit_weight_within_budget(browser, site_url, built_site, first_visits):
    """At phone width; a page test_page has not visited in this session is visited here."""
    report = {}
    for kind, path in PAGES.items():
        requests = first_visits.get((kind, "phone"))
        if requests is None:
            page = open_page(browser, site_url + path, *SIZES["phone"])
            requests = page.requests
            page.context.close()
        weights = first_visit_weight(requests, site_url, built_site)
        report[kind] = {"total": sum(weights.values()), "files": weights}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "weights.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n首次访问页面重量（gzip，不含搜索索引）：" + "，".join(f"{k} {v['total'] / 1024:.1f} KB" for k, v in report.items()))
    assert {k: v["total"] for k, v in report.items() if v["total"] > BUDGET} == {}


@pytest.mark.parametrize("size", SIZES)
def test_search_finds_employment_and_opens_it(browser, site_url, size):
    page = open_page(browser, site_url, *SIZES[size], settled=False)
    if size == "phone":
        page.click("label[for='__search']")
    page.click("input.md-search__input")
    page.keyboard.insert_text("就业")
    page.keyboard.press("End")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15_000)
    assert "就业" in first.inner_text()
    first.click()
    page.wait_for_load_state("load")
    assert any(part in page.url for part in (
        "items/01/", "items/02/", "categories/employment/", "groups/jobseekers/")), page.url
    page.context.close()


def test_csv_download_link_returns_the_file(browser, site_url):
    page = open_page(browser, site_url + "funds/", 1280, 800, settled=False)
    href = page.locator("a[href$='.csv']").first.get_attribute("href")
    response = page.request.get(page.url + href if not href.startswith("http") else href)
    assert response.status == 200 and response.body().startswith(b"\xef\xbb\xbf")
    page.context.close()


def test_elder_mode_is_remembered_across_pages_and_works_by_keyboard(browser, site_url):
    page = open_page(browser, site_url, 360, 740, settled=False)
    page.focus("#ms-elder-toggle")
    page.keyboard.press("Enter")
    assert page.get_attribute("#ms-elder-toggle", "aria-pressed") == "true"
    page.goto(site_url + PAGES["item"])
    assert page.evaluate("document.documentElement.classList.contains('ms-elder')")
    page.keyboard.press("Tab")  # the first stop is the theme's skip link to the content
    assert page.evaluate("document.activeElement.textContent.trim()") == "跳转至"
    page.focus("#ms-elder-toggle")
    page.keyboard.press("Space")
    assert not page.evaluate("document.documentElement.classList.contains('ms-elder')")
    page.context.close()


def test_readable_without_javascript(browser, site_url):
    page = open_page(browser, site_url + PAGES["item"], 360, 740, settled=False, java_script_enabled=False)
    article = page.locator("article")
    assert article.is_visible() and "实施农村地区适龄妇女" in article.inner_text()
    assert page.locator(".ms-banner").is_visible()
    assert not page.locator("#ms-elder-toggle").is_visible()  # the control appears only where it works
    page.context.close()


@pytest.mark.parametrize("kind", ["item", "bulletin"])
def test_print_fits_a4_without_navigation(browser, site_url, artifacts, kind):
    page = open_page(browser, site_url + PAGES[kind], 680, 960, settled=False)  # A4 less margins, at 96 dpi
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator(".ms-banner").is_visible()  # a printed page still says it is sample data
    too_wide = page.evaluate("""() => [...document.querySelectorAll('article img, article table')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length""")
    assert too_wide == 0
    if artifacts:
        page.pdf(path=str(artifacts / f"{kind}-print.pdf"), format="A4")
    page.context.close()


def test_the_checks_fail_on_a_broken_page(browser, built_site, tmp_path):
    """A page that asks another host and has unreadable text must fail both checks."""
    broken = tmp_path / "site"
    shutil.copytree(built_site, broken, copy_function=os.link)  # hard links: the one file changed is replaced
    path = broken / "items" / "28" / "index.html"
    html = path.read_text(encoding="utf-8").replace(
        "<article", '<p style="color:#ccc;background:#fff">看不清的字</p><img src="http://example.invalid/x.png"><article', 1)
    path.unlink()  # a new file, not the built site's, which the other tests read
    path.write_text(html, encoding="utf-8")
    server = serve(broken)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        page = open_page(browser, url + "items/28/", 360, 740)
        assert foreign_requests(page, url) == ["http://example.invalid/x.png"]
        violations = axe_violations(page, AXE)
        assert any(v.startswith("color-contrast") for v in violations)
        assert any(v.startswith("image-alt") for v in violations)
        page.context.close()
    finally:
        server.shutdown()
