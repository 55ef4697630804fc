"""list_table.py: the list as an office keeps it, a workbook or a CSV file, read as Excel shows its cells and
turned into the text of a table that the notice reader reads."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from minsheng.notice.list_table import csv_text, workbook_text
from minsheng.errors import EntryError
from minsheng.new_year.new_year import decode_notice
from minsheng.notice.notice_text import read_notice


def test_a_workbook_is_read_as_excel_shows_it(tmp_path):
    book = Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["本表由民生办整理"])
    sheet = book.create_sheet("项目")
    sheet.append(["2025年民生实事项目表"])
    sheet.append(["序 号", "项目\n名称", "主要内容", "牵头单位（部门）", "完成时限", "覆盖率"])
    sheet.append([1.0, "新建幼儿园", "新建公办幼儿园2所，\n新增学位360个。", "区教育局", dt.datetime(2025, 12, 31), 0.9])
    sheet["F3"].number_format = "0%"
    sheet.append([None, None, None, None, None, None])
    sheet.append([2, "改造老旧小区", "改造老旧小区10个。", "区住建局", "2025年10月底前", None])
    path = tmp_path / "清单.xlsx"
    book.save(path)
    text = workbook_text(path)
    assert text.splitlines() == ["2025年民生实事项目表", "", "序 号\t项目名称\t主要内容\t牵头单位（部门）\t完成时限\t覆盖率",
                                 "1\t新建幼儿园\t新建公办幼儿园2所，新增学位360个。\t区教育局\t2025-12-31\t90%",
                                 "2\t改造老旧小区\t改造老旧小区10个。\t区住建局\t2025年10月底前\t"]
    notice = read_notice(text)
    assert [(i.number, i.title, i.lead_units_text) for i in notice.items] == [("1", "新建幼儿园", "区教育局"),
                                                                           ("2", "改造老旧小区", "区住建局")]
    assert "“覆盖率”" in notice.layout.describe().split("未使用的列：")[1]


def test_a_csv_saved_by_excel_in_gbk_is_read():
    raw = ("序号,项目名称,主要内容,责任单位,配合单位\r\n1,新建充电桩,\"新建公共充电桩500个,建成充电站10座。\",区发展改革委,\r\n"
           "2,更新电梯,更新改造住宅老旧电梯60台。,区市场监管局,区住建局\r\n").encode("gbk")
    text, encoding = decode_notice(raw, "清单.csv")
    notice = read_notice(csv_text(text, "清单.csv"))
    assert encoding == "GB18030" and notice.items[0].paragraph == "新建公共充电桩500个,建成充电站10座。"
    assert notice.items[1].lead_units_text == "区市场监管局"  # 配合单位 is not a lead unit


def test_a_workbook_without_a_header_or_of_the_old_format_is_refused_with_what_to_do(tmp_path):
    book = Workbook()
    book.active.append(["新建幼儿园", "区教育局"])
    path = tmp_path / "无表头.xlsx"
    book.save(path)
    with pytest.raises(EntryError, match="没有找到表头：需要一行写有“牵头单位”"):
        workbook_text(path)
    (tmp_path / "旧.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(EntryError, match="另存为” Excel 工作簿"):
        workbook_text(tmp_path / "旧.xls")


def test_the_deputies_vote_gives_the_elected_candidates_as_the_list():
    vote = ("候选编号,项目编号,项目名称,主要内容,总投资（万元）,牵头单位,完成时限,赞成,反对,弃权,是否当选\n"
            "H01,,老旧小区改造,改造小区10个,800,区住建局,2025年12月底,150,3,2,当选\n"
            "H02,,新建停车场,新建停车位200个,600,区城管局,2025年12月底,80,40,5,未当选\n"
            "H03,,助餐点,新建助餐点5个,120,区民政局,2025年10月底,140,5,10,当选\n")
    assert csv_text(vote, "票决.csv").splitlines() == [
        "", "序号\t项目名称\t主要内容\t牵头单位\t完成时限",
        "1\t老旧小区改造\t改造小区10个\t区住建局\t2025年12月底", "2\t助餐点\t新建助餐点5个\t区民政局\t2025年10月底"]
