"""年度完成情况: every item of the year in one table, checked against the data files themselves."""

from __future__ import annotations

import csv
import html
import re
from collections import Counter
from pathlib import Path

import yaml

from conftest import DATA, page_text

YEAR = DATA / "2024"


def _rows(site: Path) -> dict[str, list[str]]:
    raw = (site / "2024" / "record" / "index.html").read_text(encoding="utf-8")
    body = raw.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        item = re.search(r'href="\.\./items/([0-9c]+)/"', row).group(1)
        rows[item] = [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    return rows


def _latest_funds() -> dict[str, tuple[float, float, float]]:
    """Each item's money in the year's last funds file, summed over its sources, straight from the CSV."""
    last = sorted((YEAR / "funds").glob("*.csv"))[-1]
    money: dict[str, list[float]] = {}
    with last.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            sums = money.setdefault(row["项目编号"], [0.0, 0.0, 0.0])
            for index, column in enumerate(("年度计划（万元）", "累计到位（万元）", "累计拨付（万元）")):
                sums[index] += float(row[column] or 0)
    return {item: tuple(round(v, 2) for v in values) for item, values in money.items()}


def test_every_item_is_one_row_with_its_money_problems_and_corrections(built_site: Path) -> None:
    rows = _rows(built_site)
    items = {yaml.safe_load(p.read_text(encoding="utf-8"))["id"] for p in (YEAR / "items").glob("*.yaml")}
    assert set(rows) == items
    problems = yaml.safe_load((YEAR / "problems.yaml").read_text(encoding="utf-8"))["problems"]
    registered = Counter(str(p["item"]) for p in problems)
    closed = Counter(str(p["item"]) for p in problems if p.get("closed"))
    corrections = Counter(str(r["item"]) for r in yaml.safe_load((YEAR / "revisions.yaml").read_text(encoding="utf-8"))["revisions"])
    funds = _latest_funds()
    assert registered and corrections and any(item not in registered for item in items)
    for item, cells in rows.items():
        _, status, progress, expected, planned, in_place, disbursed, problem, correction = cells
        assert problem == (f"登记 {registered[item]} 个，已销号 {closed[item]} 个" if registered[item] else "未登记问题"), item
        assert correction == (f"{corrections[item]} 处" if corrections[item] else "无更正"), item
        if item in funds:
            assert [float(v.replace(",", "")) for v in (planned, in_place, disbursed)] == list(funds[item]), item
        else:
            assert (planned, in_place, disbursed) == ("无资金数据", "—", "—"), item
            assert "暂无资金数据" in page_text(built_site, f"2024/items/{item}")
        headline = page_text(built_site, f"2024/items/{item}").split("\n", 3)
        assert status.split(" ", 1)[1] in "".join(headline), item
        if progress != "—":
            assert f"进度 {progress}，序时进度 {expected}" in page_text(built_site, f"2024/items/{item}"), item


def test_the_csv_holds_the_same_rows(built_site: Path) -> None:
    rows = _rows(built_site)
    with (built_site / "2024" / "downloads" / "data" / "record.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = {r["item"]: r for r in csv.DictReader(handle)}
    assert set(table) == set(rows)
    for item, cells in rows.items():
        assert table[item]["status"] == cells[1].split(" ", 1)[1]
        assert int(table[item]["problems"]) == (0 if cells[7] == "未登记问题" else int(cells[7].split()[1]))
        assert int(table[item]["corrections"]) == (0 if cells[8] == "无更正" else int(cells[8].split()[0]))


def test_after_the_last_deadline_the_home_page_leads_with_the_record(built_site: Path) -> None:
    home = page_text(built_site, "")
    first = home.split("## ", 1)[0] if "## " in home else home
    sections = re.findall(r'<h2 id="[^"]*">([^<]+)', (built_site / "index.html").read_text(encoding="utf-8"))
    assert sections[0] == "年度完成情况", sections
    assert 'href="2024/record/"' in (built_site / "index.html").read_text(encoding="utf-8")
    assert first
