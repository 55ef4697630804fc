"""The yearly cycle's files (data/<year>/cycle/): the synthetic year with every step passes; what the office gets
wrong is named by file, row, column, value and what was expected; the rule decides 当选 and the rating."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import DATA
from minsheng.cycle_rules import elected, rating
from minsheng.model import RatingRule
from minsheng.validate import validate_data

ZHENHAI = RatingRule()




def edit(path: Path, row: int, changes: dict[str, str]) -> None:
    """Change the cells of `path`'s Excel row `row` (the header is row 1)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    for header, value in changes.items():
        rows[row - 1][rows[0].index(header)] = value
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)


def lines(data: Path) -> list[str]:
    return [str(p) for p in validate_data(data)[1].errors]


def test_the_synthetic_year_has_every_step_and_no_error(cycle_year):
    plan, report = validate_data(cycle_year)
    assert report.errors == []
    assert plan.years[2024].cycle.steps == ["proposals", "vote", "implementation", "oversight", "rating"]
    assert set(plan.years[2024].cycle_files) == {"proposals", "candidates", "adjustments", "oversight", "ratings"}


def test_the_shipped_year_had_only_the_implementation():
    plan, report = validate_data(DATA)
    assert plan.years[2024].cycle.steps == ["implementation"] and plan.years[2024].cycle_files == {}
    assert not [p for p in report.errors if "cycle" in p.file]


def test_what_the_office_gets_wrong_is_named_where_it_is(cycle_copy):
    folder = cycle_copy / "2024" / "cycle"
    edit(folder / "candidates.csv", 2, {"是否当选": "未当选"})  # the rule elects it
    edit(folder / "candidates.csv", 3, {"赞成": "一百"})
    edit(folder / "ratings.csv", 2, {"项目编号": "9999"})
    edit(folder / "proposals.csv", 5, {"说明": "联系人 139 1234 5678"})
    edit(folder / "proposals.csv", 2, {"来源": "网民"})
    edit(folder / "oversight.csv", 2, {"日期": "6月18日"})
    found = lines(cycle_copy)
    at = "data/2024/cycle/"
    assert f"{at}candidates.csv 第2行第11列：错误[vote-result] 字段 是否当选：按规则（名额 12、赞成票超过全体代表的50%）应为“当选”；发现的值：“未当选”；应为：当选。" in found
    assert any(line.startswith(f"{at}candidates.csv 第3行第8列：错误[number] 字段 赞成：") and "“一百”" in line for line in found)
    assert f"{at}ratings.csv 第2行第1列：错误[unknown-reference] 字段 项目编号：计划中没有这个项目；发现的值：“9999”；应为：本年度 items/ 中的项目编号。" in found
    assert f"{at}proposals.csv 第5行第5列：错误[privacy] 字段 说明：含有手机号码，个人信息不得公开；发现的值：“139…5678（中间已隐去）”；应为：删去，或用遮挡形式（如 138****1234）。" in found
    assert f"{at}proposals.csv 第2行第1列：错误[not-an-option] 字段 来源：不在规定的选项中；发现的值：“网民”；应为：群众、人大代表、政协委员、其他。" in found
    assert any(line.startswith(f"{at}oversight.csv 第2行第1列：错误[wrong-format] 字段 日期：日期的写法不对") for line in found)
    assert any("ratings.csv：错误[missing-row] 1 个项目没有测评结果" in line for line in found)  # 0001 lost its row


def test_a_step_the_year_did_not_declare_is_refused(cycle_copy):
    (cycle_copy / "2024" / "cycle.yaml").write_text("steps: [implementation]\n", encoding="utf-8")
    found = lines(cycle_copy)
    assert any(line.startswith("data/2024/cycle/ratings.csv：错误[cycle-step] 本年度的 cycle.yaml 没有“测评”这个环节") for line in found)


@pytest.mark.parametrize("counts, members, word", [
    ((18, 0, 0, 17), 35, "满意"),  # 18 > 17.5
    ((17, 10, 0, 8), 35, "基本满意"),
    ((10, 7, 18, 0), 35, "不满意"),  # 17 ≤ 17.5
    ((10, 8, 17, 0), 35, "基本满意"),
    ((90, 60, 0, 0), 180, "基本满意"),  # exactly half is not more than half
    ((60, 30, 50, 40), 180, "不满意"),  # exactly half with 基本满意 is half or fewer
    ((91, 0, 89, 0), 180, "满意"),
])
def test_the_zhenhai_rule_at_its_edges(counts, members, word):
    assert rating(*counts, members, ZHENHAI) == word


def test_the_rule_can_count_the_voters_instead():
    assert rating(10, 0, 5, 0, 35, RatingRule(base="voters")) == "满意"  # 10 of 15 who voted


def test_the_vote_elects_the_most_votes_over_half_within_the_seats_and_a_tie_elects_neither():
    assert elected([150, 95, 120, 80, 140], 3, 180, ZHENHAI) == ({0, 2, 4}, set())
    assert elected([150, 95, 89, 80], 3, 180, ZHENHAI) == ({0, 1}, set())  # 89 is not over half of 180
    assert elected([150, 120, 120, 80], 2, 180, ZHENHAI) == ({0}, {1, 2})
