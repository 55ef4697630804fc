from pathlib import Path

from minsheng.load.records import to_record
from minsheng.load.yaml_file import read_yaml
from minsheng.model import Item

GOOD = """\
id: "07"
number: 七
level: district
category: social-security
title: 实行企业职工退休一件事一次办理
lead_units: [hrss]
lead_units_text: 人社局
groups: [workers]
source_text: (七)实行企业职工退休一件事一次办理。(牵头单位:人社局)
"""


def record(tmp_path: Path, text: str):
    path = tmp_path / "07.yaml"
    path.write_text(text, encoding="utf-8")
    document, problems = read_yaml(path, "data/2024/items/07.yaml")
    assert problems == []
    return to_record(Item, document, "data/2024/items/07.yaml")


def test_a_good_record_loads(tmp_path):
    item, problems = record(tmp_path, GOOD)
    assert problems == [] and item.lead_units == ["hrss"] and item.indicators == []


def test_missing_field_names_the_field_in_chinese(tmp_path):
    item, problems = record(tmp_path, GOOD.replace("title: 实行企业职工退休一件事一次办理\n", ""))
    assert item is None
    [problem] = problems
    assert problem.code == "missing-field"
    assert problem.field == "项目名称（title）"
    assert "缺少必填字段" in str(problem)


def test_wrong_type_names_line_value_and_expectation(tmp_path):
    text = GOOD + "indicators:\n  - id: x\n    name: 甲\n    target: 很多\n    unit: 人\n    kind: count\n    source: 甲\n"
    item, problems = record(tmp_path, text)
    [problem] = problems
    assert problem.code == "wrong-type"
    assert problem.line == 13
    assert problem.field == "目标指标 › 第1项 › 目标值（indicators[0].target）"
    assert problem.value == "很多"
    assert problem.expected == "数字"


def test_unknown_field_lists_the_allowed_ones(tmp_path):
    item, problems = record(tmp_path, GOOD + "titel: 错字\n")
    [problem] = problems
    assert problem.code == "unknown-field" and problem.line == 10
    assert "title" in problem.expected


def test_choice_and_pattern_errors(tmp_path):
    item, problems = record(tmp_path, GOOD.replace("level: district", "level: 区级").replace('id: "07"', "id: 7a"))
    codes = {(p.field, p.code) for p in problems}
    assert ("层级（level）", "not-an-option") in codes
    assert ("项目编号（id）", "wrong-format") in codes
    assert any("c01" in p.expected for p in problems)
