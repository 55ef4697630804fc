"""Progress charts as SVG, with the data behind each one as CSV.

Both kinds, line charts (about two per item) and the status bars (one per site), are written with
format strings in px (a Jinja2 template spent most of a chart's time calling macros for every point),
each twice: with FONT-size text (the chart in the page, at least 12 CSS px on a 360 px
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

from markupsafe import escape

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
                "y_ticks": [(self.y(t), label) for t, label in zip(self.ticks, self.labels)],
                "x_ticks": [(self.x(i), label if i % every == 0 else "") for i, label in enumerate(names)]}


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


def _svg(width: float, height: float, title: str, description: str, font: float, c: dict) -> str:
    """The opening of a chart: its size, fonts, title and text alternative, and the title drawn."""
    heading = font + 1
    title_x = _round(max(4, min(c["left"], RIGHT - _text_width(title, heading))))
    width, height, title = _round(width), _round(height), _text(title)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
            f' role="img" aria-labelledby="title desc" font-family="{_text(SVG_FONTS)}" font-size="{_round(font)}"'
            f' fill="#000000">\n<title id="title">{title}</title>\n<desc id="desc">{_text(description)}</desc>\n'
            f'<rect width="100%" height="100%" fill="#ffffff"/>\n'
            f'<text x="{title_x}" y="{_Type(font).heading}" font-size="{_round(heading)}">{title}</text>\n')


def _axes(c: dict) -> str:
    """Grid lines and tick labels, drawn under the data."""
    left, right, tick, centre = c["left"], c["right"], c["tick"], c["centre"]
    parts = [f'<g transform="translate(0 {y})"><path d="M{left} 0H{right}" stroke="#dddddd" stroke-width="0.6"/>'
             f'<path d="M{left} 0h-{tick}" stroke="#000000" stroke-width="0.8"/><text x="{left}" dx="{c["tick_dx"]}"'
             f' y="{centre}" text-anchor="end">{_text(label)}</text></g>\n' for y, label in c["y_ticks"]]
    parts.append(f'<text transform="translate({c["ylabel_x"]} {c["middle"]}) rotate(-90)" text-anchor="middle"'
                 f' dominant-baseline="central">{_text(c["ylabel"])}</text>\n')
    bottom, month_y = c["bottom"], c["month_y"]
    parts += [f'<g transform="translate({x} {bottom})"><path d="M0 0v{tick}" stroke="#000000" stroke-width="0.8"/>'
              + (f'<text y="{month_y}" text-anchor="middle">{_text(label)}</text>' if label else "") + "</g>\n"
              for x, label in c["x_ticks"]]
    return "".join(parts)


def _frame_line(c: dict) -> str:
    """The axis lines."""
    return f'<path d="M{c["left"]} {c["top"]}V{c["bottom"]}H{c["right"]}" fill="none" stroke="#000000" stroke-width="0.8"/>\n'


def _text(value: str) -> str:
    """Text or an attribute's value, escaped for SVG."""
    return str(escape(value))


def _scaled(style: LineStyle, k: float) -> LineStyle:
    """A line style for text `k` times FONT: lines and dashes as much thicker and longer."""
    dash = " ".join(str(_round(float(d) * k)) for d in style.dash.split()) if style.dash else None
    return LineStyle(style.colour, _round(style.width * k), dash, style.marker)


def line_chart(months: list[str], series: list[Series], title: str, description: str, ylabel: str = "%",
               font: float = FONT) -> str:
    """An SVG line chart of monthly values, with text of `font` px; `description` is its text alternative.

    Written as text rather than drawn by matplotlib: a site has about two of these per item, and this
    writes one in a fraction of a millisecond where matplotlib takes 30 ms."""
    k, kind = font / FONT, _Type(font)
    values = [v for line in series for v in line.values if v is not None]
    y_ticks = ticks(max(values, default=0))
    left = _frame_left(y_ticks, font)
    sample = _round(20 * k)  # the legend's piece of line
    label_x = _round(sample + 4 * k)
    places, rows = _legend([line.label for line in series], left, label_x, font)
    height = kind.height(rows)
    frame = _Frame(months, y_ticks, kind.top(rows), _round(height - font * 2.2), font)
    c = {**frame.context(), "ylabel": ylabel}
    size = {"radius": _round(2.5 * k), "side": _round(4 * k), "half_side": _round(2 * k),  # circle, square
            "apex": _round(3 * k), "half_base": _round(2.8 * k), "height": _round(5 * k), "base": _round(5.6 * k)}
    styles = [_scaled(LINE_STYLES[line.style], k) for line in series]
    sample_path, middle = f"M0 0h{sample}", _round(sample / 2)
    parts = [_svg(WIDTH, height, title, description, font, c), f'<g transform="translate(0 {kind.legend})">\n']
    parts += [f'<g transform="translate({x} {_round(row * kind.row)})">{_line(style, sample_path)}'
              f'{_marker(style, middle, 0, size)}<text x="{label_x}" y="{c["centre"]}">{_text(line.label)}</text></g>\n'
              for style, line, (x, row) in zip(styles, series, places)]
    parts += ["</g>\n", _axes(c), _frame_line(c)]
    for style, line in zip(styles, series):
        points = [(frame.x(i), frame.y(v)) for i, v in enumerate(line.values) if v is not None]
        parts.append(_line(style, "M" + "L".join(f"{px} {py}" for px, py in points)) + "\n")
        parts += [_marker(style, px, py, size) for px, py in points]
    parts.append("</svg>")
    return "".join(parts)


def _line(style: LineStyle, d: str) -> str:
    dash = f' stroke-dasharray="{_text(style.dash)}"' if style.dash else ""
    return (f'<path d="{_text(d)}" fill="none" stroke="{_text(style.colour)}" stroke-width="{style.width}"{dash}'
            ' stroke-linejoin="round"/>')


def _marker(style: LineStyle, x: float, y: float, size: dict) -> str:
    """A point's marker, `size` its lengths at the chart's font size; nothing for a line without one."""
    colour = _text(style.colour)
    if style.marker == "circle":
        return f'<circle cx="{x}" cy="{y}" r="{size["radius"]}" fill="{colour}"/>\n'
    if style.marker == "square":
        side, half = size["side"], size["half_side"]
        return (f'<rect x="{x}" y="{y}" width="{side}" height="{side}" transform="translate(-{half} -{half})"'
                f' fill="{colour}"/>\n')
    if style.marker == "triangle":
        return (f'<path d="M{x} {y}m0 -{size["apex"]}l{size["half_base"]} {size["height"]}h-{size["base"]}z"'
                f' fill="{colour}"/>\n')
    return ""


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
    height = kind.height(rows)
    frame = _Frame(months, y_ticks, kind.top(rows), _round(height - font * 2.2), font)
    c = {**frame.context(), "ylabel": "项目数"}
    bar = _round(frame.step * 0.6)
    parts = [_svg(WIDTH, height, title, description, font, c), "<defs>\n"]
    for status in counts:
        style = status.bar
        hatch = (f'<path d="{_text(style.hatch)}" fill="none" stroke="{_text(style.ink)}" stroke-width="1.1"/>'
                 if style.hatch else "")
        parts.append(f'<pattern id="{_text(_status_id(status))}" width="6" height="6" patternUnits="userSpaceOnUse">'
                     f'<rect width="6" height="6" fill="{_text(style.colour)}"/>{hatch}</pattern>\n')
    parts.append(f'</defs>\n<g transform="translate(0 {kind.legend})">\n')
    swatch_top, swatch_height = _round(swatch * 0.4), _round(swatch * 0.8)
    parts += [f'<g transform="translate({x} {_round(row * kind.row)})"><rect y="-{swatch_top}" width="{swatch}"'
              f' height="{swatch_height}" fill="url(#{_text(_status_id(status))})" stroke="#000000" stroke-width="0.5"/>'
              f'<text x="{label_x}" y="{c["centre"]}">{_text(status.word)}</text></g>\n'
              for status, (x, row) in zip(counts, places)]
    parts += ["</g>\n", _axes(c)]
    base = [0] * len(months)
    for status, values in counts.items():
        parts.append(f'<g fill="url(#{_text(_status_id(status))})" stroke="#ffffff" stroke-width="0.5">\n')
        parts += [f'<rect x="{_round(frame.x(i) - bar / 2)}" y="{frame.y(b + v)}" width="{bar}"'
                  f' height="{_round(frame.y(b) - frame.y(b + v))}"/>\n'  # edges shared with the segments around it
                  for i, (b, v) in enumerate(zip(base, values)) if v]
        parts.append("</g>\n")
        base = [b + v for b, v in zip(base, values)]
    parts += [_frame_line(c), "</svg>"]
    return "".join(parts)


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
