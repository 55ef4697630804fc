"""Several clerks on one month, on the command line: each takes the month's workbook, fills in their own items
and imports it. Whatever the order, nobody's cell is lost; a cell two clerks changed to different values is
refused with both values, data/ byte for byte as it was; a workbook handed back unchanged is refused; an item
left as last month must be confirmed (无变化)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import shutil
from pathlib import Path

import pytest
import yaml

from minsheng.cli import main
from minsheng.compute.diff import diff
from minsheng.validate import validate_data

from conftest import fill
from .test_monthly import remove_month

MONTH = "2024-12"


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def cells(data: Path, kind: str = "progress") -> dict[tuple[str, str], dict[str, str]]:
    text = (data / "2024" / kind / f"{MONTH}.csv").read_text(encoding="utf-8-sig")
    key = "指标编号" if kind == "progress" else "资金来源"
    return {(row["项目编号"], row[key]): row for row in csv.DictReader(io.StringIO(text))}


def importing(workbook: Path, data: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["import", str(workbook), "--month", MONTH, "--data", str(data)])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture
def new_month(data_copy: Path, tmp_path: Path, capsys) -> tuple[Path, Path]:
    """December not yet reported; its workbook as new-month wrote it (each clerk copies it)."""
    remove_month(data_copy, MONTH)
    workbook = tmp_path / "blank.xlsx"
    assert main(["new-month", MONTH, "--xlsx", str(workbook), "--data", str(data_copy)]) == 0
    capsys.readouterr()
    return data_copy, workbook


def items_of(data: Path) -> list[str]:
    return [item.id for item in validate_data(data)[0].years[2024].items if not item.no_task]


def clerk(blank: Path, folder: Path, name: str, mine: list[str], changes: dict) -> Path:
    """A clerk's copy: their changes, and every other item of theirs confirmed as unchanged (无变化)."""
    path = folder / f"{name}.xlsx"
    shutil.copyfile(blank, path)
    touched = {item for _, item, _ in changes}
    confirm = {("进展", item, ""): {"报送状态": "无变化"} for item in mine if item not in touched}
    fill(path, {**changes, **confirm}, confirm=False)
    return path


A_CELL = ("进展", "09", "relief-total")
B_CELL = ("进展", "10", "rehabilitation-relief")


@pytest.mark.parametrize("order", ["AB", "BA"])
def test_two_clerks_fill_one_month_in_either_order_and_nothing_is_lost(new_month, tmp_path, capsys, order):
    data, blank = new_month
    items = items_of(data)
    mine, theirs = items[::2], items[1::2]  # A: 01, 03 … 09 …; B: 02, 04 … 10 …
    a = clerk(blank, tmp_path, "A", mine, {A_CELL: {"截至月底累计": 8}, ("进展", "09", ""): {"进展情况": "A：新增救助2人次"}})
    b = clerk(blank, tmp_path, "B", theirs, {B_CELL: {"截至月底累计": 400},
                                             ("资金", "10", "区"): {"累计到位（万元）": 12, "累计拨付（万元）": 11.2},
                                                   ("进展", "10", ""): {"进展情况": "B：康复救助400名"}})
    first, second = (a, b) if order == "AB" else (b, a)
    code, out = importing(first, data, capsys)
    assert code == 0, out  # written, the other clerk's items still to fill in
    assert "错误[unconfirmed]" in out and f"还有 {len(theirs if order == 'AB' else mine)} 个项目没有填写或确认" in out
    code, out = importing(second, data, capsys)
    assert code == 0, out
    assert "您取表格之后，别人也改过这个月：只写入了您改动的" in out and "都已保留" in out
    assert "共检查 1 个年度、51 个项目、9 个月的报告：0 个错误" in out
    assert f"{MONTH} 的报送情况：已报送 49 项（其中无变化 47 项），未报送 0 项" in out
    progress, funds = cells(data), cells(data, "funds")
    assert progress["09", "relief-total"]["截至月底累计"] == "8" and progress["09", ""]["进展情况"] == "A：新增救助2人次"
    assert progress["10", "rehabilitation-relief"]["截至月底累计"] == "400" and progress["10", ""]["进展情况"] == "B：康复救助400名"
    assert (funds["10", "区"]["累计到位（万元）"], funds["10", "区"]["累计拨付（万元）"]) == ("12", "11.2")


def test_the_same_cell_changed_by_two_clerks_is_refused_with_both_values(new_month, tmp_path, capsys):
    data, blank = new_month
    items = items_of(data)
    a = clerk(blank, tmp_path, "A", items, {A_CELL: {"截至月底累计": 8}, ("进展", "09", ""): {"进展情况": "A"}})
    b = clerk(blank, tmp_path, "B", [], {A_CELL: {"截至月底累计": 7}, ("进展", "10", ""): {"进展情况": "B"}})
    assert importing(a, data, capsys)[0] == 0
    before = tree(data)
    code, out = importing(b, data, capsys)
    assert code == 1
    assert ("B.xlsx 工作表“进展” 第18行第7列：错误[edit-conflict] 字段 截至月底累计：您取表格之后，这个格子已被别人改为“8”"
            "（取表格时是“6”）；发现的值：“7”") in out
    assert "没有写入任何文件" in out and tree(data) == before
    # the same value typed by both is no conflict
    c = clerk(blank, tmp_path, "C", [], {A_CELL: {"截至月底累计": 8}, ("进展", "09", ""): {"进展情况": "A"}})
    code, out = importing(c, data, capsys)
    assert code == 0, out
    assert cells(data)["09", "relief-total"]["截至月底累计"] == "8" and cells(data)["09", ""]["进展情况"] == "A"


def test_a_workbook_handed_back_unchanged_is_refused(new_month, tmp_path, capsys):
    data, blank = new_month
    before = tree(data)
    code, out = importing(blank, data, capsys)
    assert code == 1 and "错误[unfilled] 这个表格还没有填写：和发给您时完全一样" in out and tree(data) == before


def test_an_item_as_last_month_is_confirmed_or_refused(new_month, tmp_path, capsys):
    data, blank = new_month
    items = items_of(data)
    workbook = clerk(blank, tmp_path, "A", [i for i in items if i != "11"], {A_CELL: {"截至月底累计": 8}})
    code, out = importing(workbook, data, capsys)
    assert code == 0 and out.count("错误[") == 1
    assert ("2024-12.csv 第29行第10列：错误[unconfirmed] 字段 报送状态：项目 11（推动实现残疾人较高质量就业）"
            "与上月（2024-11）相比没有任何变化，也没有写进展情况") in out
    assert "还没有填写或确认 1 项" in out
    assert main(["validate", "--data", str(data)]) == 1  # the month cannot be merged or published like this
    # 无变化 confirms it; 无变化 beside a changed figure is refused
    fill(workbook, {("进展", "11", ""): {"报送状态": "无变化"}}, confirm=False)
    code, out = importing(workbook, data, capsys)
    assert code == 0 and "0 个错误" in out and "已报送 49 项（其中无变化 48 项）" in out
    fill(workbook, {("进展", "09", ""): {"报送状态": "无变化"}}, confirm=False)
    before = tree(data)
    code, out = importing(workbook, data, capsys)
    assert code == 1 and "错误[changed-but-unchanged] 字段 报送状态：报送状态是“无变化”，但项目 09 的数字或金额与上月不同" in out
    assert tree(data) == before


def test_a_published_month_corrected_by_two_clerks_keeps_both_corrections(data_copy, tmp_path, capsys):
    """A and B export the published December at the same time; A corrects item 01 and publishes; B's workbook,
    made before that, changes only B's own cell: A's disclosed correction stays, and each is recorded once."""
    a, b = tmp_path / "A.xlsx", tmp_path / "B.xlsx"
    assert main(["export", MONTH, "--xlsx", str(a), "--data", str(data_copy)]) == 0
    shutil.copyfile(a, b)
    original = validate_data(data_copy)[0]
    fill(a, {("进展", "01", "new-urban-jobs"): {"截至月底累计": 1155, "更正说明": "经复核，漏报5人"}}, confirm=False)
    fill(b, {("进展", "03", "domestic-service-training"): {"截至月底累计": 620, "更正说明": "经复核，漏报7人次"}}, confirm=False)
    assert importing(a, data_copy, capsys)[0] == 0
    assert main(["publish", MONTH, "--date", "2025-01-20", "--data", str(data_copy)]) == 0
    code, out = importing(b, data_copy, capsys)
    assert code == 0, out
    progress = cells(data_copy)
    assert progress["01", "new-urban-jobs"]["截至月底累计"] == "1155" and progress["01", "new-urban-jobs"]["更正说明"] == "经复核，漏报5人"
    assert progress["03", "domestic-service-training"]["截至月底累计"] == "620"
    assert main(["publish", MONTH, "--date", "2025-01-25", "--data", str(data_copy)]) == 0
    revisions = yaml.safe_load((data_copy / "2024" / "revisions.yaml").read_text(encoding="utf-8"))["revisions"]
    recorded = [(r["item"], r["key"], r["old"], r["new"], r["date"]) for r in revisions if r["month"] == MONTH]
    assert ("01", "new-urban-jobs", 1150.0, 1155.0, dt.date(2025, 1, 20)) in recorded
    assert ("03", "domestic-service-training", 613.0, 620.0, dt.date(2025, 1, 25)) in recorded
    assert len([r for r in recorded if r[0] in ("01", "03")]) == 2
    # the change report names every changed cell of the month, whoever made it
    (year,) = diff(original, validate_data(data_copy)[0])
    changed = {(line.record.item, line.record.key) for line in year.month_changes}
    assert {("01", "new-urban-jobs"), ("03", "domestic-service-training")} <= changed


def test_unchanged_said_of_an_item_another_clerk_filled_in_is_refused(new_month, tmp_path, capsys):
    """Two cells apart, one contradiction: A marks item 10 无变化 while B fills it in, in either order."""
    data, blank = new_month
    items = items_of(data)
    a = clerk(blank, tmp_path, "A", items, {A_CELL: {"截至月底累计": 8}, ("进展", "09", ""): {"进展情况": "A"}})
    b = clerk(blank, tmp_path, "B", [], {B_CELL: {"截至月底累计": 400}, ("进展", "10", ""): {"进展情况": "B"}})
    first = tmp_path / "first"
    shutil.copytree(data, first)
    assert importing(a, data, capsys)[0] == 0
    before = tree(data)
    code, out = importing(b, data, capsys)
    assert code == 1 and tree(data) == before
    assert "错误[edit-conflict] 字段 报送状态：您填写了项目 10，但您取表格之后，别人已把它标为“无变化”" in out
    assert importing(b, first, capsys)[0] == 0  # the other order
    before = tree(first)
    code, out = importing(a, first, capsys)
    assert code == 1 and tree(first) == before
    assert "错误[edit-conflict] 字段 报送状态：您把项目 10 标为“无变化”，但您取表格之后，别人已经填写了这个项目" in out
