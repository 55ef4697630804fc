"""One item, one number: the city-level item (c01, numbered like the district's last item) says （市级）
wherever it is listed, linked, spoken or printed (issue 30)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from conftest import page_text

CITY = "2024/items/c01/"


class _CityLinks(HTMLParser):
    """The text of every link on a page, by the address it opens."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page, self.open, self.found = page, [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            url = urlsplit(urljoin(f"http://site/{self.page}", href))
            path = "" if url.fragment else url.path.lstrip("/")  # a link to a section of the page is not a listing
            self.open.append([path, ""])

    def handle_data(self, data):
        for link in self.open:
            link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self.open:
            self.found.append(tuple(self.open.pop()))


def test_every_link_to_the_city_level_item_says_so(built_site):
    checked, bare = 0, []
    for path in sorted(built_site.rglob("*.html")):
        name = path.relative_to(built_site).as_posix()
        if name == "404.html":
            continue
        parser = _CityLinks(name)
        parser.feed(path.read_text(encoding="utf-8"))
        for target, text in parser.found:
            if target in (CITY, CITY + "index.html") and text.strip():
                checked += 1
                if "（市级）" not in text:
                    bare.append((name, text.strip()))
    assert checked >= 5
    assert bare == []


def test_the_city_level_item_names_itself_so_in_its_title_search_and_script(built_site):
    import json

    raw = (built_site / CITY / "index.html").read_text(encoding="utf-8")
    title = html.unescape(re.search(r"<title>(.*?)</title>", raw, re.S).group(1))
    h1 = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", raw, re.S).group(1)))
    name = "（五十）实施全民健身设施补短板工程（市级）"
    assert name in title and name in h1
    text = page_text(built_site, CITY.rstrip("/"))
    assert f"请说明要问的是“{name}”" in text  # what to say to 12345
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [d["title"].replace("\u200b", "") for d in index["docs"] if d["location"] == CITY]
    assert titles and all(name in t for t in titles), titles


def test_the_downloads_list_the_city_level_item_as_the_pages_do(built_site):
    """items and 年度完成情况 (record), in each format: its title with （市级）, its category by the name the site
    uses (not the notice's 拟安排); no other item's title says 市级."""
    import csv
    import json

    from openpyxl import load_workbook

    folder = built_site / "2024" / "downloads" / "data"
    for table in ("items", "record"):
        with (folder / f"{table}.csv").open(encoding="utf-8-sig", newline="") as handle:
            csv_rows = list(csv.DictReader(handle))
        json_rows = json.loads((folder / f"{table}.json").read_text(encoding="utf-8"))
        sheet = load_workbook(folder / f"{table}.xlsx", read_only=True).worksheets[0]
        header, *cells = [list(row) for row in sheet.iter_rows(values_only=True)]
        for rows in (csv_rows, json_rows):
            city = [row for row in rows if row["item"] == "c01"]
            assert [(row["title"], row["category"]) for row in city] == [("实施全民健身设施补短板工程（市级）", "市级民生实事")]
            assert [row["item"] for row in rows if "市级" in row["title"]] == ["c01"], table
        assert any("实施全民健身设施补短板工程（市级）" in row for row in cells), table
