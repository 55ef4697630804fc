"""notice_text.py: a notice's parts as printed, whatever its layout: the information box however it is
written, items with their lead units labelled, unlabelled or on a line of their own, measures, the schedule,
tables flattened into text; and the defects of the text recorded, never corrected."""

from __future__ import annotations

import datetime as dt

from conftest import DATA
from minsheng.notice.notice_text import read_notice, title_of

NOTICE_2024 = (DATA / "2024" / "notice.txt").read_text(encoding="utf-8")


def test_the_information_box_however_it_is_written():
    notice = read_notice("文件编号: | 皖江市政办发〔2025〕21号\n发文日期 2025-05-27\n\n皖江市2025年十件民生实事项目\n"
                         "(皖江市政办发〔2025〕21号)\n\n1.新建幼儿园2所。(市教育局)\n2.改造校舍3处。(市教育局)\n")
    assert notice.document_number == "皖江市政办发〔2025〕21号" == notice.body_document_number
    assert notice.published == dt.date(2025, 5, 27)
    assert notice.title == "皖江市2025年十件民生实事项目"  # a title that does not end in 通知
    notice = read_notice("南山区人民政府办公室关于印发2025年民生实事的通知\n（南政办发[2025]7号）\n发布日期：2025年3月2日\n"
                         "1.新建幼儿园2所。(区教育局)\n2.改造校舍3处。(区教育局)\n")
    assert notice.body_document_number == "南政办发[2025]7号" and notice.published == dt.date(2025, 3, 2)
    assert notice.issuer == "南山区人民政府办公室" and notice.district == "南山区"


def test_the_2024_notice_keeps_its_parts_and_its_defects():
    notice = read_notice(NOTICE_2024)
    assert len(notice.items) == 51 and len(notice.categories) == 11
    assert notice.layout.item_kind == "paren_cn" and notice.layout.category_kind == "cn"
    assert [m.wording for m in notice.milestones] == ["6月底前总体进度达到70%", "10月底前基本完成年度任务", "12月底前高标准完成"]
    fifty = [item for item in notice.items if item.number == "五十"]
    assert len(fifty) == 2 and all("都印为“(五十)”" in " ".join(item.defects) for item in fifty)
    assert fifty[1].lead_units_text == "区文旅体局" and any("缺少右括号" in d for d in fifty[1].defects)
    assert any("正文中的发文字号被截断" in d for d in notice.defects)


def test_lead_units_on_their_own_line_and_leaders_beside_them_are_not_measures():
    notice = read_notice("一、实施老旧小区改造工程\n改造老旧小区12个。\n牵头领导：李明\n责任单位：区住建局\n"
                         "二、实施饮水工程\n新建管网35公里。\n责任单位：区水利局、区财政局。\n")
    first, second = notice.items
    assert (first.title, first.lead_units_text, [m.text for m in first.measures]) == (
        "实施老旧小区改造工程", "区住建局", ["改造老旧小区12个。"])
    assert second.lead_units_text == "区水利局、区财政局" and not first.lead_in_paragraph
    assert notice.categories[0].printed is False  # no categories: one stands for the list


def test_a_leader_in_the_bracket_is_cut_from_the_body_and_numbering_anew_in_each_category_is_no_defect():
    notice = read_notice("一、教育\n1、新建书房5家。(牵头领导:刘敏,责任单位:区文旅局)\n2、新建食堂3个。(牵头领导:刘敏,责任单位:区教育局)\n"
                         "二、卫生\n1、新购救护车4台。(牵头领导:王强,责任单位:区卫生健康局)\n")
    items = notice.items
    assert [i.lead_units_text for i in items] == ["区文旅局", "区教育局", "区卫生健康局"]
    assert items[0].body == "新建书房5家。" and items[0].marker == "1、"
    assert not any("印为" in d or "序号不连续" in d for item in items for d in item.defects)


def test_a_schedule_as_printed_anywhere_after_the_list_and_none_when_there_is_none():
    text = "（一）就业\n（1）培训3000人次。（牵头部门：县人社局）\n三、有关要求\n6月底前总体进度达到45%，9月底前达到80%，年底前全面完成。\n"
    assert [(m.month, m.percent) for m in read_notice(text).milestones] == [(6, 45), (9, 80), (12, None)]
    assert read_notice("1.培训3000人次。(县人社局)\n2.新建2所。(县教育局)\n").milestones == []


def test_a_table_with_one_cell_a_line_and_a_cell_lost():
    text = "序号\n项目\n内容\n责任单位\n1\n更新电梯\n更新电梯60台。\n区市场监管局\n2\n新建充电桩\n区发展改革委\n"
    notice = read_notice(text)
    assert notice.layout.table == "cells" and [i.title for i in notice.items] == ["更新电梯", "新建充电桩"]
    assert notice.items[0].lead_units_text == "区市场监管局" and notice.items[0].paragraph == "更新电梯60台。"
    assert any("只有3格" in d for d in notice.defects)  # the lost cell is said, the rest read in order


def test_a_title_is_the_first_clause_without_its_figure():
    assert title_of("新建高标准农田2万亩，新增耕地200亩。") == "新建高标准农田"
    assert title_of("围绕重点民生食品，开展抽检3000批次。") == "围绕重点民生食品，开展抽检3000批次"
    assert title_of("发放创业担保贷款1.5亿元，扶持创业800人。") == "发放创业担保贷款"
