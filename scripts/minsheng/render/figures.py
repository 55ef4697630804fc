"""The charts of the site: each an SVG, a CSV of exactly what it plots, and a sentence that states its finding."""

from __future__ import annotations

from dataclasses import dataclass

from ..compute.overview import Group, ItemView, YearOverview
from ..excel_csv import csv_bytes
from . import charts
from ..fingerprint import key as content_key
from .outputs import Outputs
from .labels import STATUS
from .text import chinese_month, money

STATUS_LABELS = {key: label for key, (label, _) in STATUS.items()}


@dataclass(frozen=True)
class Figure:
    svg: str  # path in the generated folder, e.g. charts/items/01.svg
    csv: str  # path in the generated folder, e.g. downloads/charts/item-01.csv
    alt: str  # the finding, in one sentence
    header: tuple[str, ...]  # the CSV's columns
    chart: charts.Chart  # drawn later, all charts together (in parallel, through the cache)


def progress_figure(name: str, key: str, months: list[str], actual: list[float | None], expected: list[float],
                    folder: Outputs) -> Figure | None:
    """Progress against 序时进度, month by month; None when nothing was measured."""
    if not months or all(v is None for v in actual):
        return None
    alt = finding(months, actual, expected, name)
    svg = charts.Chart.of(charts.line_chart, months, [charts.Series("进度", actual, "actual"),
                                     charts.Series("序时进度", expected, "expected")], "进度与序时进度（%）", alt)
    rows = [[m, _cell(a), _cell(e)] for m, a, e in zip(months, actual, expected)]
    return _save(folder, f"charts/{key}.svg", f"downloads/charts/{key}.csv", svg,
                 ["月份", "进度（%）", "序时进度（%）"], rows, alt)


def item_funds_figure(view: ItemView, overview: YearOverview, folder: Outputs) -> Figure | None:
    """Funds in place and disbursed by month, against the year's plan (万元)."""
    history = view.funds_history
    if not history or not any(m.planned for m in history):
        return None
    months = overview.months
    latest = history[-1]
    alt = (f"截至{chinese_month(months[-1])}底，累计到位{money(latest.in_place)}万元、累计拨付{money(latest.disbursed)}万元，"
           f"年度计划{money(latest.planned)}万元。")
    series = [charts.Series("年度计划", [m.planned for m in history], "target"),
              charts.Series("累计到位", [m.in_place for m in history], "actual"),
              charts.Series("累计拨付", [m.disbursed for m in history], "second")]
    svg = charts.Chart.of(charts.line_chart, months, series, "资金到位与拨付（万元）", alt, "万元")
    rows = [[month, f"{m.planned:.2f}", f"{m.in_place:.2f}", f"{m.disbursed:.2f}"] for month, m in zip(months, history)]
    return _save(folder, f"charts/funds-item-{view.item.id}.svg", f"downloads/charts/funds-item-{view.item.id}.csv", svg,
                 ["月份", "年度计划（万元）", "累计到位（万元）", "累计拨付（万元）"], rows, alt)


def spending_figure(overview: YearOverview, folder: Outputs) -> Figure | None:
    """The district's 支出进度 (disbursed ÷ planned) month by month, against the share of the year elapsed."""
    if not overview.months:
        return None
    spent = [m.spent_share for m in overview.funds_by_month]
    elapsed = overview.time_elapsed_by_month
    latest = spent[-1]
    if latest is None:
        return None
    verdict = "快于" if latest > elapsed[-1] else ("等于" if latest == elapsed[-1] else "慢于")
    alt = (f"截至{chinese_month(overview.months[-1])}底，累计拨付占年度计划{latest:.1f}%，"
           f"{verdict}时间进度（{elapsed[-1]:.1f}%）。")
    svg = charts.Chart.of(charts.line_chart, overview.months, [charts.Series("支出进度", spent, "actual"),
                                              charts.Series("时间进度", elapsed, "expected")],
                            "支出进度与时间进度（%）", alt)
    rows = [[m, _cell(a), _cell(e)] for m, a, e in zip(overview.months, spent, elapsed)]
    return _save(folder, "charts/funds-spending.svg", "downloads/charts/funds-spending.csv", svg,
                 ["月份", "支出进度（%）", "时间进度（%）"], rows, alt)


def item_figure(view: ItemView, overview: YearOverview, folder: Outputs) -> Figure | None:
    actual = [m.progress for m in view.history]
    return progress_figure(f"（{view.item.number}）{view.item.title}", f"item-{view.item.id}", overview.months, actual,
                           overview.expected_by_month, folder)


def group_figure(group: Group, kind: str, progress: list[float | None], overview: YearOverview,
                 folder: Outputs) -> Figure | None:
    """The group's progress (`progress`, month by month) against 序时进度."""
    return progress_figure(group.name, f"{kind}-{group.key}", overview.months, progress, overview.expected_by_month,
                           folder)


def overall_figure(overview: YearOverview, folder: Outputs) -> Figure | None:
    return progress_figure("总体", "overall", overview.months, overview.progress_by_month,
                           overview.expected_by_month, folder)


def status_figure(overview: YearOverview, folder: Outputs) -> Figure | None:
    if not overview.months:
        return None
    counts = overview.status_by_month
    latest = {status: values[-1] for status, values in counts.items()}
    alt = f"截至{chinese_month(overview.months[-1])}底，" + "，".join(
        f"{STATUS_LABELS[status]}{count}项" for status, count in latest.items() if count) + "。"
    svg = charts.Chart.of(charts.stacked_bars, overview.months, counts, STATUS_LABELS, "各月项目状态", alt)
    rows = [[month, *(values[i] for values in counts.values())] for i, month in enumerate(overview.months)]
    return _save(folder, "charts/status.svg", "downloads/charts/status.csv", svg,
                 ["月份", *(STATUS_LABELS[s] for s in counts)], rows, alt)


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


def _save(folder: Outputs, svg_path: str, csv_path: str, chart: charts.Chart, header: list[str], rows: list[list],
          alt: str) -> Figure:
    folder.made_by(csv_path, content_key("chart data", header, rows), lambda: csv_bytes(header, rows))
    return Figure(svg_path, csv_path, alt, tuple(header), chart)
