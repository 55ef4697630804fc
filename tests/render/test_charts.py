"""Charts: text kept as text, measured with a CJK font, identical from one build to the next."""

from __future__ import annotations

import csv
import os
import re

import pytest

from minsheng.render import charts
from minsheng.render.figures import finding, progress_figure
from minsheng.render import outputs
from minsheng.render.outputs import Outputs

MONTHS = ["2024-04", "2024-05", "2024-06", "2024-07"]


def test_a_cjk_font_is_installed_to_measure_chart_text():
    if charts.cjk_font() is None:
        message = "no CJK font (Debian's fonts-noto-cjk): chart text would be measured with a wrong font"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def folder(tmp_path):
    return Outputs(tmp_path / "docs", tmp_path / "outputs.json")


def test_svg_keeps_chinese_labels_as_text_and_is_reproducible(tmp_path):
    first = progress_figure("测试", "item-x", MONTHS, [10, 30, 60, 71], [23.3, 46.7, 70, 75], folder(tmp_path))
    svg = first.chart.draw()
    texts = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    assert "进度与序时进度（%）" in texts and "7月" in texts and "序时进度" in texts
    assert "<path" in svg and "glyph" not in svg  # text is not drawn as glyph outlines
    assert "sans-serif" in svg
    again = progress_figure("测试", "item-x", MONTHS, [10, 30, 60, 71], [23.3, 46.7, 70, 75], folder(tmp_path)).chart.draw()
    assert again == svg
    assert re.search(r"<dc:date>|\d{4}-\d\d-\d\dT", svg) is None


def test_csv_holds_exactly_what_is_plotted(tmp_path):
    figure = progress_figure("测试", "item-x", MONTHS, [10, None, 60, 71], [23.3, 46.7, 70, 75], folder(tmp_path))
    raw = (tmp_path / "docs" / figure.csv).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows == [["月份", "进度（%）", "序时进度（%）"], ["2024-04", "10.0", "23.3"], ["2024-05", "", "46.7"],
                    ["2024-06", "60.0", "70.0"], ["2024-07", "71.0", "75.0"]]


def test_nothing_measured_means_no_chart(tmp_path):
    assert progress_figure("测试", "item-x", MONTHS, [None] * 4, [23.3, 46.7, 70, 75], folder(tmp_path)) is None


@pytest.mark.parametrize(
    ("actual", "sentence"),
    [([10, 30, 60, 71], "截至2024年7月底，总体进度71.0%，慢于序时进度（75.0%）4.0个百分点。"),
     ([10, 30, 60, 80], "截至2024年7月底，总体进度80.0%，快于序时进度（75.0%）。"),
     ([10, 30, 60, 100], "截至2024年7月底，总体进度100.0%，已完成。"),
     ([10, 30, 60, None], "截至2024年6月底，总体进度60.0%，慢于序时进度（70.0%）10.0个百分点。")],
)
def test_alt_text_states_the_finding(actual, sentence):
    assert finding(MONTHS, actual, [23.3, 46.7, 70, 75], "总体") == sentence


def test_charts_are_drawn_in_parallel_as_serially_and_once(tmp_path, monkeypatch):
    monkeypatch.setattr(outputs, "PARALLEL_WORK", 0)  # the pool, even for four charts
    first = folder(tmp_path)
    figures = [progress_figure("测试", f"item-{n}", MONTHS, [n, 30, 60, 71], [23.3, 46.7, 70, 75], first)
               for n in range(4)]
    jobs = [(f.svg, f.chart) for f in figures]
    assert charts.draw_all(jobs, first, workers=2) == 4
    first.finish()
    drawn = [(tmp_path / "docs" / target).read_bytes() for target, _ in jobs]
    assert drawn == [f.chart.draw().encode("utf-8") for f in figures]  # the pool draws what one process draws
    again = folder(tmp_path)
    assert charts.draw_all(jobs, again, workers=2) == 0  # the next build finds them made from the same specs
    again.finish()
    assert [(tmp_path / "docs" / target).read_bytes() for target, _ in jobs] == drawn


def test_a_changed_figure_is_drawn_again(tmp_path):
    first = folder(tmp_path)
    jobs = [(f.svg, f.chart) for f in (progress_figure("测试", f"item-{n}", MONTHS, [n, 30, 60, 71], [23.3, 46.7, 70, 75],
                                                      first) for n in (1, 2))]
    charts.draw_all(jobs, first, workers=1)
    first.finish()
    again = folder(tmp_path)
    changed = progress_figure("测试", "item-1", MONTHS, [1, 30, 60, 72], [23.3, 46.7, 70, 75], again)
    assert charts.draw_all([(changed.svg, changed.chart), jobs[1]], again, workers=1) == 1
    again.finish()
    assert (tmp_path / "docs" / changed.svg).read_text(encoding="utf-8") == changed.chart.draw()


def test_month_labels_thin_out_when_they_would_touch():
    def labels(count):
        months = [f"2024-{m:02d}" for m in range(13 - count, 13)]
        svg = charts.line_chart(months, [charts.Series("进度", [10.0] * count, "actual")], "t", "d")
        return [t for t in re.findall(r"<text[^>]*>([^<]+)</text>", svg) if t.endswith("月")]

    assert labels(9) == [f"{m}月" for m in range(4, 13)]  # April to December: every month
    assert labels(12) == [f"{m}月" for m in range(1, 13, 2)]  # a whole year: every other month
