import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minsheng.load.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "suffixes", "value", "changes"),
    [
        ("820", (), 820, ()),
        (" 820 ", (), 820, ("去掉多余空格",)),
        ("８２０", (), 820, ("全角字符改为半角",)),
        ("1,234", (), 1234, ("去掉千位分隔符",)),
        ("1,234,567.5", (), 1234567.5, ("去掉千位分隔符",)),
        ("99.5%", ("%",), 99.5, ("去掉单位“%”",)),
        ("99.5％", ("%",), 99.5, ("全角字符改为半角", "去掉单位“%”")),
        ("12.5万元", ("万元",), 12.5, ("去掉单位“万元”",)),
        ("", (), None, ()),
        ("0", (), 0, ()),
    ],
)
def test_certain_meanings_are_normalised_and_listed(text, suffixes, value, changes):
    parsed = parse_number(text, suffixes)
    assert parsed.error is None
    assert parsed.value == value
    assert parsed.changes == changes


@pytest.mark.parametrize(
    ("text", "suffixes", "reason"),
    [
        ("1,5", (), "逗号"),
        ("12,34", (), "逗号"),
        ("-5", (), "负数"),
        ("NaN", (), "不是有效的数"),
        ("inf", (), "不是有效的数"),
        ("=1+1", (), "公式"),
        ("1.2E+05", (), "科学计数法"),
        ("3万", (), "数量词"),
        ("12.5元", ("万元",), "含有数字以外"),
        ("12.5万", ("万元",), "本列单位已是万元"),
        ("约100", (), "含有数字以外"),
        ("80%", (), "含有数字以外"),
        ("1 000", (), "数字中间有空格"),
        ("1.2.3", (), "含有数字以外"),
        ("9" * 20, (), "数值过大"),
        ("已完成", (), "不是数字"),
    ],
)
def test_ambiguous_text_is_refused_with_a_reason(text, suffixes, reason):
    parsed = parse_number(text, suffixes)
    assert parsed.value is None
    assert reason in parsed.error


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False))
def test_any_plain_number_reads_back_exactly(number):
    parsed = parse_number(str(number))
    assert parsed.error is None and parsed.changes == ()
    assert math.isclose(parsed.value, float(number))


@given(st.integers(min_value=1000, max_value=10**11))
def test_thousands_separators_and_full_width_forms_read_the_same(number):
    grouped = f"{number:,}"
    full_width = grouped.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789,"})
    assert parse_number(grouped).value == number
    assert parse_number(full_width).value == number
    assert "去掉千位分隔符" in parse_number(full_width).changes


@given(st.text(max_size=12))
def test_never_raises_and_always_gives_a_value_or_a_reason_or_empty(text):
    parsed = parse_number(text, ("%", "万元"))
    if parsed.value is None and parsed.error is None:
        assert text.strip() == "" or "".join(text.split()) == ""
    if parsed.value is not None:
        assert parsed.value >= 0 and math.isfinite(parsed.value)
