"""The one rounding rule: half up on the figure as written, as a reader checks it by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minsheng.rounding import cent, rounded, tenth


@pytest.mark.parametrize(("value", "places", "expected"), [
    (2.675, 2, 2.68),    # round() gives 2.67: 2.675 is 2.67499999… in binary
    (0.25, 1, 0.3),      # round() gives 0.2: half to even
    (0.35, 1, 0.4),
    (-0.25, 1, -0.3),    # away from zero, as 四舍五入 is written
    (62.456, 1, 62.5),
    (7.04, 1, 7.0),
    (1e-7, 2, 0.0),
    (100.0, 1, 100.0),
])
def test_half_up_on_the_written_figure(value, places, expected):
    assert rounded(value, places) == expected


def test_percentages_to_a_tenth_and_money_to_the_cent():
    assert (tenth(33.35), cent(6665.555)) == (33.4, 6665.56)


def test_every_computed_figure_goes_through_the_rule():
    """No compute module rounds a figure with round(x, n) of its own."""
    import re
    from pathlib import Path

    import minsheng.compute

    found = [f"{path.name}:{number}" for path in Path(minsheng.compute.__file__).parent.glob("*.py")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bround\([^()]*(\([^()]*\)[^()]*)*, [12]\)", line)]
    assert found == []


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9) | st.sampled_from([12.3, 45.0, -0.0, 0.05]),
       st.sampled_from([1, 2]))
def test_a_figure_already_written_to_the_place_is_itself_and_every_other_is_rounded_by_decimal(value, places):
    """The shortcut for a figure with no more decimals than asked gives what rounding it as a decimal gives."""
    from decimal import ROUND_HALF_UP, Decimal

    expected = float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
    assert repr(rounded(value, places)) == repr(expected)
