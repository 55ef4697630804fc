"""The office fills the yearly cycle in a workbook (minsheng import 年度流程.xlsx --cycle 2024): cells read as Excel
shows them, a personal number refused before anything is written, the year checked on a copy and written all or
nothing, every problem named by sheet, row and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

import pytest

from conftest import put_follow_up, two_workbooks
from minsheng.cli import main

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200)  # a photo of the sheet, named 年度流程.xlsx


def files(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((data / "2024" / "cycle").iterdir())}


def test_a_workbook_filled_in_excel_is_imported_and_a_wrong_one_changes_nothing(cycle_copy, tmp_path, capsys):
    data = cycle_copy
    book = tmp_path / "年度流程.xlsx"
    assert main(["import", str(book), "--cycle", "2024", "--template", "--data", str(data)]) == 0
    before = files(data)
    workbook = load_workbook(book)
    assert [sheet.title for sheet in workbook.worksheets if sheet.sheet_state == "visible"] == ["征集", "票决", "调整", "监督", "测评"]
    assert {sheet.title: sheet.sheet_state for sheet in workbook.worksheets if sheet.sheet_state != "visible"} == {
        f"基准·{title}": "veryHidden" for title in ("征集", "票决", "调整", "监督", "测评")}  # the rows as written
    rating = workbook["测评"]
    rating["B2"].value = 30  # a number cell, as Excel stores a typed number
    workbook["监督"]["A2"].value = dt.datetime(2024, 6, 19)  # a date cell: read as shown
    workbook["监督"]["A2"].number_format = "yyyy/m/d"
    workbook.save(book)
    capsys.readouterr()
    assert main(["import", str(book), "--cycle", "2024", "--data", str(data)]) == 0
    after = files(data)
    assert after["oversight.csv"] != before["oversight.csv"] and "2024/6/19".encode() in after["oversight.csv"]
    assert after["ratings.csv"].split(b"\r\n")[1].startswith(b"0001,30,")

    workbook = load_workbook(book)
    workbook["征集"]["E5"].value = "请联系 139-1234-5678"
    workbook["票决"]["K2"].value = "未当选"
    workbook.save(book)
    capsys.readouterr()
    assert main(["import", str(book), "--cycle", "2024", "--data", str(data)]) == 1
    printed = capsys.readouterr().out
    assert "年度流程.xlsx 工作表“征集” 第5行第5列：错误[privacy] 字段 说明：含有手机号码" in printed
    assert "没有写入任何文件" in printed and files(data) == after

    workbook["征集"]["E5"].value = "不属于本级政府职责"
    workbook.save(book)
    capsys.readouterr()
    assert main(["import", str(book), "--cycle", "2024", "--data", str(data)]) == 1
    printed = capsys.readouterr().out
    assert "年度流程.xlsx 工作表“票决” 第2行第11列：错误[vote-result] 字段 是否当选" in printed
    assert files(data) == after


def put(sheet: str, cell: str, value, number_format: str | None = None):
    def change(book) -> None:
        book[sheet][cell].value = value
        if number_format:
            book[sheet][cell].number_format = number_format
    return change


@pytest.mark.parametrize(("change", "shown", "stored"), [
    (None, "年度流程.xlsx：错误[unfilled] 这个表格还没有填写", None),  # the template handed back as it came
    (put("测评", "B2", "３０"), "", "0001,３０,"),  # full-width digits: accepted, kept as typed (read as 30)
    (put("测评", "B2", 30.4, "0"), "", "0001,30,"),  # a number cell shown as 30: stored as shown
    (put("测评", "B2", "三十"), "工作表“测评” 第2行第2列：错误[number] 字段 满意：不是数字；发现的值：“三十”", None),
    (put("测评", "B2", -3, "0"), "工作表“测评” 第2行第2列：错误[number] 字段 满意：不能为负数", None),
    (put("测评", "B2", 30.5, "0.0"), "工作表“测评” 第2行第2列：错误[whole-number] 字段 满意：票数和件数不能有小数", None),
    (put("监督", "E2", "经办人身份证340102199001011234"),
     "工作表“监督” 第2行第5列：错误[privacy] 字段 答复单位：含有居民身份证号码", None),
    (JPEG, "年度流程.xlsx：错误[not-a-workbook] 这是一张图片（JPG），不是 Excel 表格", None),
], ids=["unfilled", "full-width", "shown-rounded", "in-words", "negative", "fraction", "id-number", "photo"])
def test_a_cell_as_the_office_types_it_is_stored_as_shown_or_refused_with_nothing_written(change, shown, stored,
                                                                                          cycle_copy, tmp_path, capsys):
    book = tmp_path / "年度流程.xlsx"
    assert main(["import", str(book), "--cycle", "2024", "--template", "--data", str(cycle_copy)]) == 0
    before = files(cycle_copy)
    if isinstance(change, bytes):
        book.write_bytes(change)
    elif change is not None:
        workbook = load_workbook(book)
        change(workbook)
        workbook.save(book)
    capsys.readouterr()
    code = main(["import", str(book), "--cycle", "2024", "--data", str(cycle_copy)])
    printed = capsys.readouterr().out
    if shown:
        assert code == 1 and shown in printed, printed[-2000:]
        assert "没有写入任何文件" in printed and files(cycle_copy) == before
    else:
        assert code == 0, printed[-2000:]
        assert files(cycle_copy)["ratings.csv"].decode("utf-8-sig").split("\r\n")[1].startswith(stored)


@pytest.mark.parametrize("order", ["甲 then 乙", "乙 then 甲"])
def test_two_clerks_workbooks_of_one_year_both_kept_whichever_comes_first(order, cycle_copy, tmp_path, capsys):
    first, second = two_workbooks(cycle_copy, tmp_path)
    before = files(cycle_copy)
    books = [first, second] if order == "甲 then 乙" else [second, first]
    capsys.readouterr()
    assert main(["import", str(books[0]), "--cycle", "2024", "--data", str(cycle_copy)]) == 0
    assert main(["import", str(books[1]), "--cycle", "2024", "--data", str(cycle_copy)]) == 0
    printed = capsys.readouterr().out
    assert f"{books[1].name}：提示[edit-conflict] 您取表格之后，别人也改过" in printed and "别人的改动都已保留" in printed
    after = files(cycle_copy)
    assert "甲加的视察（合成）" in after["oversight.csv"].decode("utf-8-sig")
    assert "乙填的整改情况（合成）" in after["ratings.csv"].decode("utf-8-sig")
    assert {name for name in after if after[name] != before[name]} == {"oversight.csv", "ratings.csv"}
    assert main(["validate", "--data", str(cycle_copy)]) == 0

    capsys.readouterr()  # the same workbook handed in again: nothing new, said so, nothing written
    assert main(["import", str(books[0]), "--cycle", "2024", "--data", str(cycle_copy)]) == 1
    assert "错误[already-imported] 这个表格的改动已经导入过" in capsys.readouterr().out and files(cycle_copy) == after


def test_one_cell_changed_by_two_clerks_is_refused_with_both_values_and_nothing_written(cycle_copy, tmp_path, capsys):
    first, second = two_workbooks(cycle_copy, tmp_path)
    put_follow_up(first, "甲填的整改情况（合成）")
    assert main(["import", str(second), "--cycle", "2024", "--data", str(cycle_copy)]) == 0
    before = files(cycle_copy)
    capsys.readouterr()
    assert main(["import", str(first), "--cycle", "2024", "--data", str(cycle_copy)]) == 1
    printed = capsys.readouterr().out
    assert ("甲.xlsx 工作表“测评” 第3行第6列：错误[edit-conflict] 字段 整改情况：您取表格之后，这个格子已被别人改为"
            "“乙填的整改情况（合成）”（取表格时是空白）；发现的值：“甲填的整改情况（合成）”") in printed
    assert "没有写入任何文件" in printed and files(cycle_copy) == before
