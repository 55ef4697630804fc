"""The charts of the site, specified: what each plots, the rows of its CSV, and a sentence that states
its finding. render/charts.py draws them."""

from __future__ import annotations

from dataclasses import dataclass

from ..formats import chinese_month, money
from ..status import Status
from .addresses import Addresses
from .overview import Bucket, ItemView, YearOverview


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | None]
    style: str  # "actual" (solid, circles), "second" (dash-dot, triangles), "expected" (dashed), "target" (dotted)


@dataclass(frozen=True)
class LineChart:
    months: list[str]
    series: list[Series]
    title: str
    description: str  # the text alternative
    ylabel: str = "%"


@dataclass(frozen=True)
class StackedBars:
    months: list[str]
    counts: dict[Status, list[int]]  # status → items with it, month by month, bottom to top
    title: str
    description: str


@dataclass(frozen=True)
class Figure:
    svg: str  # path in the generated folder, e.g. 2024/charts/item-01.svg
    csv: str  # path in the generated folder, e.g. 2024/downloads/charts/item-01.csv
    alt: str  # the finding, in one sentence
    header: tuple[str, ...]  # the CSV's columns
    rows: tuple[tuple, ...]  # the CSV's rows: exactly what the chart plots
    chart: LineChart | StackedBars

    @property
    def label(self) -> str:
        """The image's text alternative: what chart it is; its finding (`alt`) is the caption under it, which a
        screen reader reads next, so the two do not say the same thing twice."""
        kind = "折线图" if isinstance(self.chart, LineChart) else "堆积柱状图"
        return f"{kind}：{self.chart.title}（图下文字说明其结论，并可下载数据）"


def progress_figure(at: Addresses, name: str, key: str, months: list[str], actual: list[float | None], expected: list[float]) -> Figure | None:
    """Progress against 序时进度, month by month; None when nothing was measured."""
    if not months or all(v is None for v in actual):
        return None
    alt = finding(months, actual, expected, name)
    svg = LineChart(months, [Series("进度", actual, "actual"),
                                     Series("序时进度", expected, "expected")], "进度与序时进度（%）", alt)
    rows = [[m, _cell(a), _cell(e)] for m, a, e in zip(months, actual, expected)]
    return _figure(at.chart(key), at.chart_csv(key), svg,
                 ["月份", "进度（%）", "序时进度（%）"], rows, alt)


def item_funds_figure(view: ItemView, overview: YearOverview) -> Figure | None:
    """Funds in place and disbursed by month, against the year's plan (万元); a month the item did not
    report is a gap in the lines and empty cells in the CSV, never zero."""
    history = view.funds_history
    if not history or not any(m.planned for m in history if m is not None):
        return None
    months = overview.months
    index = max(i for i, m in enumerate(history) if m is not None)
    latest = history[index]
    missing = [chinese_month(month) for month, m in zip(months, history) if m is None]
    alt = (f"截至{chinese_month(months[index])}底，累计到位{money(latest.in_place)}万元、累计拨付{money(latest.disbursed)}万元，"
           f"年度计划{money(latest.planned)}万元。" + _missing_note(missing, "该月无数据，图中断开"))
    series = [Series(name, [None if m is None else getattr(m, field) for m in history], style)
              for name, field, style in (("年度计划", "planned", "target"), ("累计到位", "in_place", "actual"),
                                         ("累计拨付", "disbursed", "second"))]
    svg = LineChart(months, series, "资金到位与拨付（万元）", alt, "万元")
    rows = [[month, "", "", ""] if m is None else [month, f"{m.planned:.2f}", f"{m.in_place:.2f}", f"{m.disbursed:.2f}"]
            for month, m in zip(months, history)]
    key = f"funds-item-{view.item.id}"
    return _figure(_at(overview).chart(key), _at(overview).chart_csv(key), svg,
                 ["月份", "年度计划（万元）", "累计到位（万元）", "累计拨付（万元）"], rows, alt)


def spending_figure(overview: YearOverview) -> Figure | None:
    """The district's 支出进度 (disbursed ÷ planned) month by month, against the share of the year elapsed."""
    if not overview.months:
        return None
    by_month = overview.funds_by_month
    spent = [m.money.spent_share for m in by_month]  # a month's gaps carry the items' last reported figures
    elapsed = overview.time_elapsed_by_month
    latest = spent[-1]
    if latest is None:
        return None
    verdict = "快于" if latest > elapsed[-1] else ("等于" if latest == elapsed[-1] else "慢于")
    carried = [f"{chinese_month(month)}有{m.carried_count}项" for month, m in zip(overview.months, by_month) if m.carried]
    alt = (f"截至{chinese_month(overview.months[-1])}底，累计拨付占年度计划{latest:.1f}%，"
           f"{verdict}时间进度（{elapsed[-1]:.1f}%）。" + (f"{'、'.join(carried)}未报送资金，按其最近一次报送的数字计算。" if carried else ""))
    svg = LineChart(overview.months, [Series("支出进度", spent, "actual"),
                                              Series("时间进度", elapsed, "expected")],
                            "支出进度与时间进度（%）", alt)
    rows = [[month, _cell(a), _cell(e), str(m.carried_count)]
            for month, a, e, m in zip(overview.months, spent, elapsed, by_month)]
    return _figure(_at(overview).chart("funds-spending"), _at(overview).chart_csv("funds-spending"), svg,
                 ["月份", "支出进度（%）", "时间进度（%）", "沿用此前月份数的项目数"], rows, alt)


def _at(overview: YearOverview) -> Addresses:
    return Addresses(overview.year.year)


def _missing_note(missing: list[str], consequence: str) -> str:
    """E.g. 2024年9月未报送资金，该月无数据，图中断开。 ('' when nothing is missing)."""
    return f"{'、'.join(missing)}未报送资金，{consequence}。" if missing else ""


def item_figure(view: ItemView, overview: YearOverview) -> Figure | None:
    actual = [m.progress for m in view.history]
    return progress_figure(_at(overview), view.item.numbered, f"item-{view.item.id}", overview.months, actual,
                           overview.expected_by_month)


def bucket_figure(bucket: Bucket, kind: str, progress: list[float | None], overview: YearOverview) -> Figure | None:
    """The bucket's progress (`progress`, month by month) against 序时进度."""
    return progress_figure(_at(overview), bucket.name, f"{kind}-{bucket.key}", overview.months, progress, overview.expected_by_month)


def overall_figure(overview: YearOverview) -> Figure | None:
    return progress_figure(_at(overview), "总体", "overall", overview.months, overview.progress_by_month,
                           overview.expected_by_month)


def status_figure(overview: YearOverview) -> Figure | None:
    if not overview.months:
        return None
    counts = overview.status_by_month
    latest = {status: values[-1] for status, values in counts.items()}
    alt = f"截至{chinese_month(overview.months[-1])}底，" + "，".join(
        f"{status.word}{count}项" for status, count in latest.items() if count) + "。"
    svg = StackedBars(overview.months, counts, "各月项目状态", alt)
    rows = [[month, *(values[i] for values in counts.values())] for i, month in enumerate(overview.months)]
    return _figure(_at(overview).chart("status"), _at(overview).chart_csv("status"), svg,
                 ["月份", *(status.word for status in counts)], rows, alt)


def finding(months: list[str], actual: list[float | None], expected: list[float], name: str) -> str:
    """E.g. 截至2024年7月底，总体进度71.0%，快于序时进度（75.0%）… in one sentence."""
    index = max(i for i, v in enumerate(actual) if v is not None)
    value, pace = actual[index], expected[index]
    if value >= 100:
        verdict = "已完成"
    elif value > pace:
        verdict = f"快于序时进度（{pace:.1f}%）"
    elif value == pace:
        verdict = "与序时进度持平"
    else:
        verdict = f"慢于序时进度（{pace:.1f}%）{pace - value:.1f}个百分点"
    return f"截至{chinese_month(months[index])}底，{name}进度{value:.1f}%，{verdict}。"


def _cell(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _figure(svg_path: str, csv_path: str, chart: LineChart | StackedBars, header: list[str], rows: list[list],
            alt: str) -> Figure:
    return Figure(svg_path, csv_path, alt, tuple(header), tuple(tuple(row) for row in rows), chart)
