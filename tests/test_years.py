"""A second year's list is data only: a 2025 folder validates and builds with no code change."""

from __future__ import annotations

import shutil

from conftest import generated_pages, generated_text
from minsheng.cli import main


def add_2025(data):
    shutil.copytree(data / "2024", data / "2025", ignore=shutil.ignore_patterns(
        "progress", "funds", "published", "problems.yaml", "releases.yaml", "revisions.yaml"))
    notice = data / "2025" / "notice.yaml"
    text = notice.read_text(encoding="utf-8").replace("year: 2024", "year: 2025")
    for date in ("-04-08", "-06-30", "-10-31", "-12-31"):
        text = text.replace(f"2024{date}", f"2025{date}")
    notice.write_text(text, encoding="utf-8")


def test_a_second_year_validates(data_copy, capsys):
    add_2025(data_copy)
    assert main(["validate", "--data", str(data_copy)]) == 0
    assert "共检查 2 个年度、102 个项目" in capsys.readouterr().out


def test_a_year_folder_must_match_its_notice(data_copy, capsys):
    add_2025(data_copy)
    notice = data_copy / "2025" / "notice.yaml"
    notice.write_text(notice.read_text(encoding="utf-8").replace("year: 2025", "year: 2024"), encoding="utf-8")
    assert main(["validate", "--data", str(data_copy)]) == 1
    assert "data/2025/notice.yaml 第3行第1列：错误[year-mismatch] 字段 年度（year）：年度与文件夹名不一致" in capsys.readouterr().out


def test_the_site_shows_the_latest_year_even_before_its_first_report(data_copy, tmp_path):
    """(A year with no report yet built by MkDocs end to end: tests/new_year/test_review_sheet.py.)"""
    add_2025(data_copy)
    home = generated_text(generated_pages(data_copy, tmp_path / "work"), "index")
    assert "2025年民生实事进展" in home and "尚无月度报告" in home


def test_schema_command_writes_json_schema_with_chinese_titles(tmp_path, capsys):
    import json

    assert main(["schema", "--out", str(tmp_path)]) == 0
    item = json.loads((tmp_path / "item.schema.json").read_text(encoding="utf-8"))
    assert item["properties"]["lead_units"]["title"] == "牵头单位"
    assert {"site", "units", "groups", "notice", "item", "rules", "problems", "releases", "revisions", "places",
            "vocabulary", "cycle"} == {
        p.name.split(".")[0] for p in tmp_path.iterdir()}
