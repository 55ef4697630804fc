"""The one rounding rule: half up on the figure as written, as a reader checks it by hand."""

from __future__ import annotations

import pytest

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
