"""Charts: SVG in px with text kept as text, identical from one build to the next, and a copy of each with
larger text for 长辈模式."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minsheng.compute.addresses import Addresses
from minsheng.compute.figures import Series, StackedBars, progress_figure
from minsheng.render import charts
from minsheng.status import Status

MONTHS = ["2024-04", "2024-05", "2024-06", "2024-07"]


def test_svg_keeps_chinese_labels_as_text_and_is_reproducible():
    first = progress_figure(Addresses(2024), "测试", "item-x", MONTHS, [10, 30, 60, 71], [23.3, 46.7, 70, 75])
    svg = charts.draw(first.chart)
    texts = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    assert "进度与序时进度（%）" in texts and "7月" in texts and "序时进度" in texts
    assert "<path" in svg and "glyph" not in svg  # text is not drawn as glyph outlines
    assert "sans-serif" in svg
    again = charts.draw(progress_figure(Addresses(2024), "测试", "item-x", MONTHS, [10, 30, 60, 71], [23.3, 46.7, 70, 75]).chart)
    assert again == svg
    assert re.search(r"<dc:date>|\d{4}-\d\d-\d\dT", svg) is None


@pytest.mark.parametrize("kind", ["line", "bars"])
def test_month_labels_thin_out_when_they_would_touch(kind):
    def labels(count, font=charts.FONT):
        months = [f"2024-{m:02d}" for m in range(13 - count, 13)]
        if kind == "line":
            svg = charts.line_chart(months, [Series("进度", [100.0] * count, "actual")], "t", "d", font=font)
        else:
            svg = charts.stacked_bars(months, {Status.DONE: [100] * count}, "t", "d", font=font)
        return [t for t in re.findall(r"<text[^>]*>([^<]+)</text>", svg) if t.endswith("月")]

    assert labels(6) == [f"{m}月" for m in range(7, 13)]  # July to December: every month
    assert labels(9) == [f"{m}月" for m in range(4, 13, 2)]  # April to December: every other month
    assert labels(12) == [f"{m}月" for m in range(1, 13, 2)]  # a whole year: every other month
    assert labels(12, charts.LARGE_FONT) == [f"{m}月" for m in range(1, 13, 3)]  # larger text: every third


@pytest.mark.parametrize("large", [False, True])
def test_no_two_labels_of_a_chart_overlap(large):
    """Every text's box, estimated as the charts estimate it (CJK one em, others 0.6 em, one em high), lies
    inside the chart and apart from every other: at both sizes, for both kinds, with a legend that wraps."""
    font = charts.LARGE_FONT if large else charts.FONT
    funds = [Series("年度计划", [7210.74] * 9, "target"), Series("累计到位", [100.0 * m for m in range(9)], "actual"),
             Series("累计拨付", [50.0 * m for m in range(9)], "second")]
    months = [f"2024-{m:02d}" for m in range(4, 13)]
    counts = {status: [1] * 9 for status in Status}
    for svg in (charts.line_chart(months, funds, "资金到位与拨付（万元）", "d", "万元", font=font),
                charts.stacked_bars(months, counts, "各月项目状态", "d", font=font)):
        boxes = text_boxes(svg)
        width, height = (float(v) for v in ET.fromstring(svg).get("viewBox").split()[2:])
        for text, (x0, y0, x1, y1) in boxes:
            assert 0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height, text
        for i, (a, box_a) in enumerate(boxes):
            for b, box_b in boxes[i + 1:]:
                apart = box_a[2] <= box_b[0] or box_b[2] <= box_a[0] or box_a[3] <= box_b[1] or box_b[3] <= box_a[1]
                assert apart, (a, b, box_a, box_b)


def text_boxes(svg: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each text of a chart with its box (x0, y0, x1, y1), through the translations of the groups around it;
    a text turned upright (rotate(-90)) has its box turned too."""
    root = ET.fromstring(svg)
    font = float(root.get("font-size"))
    boxes = []

    def walk(element, dx, dy):
        move = re.match(r"translate\(([-\d.]+) ([-\d.]+)\)", element.get("transform") or "")
        if move:
            dx, dy = dx + float(move.group(1)), dy + float(move.group(2))
        if element.tag == SVG + "text":
            size = float(element.get("font-size") or font)
            width = charts._text_width(element.text, size)
            x = dx + float(element.get("x") or 0) + float(element.get("dx") or 0)
            y = dy + float(element.get("y") or 0)
            anchor = element.get("text-anchor") or "start"
            if "rotate(-90)" in (element.get("transform") or ""):  # centred on (x, y), reading upwards
                boxes.append((element.text, (x - size / 2, y - width / 2, x + size / 2, y + width / 2)))
            else:
                start = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
                boxes.append((element.text, (start, y - size * 0.88, start + width, y + size * 0.12)))
        for child in element:
            walk(child, dx, dy)

    walk(root, 0.0, 0.0)
    return boxes


def test_the_large_copy_is_the_same_chart_with_larger_text():
    figure = progress_figure(Addresses(2024), "测试", "item-x", MONTHS, [10, 30, 60, 71], [23.3, 46.7, 70, 75])
    normal, large = (ET.fromstring(charts.draw(figure.chart, large=flag)) for flag in (False, True))
    assert normal.get("font-size") == str(charts.FONT) and large.get("font-size") == str(charts.LARGE_FONT)
    assert normal.get("width") == large.get("width")  # as wide, so it is shown as large: its text larger
    assert float(large.get("height")) > float(normal.get("height"))  # and taller, for the larger text
    assert [e.text for e in large.iter(SVG + "title")] == [e.text for e in normal.iter(SVG + "title")]
    assert large.find(SVG + "desc").text == normal.find(SVG + "desc").text == figure.alt
    assert charts.large_path("charts/item-25.svg") == "charts/large/item-25.svg"
    # on a 360 px phone the chart is as wide as the content: 328 CSS px, 322 px in 长辈模式 (1.2 rem margins)
    assert charts.FONT * 328 / float(normal.get("width")) >= 12
    assert charts.LARGE_FONT * 321.6 / float(large.get("width")) >= 16


SVG = "{http://www.w3.org/2000/svg}"
# 已完成 rises, 滞后 falls, 未报送 is missing two months, 无任务 is none at all
STATUS_COUNTS = {Status.DONE: [0, 2, 5, 9], Status.BEHIND: [6, 4, 3, 1], Status.NOT_REPORTED: [3, 0, 0, 0],
                 Status.NO_TASK: [0, 0, 0, 0]}


def status_chart(counts=STATUS_COUNTS) -> str:
    description = "截至2024年7月底，已完成9项，滞后1项。"
    return charts.stacked_bars(MONTHS, counts, "各月项目状态", description)


def test_status_chart_is_a_titled_image_in_px_with_legible_text():
    svg = status_chart()
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag == SVG + "svg" and root.get("role") == "img" and root.get("aria-labelledby") == "title desc"
    assert root.find(SVG + "title").text == "各月项目状态" and root.find(SVG + "title").get("id") == "title"
    assert root.find(SVG + "desc").text == "截至2024年7月底，已完成9项，滞后1项。"
    assert root.find(SVG + "desc").get("id") == "desc"
    line = ET.fromstring(charts.line_chart(MONTHS, [Series("进度", [1, 2, 3, 4], "actual")], "t", "d"))
    assert root.get("width") == line.get("width") == "345.6"  # as wide as the line charts: SIZE[0] × 72 px
    assert root.get("viewBox").startswith("0 0 345.6 ")
    assert "pt" not in root.get("width") + root.get("height")
    assert root.get("font-size") == str(charts.FONT) and root.get("font-family") == charts.SVG_FONTS
    sizes = [t.get("font-size") for t in root.iter(SVG + "text")]
    assert sizes[0] == str(charts.FONT + 1) and set(sizes[1:]) == {None}  # the heading; all else FONT px
    assert svg == status_chart()  # byte-identical from one call to the next
    assert {e.get("id") for e in root.iter() if e.get("id")} == {
        "title", "desc", "bars-done", "bars-behind", "bars-not_reported", "bars-no_task"}


def segments(svg: str) -> dict[str, list[dict]]:
    """The bars' rects by status, from the fill of the group that holds them."""
    root = ET.fromstring(svg)
    return {g.get("fill")[len("url(#bars-"):-1]: [{k: float(v) for k, v in r.attrib.items()}
                                                 for r in g.iter(SVG + "rect")]
            for g in root.iter(SVG + "g") if (g.get("fill") or "").startswith("url(#bars-")}


def plot_edges(svg: str) -> tuple[float, float]:
    top, bottom = re.search(r'<path d="M[\d.]+ ([\d.]+)V([\d.]+)H[\d.]+" fill="none"', svg).groups()
    return float(top), float(bottom)


def test_each_nonzero_count_is_one_segment_its_height_in_proportion():
    svg = status_chart()
    drawn = segments(svg)
    assert {s: len(r) for s, r in drawn.items()} == {"done": 3, "behind": 4, "not_reported": 1, "no_task": 0}
    top, bottom = plot_edges(svg)
    ticks = re.findall(r'text-anchor="end">(\d+)</text>', svg)
    assert ticks == ["0", "2", "4", "6", "8", "10"]  # whole numbers, up to the highest total (10 in July)
    unit = (bottom - top) / 10
    assert drawn["behind"][0]["height"] == pytest.approx(6 * unit, abs=0.15)  # April: 滞后 6 items
    assert drawn["done"][2]["height"] == pytest.approx(9 * unit, abs=0.15)  # July: 已完成 9 items
    assert drawn["done"][2]["y"] + drawn["done"][2]["height"] == pytest.approx(bottom)  # 已完成 at the bottom
    # in April 未报送 (3) sits on 滞后 (6): its top is 9 units up
    assert drawn["not_reported"][0]["y"] == pytest.approx(bottom - 9 * unit, abs=0.15)
    for status, rects in drawn.items():
        heights = [r["height"] for r in rects]
        assert heights == pytest.approx([c * unit for c in STATUS_COUNTS[status] if c], abs=0.15)


def test_status_counts_are_ticked_in_whole_numbers():
    svg = status_chart({Status.DONE: [0, 1, 1, 1], Status.BEHIND: [1, 1, 0, 0]})  # two at most: no 0.5
    assert re.findall(r'text-anchor="end">([^<]+)</text>', svg) == ["0", "1", "2"]


def test_every_status_has_its_own_pattern_and_colour_and_a_legend_entry():
    counts = {status: [1, 2, 3, 4] for status in Status}
    svg = status_chart(counts)
    root = ET.fromstring(svg)
    patterns = {}  # id → (colour, hatch)
    for pattern in root.iter(SVG + "pattern"):
        hatch = pattern.find(SVG + "path")
        patterns[pattern.get("id")] = (pattern.find(SVG + "rect").get("fill"), "" if hatch is None else hatch.get("d"))
    assert set(patterns) == {f"bars-{s}" for s in Status}
    assert len({colour for colour, _ in patterns.values()}) == len(Status)  # a colour each
    assert len({hatch for _, hatch in patterns.values()}) == len(Status)  # and a hatch each: not colour alone
    assert set(segments(svg)) == set(Status)
    texts = [t.text for t in root.iter(SVG + "text")]
    assert {s.word for s in Status} <= set(texts)
    legend = root.findall(SVG + "g")[0]  # the first group: the legend, before the axes
    entries = legend.findall(SVG + "g")
    assert [e.find(SVG + "text").text for e in entries] == [s.word for s in Status]
    assert [e.find(SVG + "rect").get("fill") for e in entries] == [f"url(#bars-{s})" for s in Status]
    right = float(root.get("width")) - 6
    rows = set()
    for entry in entries:  # rows that wrap within the width (text widths estimated as the chart does)
        x, y = map(float, re.fullmatch(r"translate\(([\d.]+) ([\d.]+)\)", entry.get("transform")).groups())
        rows.add(y)
        label = entry.find(SVG + "text")
        assert x + float(label.get("x")) + charts._text_width(label.text, charts.FONT) <= right
    assert len(rows) == 3  # nine statuses wrap to three rows
    top, bottom = plot_edges(svg)
    row = sorted(rows)[1] - sorted(rows)[0]
    assert top == pytest.approx(plot_edges(status_chart())[0] + 2 * row, abs=0.15)  # the plot starts below the third row


def test_status_chart_is_drawn_through_its_spec():
    spec = StackedBars(MONTHS, STATUS_COUNTS, "各月项目状态", "d")
    assert charts.draw(spec) == charts.stacked_bars(MONTHS, STATUS_COUNTS, "各月项目状态", "d")


@given(st.one_of(st.just(0.0), st.floats(1e-6, 1e7), st.integers(0, 10_000).map(float),
                 st.integers(0, 10_000).map(lambda n: n / 10)), st.booleans())
@settings(max_examples=400, deadline=None)
def test_ticks_are_matplotlibs(highest, integer):
    """The y ticks match matplotlib's MaxNLocator, which charts.ticks works out without importing it."""
    from matplotlib.ticker import MaxNLocator

    expected = [t for t in MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], integer=integer).tick_values(0, highest or 1)
                if t >= 0]
    assert charts.ticks(highest, integer) == [float(t) for t in expected]
