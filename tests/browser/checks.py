"""What the browser tests check on a page: requests, accessibility, weight. Each returns its findings."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlparse

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BUDGET = 120 * 1024  # bytes, gzip-compressed, first visit, search index aside


def open_page(browser, url: str, width: int, height: int, *, settled: bool = True, **context):
    """A new page at `url`, with every request it made recorded on page.requests. With `settled`, it waits
    until the network has been quiet for half a second (the search worker fetches its scripts after the
    load event), as the checks of requests need; otherwise only for the load event."""
    page = browser.new_context(viewport={"width": width, "height": height}, **context).new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(url)
    if settled:
        page.wait_for_load_state("networkidle")
    return page


def foreign_requests(page, site_url: str) -> list[str]:
    host = urlparse(site_url).netloc
    return [url for url in page.requests if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != host]


def axe_violations(page, axe: Path) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page as it is now (axe is added to the page once)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe))
    # resultTypes: only violations are reported in full; passes and the like are not collected node by node.
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", WCAG)
    return [f"{v['id']}: {v['nodes'][0]['target']} {v['nodes'][0]['failureSummary'][:160]}" for v in result["violations"]]


def first_visit_weight(requests: list[str], site_url: str, site: Path) -> dict[str, int]:
    """Each file a page loaded from the site (`requests`: its URLs), as gzip would serve it (the search
    index left out)."""
    weights = {}
    for url in requests:
        parsed = urlparse(url)
        if not url.startswith(site_url) or parsed.path.endswith("search_index.json"):
            continue
        path = site / parsed.path.lstrip("/")
        if path.is_dir() or parsed.path.endswith("/"):
            path = path / "index.html"
        if path.is_file():
            weights[parsed.path] = len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
    return weights
