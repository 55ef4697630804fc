"""Progress charts as SVG, with the data behind each one as CSV.

Text stays text in the SVG (`svg.fonttype: none`): smaller, selectable, read by screen readers and
drawn by the reader's own CJK font. matplotlib measures it with a CJK font found on the machine
(Debian's fonts-noto-cjk). Colours are the Okabe–Ito palette, safe for colour-blind readers, and no
series is told apart by colour alone: each has its own line style or marker and a direct label.
Output is byte-identical from one build to the next (no dates, fixed ids).
"""

from __future__ import annotations

import hashlib
import io
import logging
import multiprocessing
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

log = logging.getLogger(__name__)

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Noto Serif CJK SC")
OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
             "sky": "#56B4E9", "purple": "#CC79A7", "grey": "#6B6B6B", "black": "#000000"}
# width × height in inches at 72 dpi: 4.8 in = 346 px, readable at 360 px without scaling down text
SIZE = (4.8, 2.9)


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | None]
    style: str  # "actual" (solid, circles), "second" (dash-dot, triangles), "expected" (dashed), "target" (dotted)


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


def line_chart(months: list[str], series: list[Series], title: str, description: str, ylabel: str = "%") -> str:
    """An SVG line chart of monthly values; `description` is its text alternative."""
    styles = {
        "actual": dict(color=OKABE_ITO["blue"], linestyle="-", marker="o", linewidth=2.2, markersize=5),
        "second": dict(color=OKABE_ITO["green"], linestyle="-.", marker="^", linewidth=2, markersize=5),
        "expected": dict(color=OKABE_ITO["orange"], linestyle="--", marker="s", linewidth=1.6, markersize=4),
        "target": dict(color=OKABE_ITO["grey"], linestyle=":", marker=None, linewidth=1.4),
    }
    labels = [f"{int(m.split('-')[1])}月" for m in months]
    with plt.rc_context(_style()):
        figure, axes = plt.subplots(figsize=SIZE)
        figure.subplots_adjust(left=0.12, right=0.97, top=0.88, bottom=0.12)  # fixed: one draw, no "tight" pass
        for line in series:
            xs = [i for i, v in enumerate(line.values) if v is not None]
            ys = [v for v in line.values if v is not None]
            axes.plot(xs, ys, label=line.label, **styles[line.style])
        axes.set_xticks(range(len(months)), labels)
        axes.set_ylim(bottom=0)
        axes.set_ylabel(ylabel)
        axes.set_title(title, loc="left")
        axes.legend(loc="lower right", fontsize=9, frameon=True, framealpha=0.9, edgecolor="#dddddd")
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
        return _svg(figure, title, description)


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
        """Content address: the spec, this module's code and matplotlib's version."""
        text = repr((self.function, self.args, _CODE, matplotlib.__version__, cjk_font()))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def draw(self) -> str:
        return {"line_chart": line_chart, "stacked_bars": stacked_bars}[self.function](*self.args)


_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def draw_all(jobs: list[tuple[Path, Chart]], cache: Path, workers: int) -> int:
    """Write each chart to its path, drawing only those not in the cache, across `workers` processes.

    Returns how many were drawn (the rest came from the cache)."""
    cache.mkdir(parents=True, exist_ok=True)
    keys = [chart.key() for _, chart in jobs]
    missing = {key: chart for key, (_, chart) in zip(keys, jobs) if not (cache / f"{key}.svg").exists()}
    if missing:
        if workers > 1 and len(missing) > 1:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                drawn = pool.map(Chart.draw, missing.values(), chunksize=max(1, len(missing) // (workers * 8)))
                svgs = list(drawn)
        else:
            svgs = [chart.draw() for chart in missing.values()]
        for key, svg in zip(missing, svgs):
            (cache / f"{key}.svg").write_text(svg, encoding="utf-8")
    for (path, _), key in zip(jobs, keys):
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache / f"{key}.svg", path)
    return len(missing)
