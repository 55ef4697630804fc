"""The one rounding rule for every figure the site computes: 四舍五入 (half up, away from zero) on the figure as
written in decimal; percentages and progress to a tenth, money in 万元 to the cent. Python's round() rounds half
to even on the binary value (round(2.675, 2) is 2.67, round(0.25, 1) is 0.2), which is not how a reader checks a
published figure by hand."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def rounded(value: float, places: int) -> float:
    """`value` rounded half up to `places` decimals: 2.675 → 2.68, 0.25 → 0.3, -0.25 → -0.3."""
    written = repr(value)
    point = written.find(".")
    if point >= 0 and "e" not in written and len(written) - point - 1 <= places:
        return value  # written with no more decimals than that (most figures as reported): nothing to round
    return float(Decimal(written).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def tenth(value: float) -> float:
    """A percentage or a progress figure, as published: to 0.1."""
    return rounded(value, 1)


def cent(value: float) -> float:
    """An amount in 万元, as published: to 0.01."""
    return rounded(value, 2)
