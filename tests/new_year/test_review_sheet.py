"""The list as an office keeps it and the review in the clerk's words, end to end: a workbook with headed
columns drafts a year (new-year says which columns it used), the review workbook is filled as a clerk fills it
in Excel (names typed, a date typed as a date, choices from the drop-down), a wrong answer is refused with its
row and column and changes nothing, and once imported the year validates with no review left and builds.
"""

from __future__ import annotations

import shutil

import datetime as dt
import re
from pathlib import Path

import yaml
from openpyxl import Workbook, load_workbook

from minsheng.cli import main

ROWS = [
    (1, "城乡居民医保财政补助提标", "城乡居民医保人均财政补助标准提高到670元。", "区医保局", "区财政局", dt.datetime(2025, 12, 31), ""),
    (2, "新建城市停车位", "新建公共停车泊位1500个。", "区住建局", "区公安分局", dt.datetime(2025, 10, 31), "续建"),
    (3, "建设社区老年食堂", "新建社区老年食堂15个，为80周岁以上老人提供助餐服务20万人次。", "区民政局", None,
     dt.datetime(2025, 12, 31), ""),
    (4, "实施法律援助便民工程", "办理法律援助案件600件以上。", "区司法行政局、区数据资源局", "", "2025年12月底前", ""),
]


def office_workbook(path: Path) -> Path:
    """The list as an office types it: a title row, a header, numbers as numbers, deadlines as dates."""
    book = Workbook()
    sheet = book.active
    sheet.title = "民生实事"
    sheet.append(["东湖区2025年民生实事项目表"])
    sheet.merge_cells("A1:G1")
    sheet.append(["序号", "项目名称", "主要内容", "牵头单位", "配合单位", "完成时限", "备注"])
    for row in ROWS:
        sheet.append(list(row))
    book.save(path)
    return path


def answer(row: dict) -> tuple[object, object]:
    """What a clerk types into 你的决定 and 改为 for one row."""
    tag, now = row["事项"], row["草稿中现在是"] or ""
    if tag == "受益群体":
        return "老年人、 残疾人", None  # a stray space, as typed
    if tag == "能得到什么":
        return "区里为居民办的实事，详见通知原文。", None
    if tag == "候选指标":
        return "保留：全年累计的数量", None
    if tag == "候选标准":
        return ("发给本人" if "元" in now else "保留"), None
    if tag == "待核对单位":
        return ("司法局" if now == "区司法行政局" else "新单位"), None
    if tag == "发文字号":
        return None, "东政办〔2025〕3号"
    if tag == "发布日期":
        return None, dt.datetime(2025, 3, 1)  # typed as a date: Excel stores a date
    if tag == "项目名称" and now == "新建城市停车位":
        return None, "新建停车位"
    return "确认", None


def fill(path: Path, wrong: bool = False) -> None:
    book = load_workbook(path)
    sheet = book["核对表"]
    header = [cell.value for cell in sheet[1]]
    for cells in sheet.iter_rows(min_row=2):
        row = dict(zip(header, (cell.value for cell in cells)))
        decision, change = answer(row)
        if wrong and row["事项"] == "受益群体":
            decision = "全体居民、外星人"
        cells[header.index("你的决定")].value = decision
        cells[header.index("改为（可不填）")].value = change
    book.save(path)


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_workbook_list_drafts_a_year_that_the_review_workbook_finishes_and_that_builds(data_copy, tmp_path, capsys):
    source = office_workbook(tmp_path / "2025年民生实事.xlsx")
    assert main(["new-year", "2025", "--notice", str(source), "--data", str(data_copy)]) == 0
    out = capsys.readouterr().out
    assert "按表格读取" in out and "“序号”作序号" in out and "“牵头单位”作牵头单位" in out
    assert "未使用的列：“备注”" in out and "核对表：" in out
    folder = data_copy / "2025"
    assert (folder / "notice.xlsx").read_bytes() == source.read_bytes()  # the list as given
    text = (folder / "notice.txt").read_text(encoding="utf-8")
    assert text.startswith("东湖区2025年民生实事项目表\n\n序号\t项目名称\t") and "\t2025-12-31\t" in text
    item = yaml.safe_load((folder / "items" / "02.yaml").read_text(encoding="utf-8"))
    assert (item["number"], item["title"], item["lead_units_text"]) == ("2", "新建城市停车位", "区住建局")
    assert item["source_text"] == "新建公共停车泊位1500个。" and item["indicators"][0]["target"] == 1500
    notice = yaml.safe_load((folder / "notice.yaml").read_text(encoding="utf-8"))
    assert notice["schedule"]["milestones"][0]["wording"] == "2025年12月底前"  # no schedule: a deadline of the year's end
    assert any("通知没有写进度安排" in line for line in notice["review"])
    sheet = folder / "核对表.xlsx"
    rows = list(load_workbook(sheet)["核对表"].iter_rows(min_row=2, values_only=True))
    assert all(row[3] and not re.search("[a-z]{3}", row[3]) for row in rows)  # the clerk's words, no field names

    before = snapshot(data_copy)
    wrong = tmp_path / "填错的核对表.xlsx"
    wrong.write_bytes(sheet.read_bytes())
    fill(wrong, wrong=True)
    assert main(["new-year", "2025", "--import-review", str(wrong), "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "填错的核对表.xlsx 第" in err and "“你的决定”列：“全体居民、外星人”不能用" in err and "老年人" in err
    assert snapshot(data_copy) == before  # refused: nothing changed

    fill(sheet)
    assert main(["new-year", "2025", "--import-review", str(sheet), "--data", str(data_copy)]) == 0
    out = capsys.readouterr().out
    assert f"已按核对表导入 {len(rows)} 项决定" in out and "已没有待核对的条目" in out
    assert not sheet.exists()  # nothing left to decide
    item = yaml.safe_load((folder / "items" / "02.yaml").read_text(encoding="utf-8"))
    assert item["title"] == "新建停车位" and item["groups"] == ["elderly", "disabled"] and "review" not in item
    assert not (folder / "items" / "02.yaml").read_text(encoding="utf-8").startswith("# 草稿")
    item = yaml.safe_load((folder / "items" / "04.yaml").read_text(encoding="utf-8"))
    units = yaml.safe_load((data_copy / "units.yaml").read_text(encoding="utf-8"))["units"]
    justice = next(unit for unit in units if unit["id"] == "justice")
    security = next(unit for unit in units if unit["id"] == "healthcare-security")
    assert "区医保局" in security["aliases"]  # 区医保局 → 医保局 confirmed: the spelling is kept as an alias
    assert "区司法行政局" in justice["aliases"] and item["lead_units"][0] == "justice"  # merged into the known unit
    assert not any(unit["name"] == "区司法行政局" for unit in units)
    assert any(unit["name"] == "区数据资源局" and not unit.get("review") for unit in units)  # a new unit, kept
    notice = yaml.safe_load((folder / "notice.yaml").read_text(encoding="utf-8"))
    assert str(notice["published"]) == "2025-03-01" and "review" not in notice

    from minsheng.validate import validate_data

    plan, report = validate_data(data_copy)
    assert report.ok and not report.errors and not [p for p in report.notices if p.code == "review"]
    assert plan.shown_year.year == 2025 and not plan.is_draft(plan.years[2025])
    built = tmp_path / "built"  # a real build, MkDocs and all, of the reviewed year (2024's is built by every run)
    root = Path(__file__).parents[2]
    shutil.rmtree(data_copy / "2024")
    assert main(["build", "--data", str(data_copy), "--out", str(built / "site"), "--work", str(built / "work"),
                 "--config", str(root / "mkdocs.yml")]) == 0
    pages = [p for p in (built / "site").rglob("index.html") if "新建停车位" in p.read_text(encoding="utf-8")]
    assert pages, "the reviewed item is on no page of the built site"


def test_a_notice_numbered_anew_in_each_category_with_units_on_their_own_line_is_reviewed_to_a_full_year(data_copy,
                                                                                                         tmp_path):
    """The review finishes notices of other layouts too: items numbered 1、 2、 anew under each category, and
    items whose lead units stand on a line of their own, validate in full once reviewed."""
    from minsheng.validate import validate_data

    notices = Path(__file__).parents[1] / "notice" / "fixtures" / "notices"
    for year, name in ((2025, "categories-leaders"), (2026, "headings-own-line")):
        text = (notices / f"{name}.txt").read_text(encoding="utf-8").replace("2025", str(year))
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        assert main(["new-year", str(year), "--notice", str(tmp_path / f"{name}.txt"), "--data", str(data_copy)]) == 0
        sheet = data_copy / str(year) / "核对表.xlsx"
        fill(sheet)
        assert main(["new-year", str(year), "--import-review", str(sheet), "--data", str(data_copy)]) == 0
    _, report = validate_data(data_copy)
    assert not report.errors, "\n".join(str(p) for p in report.errors)
    assert not [p for p in report.notices if p.code == "review"]
