"""Every internal link and anchor in the built site resolves (beyond what mkdocs --strict checks)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.links.append(attrs[name])


def parse(path):
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_and_anchor_resolves(built_site):
    pages = {p.relative_to(built_site).as_posix(): p for p in built_site.rglob("*.html")}
    parsed = {name: parse(path) for name, path in pages.items()}
    broken = []
    checked = 0
    for name, page in parsed.items():
        if name == "404.html":  # served at any depth: its links are written from the site's root
            continue
        for link in page.links:
            url = urlsplit(urljoin(f"http://site/{name}", link))
            if url.netloc != "site":
                continue
            target = unquote(url.path).lstrip("/")
            if not target or target.endswith("/") or (built_site / target).is_dir():
                target = f"{target.rstrip('/')}/index.html".lstrip("/")
            checked += 1
            if not (built_site / target).is_file():
                broken.append(f"{name}: {link}")
            elif url.fragment and target.endswith(".html") and url.fragment not in parsed[target].ids:
                broken.append(f"{name}: {link} (anchor)")
    assert checked > 1000
    assert broken == []


def test_no_markdown_link_was_left_unrendered(built_site):
    for path in built_site.rglob("*.html"):
        text = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))
        assert not re.search(r"\]\((?:\.\./|[a-z]+/)[^)]*\.md\)", text), path
