"""The privacy guard: ID numbers (checksum), mobile numbers and bank cards (Luhn) are refused; masked forms pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, edit_csv
from minsheng.cli import main
from minsheng.validate.privacy import ID_CHECK, ID_WEIGHTS, personal_numbers, resident_id

VALID_ID = "11010519491231002X"  # the standard's own example


def with_check_digit(first17: str) -> str:
    return first17 + ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS)) % 11]


def test_resident_id_checksum():
    assert resident_id(VALID_ID) and resident_id(VALID_ID.lower())
    assert not resident_id("110105194912310021")  # wrong check digit: an ordinary 18-digit number


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (f"联系人身份证{VALID_ID}已核实", ["居民身份证号码"]),
        ("请致电13812341234咨询", ["手机号码"]),
        ("卡号4111111111111111", ["银行卡号"]),  # passes the Luhn check
        ("编号4111111111111112", []),  # does not
        ("联系 138****1234，证件 34**************12", []),
        ("全年资金 12345678901 元", []),  # not a mobile pattern (starts with 12)
        ("12345热线、0559-5512345", []),
        ("110105194912310021 号文件", []),  # 18 digits, wrong checksum
    ],
)
def test_personal_numbers(text, kinds):
    assert [kind for kind, _ in personal_numbers(text)] == kinds


@given(st.from_regex(r"[1-6][0-9]{16}", fullmatch=True))
def test_every_valid_id_is_caught_and_its_masked_form_passes(first17):
    number = with_check_digit(first17)
    assert [kind for kind, _ in personal_numbers(f"身份证{number}。")] == ["居民身份证号码"]
    assert personal_numbers(f"身份证{number[:2]}{'*' * 14}{number[-2:]}。") == []


def test_a_build_with_an_id_number_fails_and_names_the_field(draft_copy, tmp_path, capsys):
    row = edit_csv(draft_copy / "2024" / "progress" / "2024-12.csv", {"项目编号": "02", "指标编号": ""},
                   {"进展情况": f"已向张三（身份证{VALID_ID}）发放补贴"})
    out = tmp_path / "site"
    assert main(["build", "--data", str(draft_copy), "--out", str(out), "--config", str(ROOT / "mkdocs.yml"), "--work", str(tmp_path / "work")]) == 1
    printed = capsys.readouterr().out
    assert f"progress/2024-12.csv 第{row}行第8列：错误[privacy] 字段 进展情况：含有居民身份证号码，个人信息不得公开" in printed
    assert VALID_ID not in printed and "“110…002X（中间已隐去）”" in printed
    assert not out.exists()


def test_ledger_text_is_guarded_too(draft_copy, capsys):
    ledger = draft_copy / "2024" / "problems.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("配套资金未按时拨付到位（样例）",
                                                                 "群众13812341234反映配套资金未到位"), encoding="utf-8")
    assert main(["validate", "--data", str(draft_copy)]) == 1
    assert "问题描述（problems[0].description）：含有手机号码" in capsys.readouterr().out


def test_two_numbers_in_one_note_are_both_named(draft_copy, capsys):
    row = edit_csv(draft_copy / "2024" / "progress" / "2024-12.csv", {"项目编号": "02", "指标编号": ""},
                   {"进展情况": f"张三身份证{VALID_ID}，电话13812341234"})
    assert main(["validate", "--data", str(draft_copy)]) == 1
    printed = capsys.readouterr().out
    for kind in ("居民身份证号码", "手机号码"):
        assert f"progress/2024-12.csv 第{row}行第8列：错误[privacy] 字段 进展情况：含有{kind}" in printed
