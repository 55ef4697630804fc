"""The site as Zensical builds it (`minsheng build --engine zensical`) against the site as MkDocs builds it, from
the same data and the same generated folder: the same pages with the same text, the overrides' parts on every
page alike, and every file the project writes (charts, downloads, open data, feed, stylesheet, script) byte for
byte. What differs is the theme's own files (scripts, stylesheets, icons) and the search index, each engine's own;
the search is tested in the browser on both (tests/browser/test_search.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import shipped

PLAN, _ = shipped()
YEAR = PLAN.years[max(PLAN.years)]

# Each engine's own files: the theme's scripts, stylesheets and images, the search index and the sitemap.
ENGINES_OWN = re.compile(r"^(assets/(javascripts|stylesheets|images)/|search/|search\.json$|sitemap\.xml)")
# The parts of a page that the overrides write (overrides/main.html), as each engine renders them.
OVERRIDDEN = {
    "banner and 长辈模式": re.compile(r'<div class="ms-topbar">.*?</div>', re.S),
    "footer": re.compile(r'<footer class="md-footer">.*?</footer>', re.S),
    "meta tags": re.compile(r'<meta name="(?:Site|Column|Article|PubDate|ContentSource)[^>]*>'),
    "feed link": re.compile(r'<link rel="alternate" type="application/atom\+xml"[^>]*>'),
    "portal.css and portal.js": re.compile(r'<link rel="stylesheet" href="[./]*assets/portal\.css">|'
                                           r'<script src="[./]*assets/portal\.js"></script>'),
    "title and language": re.compile(r"<title>[^<]*</title>|<html [^>]*>"),
}


def same_link(html_part: str) -> str:
    """Relative links written alike: Zensical writes ./x/ where MkDocs writes x/, and ././ for ./."""
    return re.sub(r'(href|src)="(?:\./)+', r'\1="', html_part)


def pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def article_text(site: Path, page: str) -> str:
    raw = (site / page).read_text(encoding="utf-8")
    body = raw.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def own_files(site: Path) -> dict[str, bytes]:
    """Every file but the pages and the engine's own, by its path in the site."""
    return {path: (site / path).read_bytes() for path in
            sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
            if not path.endswith(".html") and not ENGINES_OWN.match(path)}


def test_both_engines_build_the_same_pages_with_the_same_text(built_site, zensical_site):
    mkdocs, zensical = pages(built_site), pages(zensical_site)
    assert zensical == mkdocs
    assert {f"2024/items/{item.id}/index.html" for item in YEAR.items} < set(mkdocs) and "404.html" in mkdocs
    differ = [page for page in mkdocs if article_text(zensical_site, page) != article_text(built_site, page)]
    assert differ == []
    assert "（十三）大力推进社区居家养老服务" in article_text(zensical_site, "2024/items/13/index.html")


def test_the_overrides_write_the_same_parts_on_every_page(built_site, zensical_site):
    differ = {}
    for page in pages(built_site):
        raw = {engine: (site / page).read_text(encoding="utf-8")
               for engine, site in (("mkdocs", built_site), ("zensical", zensical_site))}
        for part, pattern in OVERRIDDEN.items():
            found = {engine: [same_link(part) for part in pattern.findall(text)] for engine, text in raw.items()}
            if found["zensical"] != found["mkdocs"] or (not found["mkdocs"] and part != "meta tags"):
                differ.setdefault(page, []).append(part)
    assert differ == {}
    item = (zensical_site / "2024" / "items" / "13" / "index.html").read_text(encoding="utf-8")
    assert PLAN.site.sample_data_banner in item and 'id="ms-elder-toggle"' in item and 'href="tel:12345"' in item
    assert '<meta name="ArticleTitle" content="（十三）大力推进社区居家养老服务">' in item
    assert 'class="md-tags"' not in item and 'name="__palette"' not in item  # the empty partials


def test_downloads_charts_and_open_data_are_byte_identical(built_site, zensical_site):
    mkdocs, zensical = own_files(built_site), own_files(zensical_site)
    assert sorted(zensical) == sorted(mkdocs)
    for path in ("datapackage.json", "2024/downloads/datapackage.json", "feed.xml", "2024/api/items/13.json", "assets/portal.css", "assets/portal.js"):
        assert path in mkdocs
    assert any(path.startswith("2024/charts/") and path.endswith(".svg") for path in mkdocs)
    assert any(path.startswith("2024/downloads/data/") and path.endswith(".xlsx") for path in mkdocs)
    assert [path for path in mkdocs if zensical[path] != mkdocs[path]] == []


def test_the_zensical_build_leaves_no_cache_and_nothing_in_the_work_folder_but_its_input(zensical_site):
    """Zensical writes its site and a .cache/ beside its configuration, in the work folder: the site is moved
    out to --out, the cache removed (every build starts from nothing)."""
    work = zensical_site.parent / "work"
    assert sorted(path.name for path in work.iterdir()) == ["docs", "fills.json", "jieba_user.txt", "mkdocs.yml"]
