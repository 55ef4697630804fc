"""Every year at its own address: a build with a second year (2025, made from 2024 by add_shifted_year and
marked as test data) keeps every 2024 page at its address with the same content, and gives 2025 its own."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import page_text
from minsheng.website.bench import TEST_YEAR_NOTE, YEAR


def _files(site: Path, year: int) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in (site / str(year)).rglob("*") if p.is_file())


def test_every_2024_page_keeps_its_address_and_content(built_site: Path, two_year_site: Path) -> None:
    files = _files(built_site, 2024)
    assert len(files) > 200 and "2024/items/01/index.html" in files and "2024/bulletins/2024-09/index.html" in files
    assert not (built_site / "items").exists() and not (built_site / "bulletins").exists()  # no address without a year
    for path in files:
        assert (two_year_site / path).is_file(), f"{path} is gone once 2025 is current"
        if path.endswith("/index.html"):
            page = path.removesuffix("index.html")
            assert page_text(two_year_site, page) == page_text(built_site, page), f"{page} changed once 2025 is current"
        else:  # downloads, charts, api/ files: byte for byte
            assert (two_year_site / path).read_bytes() == (built_site / path).read_bytes(), path


def test_the_second_year_has_its_own_addresses(built_site: Path, two_year_site: Path) -> None:
    for path in _files(built_site, 2024):
        shifted = YEAR.sub(lambda m: str(int(m.group(1)) + 1), path)
        assert (two_year_site / shifted).is_file(), f"{shifted} missing"
    assert TEST_YEAR_NOTE in page_text(two_year_site, "2025/data/")  # the made-up year says so


def test_site_wide_pages_show_the_current_year_and_lead_to_the_others(built_site: Path, two_year_site: Path) -> None:
    home = page_text(two_year_site, "")
    assert home.lstrip().startswith("2025年民生实事进展")
    raw = (two_year_site / "index.html").read_text(encoding="utf-8")
    assert 'href="2024/"' in raw and 'href="2025/"' in raw
    assert "2025年" in page_text(two_year_site, "groups/")
    group = (two_year_site / "groups/elderly/index.html").read_text(encoding="utf-8")
    assert 'href="../../2025/items/' in group and "2024/items/" not in group
    sitemap = page_text(two_year_site, "about/sitemap/")
    assert "2024年" in sitemap and "2025年" in sitemap
    # nav leads to the current year's sections
    assert 'href="2025/funds/"' in raw and 'href="2024/funds/"' not in raw
    compared = (two_year_site / "years" / "index.html").read_text(encoding="utf-8").split("<article", 1)[1]  # newest first
    assert 0 < compared.index('href="../2025/"') < compared.index('href="../2024/"')
    assert 'href="../2025/categories/employment/"' in compared and 'href="../2024/categories/employment/"' in compared


def test_every_year_page_has_the_year_switch(two_year_site: Path) -> None:
    for year in (2024, 2025):
        pages = [p for p in (two_year_site / str(year)).rglob("index.html")]
        assert pages
        for page in pages:
            raw = page.read_text(encoding="utf-8")
            switch = re.search(r'<nav class="ms-years".*?</nav>', raw, re.S)
            assert switch, f"{page} has no year switch"
            assert f'<strong aria-current="page">{year}年</strong>' in switch.group(0)
            other = 2025 if year == 2024 else 2024
            assert re.search(rf'<a href="[./]*{other}/">{other}年</a>', switch.group(0)), page


def test_search_results_and_open_data_say_which_year(two_year_site: Path) -> None:
    import json

    index = json.loads((two_year_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"].replace("\u200b", "") for doc in index["docs"]}
    for year in (2024, 2025):
        assert titles[f"{year}/items/13/"].endswith(f"（{year}年）")  # an item's result names its year
    package = json.loads((two_year_site / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["path"] for r in package["resources"]}
    assert {"2024/downloads/data/items.csv", "2025/downloads/data/items.csv", "2025/downloads/data/record.csv"} <= paths
    assert all(re.match(r"20(24|25)/", path) and r["name"].endswith(path[:4]) and r["title"].startswith(f"{path[:4]}年")
               for r in package["resources"] for path in [r["path"]])
    for path in paths:  # every file it names is there
        assert (two_year_site / path).is_file(), path


def test_every_downloaded_row_and_item_file_names_its_year(two_year_site: Path) -> None:
    """Rows copied out of a year's CSV, or two years' tables put together, still say which year each row is of."""
    import csv
    import json

    for year in (2024, 2025):
        tables = sorted((two_year_site / str(year) / "downloads" / "data").glob("*.csv"))
        assert len(tables) >= 10
        for table in tables:
            with table.open(encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.DictReader(handle))
            assert {row["year"] for row in rows} <= {str(year)}, table
            records = json.loads(table.with_suffix(".json").read_text(encoding="utf-8"))
            assert len(records) == len(rows) and all(record["year"] == year for record in records), table
        items = list((two_year_site / str(year) / "api" / "items").glob("*.json"))
        assert len(items) == 51 and all(json.loads(f.read_text(encoding="utf-8"))["year"] == year for f in items)
