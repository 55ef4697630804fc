"""The office fills the yearly cycle in a workbook (minsheng import 年度流程.xlsx --cycle 2024): cells read as Excel
shows them, a personal number refused before anything is written, the year checked on a copy and written all or
nothing, every problem named by sheet, row and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

import pytest

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
    assert workbook.sheetnames == ["征集", "票决", "调整", "监督", "测评"]
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
