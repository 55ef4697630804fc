"""The data folder read as one DataFolder: every file with where it came from, and the year the site shows,
which a new year's drafts (review lines, 待核对) never replace."""

from __future__ import annotations

from conftest import DATA, add_shifted_year
from minsheng.load.data_folder import load_data_folder


def test_the_shipped_folder_loads_with_the_source_of_every_file():
    folder, problems = load_data_folder(DATA)
    assert [p for p in problems if p.severity == "error"] == []
    assert sorted(folder.years) == [2024] and folder.root == DATA
    year = folder.years[2024]
    assert len(year.items) == 51 and year.months and year.ledger.entries
    assert folder.site_source.path.name == "site.yaml" and folder.units_source.path.name == "units.yaml"
    assert folder.shown_year is year and not folder.is_draft(year)


def test_a_new_years_drafts_never_replace_the_year_shown(data_copy):
    new = add_shifted_year(data_copy)
    assert load_data_folder(data_copy)[0].shown_year.year == new
    item = data_copy / str(new) / "items" / "01.yaml"
    item.write_text(item.read_text(encoding="utf-8") + "review:\n  - 核对目标值\n", encoding="utf-8")
    folder, _ = load_data_folder(data_copy)
    assert folder.is_draft(folder.years[new]) and folder.shown_year.year == new - 1


def test_a_year_naming_a_unit_still_under_review_is_a_draft(data_copy):
    new = add_shifted_year(data_copy)
    units = data_copy / "units.yaml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("  - id: hrss\n", "  - id: hrss\n    review: [核对单位名称]\n", 1), encoding="utf-8")
    folder, _ = load_data_folder(data_copy)
    assert folder.is_draft(folder.years[new]) and folder.is_draft(folder.years[new - 1])  # item 01 names it
    assert folder.shown_year is None
