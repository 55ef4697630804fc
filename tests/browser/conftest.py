"""A real browser (Debian's chromium, driven by Playwright) against the built site served on localhost."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, SITE_URL

# Debian's chromium as Playwright runs it headless by default: its headless shell (package chromium-headless-shell,
# built from the same source as chromium), which draws, prints and runs scripts as chromium does without the
# desktop browser around it. It starts and opens pages in about 60% of the time the whole browser takes here.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell")
AXE = ROOT / "tools" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def require(condition: bool, message: str) -> None:
    """Skip locally when a tool is missing; under CI=true a missing tool is a failure."""
    if not condition:
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D401 - keep test output clean
        pass


def serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


PREFIX = urlsplit(SITE_URL).path  # /msss/: the path the site is published under


class _Prefixed(_Quiet):
    """The site under PREFIX only, as a web server serves it at the office's address: nothing outside the
    path, and the site's own 404.html (with status 404) for any address it does not have. `extra_headers` are
    added to every response (the sample nginx configuration's, in the tests of deploy/)."""

    extra_headers: dict[str, str] = {}

    def translate_path(self, path: str) -> str:
        if path.split("?", 1)[0].startswith(PREFIX):
            return super().translate_path("/" + path[len(PREFIX):])
        return os.path.join(self.directory, "__outside_the_path__", "missing")  # no such file: a 404

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


NGINX = ROOT / "deploy" / "nginx.conf"


def nginx_headers() -> dict[str, str]:
    """The sample nginx configuration's add_header lines (comments aside): name → value."""
    import re

    found = {}
    for line in NGINX.read_text(encoding="utf-8").splitlines():
        match = re.match(r'\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;', line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def serve_prefixed(folder: Path, headers: dict[str, str] | None = None):
    handler = type("Handler", (_Prefixed,), {"extra_headers": dict(headers or {})})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def prefixed_url(addressed_site):
    """The site built with an address (SITE_URL) served under its path, /msss/, on localhost, with the security
    headers of the sample nginx configuration (deploy/nginx.conf)."""
    server = serve_prefixed(addressed_site, nginx_headers())
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site):
    server = serve(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def two_year_url(two_year_site):
    """The site with a second year (2025, the current one; conftest.two_year_site), served."""
    server = serve(two_year_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def zensical_url(zensical_site):
    server = serve(zensical_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


# The engines a test runs on, for `@pytest.mark.parametrize("site", ENGINES, indirect=True)`.
ENGINES = ["mkdocs", "zensical"]


@dataclass(frozen=True)
class Site:
    engine: str
    url: str  # served on localhost
    folder: Path


@pytest.fixture
def site(request) -> Site:
    """The site built by the engine the test is parametrized with (MkDocs unless it is), served."""
    engine = getattr(request, "param", "mkdocs")
    if engine == "mkdocs":
        return Site(engine, request.getfixturevalue("site_url"), request.getfixturevalue("built_site"))
    return Site(engine, request.getfixturevalue("zensical_url"), request.getfixturevalue("zensical_site"))


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).exists(), f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium-headless-shell)")
    require(AXE.exists(), "axe-core is not installed (npm ci --prefix tools; make test does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path | None:
    """Where screenshots and printed PDFs go for a person to look at, when asked for with SCREENSHOTS=1
    (`SCREENSHOTS=1 make test`); otherwise none are taken, which saves a quarter of the browser tests' time."""
    if os.environ.get("SCREENSHOTS") != "1":
        return None
    folder = ARTIFACTS / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder
