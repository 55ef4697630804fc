"""The site's own search, typed into the search box in chromium: a resident's words find the item first.

The items' keywords (data: `keywords`) go into the search index as the page's tags, which the theme's search
weighs above titles; without them 适老化改造 found 两癌筛查 first (its title's 适龄 begins with 适)."""

from __future__ import annotations

import time

from browser.checks import open_page

# query → the page it must find first
FIRST = {"适老化改造": "items/13/", "窝沟封闭": "items/26/", "两癌筛查": "items/28/"}


def results(page) -> list[str]:
    """The result links shown now, each as a path of the site (the search terms that follow `?h=` left out)."""
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return [href.split("?", 1)[0].split("#", 1)[0] for href in hrefs]


def settled_results(page, timeout: float = 15) -> list[str]:
    """The results once they stop changing: typing shows results for each first few characters on the way."""
    deadline, last, since = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < deadline:
        now = results(page)
        if now != last:
            last, since = now, time.monotonic()
        elif now and time.monotonic() - since > 0.6:
            return now
        page.wait_for_timeout(100)
    raise AssertionError(f"the search results did not settle: {last} for {page.input_value('input.md-search__input')!r}")


def test_a_residents_words_find_the_item_first(browser, site_url):
    page = open_page(browser, site_url, 1280, 800, settled=False)
    page.click("input.md-search__input")
    found = {}
    for query in FIRST:
        if page.input_value("input.md-search__input"):  # clear it as a person does
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
            page.wait_for_function("!document.querySelector('.md-search-result__item')")
        page.keyboard.type(query)  # Chinese characters come as text input, without key events: the theme
        page.keyboard.press("End")  # searches on a key's release, as when an input method ends its composition
        found[query] = settled_results(page)[0].removeprefix(site_url)
    assert found == FIRST
    page.context.close()
