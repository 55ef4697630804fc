"""The portal: everything the site shows, with lists cut and pages split so that no page grows with the list."""

from __future__ import annotations

import re

from conftest import DATA
from minsheng.compute.portal import portals
from minsheng.synthetic.synth import synth
from minsheng.render import write_site
from minsheng.validate import validate_data


def test_pages_stay_bounded_as_items_grow(tmp_path):
    """With more items, lists are cut and category, unit and 与我有关 pages split: the largest list page does not grow.
    (The pattern below sets page_size, group_page_size and record_page_size alike.)"""
    sizes = {}
    for items in (40, 200):
        data = tmp_path / f"synth{items}"
        synth(items, 6, 3, data, DATA)
        rules = data / "rules.yaml"
        text = re.sub(r"list_limit: \d+", "list_limit: 3", rules.read_text(encoding="utf-8"))
        rules.write_text(re.sub(r"page_size: \d+", "page_size: 3", text), encoding="utf-8")
        plan, report = validate_data(data)
        assert report.ok
        computed = portals(plan)
        site = computed.current
        assert all(len(page.items) <= 3 for b in (*site.categories, *site.units) for page in b.pages)
        assert all(len(page.items) <= 3 for audience in site.audiences for page in audience.pages)
        assert max(len(audience.pages) for audience in site.audiences) > 1
        assert len(site.lagging.shown) <= 3 and site.lagging.total == len(site.overview.lagging)
        docs = tmp_path / f"docs{items}"
        write_site(computed, DATA.parent / "content", docs, tmp_path / f"words{items}.txt")
        # (the 网站地图, about/sitemap.md, lists years and categories, not every item: it is bounded too)
        pages = [p for p in docs.rglob("*.md") if "items" not in p.parts]
        sizes[items] = max(p.stat().st_size for p in pages)
        lagging = (docs / "index.md").read_text(encoding="utf-8").split("## 未完成的项目", 1)[1].split("## ", 1)[0]
        assert len(re.findall(r"\]\(2024/items/", lagging)) <= 3
        assert (docs / "2024" / "categories" / "c1-2.md").exists()
    assert sizes[200] < sizes[40] * 1.25, sizes


def test_an_item_carried_on_into_a_new_year_is_linked_both_ways(data_copy, tmp_path):
    """Where the data says a new year's item carries on an earlier one (continues), each page links to the other;
    an item that carries nothing on says nothing of it."""
    from conftest import add_shifted_year, generated_pages, generated_text

    year = add_shifted_year(data_copy)
    item = data_copy / str(year) / "items" / "13.yaml"
    item.write_text(item.read_text(encoding="utf-8") + 'continues:\n  year: 2024\n  item: "13"\n', encoding="utf-8")
    docs = generated_pages(data_copy, tmp_path / "work")
    later, earlier = generated_text(docs, f"{year}/items/13"), generated_text(docs, "2024/items/13")
    title = re.search(r"^# （十三）(.+)（2024年）$", earlier, re.M).group(1)
    assert f"延续自[2024年（十三）{title}](../../2024/items/13.md)。" in later
    assert f"延续到[{year}年（十三）{title}](../../{year}/items/13.md)。" in earlier
    assert "延续" not in generated_text(docs, "2024/items/12") + generated_text(docs, f"{year}/items/12")


def test_the_years_side_by_side_add_up_to_each_years_record(data_copy):
    """历年对比: each year's row and each category's rows come from that year's record (年度完成情况): counts that add
    up to the year's, money summed over the items that reported funds, an item without funds counted apart."""
    from conftest import add_shifted_year
    from minsheng.compute.years import compare_years

    year = add_shifted_year(data_copy)
    plan, report = validate_data(data_copy)
    assert report.ok
    computed = portals(plan)
    compared = compare_years(computed)
    assert [y.year for y in compared.years] == [year, 2024]
    for figures, portal in zip(compared.years, reversed(computed.years)):
        rows = portal.record.rows
        assert figures.items == len(rows) and figures.done == sum(r.view.status == "done" for r in rows)
        assert figures.planned == round(sum(r.money.planned for r in rows if r.money), 2)
        assert figures.without_funds == sum(1 for r in rows if r.money is None)
        by_category = [y for category in compared.categories for y in category.years if y.year == figures.year]
        assert sum(y.items for y in by_category) == figures.items and sum(y.done for y in by_category) == figures.done
        assert round(sum(y.planned or 0 for y in by_category), 2) == figures.planned
    assert all([y.year for y in category.years] == [year, 2024] for category in compared.categories)
