"""What the browser tests check on a page: requests, accessibility, weight. Each returns its findings."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlparse

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BUDGET = 120 * 1024  # bytes, gzip-compressed, first visit, search index aside


def open_page(browser, url: str, width: int, height: int, **context):
    """A new page at `url`, with every request it made recorded on page.requests."""
    page = browser.new_context(viewport={"width": width, "height": height}, **context).new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


def foreign_requests(page, site_url: str) -> list[str]:
    host = urlparse(site_url).netloc
    return [url for url in page.requests if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != host]


def axe_violations(page, axe: Path) -> list[str]:
    page.add_script_tag(path=str(axe))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [f"{v['id']}: {v['nodes'][0]['target']} {v['nodes'][0]['failureSummary'][:160]}" for v in result["violations"]]


def first_visit_weight(page, site_url: str, site: Path) -> dict[str, int]:
    """Each file the page loaded from the site, as gzip would serve it (the search index left out)."""
    weights = {}
    for url in page.requests:
        parsed = urlparse(url)
        if not url.startswith(site_url) or parsed.path.endswith("search_index.json"):
            continue
        path = site / parsed.path.lstrip("/")
        if path.is_dir() or parsed.path.endswith("/"):
            path = path / "index.html"
        if path.is_file():
            weights[parsed.path] = len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
    return weights
