"""Progress charts as SVG, with the data behind each one as CSV.

Both kinds, line charts (about two per item) and the status bars (one per site), are drawn from
templates in px, with FONT-size text, legible on a 360 px phone. Text stays text in the SVG: small,
selectable, read by screen readers and drawn by the reader's own CJK font. Colours are the Okabe–Ito
palette, safe for colour-blind readers, and no series is told apart by colour alone: each line has
its own line style or marker and a direct label, each status its own hatch pattern. Output is byte-identical from one build to the next (no dates, fixed
ids).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..months import number

from ..compute.figures import LineChart, Series, StackedBars

OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
             "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442", "grey": "#6B6B6B", "black": "#000000"}
# width × height in inches at 72 dpi: 4.8 in = 346 px, readable at 360 px without scaling down text
SIZE = (4.8, 2.9)
FONT = 11  # px: about 10 px on a 360 px phone


@dataclass(frozen=True)
class LineStyle:
    colour: str
    width: float
    dash: str | None  # SVG stroke-dasharray
    marker: str | None  # circle, square, triangle


LINE_STYLES = {
    "actual": LineStyle(OKABE_ITO["blue"], 2.2, None, "circle"),
    "second": LineStyle(OKABE_ITO["green"], 2, "12.8 3.2 2 3.2", "triangle"),
    "expected": LineStyle(OKABE_ITO["orange"], 1.6, "5.9 2.6", "square"),
    "target": LineStyle(OKABE_ITO["grey"], 1.4, "1.4 2.3", None),
}


@dataclass(frozen=True)
class BarStyle:
    colour: str
    hatch: str  # SVG path of the marks on a 6 × 6 px tile ("" for none)
    ink: str  # the marks' colour, in contrast with `colour`


# A bar's style by its status's place among the labels (labels.STATUS: 已完成, 超序时, 正常推进, 滞后,
# 严重滞后, 未完成, 未报送, 定性任务, 无任务), so a status keeps its look in every build.
BAR_STYLES = (
    BarStyle(OKABE_ITO["green"], "", "#ffffff"),  # solid
    BarStyle(OKABE_ITO["blue"], "M0 6L6 0M-1 1L1 -1M5 7L7 5", "#ffffff"),  # ／
    BarStyle(OKABE_ITO["sky"], "M0 0L6 6M-1 5L1 7M5 -1L7 1", "#000000"),  # ＼
    BarStyle(OKABE_ITO["orange"], "M0 3H6", "#000000"),  # horizontal lines
    BarStyle(OKABE_ITO["vermillion"], "M0 6L6 0M-1 1L1 -1M5 7L7 5M0 0L6 6M-1 5L1 7M5 -1L7 1", "#ffffff"),  # ×
    BarStyle(OKABE_ITO["black"], "M1 3H5", "#ffffff"),  # short dashes (未完成)
    BarStyle(OKABE_ITO["grey"], "M2.2 3a0.8 0.8 0 1 0 1.6 0a0.8 0.8 0 1 0 -1.6 0", "#ffffff"),  # dots
    BarStyle(OKABE_ITO["purple"], "M3 0V6", "#000000"),  # vertical lines
    BarStyle(OKABE_ITO["yellow"], "M0 3H6M3 0V6", "#000000"),  # grid
)
# the reader's browser draws the text, with the first of these it has
SVG_FONTS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
_SVG = Environment(loader=PackageLoader("minsheng.render", "templates"), autoescape=True, trim_blocks=True,
                   lstrip_blocks=True, undefined=StrictUndefined)
LEGEND_ROW = 17  # px between the rows of a legend that wraps
WIDTH = SIZE[0] * 72


def _round(value: float) -> float | int:
    value = round(value, 1)
    return int(value) if value == int(value) else value


def _tick_label(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text_width(text: str, size: float) -> float:
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in text)


RIGHT = _round(WIDTH - 10)  # the plot's right edge


class _Frame:
    """The axes both kinds of chart share: round y ticks, a band per month, and the months'
    names, every other one when a whole year would crowd the axis. Text widths are estimated (CJK
    characters one em, others 0.6 em): the reader's browser lays the text out, with its own font."""

    def __init__(self, months: list[str], ticks: list[float], top: float, bottom: float) -> None:
        self.months, self.ticks, self.top, self.bottom = months, ticks, top, bottom
        self.labels = [_tick_label(t) for t in ticks]
        self.left = _frame_left(ticks)
        self.right = RIGHT
        self.step = (self.right - self.left) / len(months)

    def x(self, index: int) -> float:
        """The middle of month `index`'s band."""
        return _round(self.left + (index + 0.5) * self.step)

    def y(self, value: float) -> float:
        return _round(self.bottom - value / self.ticks[-1] * (self.bottom - self.top))

    def context(self) -> dict:
        names = [f"{number(m)}月" for m in self.months]
        every = 1 if max(_text_width(name, FONT) for name in names) + 4 <= self.step else 2  # crowded: every other
        return {"left": self.left, "right": self.right, "top": self.top, "bottom": self.bottom,
                "middle": _round((self.top + self.bottom) / 2),
                "y_ticks": [{"y": self.y(t), "label": label} for t, label in zip(self.ticks, self.labels)],
                "x_ticks": [{"x": self.x(i), "label": label if i % every == 0 else ""} for i, label in enumerate(names)]}


def ticks(highest: float, integer: bool = False) -> list[float]:
    """Round y ticks from 0 to at least `highest`, at most about five steps (whole numbers only if
    `integer`): matplotlib's MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]), worked out for an axis that
    starts at 0, for the figures charts show (0, or at least a millionth: money to the cent, percentages to
    a tenth). Importing matplotlib for it took a third of a second of every build;
    tests/render/test_charts.py checks this against matplotlib itself."""
    top = float(highest) if highest >= 1e-6 else 1.0
    scale = 10 ** (math.log10(top / 5) // 1)
    steps = [step * scale for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20)]
    if integer:
        steps = [step for step in steps if step < 1 or abs(step - round(step)) < 0.001]
    large = [index for index, step in enumerate(steps) if step >= top / 5]
    for step in reversed(steps[: large[0] + 1 if large else len(steps)]):
        if integer and math.floor(top) >= 1:
            step = max(1.0, step)
        count, rest = divmod(top, step)
        result = [index * step for index in range(int(count if abs(rest / step) < 1e-10 else count + 1) + 1)]
        if sum(1 for tick in result if tick <= top) >= 2:
            break
    return result


def _frame_left(ticks: list[float]) -> float:
    """The plot's left edge: room for the longest tick label and the y label beside it."""
    return _round(22 + max(_text_width(_tick_label(t), FONT) for t in ticks))


def _svg(template: str, width: float, height: float, title: str, description: str, **chart) -> str:
    return _SVG.get_template(template).render(c={
        "width": _round(width), "height": _round(height), "fonts": SVG_FONTS, "font": FONT,
        "heading_font": FONT + 1, "title": title,
        "description": description, **chart})


def line_chart(months: list[str], series: list[Series], title: str, description: str, ylabel: str = "%") -> str:
    """An SVG line chart of monthly values; `description` is its text alternative.

    Drawn from a template rather than by matplotlib: a site has about two of these per item, and a
    template draws one in a fraction of a millisecond where matplotlib takes 30 ms."""
    height = SIZE[1] * 72
    values = [v for line in series for v in line.values if v is not None]
    frame = _Frame(months, ticks(max(values, default=0)), 50, _round(height - 24))
    lines = []
    for line in series:
        points = [(frame.x(i), frame.y(v)) for i, v in enumerate(line.values) if v is not None]
        lines.append({"style": LINE_STYLES[line.style], "points": points,
                      "path": "M" + "L".join(f"{px} {py}" for px, py in points)})
    legend, at = [], frame.left
    for line in series:
        legend.append({"style": LINE_STYLES[line.style], "label": line.label, "x": _round(at)})
        at += 36 + _text_width(line.label, FONT)
    return _svg("line-chart.svg.j2", WIDTH, height, title, description, ylabel=ylabel, legend_y=31, legend=legend,
                lines=lines, **frame.context())


def stacked_bars(months: list[str], counts: dict[str, list[int]], labels: dict[str, str], title: str,
                 description: str) -> str:
    """Counts by month as stacked bars, bottom to top in the order of `counts`; `labels` names every status
    (those without counts too) and its order fixes each status's colour and hatch pattern. `description`
    is the chart's text alternative. A zero count draws nothing."""
    if len(labels) > len(BAR_STYLES):
        raise ValueError(f"at most {len(BAR_STYLES)} statuses can be told apart, not {len(labels)}")
    order = list(labels)
    y_ticks = ticks(max((sum(month) for month in zip(*counts.values())), default=0), integer=True)
    left = _frame_left(y_ticks)
    legend, at, row = [], left, 0
    for status in counts:  # in rows that wrap within the chart's width
        width = 18 + _text_width(labels[status], FONT)
        if at > left and at + width > RIGHT:
            at, row = left, row + 1
        legend.append({"id": _status_id(status), "label": labels[status], "x": _round(at), "y": row * LEGEND_ROW})
        at += width + 12
    height = SIZE[1] * 72 + row * LEGEND_ROW
    frame = _Frame(months, y_ticks, 50 + row * LEGEND_ROW, _round(height - 24))
    bar = _round(frame.step * 0.6)
    statuses, base = [], [0] * len(months)
    for status, values in counts.items():
        segments = [{"x": _round(frame.x(i) - bar / 2), "y": frame.y(b + v),
                     "height": _round(frame.y(b) - frame.y(b + v))}  # edges shared with the segments around it
                    for i, (b, v) in enumerate(zip(base, values)) if v]
        statuses.append({"id": _status_id(status), "style": BAR_STYLES[order.index(status)], "segments": segments})
        base = [b + v for b, v in zip(base, values)]
    return _svg("stacked-bars.svg.j2", WIDTH, height, title, description, ylabel="项目数", legend_y=31,
                legend=legend, bar=bar, statuses=statuses, **frame.context())


def _status_id(status: str) -> str:
    return "bars-" + re.sub(r"[^A-Za-z0-9_-]", "_", status)


def draw(chart: LineChart | StackedBars) -> str:
    """The chart as SVG."""
    if isinstance(chart, LineChart):
        return line_chart(chart.months, chart.series, chart.title, chart.description, chart.ylabel)
    return stacked_bars(chart.months, chart.counts, chart.labels, chart.title, chart.description)
