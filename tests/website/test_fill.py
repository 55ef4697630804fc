"""website/fill.py: the tables of figures, written as HTML by render/ (templates/tables.html.j2), put into the built pages where
the engine left their places; on the real builds of both engines, and on a site made by hand for what must stop a
build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import shipped
from minsheng.compute.portal import portals
from minsheng.website.fill import FillError, fill_tables

PLAN, _ = shipped()
VIEWS = portals(PLAN).current.overview.items
PLACE = '<p><ms-fill data-key="{}"></ms-fill></p>'


def site_with(tmp_path: Path, pages: dict[str, str], fills: dict[str, dict[str, str]]) -> tuple[Path, Path]:
    site = tmp_path / "site"
    for page, html in pages.items():
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(html, encoding="utf-8")
    (tmp_path / "fills.json").write_text(json.dumps(fills, ensure_ascii=False), encoding="utf-8")
    return site, tmp_path / "fills.json"


def files(site: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_each_place_gets_its_own_table_and_nothing_else_changes(tmp_path):
    page = f"<details>{PLACE.format('progress')}</details><p>文字</p><details>{PLACE.format('funds')}</details>"
    other = "<p>没有表格的页面</p>"
    site, fills = site_with(tmp_path, {"2024/items/01/index.html": page, "about/index.html": other},
                            {"2024/items/01/index.html": {"progress": "<table>进度</table>", "funds": "<table>资金</table>"}})
    fill_tables(site, fills)
    assert (site / "2024/items/01/index.html").read_text(encoding="utf-8") == \
        "<details><table>进度</table></details><p>文字</p><details><table>资金</table></details>"
    assert (site / "about/index.html").read_text(encoding="utf-8") == other  # a page that shows no table is left


def test_a_link_to_the_open_data_becomes_the_link_mkdocs_wrote(tmp_path):
    """The open data is written beside the engine, so no engine checks or rewrites a link to it: the page holds
    <ms-link data-href>, made here into the <a href> MkDocs wrote for the same Markdown link."""
    page = ('<p><ms-img data-alt="折线图：进度（%）" data-src="../../charts/item-01.svg"></ms-img></p>'
            '<p>图注<ms-link data-href="../../downloads/charts/item-01.csv">下载图表数据（CSV）</ms-link></p>'
            f'<details>{PLACE.format("progress")}</details>')
    site, fills = site_with(tmp_path, {"2024/items/01/index.html": page, "2024/downloads/index.html":
                                       '<td><ms-link data-href="data/items.csv"><span class="ms-sr">项目 </span>CSV</ms-link></td>'},
                            {"2024/items/01/index.html": {"progress": "<table>进度</table>"}, "2024/downloads/index.html": {}})
    fill_tables(site, fills)
    assert (site / "2024/items/01/index.html").read_text(encoding="utf-8") == \
        ('<p><img alt="折线图：进度（%）" src="../../charts/item-01.svg" /></p>'
         '<p>图注<a href="../../downloads/charts/item-01.csv">下载图表数据（CSV）</a></p><details><table>进度</table></details>')
    assert (site / "2024/downloads/index.html").read_text(encoding="utf-8") == \
        '<td><a href="data/items.csv"><span class="ms-sr">项目 </span>CSV</a></td>'


@pytest.mark.parametrize("pages, fills, said", [
    ({"a/index.html": PLACE.format("funds")}, {"a/index.html": {"progress": "<table></table>"}}, "位置（funds）"),
    # the engine dropped the place: the table would be lost without a word
    ({"a/index.html": "<p>文字</p>"}, {"a/index.html": {"progress": "<table></table>"}}, "位置（没有）"),
    ({"a/index.html": '<ms-fill data-key="progress"></ms-fill>'}, {"a/index.html": {"progress": "<table></table>"}},
     "不是引擎应写成的样子"),
    ({}, {"a/index.html": {"progress": "<table></table>"}}, "没有页面 a/index.html"),
    # a link the engine changed (or a template wrote by hand) would be left as an element no browser follows
    ({"a/index.html": '<ms-link href="x.csv">CSV</ms-link>'}, {"a/index.html": {}}, "有链接不是引擎应写成的样子"),
    ({"a/index.html": '<ms-link data-href="x.csv">CSV'}, {"a/index.html": {}}, "有链接不是引擎应写成的样子"),
    ({"a/index.html": '<p><ms-img data-src="x.svg" data-alt="图"></ms-img></p>'}, {"a/index.html": {}}, "有图片不是引擎应写成的样子"),
])
def test_a_place_without_its_table_or_a_table_without_its_place_stops_the_build(tmp_path, pages, fills, said):
    site, path = site_with(tmp_path, pages, fills)
    before = files(site)
    with pytest.raises(FillError) as raised:
        fill_tables(site, path)
    assert said in str(raised.value) and str(raised.value).startswith("构建出错")
    assert files(site) == before


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_item_page_of_both_engines_shows_its_months_in_full(engine, built_site, zensical_site):
    site = built_site if engine == "mkdocs" else zensical_site
    pages = sorted(site.rglob("*.html"))
    assert [p for p in pages if "<ms-" in p.read_text(encoding="utf-8")] == []  # no place nor link left
    shown = {"progress": 0, "funds": 0}
    for view in VIEWS:
        html = (site / "2024" / "items" / view.item.id / "index.html").read_text(encoding="utf-8")
        progress = html.split("<th>进展情况</th>", 1)[1].split("</table>", 1)[0] if view.history else ""
        months = re.findall(r"<td>(\d{4}年\d{1,2}月)</td>", progress)
        assert months == [f"2024年{int(m.month[5:])}月" for m in view.history_newest_first], view.item.id
        shown["progress"] += bool(months)
        funds = html.split('<th>月份</th>\n<th style="text-align: right;">年度计划（万元）</th>', 1)[1:]
        if funds:  # an item with money reported: every month of the year a row, a gap one that says so
            assert len(re.findall(r"<tr>", funds[0].split("</table>", 1)[0])) == len(view.funds_by_month), view.item.id
            shown["funds"] += 1
    assert shown["progress"] == len([v for v in VIEWS if v.history]) > 40 and shown["funds"] > 40, shown


def test_the_search_index_has_no_month_rows(built_site):
    """The month rows are figures, given by the page itself, its chart's data and the open data: the index keeps an
    item page's words (its latest month among them), not 12 rows of percentages per item."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = [entry for entry in index["docs"] if entry["location"].startswith("2024/items/")]
    assert len({entry["location"].split("#")[0] for entry in pages}) == len(VIEWS)
    # a month named as a table row names it (2024年3月), not a day (2024年3月4日) nor a month's end (2024年12月底)
    named = {entry["location"]: set(re.findall(r"2024年(\d{1,2})月(?![\d底])", entry["text"].replace("\u200b", "")))
             for entry in pages}
    assert max(len(months) for months in named.values()) <= 1, named  # with the rows, 9 to 12
