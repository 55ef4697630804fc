"""The sample nginx configuration (deploy/nginx.conf, issue 23): its security headers, served with the
address-set build under /msss/, raise no Content-Security-Policy violation and block no request in chromium
on the home page, an item page, a search and a missing page; its script hashes are those of the build's
inline scripts, and its policy allows nothing outside the site."""

from __future__ import annotations

import re

import pytest

from browser.checks import _KEEP_SEARCH_NOTE, SEARCH_READY
from browser.conftest import PREFIX, serve_prefixed
from conftest import ROOT
from minsheng.website.csp import script_hashes

CONF = ROOT / "deploy" / "nginx.conf"
# Every securitypolicyviolation the page raises, kept for the test to read.
_RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


def headers() -> dict[str, str]:
    """The configuration's add_header lines (comments aside): name → value."""
    found = {}
    for line in CONF.read_text(encoding="utf-8").splitlines():
        match = re.match(r'\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;', line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def _policy() -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in headers()["Content-Security-Policy"].split(";")) if d}


def test_the_configuration_serves_the_site_under_its_path_with_its_404_page_caching_and_gzip():
    text = CONF.read_text(encoding="utf-8")
    for needed in ("location /msss/", "error_page 404 /msss/404.html", "gzip on;", "expires 1y;", "root /srv/www;"):
        assert needed in text, needed
    assert set(headers()) == {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"}
    assert headers()["X-Content-Type-Options"] == "nosniff"


def test_the_policy_allows_nothing_outside_the_site_and_no_inline_script_but_the_themes(addressed_site):
    policy = _policy()
    assert policy["default-src"] == ["'self'"] and policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    for directive, sources in policy.items():
        assert not any(s == "*" or re.match(r"(https?:|\*|[\w-]+\.[\w.-]+)", s) for s in sources), (directive, sources)
    scripts = policy["script-src"]
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert sorted(s for s in scripts if s.startswith("'sha256-")) == script_hashes(addressed_site)
    assert len(script_hashes(addressed_site)) >= 3


@pytest.fixture(scope="module")
def guarded_url(addressed_site):
    server = serve_prefixed(addressed_site, headers())
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


def _open(browser, url: str):
    """The page at `url` once the theme's search is ready (its worker has fetched its scripts and index),
    recording every policy violation, console message and failed request."""
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.add_init_script(_KEEP_SEARCH_NOTE)
    page.add_init_script(_RECORD_VIOLATIONS)
    page.console, page.failed = [], []
    page.on("console", lambda message: page.console.append(message.text))
    page.on("requestfailed", lambda request: page.failed.append(f"failed {request.url}"))
    page.on("response", lambda response: response.status >= 400 and page.failed.append(f"{response.status} {response.url}"))
    page.goto(url)
    page.wait_for_function(SEARCH_READY, timeout=15_000)
    return page


def _violations(page) -> list[str]:
    return page.evaluate("window.__violations") + [m for m in page.console if "Content Security Policy" in m]


@pytest.mark.parametrize("path", ["", "items/28/", "items/99/nothing/"])
def test_pages_raise_no_violation_under_the_headers(browser, guarded_url, path):
    page = _open(browser, guarded_url + path)
    served = page.request.get(guarded_url + path).headers  # the test server sends the configuration's headers
    assert {name: served.get(name.lower()) for name in headers()} == headers()
    assert page.failed == ([f"404 {guarded_url + path}"] if "99" in path else []), page.failed
    assert _violations(page) == []
    page.context.close()


def test_a_search_raises_no_violation_under_the_headers(browser, guarded_url):
    page = _open(browser, guarded_url)
    assert page.request.get(guarded_url).headers["content-security-policy"] == headers()["Content-Security-Policy"]
    page.click("input.md-search__input")
    page.keyboard.type("两癌筛查")
    page.keyboard.press("End")
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(timeout=15_000)
    violations = _violations(page)
    first.click()
    page.wait_for_load_state("load")
    assert "/items/" in page.url
    assert violations + _violations(page) == [] and page.failed == []
    page.context.close()
