"""Monthly reports: every error and notice named by issue 3, on copies of the shipped sample files."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit_csv
from minsheng.cli import main


def run(data: Path, capsys) -> tuple[int, str]:
    code = main(["validate", "--data", str(data)])
    return code, capsys.readouterr().out


def progress(data: Path, month: str = "2024-07") -> Path:
    return data / "2024" / "progress" / f"{month}.csv"


def funds(data: Path, month: str = "2024-07") -> Path:
    return data / "2024" / "funds" / f"{month}.csv"


JOBS = {"项目编号": "01", "指标编号": "new-urban-jobs"}


def test_shipped_months_are_clean(capsys):
    from conftest import DATA

    code, out = run(DATA, capsys)
    assert code == 0, out
    assert "9 个月的报告" in out and "0 个错误" in out


@pytest.mark.parametrize(
    ("cell", "reason"),
    [("很多", "不是数字"), ("-5", "不能为负数"), ("NaN", "不是有效的数"), ("inf", "不是有效的数"), ("=1+1", "公式"),
     ("1,5", "逗号")],
)
def test_bad_numbers_name_file_row_column_value(draft_copy, capsys, cell, reason):
    row = edit_csv(progress(draft_copy), JOBS, {"截至月底累计": cell})
    code, out = run(draft_copy, capsys)
    assert code == 1
    assert f"data/2024/progress/2024-07.csv 第{row}行第7列：错误[number] 字段 截至月底累计：" in out
    line = next(line for line in out.splitlines() if f"第{row}行第7列" in line)
    assert reason in line and f"发现的值：“{cell}”" in line


def test_normalised_cells_are_notices(draft_copy, capsys):
    row = edit_csv(progress(draft_copy), JOBS, {"截至月底累计": " ９００ "})
    fund_row = edit_csv(funds(draft_copy), {"项目编号": "01"}, {"年度计划（万元）": "1,234.5万元"})
    code, out = run(draft_copy, capsys)
    assert code == 0, out
    assert f"2024-07.csv 第{row}行第7列：提示[number] 字段 截至月底累计：已自动处理：全角字符改为半角，去掉多余空格；发现的值：“ ９００ ”；应为：读作 900" in out
    assert f"funds/2024-07.csv 第{fund_row}行第4列：提示[number] 字段 年度计划（万元）：已自动处理：去掉单位“万元”，去掉千位分隔符" in out


def test_unknown_project_and_indicator(draft_copy, capsys):
    edit_csv(progress(draft_copy), {"项目编号": "02", "指标编号": ""}, {"项目编号": "77"})
    row = edit_csv(progress(draft_copy), JOBS, {"指标编号": "new-jobs"})
    code, out = run(draft_copy, capsys)
    assert code == 1
    assert "错误[unknown-reference] 字段 项目编号：计划中没有这个项目；发现的值：“77”" in out
    assert f"第{row}行第3列：错误[unknown-reference] 字段 指标编号：项目 01 没有这个指标；发现的值：“new-jobs”" in out
    assert "错误[missing-row] 缺少项目 02（支持毕业生求职创业）的一行" in out
    assert "缺少项目 01 的指标 new-urban-jobs（新增城镇就业）的一行" in out


def test_duplicate_rows(draft_copy, capsys):
    path = progress(draft_copy)
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    path.write_text("\ufeff" + "".join(lines + [lines[2]]), encoding="utf-8")
    code, out = run(draft_copy, capsys)
    assert code == 1
    assert f"第{len(lines) + 1}行：错误[duplicate-row] 项目 01 的指标 new-urban-jobs在本月已有一行（第3行）" in out


def test_not_reported_allows_empty_values_but_missing_is_an_error(draft_copy, capsys):
    edit_csv(progress(draft_copy), {"项目编号": "01", "指标编号": ""}, {"报送状态": "未报送", "进展情况": ""})
    edit_csv(progress(draft_copy), JOBS, {"截至月底累计": ""})
    edit_csv(progress(draft_copy), {"项目编号": "03", "指标编号": ""}, {"报送状态": "没报"})
    row = edit_csv(progress(draft_copy), {"项目编号": "03", "指标编号": "domestic-service-training"}, {"截至月底累计": ""})
    code, out = run(draft_copy, capsys)
    assert code == 1
    assert "new-urban-jobs" not in out
    assert "字段 报送状态：报送状态只能留空或填“未报送”“无变化”；发现的值：“没报”" in out
    assert f"第{row}行第7列：错误[missing-row] 字段 截至月底累计：缺少数值" in out


def test_decrease_needs_a_correction_note(draft_copy, capsys):
    row = edit_csv(progress(draft_copy), JOBS, {"截至月底累计": "1"})
    code, out = run(draft_copy, capsys)
    assert code == 1
    assert f"2024-07.csv 第{row}行第7列：错误[decrease] 字段 截至月底累计：累计数比上月（2024-06：" in out
    edit_csv(progress(draft_copy), JOBS, {"更正说明": "6月数据重复统计，已核减"})
    code, out = run(draft_copy, capsys)
    assert "[decrease]" not in out


def test_disbursed_above_in_place_and_fund_decrease(draft_copy, capsys):
    row = edit_csv(funds(draft_copy), {"项目编号": "01"}, {"累计拨付（万元）": "99999"})
    code, out = run(draft_copy, capsys)
    assert code == 1
    assert f"funds/2024-07.csv 第{row}行第6列：错误[funds-order] 字段 累计拨付（万元）：累计拨付超过累计到位" in out
    assert "第{}行第6列：错误[decrease]".format(edit_csv(funds(draft_copy, "2024-08"), {"项目编号": "01"}, {})) in out


def test_rate_above_100(draft_copy, capsys):
    row = edit_csv(progress(draft_copy), {"项目编号": "43", "指标编号": "supply-reliability"}, {"截至月底累计": "100.5%"})
    code, out = run(draft_copy, capsys)
    assert code == 1
    assert f"第{row}行第7列：错误[percent-range] 字段 截至月底累计：比率超过100%；发现的值：100.5" in out


def test_percent_sign_on_a_count(draft_copy, capsys):
    edit_csv(progress(draft_copy), JOBS, {"截至月底累计": "80%"})
    code, out = run(draft_copy, capsys)
    assert "这个指标的单位是“人”，不是百分比" in out and code == 1


def test_far_above_target_is_a_warning_until_explained(draft_copy, capsys):
    edit_csv(progress(draft_copy, "2024-12"), JOBS, {"截至月底累计": "5000"})
    code, out = run(draft_copy, capsys)
    assert code == 0
    assert "警告[far-above-target] 字段 截至月底累计：数值超过年度目标 1150 的3倍" in out
    edit_csv(progress(draft_copy, "2024-12"), JOBS, {"进展情况": "含全区统计口径调整后的就业人数"})
    assert "far-above-target" not in run(draft_copy, capsys)[1]


def test_month_outside_the_year_and_gaps(draft_copy, capsys):
    for kind in (progress, funds):
        kind(draft_copy, "2024-07").rename(kind(draft_copy, "2023-12"))
    code, out = run(draft_copy, capsys)
    assert code == 1
    assert "progress/2023-12.csv：错误[month] 月份不在本计划年度内；发现的值：“2023-12”" in out
    assert "progress/2024-08.csv：错误[month] 与上一个报告月份之间缺了月份（应先有 2024-07）" in out


def test_a_month_needs_both_files(draft_copy, capsys):
    funds(draft_copy, "2024-12").unlink()
    code, out = run(draft_copy, capsys)
    assert code == 1
    assert "progress/2024-12.csv：错误[month] 有进展文件，缺少同月的资金文件" in out


def test_gbk_month_file_is_read_with_a_notice(draft_copy, capsys):
    path = progress(draft_copy)
    path.write_bytes(path.read_text(encoding="utf-8-sig").encode("gbk"))
    code, out = run(draft_copy, capsys)
    assert code == 0, out
    assert "progress/2024-07.csv：提示[encoding] 文件按 GBK/GB18030 编码读取" in out


def test_all_problems_in_one_run(draft_copy, capsys):
    edit_csv(progress(draft_copy), JOBS, {"截至月底累计": "abc"})
    edit_csv(funds(draft_copy, "2024-09"), {"项目编号": "01"}, {"累计拨付（万元）": "99999"})
    edit_csv(progress(draft_copy, "2024-11"), {"项目编号": "43", "指标编号": "supply-reliability"}, {"截至月底累计": "101"})
    code, out = run(draft_copy, capsys)
    assert code == 1
    for found in ("2024-07.csv", "[number]", "2024-09.csv", "[funds-order]", "2024-11.csv", "[percent-range]"):
        assert found in out
