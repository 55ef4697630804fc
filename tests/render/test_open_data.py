"""Open data: the package validates with Frictionless, and its files say what the pages show."""

from __future__ import annotations

import csv
import json
import re
import shutil

from frictionless import validate
from openpyxl import load_workbook

from conftest import page_text, shipped
from minsheng.compute.overview import overview

PLAN, _ = shipped()
VIEW = overview(PLAN, PLAN.years[2024])


def rows(path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_data_package_validates(built_site):
    package = json.loads((built_site / "2024" / "downloads" / "datapackage.json").read_text(encoding="utf-8"))
    report = validate(built_site / "2024" / "downloads" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:5]
    assert report.stats["tasks"] == len(package["resources"])
    assert package["licenses"][0]["name"] == PLAN.site.open_data_licence.name


def test_a_broken_file_fails_validation(built_site, tmp_path):
    copy = tmp_path / "downloads"
    shutil.copytree(built_site / "2024" / "downloads", copy)
    path = copy / "data" / "funds.csv"
    text = path.read_text(encoding="utf-8-sig").splitlines()
    cells = text[1].split(",")
    cells[text[0].split(",").index("planned")] = "不是数字"  # a number field
    text[1] = ",".join(cells)
    path.write_text("\ufeff" + "\n".join(text) + "\n", encoding="utf-8")
    assert not validate(copy / "datapackage.json").valid


def test_csv_json_and_xlsx_hold_the_same_rows(built_site):
    folder = built_site / "2024" / "downloads" / "data"
    for path in sorted(folder.glob("*.csv")):
        table = rows(path)
        records = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        sheet = load_workbook(path.with_suffix(".xlsx")).active
        assert len(table) == len(records) == sheet.max_row - 1, path.name
        if table:
            assert list(table[0]) == list(records[0])


def test_files_equal_what_the_pages_show(built_site):
    items = {r["item"]: r for r in rows(built_site / "2024" / "downloads" / "data" / "items.csv")}
    assert list(items) == [v.item.id for v in VIEW.items]
    for view in VIEW.items:
        row = items[view.item.id]
        text = page_text(built_site, f"2024/items/{view.item.id}")
        assert row["title"] in text and row["status"] in text
        if row["progress"]:
            assert f"进度 {float(row['progress']):.1f}%" in text
    funds = [r for r in rows(built_site / "2024" / "downloads" / "data" / "funds.csv") if r["month"] == VIEW.latest_month]
    total = round(sum(float(r["disbursed"]) for r in funds), 2)
    assert f"累计拨付 {total:,.2f} 万元" in page_text(built_site, "2024/funds")
    indicators = rows(built_site / "2024" / "downloads" / "data" / "indicators.csv")
    assert len(indicators) == sum(len(v.item.indicators) for v in VIEW.items)


def test_one_json_per_item_at_a_stable_path(built_site):
    for view in VIEW.items:
        record = json.loads((built_site / "2024" / "api" / "items" / f"{view.item.id}.json").read_text(encoding="utf-8"))
        assert record["id"] == view.item.id and record["source_text"] == view.item.source_text
        assert record["measures"] == view.item.measures
        assert [m["month"] for m in record["months"]] == VIEW.months


def test_every_chart_csv_link_points_into_the_package(built_site):
    package = json.loads((built_site / "2024" / "downloads" / "datapackage.json").read_text(encoding="utf-8"))
    paths = {"downloads/" + r["path"] for r in package["resources"]}
    linked = set()
    for page in built_site.rglob("index.html"):
        for href in re.findall(r'href="([^"]*downloads/charts/[^"]+\.csv)"', page.read_text(encoding="utf-8")):
            linked.add("downloads/charts/" + href.rsplit("downloads/charts/", 1)[1])
    assert linked and linked <= paths
