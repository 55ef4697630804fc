"""candidates.py: every figure of a sentence as the notice writes it, with its unit, scale, qualifier and
baseline; a guess for a person to confirm."""

from __future__ import annotations

import pytest

from minsheng.notice.candidates import figures


def read(text: str) -> list[tuple]:
    return [(c.value, c.unit, c.comparator, c.standard, c.kind, c.baseline, c.name) for c in figures(text, "第一段", 2025)]


@pytest.mark.parametrize("text, wanted", [
    ("城乡居民基础养老金由每人每月670元提高到700元。", [(700, "元", "提高到", True, "standard", 670, "城乡居民基础养老金")]),
    ("将参保单位缴费费率由7%降至6%。", [(6, "%", None, False, "level", 7, "将参保单位缴费费率")]),
    ("门诊报销比例从50%提高至60%。", [(60, "%", "提高到", True, "ratio", 50, "门诊报销比例")]),
    ("标准由每户每月300元提高到350元。", [(350, "元", "提高到", True, "standard", 300, "标准")]),
    ("城镇新增就业5万名，培训10万人次。", [(5, "万名", None, False, "count", None, "城镇新增就业"),
                                  (10, "万人次", None, False, "count", None, "培训")]),
    ("每千人口拥有托位数达到4.2个。", [(4.2, "个", "达到", False, "level", None, "每千人口拥有托位数")]),
])
def test_one_figure_with_its_baseline_and_its_scale(text, wanted):
    assert read(text) == wanted


def test_counting_units_are_read_and_a_ratio_per_thousand_is_no_defect():
    found = figures("新建住房300套，更新公交车20辆、渔船5艘，安装路灯150盏，配送图书3000册，新建公园2座，采购救护车3台，"
                    "发放仔猪1.5万只，千人托位数达4.2个。", "第一段")
    assert [(c.value, c.unit) for c in found] == [(300, "套"), (20, "辆"), (5, "艘"), (150, "盏"), (3000, "册"), (2, "座"),
                                                (3, "台"), (1.5, "万只"), (4.2, "个")]
    assert not any(c.doubts for c in found)


def test_money_in_yi_keeps_its_scale_and_a_standard_notes_its_baseline():
    found = figures("全年发放2.3亿元，补助由每人每月90元提高到100元。", "第一段")
    assert [(c.value, c.unit) for c in found] == [(2.3, "亿元"), (100, "元")]
    assert found[1].notes == ["第一段“补助由每人每月90元提高到100元”：标准由90元调整为100元"]


def test_a_figure_without_a_unit_is_doubted_and_years_and_ages_are_passed_over():
    found = figures("为65岁以上老年人体检，2025年完成不少于70。", "第一段")
    assert [(c.value, c.unit, c.comparator) for c in found] == [(70, None, "不少于")]
    assert "没有计量单位" in found[0].doubts[0]
