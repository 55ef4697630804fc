"""Tested as a person would: every page type at phone and desktop width, in normal and 长辈模式, in chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from browser.checks import (BUDGET, FOCUS_RING, FOCUS_SETTLED, SEARCH_UI, TABLE_HEADERS, TABLES_OUT_OF_SIGHT,
                            axe_violations, chart_text_px, first_visit_weight, foreign_requests, open_page, settle)
from browser.conftest import ARTIFACTS, AXE, ENGINES, serve
from conftest import DATA

PAGES = {
    "home": "",
    "item": "2024/items/28/",
    "category": "2024/categories/hardship-relief/",
    "unit": "2024/units/civil-affairs/",
    "funds": "2024/funds/",
    "bulletin": "2024/bulletins/2024-12/",
    "downloads": "2024/downloads/",
    "group": "groups/disabled/",
    "record": "2024/record/",
    "years": "years/",
}
SIZES = {"phone": (360, 740), "desktop": (1280, 800)}
# Columns a resident reads a table for, by page: each must be on the page, and in sight on a phone.
KEY_COLUMNS = {"home": ["状态"], "funds": ["累计拨付", "拨付率"], "item": ["进展情况", "累计拨付"]}
# Chart text in CSS px at least, on a 360 px phone (body text: 16 px; 19.2 px in 长辈模式)
CHART_TEXT = {"normal": 12, "elder": 16}
# 长辈模式 changes only the page's style (larger type, black text, underlined links) and the toggle's state: after
# the whole WCAG check of the page as loaded, axe checks again what a style or that state can break.
ELDER_RULES = ["color-contrast", "link-in-text-block", "scrollable-region-focusable", "button-name",
               "aria-allowed-attr", "aria-valid-attr-value", "meta-viewport"]


def test_the_browser_has_a_chinese_font():
    """The pages and the charts' text are drawn by the reader's fonts; the layout checks below measure them
    only as a reader sees them when chromium finds a Chinese font (Debian's fonts-noto-cjk) through
    fontconfig. Without one, under CI=true, this skip is a failure."""
    fc_list = shutil.which("fc-list")
    found = subprocess.run([fc_list, ":lang=zh-cn", "family"], capture_output=True, text=True).stdout if fc_list else ""
    if not found.strip():
        pytest.skip("no font for Chinese text (Debian's fonts-noto-cjk): the layout checks would measure the wrong glyphs")


@pytest.fixture(scope="session")
def first_visits() -> dict[tuple[str, str, str], list[str]]:
    """The requests of each page's first visit by test_page, by (engine, kind, size), for the weight check."""
    return {}


# Every page type at phone width, and the widest at desktop width, on the site MkDocs builds; on the one Zensical builds, whose pages have the same
# text in another theme's frame, a representative few: an item page at both widths (the frame as a drawer and
# with its sidebars; a chart, tables, the banner and footer) and the funds page at phone width (the widest tables).
ZENSICAL_PAGES = [("item", "phone"), ("item", "desktop"), ("funds", "phone")]
# At desktop width the pages whose frame or tables differ most from the phone's (the sidebars, the widest tables);
# every page type at phone width, where residents read
DESKTOP = ("home", "item")  # 年度完成情况 at desktop width: its sorting test runs axe there too
PAGE_CASES = [pytest.param("mkdocs", kind, size, id=f"mkdocs-{kind}-{size}") for kind in PAGES for size in SIZES
              if size == "phone" or kind in DESKTOP] + [
    pytest.param("zensical", kind, size, id=f"zensical-{kind}-{size}")
    for kind, size in ZENSICAL_PAGES]


@pytest.mark.parametrize(("site", "kind", "size"), PAGE_CASES, indirect=["site"])
def test_page(browser, site, artifacts, first_visits, kind, size):
    """Each page checked as loaded, then again after switching to 长辈模式 on the same page."""
    width, height = SIZES[size]
    site_url = site.url
    page = open_page(browser, site_url + PAGES[kind], width, height, settled=False)
    for mode in ("normal", "elder"):
        if mode == "elder":
            page.click("#ms-elder-toggle")
            page.wait_for_function("document.documentElement.classList.contains('ms-elder')")
        if artifacts:
            page.screenshot(path=str(artifacts / f"{site.engine}-{kind}-{size}-{mode}.png"), full_page=True)
        assert page.evaluate("document.documentElement.lang") == "zh", mode
        assert axe_violations(page, AXE, ELDER_RULES if mode == "elder" else None) == [], mode
        for image in page.locator("article img").all():
            assert image.get_attribute("alt"), f"every chart has a text alternative ({mode})"
        if mode == "elder":
            size_px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
            assert size_px >= 18
        if size == "phone":
            phone_layout(page, kind, mode)
    settle(page)  # checked while the search worker loaded; its requests are the page's last
    first_visits[site.engine, kind, size] = list(page.requests)
    assert foreign_requests(page, site_url) == []
    page.context.close()


def phone_layout(page, kind: str, mode: str) -> None:
    """At 360 px: every table's cells in sight without scrolling sideways (each beside its header where the
    table is shown as cards), the key columns there, and chart text large enough to read."""
    assert page.evaluate(TABLES_OUT_OF_SIGHT) == [], mode
    headers = [header for table in page.evaluate(TABLE_HEADERS) for header in table]
    for column in KEY_COLUMNS.get(kind, []):
        assert any(column in header for header in headers), (column, mode)
    small = {src: px for src, px in chart_text_px(page).items() if px < CHART_TEXT[mode]}
    assert small == {}, mode


# The pages weighed on each site: those test_page visits at phone width.
WEIGHED = {"mkdocs": list(PAGES), "zensical": [kind for kind, size in ZENSICAL_PAGES if size == "phone"]}


@pytest.mark.parametrize("site", ENGINES, indirect=True)
def test_first_visit_weight_within_budget(browser, site, first_visits):
    """At phone width; a page test_page has not visited in this session is visited here."""
    report = {}
    for kind in WEIGHED[site.engine]:
        requests = first_visits.get((site.engine, kind, "phone"))
        if requests is None:
            page = open_page(browser, site.url + PAGES[kind], *SIZES["phone"])
            requests = page.requests
            page.context.close()
        weights = first_visit_weight(requests, site.url, site.folder)
        report[kind] = {"total": sum(weights.values()), "files": weights}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"weights-{site.engine}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1),
                                                           encoding="utf-8")
    print(f"\n首次访问页面重量（{site.engine}，gzip，不含搜索索引）："
          + "，".join(f"{k} {v['total'] / 1024:.1f} KB" for k, v in report.items()))
    assert {k: v["total"] for k, v in report.items() if v["total"] > BUDGET} == {}


# An item page on a phone: the answer first (its status, what one gets, how to apply, whom to call), the long parts
# (monthly history, measures, the notice's text, definitions…) folded, so that the page is a few screens long.
SCREENS = 5  # at most, in normal and in 长辈模式
ANSWER_SCREENS = 2  # the answer's end, in normal mode
ITEM_PAGE = """() => {
  const bottom = e => e ? e.getBoundingClientRect().bottom + scrollY : Infinity;
  const apply = [...document.querySelectorAll('article p > strong')].find(s => s.textContent.startsWith('怎么办理'));
  const folded = [...document.querySelectorAll('article details')];
  return {height: document.documentElement.scrollHeight, status: bottom(document.querySelector('article .ms-status')),
          apply: bottom(apply && apply.parentElement), call: bottom(document.querySelector('article h3 ~ p a[href^="tel:"]')),
          open: folded.filter(d => d.open).length, folded: folded.length,
          foldedText: folded.map(d => d.textContent.replace(/\\s+/g, '')).join('|'),
          historyFolded: folded.some(d => [...d.querySelectorAll('th')].some(th => th.textContent.trim() === '进展情况'))};
}"""


def visible_text_length(page: Path) -> int:
    """How much of a built page's article is not folded away (its text outside <details>), in characters."""
    import html as html_module

    body = page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
    body = re.sub(r"<details.*?</details>", "", body, flags=re.S)
    return len(re.sub(r"\s", "", html_module.unescape(re.sub(r"<[^>]+>", "", body))))


@pytest.mark.parametrize("site", ENGINES, indirect=True)
def test_an_item_page_is_a_few_screens_on_a_phone_with_its_long_parts_folded(browser, site):
    """The two item pages with the most text left unfolded (one on Zensical's site), at 360 × 740: at most five screens tall, in normal mode
    and in 长辈模式; the status, 怎么办理 and a number to call within the first two screens (normal mode); every
    folded part closed, and its text in the page (the notice's text, the monthly history), shown when tapped."""
    # on Zensical's site, whose pages have the same text in another frame, the longest only
    longest = sorted((site.folder / "2024" / "items").glob("*/index.html"), key=visible_text_length)[
        -2 if site.engine == "mkdocs" else -1:]
    items = {row["item"]: row for row in json.loads((site.folder / "2024" / "downloads" / "data" / "items.json")
                                                    .read_text(encoding="utf-8"))}
    width, height = SIZES["phone"]
    page = open_page(browser, site.url + f"2024/items/{longest[0].parent.name}/", width, height, settled=False)
    for mode in ("normal", "elder"):
        if mode == "elder":
            page.click("#ms-elder-toggle")  # remembered for the next page
        for path in longest:
            item = path.parent.name
            if mode == "elder" or page.url != site.url + f"2024/items/{item}/":  # not the page just opened
                page.goto(site.url + f"2024/items/{item}/")
            assert page.evaluate("document.documentElement.classList.contains('ms-elder')") == (mode == "elder")
            found = page.evaluate(ITEM_PAGE)
            assert found["height"] <= SCREENS * height, (item, mode, found["height"] / height)
            assert found["folded"] >= 5 and found["open"] == 0, (item, mode)
            assert re.sub(r"\s", "", items[item]["source_text"]) in found["foldedText"], (item, "the notice's text, folded")
            assert found["historyFolded"], (item, "the monthly history, folded")
            if mode == "normal":
                answer = {part: found[part] for part in ("status", "apply", "call")}
                assert max(answer.values()) <= ANSWER_SCREENS * height, (item, answer)
    history = page.locator("article details", has=page.locator("th", has_text="进展情况"))
    assert history.locator("table").is_hidden()
    history.locator("summary").click()  # a tap opens it
    assert history.locator("table").is_visible()
    page.context.close()


def test_warnings_are_cards_under_a_heading_and_the_status_chart_has_a_table_for_screen_readers(browser, site_url, built_site,
                                                                                               artifacts):
    """At 360 px, as the accessibility tree (Playwright's ARIA snapshot) and axe read the pages: a bulletin of a month
    with warnings (2024-09) has its 预警 table, three columns of sentences that fit only squeezed, as cards, every cell
    beside its header, under a heading; an item on warning has a 预警 heading; the home page's status chart has its
    counts, month by month, as a table (the chart's own CSV) folded under it, read as a table once opened."""
    import csv

    from minsheng.compute.overview import overview
    from minsheng.load.data_folder import load_data_folder

    plan, _ = load_data_folder(DATA)
    warned = overview(plan, plan.years[2024]).warned[0].item.id
    page = open_page(browser, site_url + "2024/bulletins/2024-09/", *SIZES["phone"], settled=False)
    cards = page.evaluate("""() => [...document.querySelectorAll('article table')]
        .filter(t => [...t.querySelectorAll('th')].some(th => th.textContent.trim() === '预警情况'))
        .map(t => t.hasAttribute('data-ms-cards'))""")
    assert cards == [True]
    assert page.evaluate(TABLES_OUT_OF_SIGHT) == []
    if artifacts:
        page.screenshot(path=str(artifacts / "mkdocs-bulletin-2024-09-phone-normal.png"), full_page=True)
    tree = page.locator("article").aria_snapshot()
    assert re.search(r'- heading "预警的项目" \[level=2\]\n\s*- paragraph: .*\n\s*- table:', tree), "the 预警 table under its heading"
    assert axe_violations(page, AXE) == []
    page.goto(site_url + f"2024/items/{warned}/")
    assert '- heading "预警" [level=3]' in page.locator("article").aria_snapshot()
    page.goto(site_url)
    with (built_site / "2024" / "downloads" / "charts" / "status.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    data = page.locator("article details", has_text="图的数据")
    data.locator("summary").click()
    tree = data.aria_snapshot()
    for row in rows[1:]:
        year, month = row[0].split("-")
        assert f'- row "{year}年{int(month)}月 {" ".join(row[1:])}"' in tree, row
    assert all(f'- columnheader "{word}"' in tree for word in rows[0])
    page.context.close()


def test_search_finds_employment_and_opens_it(browser, site_url):
    """On MkDocs' site (on Zensical's, the input method's test below opens a result)."""
    page = open_page(browser, site_url, *SIZES["desktop"], settled=False)
    page.click("input.md-search__input")
    page.keyboard.insert_text("就业")
    page.keyboard.press("End")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15_000)
    assert "就业" in first.inner_text()
    first.click()
    page.wait_for_load_state("load")
    assert any(part in page.url for part in (
        "2024/items/01/", "2024/items/02/", "2024/categories/employment/", "groups/jobseekers/")), page.url
    page.context.close()


@pytest.mark.parametrize("site", ENGINES, indirect=True)
def test_search_starts_when_an_input_method_commits_text(browser, site):
    """On a phone, as an input method types: composition events, then the committed text, and no key
    events at all (chromium's own input method calls, through the DevTools protocol)."""
    # once the search is ready (when it becomes ready, the theme reads the field anew: typed before, the
    # words would be found without any help)
    ui = SEARCH_UI[site.engine]
    page = open_page(browser, site.url, *SIZES["phone"])
    page.click("label[for='__search']")  # the header's search button at phone width
    page.locator(ui["field"]).wait_for()
    devtools = page.context.new_cdp_session(page)
    devtools.send("Input.imeSetComposition", {"text": "窝沟", "selectionStart": 2, "selectionEnd": 2})
    devtools.send("Input.imeSetComposition", {"text": "窝沟封闭", "selectionStart": 4, "selectionEnd": 4})
    devtools.send("Input.insertText", {"text": "窝沟封闭"})
    first = page.locator(ui["results"]).first
    first.wait_for(timeout=15_000)
    first.click()  # the item whose plan has 窝沟封闭 (pit and fissure sealing) comes first
    page.wait_for_load_state("load")
    assert "窝沟封闭" in page.locator("article").inner_text(), page.url
    assert "/items/" in page.url, page.url
    page.context.close()


def test_csv_download_link_returns_the_file(browser, site_url):
    page = open_page(browser, site_url + "2024/funds/", 1280, 800, settled=False)
    href = page.locator("a[href$='.csv']").first.get_attribute("href")
    response = page.request.get(page.url + href if not href.startswith("http") else href)
    assert response.status == 200 and response.body().startswith(b"\xef\xbb\xbf")
    page.context.close()


def test_elder_mode_is_remembered_across_pages_and_works_by_keyboard(browser, site_url):
    page = open_page(browser, site_url, 360, 740, settled=False)
    off = page.inner_text("#ms-elder-toggle")
    assert "长辈模式" in off and "退出" not in off
    page.focus("#ms-elder-toggle")
    page.keyboard.press("Enter")
    assert page.get_attribute("#ms-elder-toggle", "aria-pressed") == "true"
    assert "退出长辈模式" in page.inner_text("#ms-elder-toggle")  # says how to leave it
    page.goto(site_url + PAGES["item"])
    assert page.evaluate("document.documentElement.classList.contains('ms-elder')")
    page.keyboard.press("Tab")  # the first stop is the theme's skip link to the content
    assert page.evaluate("document.activeElement.textContent.trim()") == "跳到正文"
    assert page.get_attribute("#ms-elder-toggle", "aria-pressed") == "true" and "退出" in page.inner_text("#ms-elder-toggle")
    page.focus("#ms-elder-toggle")
    page.keyboard.press("Space")
    assert not page.evaluate("document.documentElement.classList.contains('ms-elder')")
    assert page.get_attribute("#ms-elder-toggle", "aria-pressed") == "false" and page.inner_text("#ms-elder-toggle") == off
    page.context.close()


# Whether the element focused first (the skip link) is what is drawn at its corners and middle, under nothing.
UNCOVERED_WHEN_FIRST = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
  return [[r.left + 2, r.top + 2], [r.right - 2, r.bottom - 2], [r.left + r.width / 2, r.top + r.height / 2]]
    .every(([x, y]) => { const top = document.elementFromPoint(x, y); return top === e || e.contains(top); }); }"""


@pytest.mark.parametrize("site", ENGINES, indirect=True)
def test_keyboard_focus_at_phone_width_is_visible_and_skips_the_closed_drawer(browser, site):
    """Tab through the top of the home page at 360 px, past the header (where the closed navigation drawer's
    links came next) into the content: no stop inside the closed drawer, and each focused element drawn with
    a solid outline of at least 2 px and 3:1 contrast with what is behind it. The drawer's button opens it by
    keyboard, and Escape closes it again. With reduced motion, as some readers ask (the theme then moves
    nothing), which spares the test waiting for each slide and fade to end."""
    page = open_page(browser, site.url, *SIZES["phone"], settled=False, reduced_motion="reduce")
    stops = []
    for index in range(7):  # the skip link, the banner's controls, the drawer's and the search's buttons, the content
        page.keyboard.press("Tab")
        page.wait_for_function(FOCUS_SETTLED, timeout=5_000)
        stops.append(page.evaluate(FOCUS_RING))
        if index == 0:  # the skip link, which nothing may cover
            assert page.evaluate(UNCOVERED_WHEN_FIRST) is True
    # the skip link says where it goes; the search button has a name
    assert stops[0]["name"].startswith("a.md-skip") and "跳到正文" in stops[0]["name"], stops[0]["name"]
    names = page.eval_on_selector_all("label.md-header__button[for='__search'], button.md-search__button",
                                      "els => els.map(e => e.getAttribute('aria-label') || e.textContent.trim())")
    assert names and set(names) <= {"搜索", "查找"}, names
    drawer_button = "label.md-header__button[for='__drawer']"
    assert any(stop["name"].startswith("label.md-header__button") for stop in stops)  # the drawer's button
    header_buttons = [stop for stop in stops if stop["name"].startswith(("label.md-header__button", "button.md-search__button"))]
    assert len(header_buttons) == 2, [stop["name"] for stop in stops]  # the drawer's and the search's, by Tab
    assert [stop["name"] for stop in stops if stop["inDrawer"]] == []
    assert page.evaluate("!!document.activeElement.closest('article')")  # and on into the content
    page.focus(drawer_button)
    page.keyboard.press("Enter")
    page.wait_for_function(FOCUS_SETTLED, timeout=5_000)
    assert page.is_checked("#__drawer")
    stops.append(page.evaluate(FOCUS_RING))
    assert stops[-1]["inDrawer"], stops[-1]["name"]  # focus went into the open drawer
    for _ in range(2):  # and on through links that are shown (not into a panel closed inside it)
        page.keyboard.press("Tab")
        page.wait_for_function(FOCUS_SETTLED, timeout=5_000)
        stops.append(page.evaluate(FOCUS_RING))
        assert stops[-1]["inDrawer"], stops[-1]["name"]
    page.keyboard.press("Escape")
    assert not page.is_checked("#__drawer")
    assert page.evaluate(f"document.activeElement === document.querySelector(\"{drawer_button}\")")
    weak = [stop for stop in stops if not stop["shown"] or stop["style"] in ("none", "hidden") or stop["width"] < 2
            or stop["ringAlpha"] < 1 or stop["contrast"] < 3]
    assert weak == []
    page.context.close()


@pytest.mark.parametrize("site", ENGINES, indirect=True)
def test_the_404_page_is_chinese_and_shows_the_way_on(browser, site):
    """The theme's page for a missing address (served as 404.html), read at phone width: Chinese text, a
    link home and to 与我有关, and a search form that opens the site's search with the words typed in (the
    theme's search reads ?q=, and portal.js does for Zensical's; that it finds them, the search tests show)."""
    ui, site_url = SEARCH_UI[site.engine], site.url
    page = open_page(browser, site_url + "404.html", *SIZES["phone"], settled=False)
    article = page.locator("article")
    text = article.inner_text()
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 30 and not re.search(r"[A-Za-z]{3,}", text), text
    links = page.evaluate("() => [...document.querySelectorAll('article a')].map(a => a.href)")
    assert site_url in links and site_url + "groups/" in links
    page.fill("article form[role=search] input[name=q]", "就业")
    page.click("article form[role=search] button")
    page.wait_for_url(site_url + "?q=*")
    page.wait_for_function(ui["opened"])  # the search is open
    assert page.input_value(ui["field"]) == "就业"
    page.context.close()


@pytest.mark.parametrize("site", ENGINES, indirect=True)
def test_readable_without_javascript(browser, site):
    page = open_page(browser, site.url + PAGES["item"], 360, 740, settled=False, java_script_enabled=False)
    article = page.locator("article")
    assert article.is_visible() and "实施农村地区适龄妇女" in article.inner_text()
    assert page.locator(".ms-banner").is_visible()
    assert not page.locator("#ms-elder-toggle").is_visible()  # the control appears only where it works
    page.context.close()


@pytest.mark.parametrize("kind", ["item", "bulletin", "place"])
def test_print_fits_a4_without_navigation(browser, site_url, artifacts, kind):
    page = open_page(browser, site_url + {**PAGES, "place": "places/tangkou/"}[kind], 680, 960, settled=False)  # A4 less margins, at 96 dpi
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator(".ms-banner").is_visible()  # a printed page still says it is sample data
    too_wide = page.evaluate("""() => [...document.querySelectorAll('article img, article table')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length""")
    assert too_wide == 0
    if kind == "place":  # a 乡镇 page is a notice-board sheet: large type, whom to call
        assert page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.ms-place li')).fontSize)") >= 18
        assert page.locator(".ms-place a[href^='tel:']").is_visible()
    if artifacts:
        page.pdf(path=str(artifacts / f"{kind}-print.pdf"), format="A4")
    page.context.close()


def test_an_item_prints_on_two_a4_pages_with_its_source_and_date_on_every_page(browser, site_url, built_site, artifacts):
    """The longest item pages, printed by chromium to A4: at most two pages, each with the site's name, the date
    the figures stand at, the sample-data notice, the page's address, the print date and the page number in
    its margins (the @page rule portal.js writes from the page)."""
    import datetime as dt

    import yaml

    site = yaml.safe_load((DATA / "site.yaml").read_text(encoding="utf-8"))
    today = dt.date.today()
    longest = sorted((built_site / "2024" / "items").glob("*/index.html"), key=lambda p: p.stat().st_size)[-2:]
    for path in longest:
        page = open_page(browser, site_url + f"2024/items/{path.parent.name}/", 680, 960, settled=False)
        pdf = page.pdf(format="A4")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 1 <= pages <= 2, (path.parent.name, pages)
        margins = page.evaluate("() => document.getElementById('ms-print-page').textContent")
        for text in ("黄山区民生实事公开", "数据截至2024年12月底", site["sample_data_banner"], page.url,
                     f"打印日期：{today.year}年{today.month}月{today.day}日", "counter(page)", "counter(pages)"):
            assert text in margins, (path.parent.name, text)
        if artifacts:
            (artifacts / f"item-{path.parent.name}-print.pdf").write_bytes(pdf)
        page.context.close()


def test_the_checks_fail_on_a_broken_page(browser, built_site, tmp_path):
    """A page that asks another host and has unreadable text must fail both checks."""
    broken = tmp_path / "site"
    shutil.copytree(built_site, broken, copy_function=os.link)  # hard links: the one file changed is replaced
    path = broken / "2024" / "items" / "28" / "index.html"
    html = path.read_text(encoding="utf-8").replace(
        "<article", '<p style="color:#ccc;background:#fff">看不清的字</p><img src="http://example.invalid/x.png"><article', 1)
    path.unlink()  # a new file, not the built site's, which the other tests read
    path.write_text(html, encoding="utf-8")
    server = serve(broken)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        page = open_page(browser, url + "2024/items/28/", 360, 740)
        assert foreign_requests(page, url) == ["http://example.invalid/x.png"]
        violations = axe_violations(page, AXE)
        assert any(v.startswith("color-contrast") for v in violations)
        assert any(v.startswith("image-alt") for v in violations)
        page.context.close()
    finally:
        server.shutdown()


def test_the_record_sorts_by_a_column_with_gaps_last_and_back_to_the_lists_order(browser, site_url, built_site):
    """年度完成情况 at desktop width: 进度 pressed once sorts the rows from least to most progress, again from most
    to least, a row without a figure last both times; 项目 puts the list's order back. Checked against record.csv."""
    import csv

    with (built_site / "2024" / "downloads" / "data" / "record.csv").open(encoding="utf-8-sig", newline="") as handle:
        record = list(csv.DictReader(handle))
    order = [row["title"] for row in record]
    progress = {row["title"]: float(row["progress"]) if row["progress"] else None for row in record}
    page = open_page(browser, site_url + PAGES["record"], *SIZES["desktop"], settled=False)
    titles = "() => [...document.querySelectorAll('.ms-sortable tbody tr td:first-child')].map(td => td.textContent.trim())"

    def shown() -> list[str]:
        return [re.sub(r"^（[^）]+）", "", title) for title in page.evaluate(titles)]  # record.csv: no number

    assert shown() == order
    header = page.locator(".ms-sortable th", has_text="进度").first
    for way, reverse in (("ascending", False), ("descending", True)):
        header.locator("button").click()
        assert header.get_attribute("aria-sort") == way
        known = sorted((t for t in order if progress[t] is not None), key=lambda t: (progress[t] * (-1 if reverse else 1),
                                                                                     order.index(t)))
        assert shown() == known + [t for t in order if progress[t] is None], way
    page.locator(".ms-sortable th", has_text="项目").first.locator("button").click()
    assert shown() == order
    assert axe_violations(page, AXE) == []  # the page, with its header buttons, at desktop width
    assert page.locator(".ms-sort-hint").is_visible()
    page.context.close()
