"""网站地图 (issue 23): a page for people listing every section and every item, category, lead unit, group
and bulletin of the built site, linked from every page's footer."""

from __future__ import annotations

import posixpath
import re

import yaml


MAP = "about/sitemap/"


def _links(raw: str, page: str) -> set[str]:
    """The site paths a page's links lead to, resolved from the page's own path."""
    found = set()
    for href in re.findall(r'<a\b[^>]*\bhref="([^"#?]*)', raw):
        if href and not re.match(r"[a-z]+:", href):
            found.add(posixpath.normpath(posixpath.join(page, href)).lstrip("./") + "/")
    return {p.replace("//", "/") for p in found}


def _article(raw: str) -> str:
    return raw.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def test_the_map_links_every_section_and_every_page_of_the_portal(built_site):
    raw = (built_site / MAP / "index.html").read_text(encoding="utf-8")
    assert "<h1" in raw and "网站地图" in raw
    linked = _links(_article(raw), MAP)
    nav = yaml.safe_load((built_site.parent / "work" / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]  # generated
    sections = {re.sub(r"(index)?\.md$", "", next(iter(entry.values()))) or "." for entry in nav}
    expected = {s if s == "." else s.rstrip("/") + "/" for s in sections}
    # each year's page, and its categories (not every item of every year: the map stays bounded as years pass)
    expected |= {"2024/"} | {p.parent.relative_to(built_site).as_posix() + "/" for folder in ("2024/categories", "groups")
                             for p in (built_site / folder).glob("*/index.html")
                             if not re.search(r"-\d+$", p.parent.name)}  # a list's first page, not its later ones
    linked = {"." if p in ("./", "/") else p for p in linked}
    assert len(expected) > 12 + 11 + 10 and expected - linked == set()
    for path in linked - {"."}:
        assert (built_site / path / "index.html").is_file(), path  # every link leads to a page


def test_every_page_links_the_map_from_its_footer(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        footer = raw.split('<footer class="md-footer">', 1)[1]
        hrefs = re.findall(r'<a href="([^"]*)">网站地图</a>', footer)
        assert len(hrefs) == 1, page
        base = "" if hrefs[0].startswith("/") else page.parent.relative_to(built_site).as_posix()  # 404.html: from /
        target = posixpath.normpath(posixpath.join(base, hrefs[0].lstrip("/")))
        assert (built_site / target / "index.html").is_file(), (page, hrefs[0])
