"""The charts specified: what each plots, the rows of its CSV, and the sentence that states its finding
(the drawing: tests/render/test_charts.py)."""

from __future__ import annotations

import pytest

from minsheng.compute.addresses import Addresses
from minsheng.compute.figures import finding, progress_figure

MONTHS = ["2024-04", "2024-05", "2024-06", "2024-07"]


def test_csv_holds_exactly_what_is_plotted():
    figure = progress_figure(Addresses(2024), "测试", "item-x", MONTHS, [10, None, 60, 71], [23.3, 46.7, 70, 75])
    assert figure.header == ("月份", "进度（%）", "序时进度（%）")
    assert figure.rows == (("2024-04", "10.0", "23.3"), ("2024-05", "", "46.7"), ("2024-06", "60.0", "70.0"),
                           ("2024-07", "71.0", "75.0"))
    assert [[float(v) if v else None for v in column] for column in list(zip(*figure.rows))[1:]] == [
        series.values for series in figure.chart.series]


def test_nothing_measured_means_no_chart():
    assert progress_figure(Addresses(2024), "测试", "item-x", MONTHS, [None] * 4, [23.3, 46.7, 70, 75]) is None


@pytest.mark.parametrize(
    ("actual", "sentence"),
    [([10, 30, 60, 71], "截至2024年7月底，总体进度71.0%，慢于序时进度（75.0%）4.0个百分点。"),
     ([10, 30, 60, 80], "截至2024年7月底，总体进度80.0%，快于序时进度（75.0%）。"),
     ([10, 30, 60, 100], "截至2024年7月底，总体进度100.0%，已完成。"),
     ([10, 30, 60, None], "截至2024年6月底，总体进度60.0%，慢于序时进度（70.0%）10.0个百分点。")],
)
def test_alt_text_states_the_finding(actual, sentence):
    assert finding(MONTHS, actual, [23.3, 46.7, 70, 75], "总体") == sentence
