"""Progress charts as SVG, with the data behind each one as CSV.

Both kinds, line charts (about two per item) and the status bars (one per site), are drawn from
templates in px, each twice: with FONT-size text (the chart in the page, at least 12 CSS px on a 360 px
phone) and with LARGE_FONT-size text (the same chart for 长辈模式, at least 16 CSS px there: portal.js
shows it in place of the first, from large_path()). Every length but the width follows the font size, so
larger text means fewer month labels, more legend rows and a taller chart, never overlapping text. Text
stays text in the SVG: selectable, read by screen readers and drawn by the reader's own CJK font. Colours
are the Okabe–Ito palette, safe for colour-blind readers, and no series is told apart by colour alone:
each line has its own line style or marker and a direct label, each status its own hatch pattern. Output
is byte-identical from one build to the next (no dates, fixed ids).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..compute.figures import LineChart, Series, StackedBars
from ..months import number
from ..status import OKABE_ITO, Status

# 4.8 in at 72 dpi = 345.6 px wide, about the content's width on a 360 px phone (328 px; 322 px in 长辈模式),
# where the chart is scaled down to fit: its text is drawn at font-size × 328 / 345.6 CSS px
WIDTH = 4.8 * 72
FONT = 13.5  # px: 12.8 CSS px on a 360 px phone
LARGE_FONT = 18  # px: 16.7 CSS px on a 360 px phone in 长辈模式
PLOT = 135  # px: the plot's height, between the axes' ends


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


# the reader's browser draws the text, with the first of these it has
SVG_FONTS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
_SVG = Environment(loader=PackageLoader("minsheng.render", "templates"), autoescape=True, trim_blocks=True,
                   lstrip_blocks=True, undefined=StrictUndefined)


def _round(value: float) -> float | int:
    """A length as the charts write it: to 0.1 px, without a needless ".0"."""
    value = round(value, 1)
    return int(value) if value == int(value) else value


def _tick_label(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text_width(text: str, size: float) -> float:
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in text)


RIGHT = _round(WIDTH - 6)  # the plot's right edge: the last month's label, centred in its band, fits beside it


@dataclass(frozen=True)
class _Type:
    """The vertical lengths of a chart drawn with text of `font` px: each in proportion to it."""
    font: float

    @property
    def heading(self) -> float:  # the title's baseline
        return _round(self.font * 1.35)

    @property
    def legend(self) -> float:  # the middle of the legend's first row
        return _round(self.heading + self.font * 1.2 + 1)

    @property
    def row(self) -> float:  # between the rows of a legend that wraps
        return _round(self.font * 1.55)

    def top(self, rows: int) -> float:  # the plot's top, below the legend's last row
        return _round(self.legend + rows * self.row + self.font * 1.4)

    def height(self, rows: int) -> float:  # the whole chart: legend, plot and the month labels under it
        return _round(self.top(rows) + PLOT + self.font * 2.2)


def _frame_left(ticks: list[float], font: float) -> float:
    """The plot's left edge: room for the y label (turned upright, one line high, 2 px from the edge), a gap
    of 0.4 em, the longest tick label and 0.75 em for the tick and the space after it."""
    return _round(2 + font * 2.15 + max(_text_width(_tick_label(t), font) for t in ticks))


class _Frame:
    """The axes both kinds of chart share: round y ticks, a band per month, and the months' names:
    every one, or every second, third, fourth or sixth when they would touch. Text widths are estimated
    (CJK characters one em, others 0.6 em): the reader's browser lays the text out, with its own font."""

    def __init__(self, months: list[str], ticks: list[float], top: float, bottom: float, font: float) -> None:
        self.months, self.ticks, self.top, self.bottom, self.font = months, ticks, top, bottom, font
        self.labels = [_tick_label(t) for t in ticks]
        self.left = _frame_left(ticks, font)
        self.right = RIGHT
        self.step = (self.right - self.left) / len(months)

    def x(self, index: int) -> float:
        """The middle of month `index`'s band."""
        return _round(self.left + (index + 0.5) * self.step)

    def y(self, value: float) -> float:
        return _round(self.bottom - value / self.ticks[-1] * (self.bottom - self.top))

    def context(self) -> dict:
        names = [f"{number(m)}月" for m in self.months]
        widest = max(_text_width(name, self.font) for name in names) + self.font * 0.3  # with a gap
        every = next((n for n in (1, 2, 3, 4, 6) if widest <= n * self.step), 12)
        font = self.font
        return {"left": self.left, "right": self.right, "top": self.top, "bottom": self.bottom,
                "middle": _round((self.top + self.bottom) / 2), "ylabel_x": _round(font / 2 + 2),
                "tick": _round(font * 0.3), "tick_dx": _round(-font * 0.75), "centre": _round(font * 0.35),
                "month_y": _round(font * 1.45),
                "y_ticks": [{"y": self.y(t), "label": label} for t, label in zip(self.ticks, self.labels)],
                "x_ticks": [{"x": self.x(i), "label": label if i % every == 0 else ""} for i, label in enumerate(names)]}


def _legend(labels: list[str], left: float, entry: float, font: float) -> tuple[list[tuple[float, int]], int]:
    """Where each legend entry starts, (x, row), in rows that wrap within the chart's width; `entry` is the
    room before each label (its line or swatch). Returns the places and the number of rows after the first."""
    places, at, row = [], left, 0
    for label in labels:
        width = entry + _text_width(label, font)
        if at > left and at + width > RIGHT:
            at, row = left, row + 1
        places.append((_round(at), row))
        at += width + font
    return places, row


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


def _svg(template: str, width: float, height: float, title: str, description: str, font: float, **chart) -> str:
    heading = font + 1
    return _SVG.get_template(template).render(c={
        "width": _round(width), "height": _round(height), "fonts": SVG_FONTS, "font": _round(font),
        "heading_font": _round(heading), "heading_y": _Type(font).heading, "title": title,
        "title_x": _round(max(4, min(chart["left"], RIGHT - _text_width(title, heading)))),
        "description": description, **chart})


def _scaled(style: LineStyle, k: float) -> LineStyle:
    """A line style for text `k` times FONT: lines and dashes as much thicker and longer."""
    dash = " ".join(str(_round(float(d) * k)) for d in style.dash.split()) if style.dash else None
    return LineStyle(style.colour, _round(style.width * k), dash, style.marker)


def line_chart(months: list[str], series: list[Series], title: str, description: str, ylabel: str = "%",
               font: float = FONT) -> str:
    """An SVG line chart of monthly values, with text of `font` px; `description` is its text alternative.

    Drawn from a template rather than by matplotlib: a site has about two of these per item, and a
    template draws one in a fraction of a millisecond where matplotlib takes 30 ms."""
    k, kind = font / FONT, _Type(font)
    values = [v for line in series for v in line.values if v is not None]
    y_ticks = ticks(max(values, default=0))
    left = _frame_left(y_ticks, font)
    sample = _round(20 * k)  # the legend's piece of line
    label_x = _round(sample + 4 * k)
    places, rows = _legend([line.label for line in series], left, label_x, font)
    height = kind.height(rows)
    frame = _Frame(months, y_ticks, kind.top(rows), _round(height - font * 2.2), font)
    lines = []
    for line in series:
        style = _scaled(LINE_STYLES[line.style], k)
        points = [(frame.x(i), frame.y(v)) for i, v in enumerate(line.values) if v is not None]
        lines.append({"style": style, "points": points, "path": "M" + "L".join(f"{px} {py}" for px, py in points)})
    legend = [{"style": entry["style"], "label": line.label, "x": x, "y": _round(row * kind.row)}
              for entry, line, (x, row) in zip(lines, series, places)]
    marker = {"radius": _round(2.5 * k), "side": _round(4 * k), "half_side": _round(2 * k),  # circle, square
              "apex": _round(3 * k), "half_base": _round(2.8 * k), "height": _round(5 * k), "base": _round(5.6 * k)}
    return _svg("line-chart.svg.j2", WIDTH, height, title, description, font, ylabel=ylabel,
                legend_y=kind.legend, legend=legend, lines=lines, marker=marker, sample_path=f"M0 0h{sample}",
                sample_middle=_round(sample / 2), label_x=label_x, **frame.context())


def stacked_bars(months: list[str], counts: dict[Status, list[int]], title: str, description: str,
                 font: float = FONT) -> str:
    """Counts by month as stacked bars, bottom to top in the order of `counts`, with text of `font` px; each
    status in its own colour and hatch pattern (its chart style). `description` is the chart's text
    alternative. A zero count draws nothing."""
    kind = _Type(font)
    y_ticks = ticks(max((sum(month) for month in zip(*counts.values())), default=0), integer=True)
    left = _frame_left(y_ticks, font)
    swatch = _round(font)  # the legend's square of each status's pattern
    label_x = _round(swatch + font * 0.3)
    places, rows = _legend([status.word for status in counts], left, label_x, font)
    legend = [{"id": _status_id(status), "label": status.word, "x": x, "y": _round(row * kind.row)}
              for status, (x, row) in zip(counts, places)]
    height = kind.height(rows)
    frame = _Frame(months, y_ticks, kind.top(rows), _round(height - font * 2.2), font)
    bar = _round(frame.step * 0.6)
    statuses, base = [], [0] * len(months)
    for status, values in counts.items():
        segments = [{"x": _round(frame.x(i) - bar / 2), "y": frame.y(b + v),
                     "height": _round(frame.y(b) - frame.y(b + v))}  # edges shared with the segments around it
                    for i, (b, v) in enumerate(zip(base, values)) if v]
        statuses.append({"id": _status_id(status), "style": status.bar, "segments": segments})
        base = [b + v for b, v in zip(base, values)]
    return _svg("stacked-bars.svg.j2", WIDTH, height, title, description, font, ylabel="项目数",
                legend_y=kind.legend, legend=legend, bar=bar, statuses=statuses, swatch=swatch,
                swatch_top=_round(swatch * 0.4), swatch_height=_round(swatch * 0.8), label_x=label_x, **frame.context())


def _status_id(status: str) -> str:
    return "bars-" + re.sub(r"[^A-Za-z0-9_-]", "_", status)


def draw(chart: LineChart | StackedBars, large: bool = False) -> str:
    """The chart as SVG: with FONT-size text, or with `large`, LARGE_FONT-size text for 长辈模式."""
    font = LARGE_FONT if large else FONT
    if isinstance(chart, LineChart):
        return line_chart(chart.months, chart.series, chart.title, chart.description, chart.ylabel, font)
    return stacked_bars(chart.months, chart.counts, chart.title, chart.description, font)


def large_path(path: str) -> str:
    """Where the 长辈模式 copy of the chart at `path` goes: charts/x.svg → charts/large/x.svg (portal.js
    makes the same change to an image's address)."""
    folder, name = path.rsplit("/", 1)
    return f"{folder}/large/{name}"
