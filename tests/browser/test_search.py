"""The site's own search, typed into the search box in chromium: a resident's words find the item first, on
the site as MkDocs builds it and as Zensical does.

The items' keywords (data: `keywords`) go into the search index as the page's tags, which Material's search
weighs above titles; without them 适老化改造 found 两癌筛查 first (its title's 适龄 begins with 适). Zensical's
search reads tags only as filters: the build adds them to its index where it weighs them (website/build.py,
weigh_keywords); without that, 适老化改造 and 窝沟封闭 found the 与我有关 page that repeats the item first."""

from __future__ import annotations

import re
import time

import pytest

from browser.checks import SEARCH_UI, open_page
from browser.conftest import ENGINES

# query → the page it must find first
FIRST = {"适老化改造": "2024/items/13/", "窝沟封闭": "2024/items/26/", "两癌筛查": "2024/items/28/"}


def results(page, engine: str) -> list[str]:
    """The result links shown now, each as a path of the site (the search terms that follow `?h=` left out)."""
    hrefs = page.eval_on_selector_all(SEARCH_UI[engine]["results"], "links => links.map(a => a.href)")
    return [href.split("?", 1)[0].split("#", 1)[0] for href in hrefs]


def settled_results(page, engine: str, timeout: float = 15) -> list[str]:
    """The results once they stop changing: typing shows results for each first few characters on the way."""
    deadline, last, since = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < deadline:
        now = results(page, engine)
        if now != last:
            last, since = now, time.monotonic()
        elif now and time.monotonic() - since > 0.6:
            return now
        page.wait_for_timeout(100)
    raise AssertionError(f"the search results did not settle: {last} for {page.input_value(SEARCH_UI[engine]['field'])!r}")


# The search's own words as shown now: its labels, placeholder and titles, its status line (the count of
# results) and its headings; for Zensical's dialog, in its shadow root, whose words portal.js puts in Chinese.
INTERFACE_WORDS = """() => {
  const host = [...document.body.children].find(e => e.shadowRoot);
  const root = host ? host.shadowRoot.querySelector('dialog') : document.querySelector('.md-search');
  const words = [];
  for (const e of [root, ...root.querySelectorAll('*')])
    for (const name of ['aria-label', 'placeholder', 'title']) if (e.getAttribute(name)) words.push(e.getAttribute(name));
  for (const e of root.querySelectorAll('[role=status], .md-search-result__meta, h3, h4, span[id$=-hint]'))
    words.push(e.textContent.trim());
  return words.filter(Boolean);
}"""


@pytest.mark.parametrize("site", ENGINES, indirect=True)
def test_a_residents_words_find_the_item_first(browser, site):
    ui = SEARCH_UI[site.engine]
    page = open_page(browser, site.url, 1280, 800, settled=False)
    page.click(ui["open"])
    page.locator(ui["field"]).wait_for()
    found = {}
    for query in FIRST:
        if page.input_value(ui["field"]):  # clear it as a person does
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
            page.wait_for_function("() => !document.querySelector('.md-search-result__item') && "
                                   "!([...document.body.children].find(e => e.shadowRoot)?.shadowRoot"
                                   ".querySelector('ol[role=listbox] > li'))")
        page.keyboard.type(query)  # Chinese characters come as text input, without key events: Material
        page.keyboard.press("End")  # searches on a key's release, as when an input method ends its composition
        found[query] = settled_results(page, site.engine)[0].removeprefix(site.url)
    assert found == FIRST
    words = page.evaluate(INTERFACE_WORDS)
    assert any("个符合条件的结果" in word for word in words), words
    assert [word for word in words if re.search(r"[A-Za-z]{2,}", word)] == []  # in Chinese, not English
    page.context.close()


def test_the_current_years_item_comes_before_the_same_item_of_a_year_gone_by(browser, two_year_url):
    """With 2025 current and 2024 gone by, the same words find both years' item, this year's first (MkDocs: a past
    year's pages carry a search boost below 1; Zensical, which shows equal matches in its index's order: the past
    years' entries come last, tests/website/test_build.py)."""
    engine = "mkdocs"
    ui = SEARCH_UI[engine]
    page = open_page(browser, two_year_url, 1280, 800, settled=False)
    page.click(ui["open"])
    page.locator(ui["field"]).wait_for()
    page.keyboard.type("适老化改造")
    page.keyboard.press("End")
    found = [url.removeprefix(two_year_url) for url in settled_results(page, engine)]
    assert found[0] == "2025/items/13/" and "2024/items/13/" in found, found
    page.context.close()
