"""The site at the office's own address (issue 23): with site.yaml's 网站地址 filled, a sitemap of every page
under it, canonical links, absolute feed links, and a 404 page whose assets load under the address's path;
while it is a placeholder, `validate` lists it and the site claims no address."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import SITE_URL
from minsheng.validate import validate_data

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PATH = urlsplit(SITE_URL).path  # /msss/


def _pages(site: Path) -> set[str]:
    """Every page of a built site as its address under SITE_URL (the 404 page is no page to list)."""
    return {SITE_URL + p.parent.relative_to(site).as_posix().removeprefix(".") + ("/" if p.parent != site else "")
            for p in site.rglob("index.html")}


def test_the_sitemap_lists_every_page_under_the_address(addressed_site):
    locs = [loc.text for loc in ET.parse(addressed_site / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    pages = _pages(addressed_site)
    assert len(pages) > 60 and SITE_URL in pages and f"{SITE_URL}2024/items/01/" in pages
    assert sorted(locs) == sorted(pages)


def test_every_page_names_its_canonical_address(addressed_site):
    for page in addressed_site.rglob("index.html"):
        raw = page.read_text(encoding="utf-8")
        found = re.findall(r'<link rel="canonical" href="([^"]*)"', raw)
        expected = SITE_URL + page.parent.relative_to(addressed_site).as_posix().removeprefix(".")
        assert found and found[0].rstrip("/") == expected.rstrip("/"), page


def test_the_feed_links_are_absolute_under_the_address(addressed_site):
    root = ET.parse(addressed_site / "feed.xml").getroot()
    links = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert len(links) > 3 and f"{SITE_URL}feed.xml" in links and f"{SITE_URL}2024/bulletins/2024-04/" in links
    assert all(link.startswith(SITE_URL) for link in links), links


def test_the_404_page_loads_its_assets_under_the_address_path(addressed_site):
    raw = (addressed_site / "404.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:href|src)="([^"#]+)"', raw)
    local = [r for r in refs if not re.match(r"(https?:|tel:|mailto:)", r)]
    assets = [r for r in local if "/assets/" in r]
    assert any(r.endswith(".css") for r in assets) and any(r.endswith(".js") for r in assets)
    assert all(r.startswith(PATH) for r in local), [r for r in local if not r.startswith(PATH)]
    for ref in assets:  # each one is a file of the built site
        assert (addressed_site / ref.removeprefix(PATH)).is_file(), ref


def test_without_an_address_there_is_no_sitemap_entry_and_the_feed_stays_relative(built_site):
    assert "<loc>" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    root = ET.parse(built_site / "feed.xml").getroot()
    assert not any(link.get("href").startswith("http") for link in root.iter(f"{ATOM}link"))


def test_validate_lists_the_unfilled_address_and_refuses_one_that_is_no_web_address(data_copy):
    _, report = validate_data(data_copy)
    assert any(p.code == "placeholder" and p.field and "网站地址" in p.field for p in report.problems)
    site_yaml = data_copy / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    site_yaml.write_text(re.sub(r"(?m)^site_url: .*$", "site_url: www.example.gov.cn/msss", text), encoding="utf-8")
    _, report = validate_data(data_copy)
    wrong = [p for p in report.problems if p.code == "site-url"]
    assert len(wrong) == 1 and wrong[0].severity == "error" and wrong[0].line == text[:text.index("site_url:")].count("\n") + 1
    assert not any(p.code == "placeholder" and p.field and "网站地址" in p.field for p in report.problems)


@pytest.mark.parametrize("url, expected", [("https://www.example.gov.cn/msss", "https://www.example.gov.cn/msss/"),
                                           ("待填写：网站地址", None)])
def test_the_address_ends_in_a_slash_and_a_placeholder_is_none(url, expected):
    from minsheng.compute.contact import site_url
    from minsheng.load.data_folder import load_data_folder
    from conftest import DATA

    site = load_data_folder(DATA)[0].site.model_copy(update={"site_url": url})
    assert site_url(site) == expected
