"""The office fills the yearly cycle in a workbook (minsheng import 年度流程.xlsx --cycle 2024): cells read as Excel
shows them, a personal number refused before anything is written, the year checked on a copy and written all or
nothing, every problem named by sheet, row and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from minsheng.cli import main




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
