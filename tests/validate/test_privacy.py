"""The privacy guard: ID numbers (checksum), mobile numbers and bank cards (Luhn) are refused however they are
written (groups, full-width digits, +86, Excel's number forms); masked forms, landlines, amounts and dates pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, edit_csv
from minsheng.cli import main
from minsheng.validate.privacy import ID_CHECK, ID_WEIGHTS, personal_numbers, resident_id

VALID_ID = "11010519491231002X"  # the standard's own example
GROUPED_ID = "34010219900101009X"  # check digit right, written in groups below
EXCEL_ID = "340102199001017000"  # an ID as an Excel number cell keeps it: 15 digits, then zeros; passes Luhn too
MOBILE, MOBILE_SHOWN = "13912345678", "139…5678（中间已隐去）"
CARD, CARD_SHOWN = "6222021234567890128", "622…0128（中间已隐去）"  # Luhn-valid


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
        ("合同 900105194912310021 号", []),  # 18 digits, wrong checksum, no province code
        ("110105194912310021 号文件", ["居民身份证号码"]),  # wrong check digit, but an area code and a birth date
    ],
)
def test_personal_numbers(text, kinds):
    assert [kind for kind, _ in personal_numbers(text)] == kinds


@pytest.mark.parametrize(
    ("text", "kind", "number", "shown"),
    [
        ("电话 139 1234 5678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话139-1234-5678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话139.1234.5678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话 +86 139 1234 5678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话+86-13912345678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话 0086 13912345678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话(+86)13912345678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话+8613912345678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话１３９１２３４５６７８", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话（＋８６）１３９－１２３４－５６７８", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话 139\u30001234\u00a05678", "手机号码", MOBILE, MOBILE_SHOWN),  # ideographic and no-break spaces
        ("电话 139 1234  5678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话 1391 234 5678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话 139 - 1234 - 5678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("电话139·1234·5678", "手机号码", MOBILE, MOBILE_SHOWN),
        ("身份证 340102 19900101 009X", "居民身份证号码", GROUPED_ID, "340…009X（中间已隐去）"),
        ("身份证 340102-19900101-009X", "居民身份证号码", GROUPED_ID, "340…009X（中间已隐去）"),
        ("身份证 3401 0219 9001 0100 9X", "居民身份证号码", GROUPED_ID, "340…009X（中间已隐去）"),
        ("身份证34010219900101009x", "居民身份证号码", GROUPED_ID.lower(), "340…009x（中间已隐去）"),
        ("身份证３４０１０２１９９００１０１００９Ｘ", "居民身份证号码", GROUPED_ID, "340…009X（中间已隐去）"),
        ("卡号 6222 0212 3456 7890 128", "银行卡号", CARD, CARD_SHOWN),
        ("卡号6222-0212-3456-7890-128", "银行卡号", CARD, CARD_SHOWN),
        ("卡号６２２２０２１２３４５６７８９０１２８", "银行卡号", CARD, CARD_SHOWN),
    ],
)
def test_a_number_written_as_people_write_it_is_refused_and_never_shown_whole(text, kind, number, shown):
    assert personal_numbers(text) == [(kind, shown)]
    assert number not in shown.replace("…", "") and "*" not in shown  # never whole, never like the allowed mask


@pytest.mark.parametrize(
    "text",
    [
        "办公室电话 0559-5512345", "办公室电话 0559 551 2345", "办公室电话(0559)5512345", "办公室电话 05595512345",
        "办公室电话（０５５９）５５１２３４５", "12345 热线", "0559-5512345、12345",
        "资金 1,234,567.89 元", "资金 12 345 元", "合计 11.228 万元", "完成 98.5%", "项目 01-03、第 1391 号",
        "2024-07-31", "20240731", "2024.07.31 至 2024.08.31", "2024-07-31 2024-08-31", "黄民生办〔2024〕4号",
        "联系 139****5678", "联系 139 **** 5678", "证件 340102********123X", "卡号 6222 **** **** 0128",
        "订单 202406150000123456",  # 18 digits that begin with no area code and birth date
        "编号 340000199001011234",  # a province code, but no area inside it (0000)
        "3.40102E+17",  # what Excel shows in a narrow cell: the birth date is gone, nothing personal is left
        "资金 13 912 345 678 元",  # thousands in groups: a short group is never joined into a mobile number
        "电话 0559-5512345 5512342",  # two landlines sharing an area code: 18 digits pass Luhn, but not in fours
        "值班电话 5512345 5512341 2024年启用",  # 18 digits, right check digit, but no province code or birth date
    ],
)
def test_what_is_not_personal_passes(text):
    assert personal_numbers(text) == []


@pytest.mark.parametrize(
    "cell",
    [EXCEL_ID, f"{EXCEL_ID}.0", "3.40102199001017e+17", "3.40102199001017E+17", int(EXCEL_ID), float(EXCEL_ID),
     f"身份证{EXCEL_ID}"],
    ids=str,
)
def test_an_id_from_an_excel_number_cell_is_named_as_an_id_with_its_digits_unchanged(cell):
    """Excel keeps 15 significant digits: the check digit is lost, the number still is somebody's ID.
    It passes the Luhn check too, and must not be called a bank card."""
    assert personal_numbers(cell) == [("居民身份证号码", "340…7000（中间已隐去）")]


@pytest.mark.parametrize("typed", ["340102199001010091", "34010219900101009 1", "340102 19900101 0091", "３４０１０２１９９００１０１００９１"])
def test_an_id_with_one_digit_mistyped_is_still_refused(typed):
    """The check digit is wrong (…0091 for …009X), but the number still shows an area code and a birth date."""
    assert not resident_id("340102199001010091")
    assert personal_numbers(f"身份证 {typed}") == [("居民身份证号码", "340…0091（中间已隐去）")]


def test_two_numbers_side_by_side_are_both_found():
    assert personal_numbers("13912345678 13812345678") == [("手机号码", MOBILE_SHOWN), ("手机号码", "138…5678（中间已隐去）")]
    assert personal_numbers("张三 340102 19900101 009X 电话 139-1234-5678 热线 12345") == [
        ("居民身份证号码", "340…009X（中间已隐去）"), ("手机号码", MOBILE_SHOWN)]
    assert personal_numbers("0559-5512345 13912345678") == [("手机号码", MOBILE_SHOWN)]


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.sampled_from([" ", "-", ".", "·", "－", "\u3000", " - "]),
       st.booleans())
def test_every_mobile_in_groups_is_caught_and_its_masked_form_passes(number, separator, full_width):
    text = separator.join((number[:3], number[3:7], number[7:]))
    if full_width:
        text = text.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    assert personal_numbers(f"电话{text}。") == [("手机号码", f"{number[:3]}…{number[-4:]}（中间已隐去）")]
    assert personal_numbers(f"电话{number[:3]}{separator}****{separator}{number[-4:]}。") == []


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
                   {"进展情况": "张三身份证340102 19900101 009X，电话139-1234-5678"})
    assert main(["validate", "--data", str(draft_copy)]) == 1
    printed = capsys.readouterr().out
    for kind, shown in (("居民身份证号码", "340…009X（中间已隐去）"), ("手机号码", MOBILE_SHOWN)):
        assert f"progress/2024-12.csv 第{row}行第8列：错误[privacy] 字段 进展情况：含有{kind}，个人信息不得公开；发现的值：“{shown}”" in printed
    assert not [number for number in (GROUPED_ID, "340102 19900101 009X", MOBILE, "139-1234-5678") if number in printed]


def test_a_corrected_text_is_quoted_with_its_numbers_hidden():
    from minsheng.validate.privacy import hidden

    quoted = hidden("联系人电话 139 1234 5678，身份证340102199001011000")
    assert quoted == "联系人电话 139****5678，身份证340***********1000" and personal_numbers(quoted) == []
    assert hidden("按计划推进，0559-5512345") == "按计划推进，0559-5512345"
