"""`minsheng validate` on broken copies of the real data: every problem, with its position, in Chinese."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA
from minsheng.cli import main
from minsheng.validate.plan import chinese_number


def validate(data: Path, capsys) -> tuple[int, str]:
    code = main(["validate", "--data", str(data)])
    return code, capsys.readouterr().out


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_shipped_data_is_clean(capsys):
    code, out = validate(DATA, capsys)
    assert code == 0, out
    assert "0 个错误" in out


def test_command_line_entry_point_exits_1_on_errors(data_copy):
    (data_copy / "2024" / "items" / "01.yaml").write_text("id: [\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "minsheng", "validate", "--data", str(data_copy)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/2024/items/01.yaml 第2行" in result.stdout


def test_missing_field(data_copy, capsys):
    path = data_copy / "2024" / "items" / "01.yaml"
    edit(path, "title: 促进重点群体稳定就业\n", "")
    code, out = validate(data_copy, capsys)
    assert code == 1
    assert "data/2024/items/01.yaml 第1行第1列：错误[missing-field] 字段 项目名称（title）：缺少必填字段" in out


def test_duplicate_id(data_copy, capsys):
    items = data_copy / "2024" / "items"
    (items / "99.yaml").write_text((items / "01.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out = validate(data_copy, capsys)
    assert code == 1
    assert re.search(r"data/2024/items/99\.yaml 第1行第1列：错误\[duplicate-id\] 字段 项目编号（id）：项目编号与 data/2024/items/01\.yaml 重复；发现的值：“01”", out)


def test_duplicate_key(data_copy, capsys):
    path = data_copy / "2024" / "items" / "01.yaml"
    edit(path, "title: 促进重点群体稳定就业\n", "title: 促进重点群体稳定就业\ntitle: 别的名称\n")
    code, out = validate(data_copy, capsys)
    assert code == 1
    assert "data/2024/items/01.yaml 第6行第1列：错误[yaml-duplicate-key]" in out
    assert "字段名“title”在同一层级出现了两次（第5行已有）" in out


def test_unknown_unit(data_copy, capsys):
    path = data_copy / "2024" / "items" / "01.yaml"
    edit(path, "lead_units: [hrss]", "lead_units: [renshe]")
    code, out = validate(data_copy, capsys)
    assert code == 1
    line = line_of(path, "lead_units: [renshe]")
    assert f"01.yaml 第{line}行第14列：错误[unknown-reference] 字段 牵头单位 › 第1项（lead_units[0]）：牵头单位不在单位表中；发现的值：“renshe”" in out


def test_wrong_type(data_copy, capsys):
    path = data_copy / "2024" / "items" / "01.yaml"
    edit(path, "target: 1150", "target: 一千一百五十")
    code, out = validate(data_copy, capsys)
    assert code == 1
    line = line_of(path, "target: 一千一百五十")
    assert (f"01.yaml 第{line}行第5列：错误[wrong-type] 字段 目标指标 › 第1项 › 目标值（indicators[0].target）："
            "值的类型不对；发现的值：“一千一百五十”；应为：数字。") in out


def test_yaml_syntax_error_with_its_line(data_copy, capsys):
    path = data_copy / "2024" / "items" / "01.yaml"
    edit(path, "level: district", "level district")
    code, out = validate(data_copy, capsys)
    assert code == 1
    assert "01.yaml 第4行第1列：错误[yaml-syntax] YAML 语法错误（缺少冒号“:”，或上一行的缩进不对）" in out


def test_every_problem_is_reported_in_one_run(data_copy, capsys):
    items = data_copy / "2024" / "items"
    edit(items / "01.yaml", "lead_units: [hrss]", "lead_units: [nobody]")
    edit(items / "43.yaml", "target: 99.93", "target: 199.93")
    edit(data_copy / "units.yaml", "name: 人社局", "name: 人社局\n    aliases: [民政局]")
    code, out = validate(data_copy, capsys)
    assert code == 1
    assert "[unknown-reference]" in out
    assert "[percent-range] 字段 目标指标 › 第2项 › 目标值（indicators[1].target）：百分比超出 0–100；发现的值：199.93" in out
    assert "units.yaml" in out and "这种写法已属于单位 hrss" in out


def test_category_count_and_verbatim_checks(data_copy, capsys):
    items = data_copy / "2024" / "items"
    edit(items / "01.yaml", "category: employment", "category: social-security")
    edit(items / "43.yaml", "供电可靠性从99.90%提高到99.93%\n", "供电可靠性从99.90%提高到99.95%\n")
    code, out = validate(data_copy, capsys)
    assert code == 1
    assert "类别“一、促进就业”在通知中为3项，数据中有2项" in out
    assert "类别“二、社会保障”在通知中为5项，数据中有6项" in out
    assert "43.yaml" in out and "[not-verbatim] 字段 目标指标 › 第2项 › 原文（indicators[1].source）" in out


def test_file_name_and_number_must_match_the_id(data_copy, capsys):
    items = data_copy / "2024" / "items"
    (items / "01.yaml").rename(items / "1.yaml")
    edit(items / "43.yaml", "number: 四十三", "number: 四十四")
    code, out = validate(data_copy, capsys)
    assert code == 1
    assert "items/1.yaml 第1行第1列：错误[file-name]" in out
    assert "43.yaml 第2行第1列：错误[number-mismatch]" in out


def test_placeholders_are_notices_not_errors(capsys):
    code, out = validate(DATA, capsys)
    assert code == 0
    assert "提示[placeholder] 字段 页脚 › 主办单位（footer.organizer）：网站信息仍是占位内容" in out
    assert "提示[placeholder] 字段 牵头单位表 › 第1项 › 咨询电话（units[0].phone）：网站信息仍是占位内容" in out


def test_missing_data_folder(tmp_path, capsys):
    code = main(["validate", "--data", str(tmp_path / "nowhere")])
    assert code == 1
    assert "找不到数据文件夹" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "number"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("四十三", 43), ("五十", 50),
                                              ("一百", 100), ("一百零五", 105), ("三百二十一", 321), ("两千", 2000),
                                              ("四千九百九十九", 4999)])
def test_chinese_numbers(text, number):
    assert chinese_number(text) == number


@pytest.mark.parametrize("text", ["", "零", "百", "十十", "1", "五十五十", "一十百", "三三", "一百十百"])
def test_not_chinese_numbers(text):
    assert chinese_number(text) is None


def test_rules_and_groups_are_checked(data_copy, capsys):
    edit(data_copy / "rules.yaml", "behind_margin: 10", "behind_margin: 30")
    edit(data_copy / "groups.yaml", "  - id: women", "  - id: elderly")
    code, out = validate(data_copy, capsys)
    assert code == 1
    assert "rules.yaml" in out and "滞后界限应小于严重滞后界限；发现的值：25" in out
    assert "groups.yaml" in out and "群体编号重复；发现的值：“elderly”" in out


def test_quotes_missing_from_the_notice_are_named_one_by_one(data_copy, capsys):
    items = data_copy / "2024" / "items"
    edit(items / "43.yaml", "实施农村电网巩固提升工程9个", "实施农村电网巩固提升工程10个")
    edit(items / "01.yaml", "6000元/年的标准给予奖补,主要用于", "8000元/年的标准给予奖补,主要用于")
    edit(data_copy / "2024" / "notice.yaml", "wording: 6月底前总体进度达到70%", "wording: 6月底前总体进度达到80%")
    code, out = validate(data_copy, capsys)
    assert code == 1
    missing = [line for line in out.splitlines() if "在通知全文中找不到这段文字" in line]
    assert len(missing) == 3, missing
    assert any("43.yaml" in line and "通知原文（source_text）" in line and "工程10个" in line for line in missing)
    assert any("01.yaml" in line and "（measures[1]）" in line and "8000元" in line for line in missing)
    assert any("notice.yaml" in line and "（schedule.milestones[0].wording）" in line for line in missing)


def test_what_one_gets_names_no_money_the_person_does_not_get(data_copy, capsys):
    """能得到什么 is written for every item with a task and for none without; a sum of money in it is a standard
    paid to the person or one the item's text prints, never one paid to an institution; a money standard
    says to whom it is paid."""
    items = data_copy / "2024" / "items"
    edit(items / "28.yaml", "offer: 免费的宫颈癌筛查和乳腺癌筛查。", "offer: 宫颈癌检查补助49元。")
    edit(items / "02.yaml", "offer: 一次性求职创业补贴：", "offer: 一次性求职创业补贴1500元、交通补贴300元：")
    edit(items / "26.yaml", "offer: 免费的第一恒磨牙窝沟封闭（6—9岁学龄儿童）和免费的局部涂氟（3—6岁学龄前儿童）。\n", "")
    edit(items / "22.yaml", "no_task: true", "offer: 营养餐。\nno_task: true")
    edit(items / "15.yaml", "    paid_to: person\n", "")
    code, out = validate(data_copy, capsys)
    assert code == 1
    line = line_of(items / "28.yaml", "offer:")
    assert (f"data/2024/items/28.yaml 第{line}行第1列：错误[offer-money] 字段 能得到什么（offer）：能得到什么写了不发给本人的金额；"
            "发现的值：“49元”") in out
    assert "02.yaml" in out and "能得到什么写的金额在本项的补助标准和通知原文中都找不到；发现的值：“300元”" in out
    assert "“1500元”" not in out  # paid to the graduate: what the person gets
    assert "26.yaml 第1行第1列：错误[missing-field] 字段 能得到什么（offer）：有任务的项目须用平实的话写明居民能得到什么" in out
    assert "22.yaml" in out and "[no-task] 字段 能得到什么（offer）：本年无任务的项目不应写能得到什么" in out
    assert "15.yaml" in out and "政策标准 › 第1项（policy_parameters[0]）：以元或万元计的补助和标准须写明补助给谁；发现的值：“living-allowance”" in out


@pytest.mark.parametrize(("continues", "shown"), [
    ('  year: 2023\n  item: "13"\n', "data/2024/items/13.yaml 第{line}行第3列：错误[unknown-reference] 字段 延续的项目 › 年度（continues.year）："
                                      "延续的项目所在年度不在数据中；发现的值：2023；应为：本年度（2024）以前、data/ 中有的年度：（没有）"),
    ('  year: 2024\n  item: "13"\n', "延续的项目所在年度不在数据中"),  # not before its own year
])
def test_an_item_carries_on_only_an_earlier_years_item(data_copy, capsys, continues, shown):
    item = data_copy / "2024" / "items" / "13.yaml"
    text = item.read_text(encoding="utf-8")
    item.write_text(text + "continues:\n" + continues, encoding="utf-8")
    assert main(["validate", "--data", str(data_copy)]) == 1
    assert shown.format(line=text.count("\n") + 2) in capsys.readouterr().out


def test_an_item_file_refused_is_its_only_error_and_says_to_quote_a_number(data_copy, capsys):
    """`item: 9` unquoted is a number to YAML: the message says to write it in quotes; and the item's monthly rows,
    its ledger entries, its residents' words and its category's count are not called wrong for it as well."""
    item = data_copy / "2024" / "items" / "10.yaml"
    text = item.read_text(encoding="utf-8")
    item.write_text(text + "continues:\n  year: 2023\n  item: 9\n", encoding="utf-8")
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    errors = [line for line in out.splitlines() if "：错误[" in line]
    assert errors == [f"data/2024/items/10.yaml 第{text.count(chr(10)) + 3}行第3列：错误[wrong-type] 字段 延续的项目 › "
                      "项目编号（continues.item）：值的类型不对：没有引号的数字读作数；发现的值：9；应为：文字，加引号，如 \"09\"。"]
