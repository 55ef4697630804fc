"""The 乡镇 pages (compute/places.py, render/templates/place.md.j2) in the built site: one per 乡镇 of
data/places.yaml, listing what is done there and what is district-wide, with whom to call; its QR code (once the
site's address is set) encodes the page's own address; the places in the open data."""

from __future__ import annotations

import csv
import json
import io
import re
import xml.etree.ElementTree as ET

import segno
import yaml

from conftest import DATA, SITE_URL, page_text, shipped
from minsheng.render.qr import qr_svg
from minsheng.website.build import BESIDE

PLAN, _ = shipped()
YEAR = PLAN.years[max(PLAN.years)]
TASKS = [item for item in YEAR.items if not item.no_task]
HOTLINE = PLAN.site.feedback.hotline
PLACES = yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8"))["places"]


def test_the_places_are_the_districts_nine_towns_and_five_townships():
    assert [p["name"] for p in PLACES if p["kind"] == "镇"] == [
        "甘棠镇", "仙源镇", "汤口镇", "谭家桥镇", "太平湖镇", "焦村镇", "耿城镇", "三口镇", "乌石镇"]
    assert [p["name"] for p in PLACES if p["kind"] == "乡"] == ["新明乡", "龙门乡", "永丰乡", "新华乡", "新丰乡"]


def test_a_page_per_place_lists_every_item_as_district_wide_and_says_why(built_site):
    index = page_text(built_site, "places")
    for place in PLACES:
        assert place["name"] in index
        text = page_text(built_site, f"places/{place['id']}")
        raw = (built_site / "places" / place["id"] / "index.html").read_text(encoding="utf-8")
        assert text.strip().startswith(f"{place['name']}：{YEAR.year}年民生实事")
        # the notice names no place, and the office has not yet: every item with a task is district-wide
        assert "通知没有写明各项目在哪些乡镇实施，区民生办也还没有公布" in text
        assert f"全区实施的项目（{len(TASKS)}项）" in text
        listed = re.findall(r'href="\.\./\.\./2024/items/([0-9c]+)/"', raw)
        assert listed == [item.id for item in TASKS], place["id"]
        assert f'href="tel:{HOTLINE}"' in raw and "数据截至2024年12月底" in text
        assert "二维码" not in raw  # no QR code while site.yaml gives no address
    assert not (built_site / "places" / "qr").exists()


def test_search_by_place_name_finds_its_page(built_site):
    index = yaml.safe_load((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tags = {doc["location"]: doc.get("tags") for doc in index["docs"]}
    for place in PLACES:
        assert tags[f"places/{place['id']}/"] == [place["name"]]


def test_the_qr_code_on_the_printed_sheet_encodes_the_pages_address(addressed_site):
    for place in PLACES:
        url = f"{SITE_URL}places/{place['id']}/"
        raw = (addressed_site / "places" / place["id"] / "index.html").read_text(encoding="utf-8")
        assert f'alt="二维码：{url}" class="ms-place__qr"' in raw and f'src="../qr/{place["id"]}.svg"' in raw, raw[raw.find("二维码") - 100:][:400]
        svg = (addressed_site / "places" / "qr" / f"{place['id']}.svg").read_bytes()
        root = ET.fromstring(svg)  # well-formed SVG
        assert root.tag == "{http://www.w3.org/2000/svg}svg" and len(list(root.iter("{http://www.w3.org/2000/svg}path"))) == 2 and root.get("viewBox")
        assert svg == qr_svg(url)  # made from the page's own address...
        reference = io.BytesIO()  # ...which segno encodes as this very code
        segno.make_qr(url, error="m").save(reference, kind="svg", scale=4, border=4, dark="#000", light="#fff",
                                           title=url, svgclass=None, lineclass=None, omitsize=True)
        assert svg == reference.getvalue() and segno.make_qr(url, error="m").designator.startswith(("1", "2", "3", "4", "5"))


def test_the_places_are_in_the_open_data(built_site):
    rows = list(csv.DictReader(io.StringIO(
        (built_site / "2024" / "downloads" / "data" / "places.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(PLACES) * len(TASKS)
    assert {row["place_name"] for row in rows} == {p["name"] for p in PLACES} and {row["scope"] for row in rows} == {"全区"}


def test_a_village_the_office_lists_is_on_its_towns_page_in_search_and_in_the_open_data(data_copy, tmp_path):
    from conftest import generated_pages, generated_text

    places = data_copy / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8").replace(
        "{id: tangkou, name: 汤口镇, kind: 镇}", "{id: tangkou, name: 汤口镇, kind: 镇, villages: [山岔村]}"), encoding="utf-8")
    for item, where in (("42", "山岔村"), ("31", "汤口镇")):
        path = data_copy / "2024" / "items" / f"{item}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("measures:\n", f"places: [{where}]\nmeasures:\n", 1),
                        encoding="utf-8")
    docs = generated_pages(data_copy, tmp_path / "work")
    page = generated_text(docs, "places/tangkou")
    here = page.split("## 在汤口镇实施的项目", 1)[1].split("## 全区实施的项目", 1)[0]
    lines = {re.search(r"items/(\w+)", line).group(1): line for line in here.splitlines() if "items/" in line}
    assert set(lines) == {"31", "42"} and "实施地点：山岔村" in lines["42"] and "实施地点" not in lines["31"]
    assert "本页也包括办公室已列出的本镇的村和社区：山岔村。" in page
    assert "items/42" not in generated_text(docs, "places/gantang").split("## 全区实施的项目", 1)[1]
    words = {row["url"]: row["words"] for row in json.loads((docs / "assets" / "words.json").read_text(encoding="utf-8"))}
    assert words["places/tangkou/"] == ["汤口镇", "汤口", "山岔村"]
    rows = list(csv.DictReader(io.StringIO(
        (docs.parent / BESIDE / "2024" / "downloads" / "data" / "places.csv").read_text(encoding="utf-8-sig"))))
    mine = {(row["place"], row["item"]): (row["scope"], row["villages"]) for row in rows}
    assert mine["tangkou", "42"] == ("本乡镇", "山岔村") and mine["tangkou", "31"] == ("本乡镇", "")
    assert ("gantang", "42") not in mine and ("gantang", "01") in mine
