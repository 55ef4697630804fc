"""Progress charts as SVG, with the data behind each one as CSV.

Line charts (about two per item) are drawn from a template; the status bars, one per site, by
matplotlib. Text stays text in the SVG: smaller, selectable, read by screen readers and drawn by
the reader's own CJK font. matplotlib measures it with a CJK font found on the machine (Debian's
fonts-noto-cjk). Colours are the Okabe–Ito palette, safe for colour-blind readers, and no
series is told apart by colour alone: each has its own line style or marker and a direct label.
Output is byte-identical from one build to the next (no dates, fixed ids).
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from jinja2 import Environment, PackageLoader, StrictUndefined  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from ..fingerprint import key  # noqa: E402
from . import outputs  # noqa: E402

log = logging.getLogger(__name__)

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Noto Serif CJK SC")
OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
             "sky": "#56B4E9", "purple": "#CC79A7", "grey": "#6B6B6B", "black": "#000000"}
# width × height in inches at 72 dpi: 4.8 in = 346 px, readable at 360 px without scaling down text
SIZE = (4.8, 2.9)
FONT = 11  # px, in the line charts: about 10 px on a 360 px phone


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | None]
    style: str  # "actual" (solid, circles), "second" (dash-dot, triangles), "expected" (dashed), "target" (dotted)


@cache
def cjk_font() -> str | None:
    available = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in available), None)


def _style() -> dict:
    font = cjk_font()
    if font is None:
        log.warning("未找到中文字体（如 Debian 的 fonts-noto-cjk），图表文字宽度按替代字体估算")
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": "minsheng",
        "svg.id": None,
        "font.family": [font] if font else ["sans-serif"],
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 11,
    }


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


def line_chart(months: list[str], series: list[Series], title: str, description: str, ylabel: str = "%") -> str:
    """An SVG line chart of monthly values; `description` is its text alternative.

    Drawn from a template rather than by matplotlib: a site has about two of these per item, and a
    template draws one in a fraction of a millisecond where matplotlib takes 30 ms. matplotlib still
    chooses the axis ticks. Text widths are estimated (CJK characters one em, others 0.6 em): the
    reader's browser lays the text out, with its own font."""
    width, height = SIZE[0] * 72, SIZE[1] * 72
    values = [v for line in series for v in line.values if v is not None]
    ticks = [t for t in MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]).tick_values(0, max(values, default=0) or 1)
             if t >= 0]
    labels = [_tick_label(t) for t in ticks]
    left = _round(22 + max(_text_width(label, FONT) for label in labels))
    right, top, bottom = _round(width - 10), 50, _round(height - 24)
    step = (right - left) / len(months)

    def x(index: int) -> float:
        return _round(left + (index + 0.5) * step)

    def y(value: float) -> float:
        return _round(bottom - value / ticks[-1] * (bottom - top))

    lines = []
    for line in series:
        points = [(x(i), y(v)) for i, v in enumerate(line.values) if v is not None]
        lines.append({"style": LINE_STYLES[line.style], "points": points,
                      "path": "M" + "L".join(f"{px} {py}" for px, py in points)})
    names = [f"{int(m.split('-')[1])}月" for m in months]
    every = 1 if max(_text_width(name, FONT) for name in names) + 4 <= step else 2  # crowded: every other month
    legend, at = [], left
    for line in series:
        legend.append({"style": LINE_STYLES[line.style], "label": line.label, "x": _round(at)})
        at += 36 + _text_width(line.label, FONT)
    chart = {"width": _round(width), "height": _round(height), "fonts": SVG_FONTS, "title": title,
             "description": description, "ylabel": ylabel, "left": left, "right": right, "top": top,
             "bottom": bottom, "middle": _round((top + bottom) / 2), "legend_y": 31, "legend": legend, "font": FONT,
             "lines": lines, "y_ticks": [{"y": y(t), "label": label} for t, label in zip(ticks, labels)],
             "x_ticks": [{"x": x(i), "label": label if i % every == 0 else ""} for i, label in enumerate(names)]}
    return _SVG.get_template("line-chart.svg.j2").render(c=chart)


def _round(value: float) -> float | int:
    value = round(value, 1)
    return int(value) if value == int(value) else value


def _tick_label(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text_width(text: str, size: float) -> float:
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in text)


def stacked_bars(months: list[str], counts: dict[str, list[int]], labels: dict[str, str], title: str,
                 description: str) -> str:
    """Status counts by month as stacked bars, each status with its own colour and hatch pattern."""
    colours = list(OKABE_ITO.values())
    hatches = ["", "//", "\\\\", "xx", "--", "||", "++", "/"]  # line patterns: small in SVG
    names = [f"{int(m.split('-')[1])}月" for m in months]
    with plt.rc_context(_style()):
        figure, axes = plt.subplots(figsize=(SIZE[0], SIZE[1] + 1.0))
        figure.subplots_adjust(left=0.12, right=0.97, top=0.9, bottom=0.3)
        bottom = [0] * len(months)
        for index, (key, values) in enumerate(counts.items()):
            axes.bar(names, values, bottom=bottom, label=labels[key], color=colours[index % len(colours)],
                     hatch=hatches[index % len(hatches)], edgecolor="white", linewidth=0.5)
            bottom = [b + v for b, v in zip(bottom, values)]
        axes.set_ylabel("项目数")
        axes.set_title(title, loc="left")
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, fontsize=8, frameon=False)
        return _svg(figure, title, description)


def _svg(figure, title: str, description: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": title,
                                                                         "Description": description})
    plt.close(figure)
    # the reader's browser draws the text: let it fall back to any sans-serif CJK font it has
    return re.sub(r"font-family: '([^']+)'", r"font-family: '\1', sans-serif", buffer.getvalue())


@dataclass(frozen=True)
class Chart:
    """A chart to draw: the drawing function's name and its arguments. Equal specs draw equal SVGs."""

    function: str
    args: tuple

    @classmethod
    def of(cls, function, *args) -> Chart:
        return cls(function.__name__, tuple(args))

    def key(self) -> str:
        """Content address: the spec, the build tool's code and the font matplotlib measures text with."""
        return key("chart", self.function, self.args, cjk_font())

    def draw(self) -> str:
        return {"line_chart": line_chart, "stacked_bars": stacked_bars}[self.function](*self.args)


def draw_all(jobs: list[tuple[str, Chart]], folder: outputs.Outputs, workers: int) -> int:
    """Write each chart to its path in `folder`, drawing only those whose spec changed, across `workers`
    processes when there are many. Returns how many were drawn."""
    return folder.make_all([outputs.Job(target, chart.key(), chart.draw, DRAWING_MS[chart.function])
                            for target, chart in jobs], workers)


DRAWING_MS = {"line_chart": 0.5, "stacked_bars": 150}  # measured on a 2-core x86_64
