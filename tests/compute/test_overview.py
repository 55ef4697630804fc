"""One year by item, category and unit, on the real data: every count and mean taken over what was reported."""

from __future__ import annotations

from collections import Counter

from conftest import shipped
from minsheng.compute.overview import mean_progress, overview
from minsheng.status import LAGGING, Status

PLAN, _ = shipped()
OVERVIEW = overview(PLAN, PLAN.years[2024])


def test_every_item_is_in_one_category_and_the_counts_add_up():
    assert OVERVIEW.item_count == len(PLAN.years[2024].items) == sum(b.item_count for b in OVERVIEW.categories)
    assert sum(OVERVIEW.status_counts.values()) == OVERVIEW.item_count
    assert OVERVIEW.category_count == len(OVERVIEW.categories) and OVERVIEW.unit_count == len(OVERVIEW.units)


def test_a_buckets_lagging_items_are_those_short_of_the_schedule():
    for bucket in (*OVERVIEW.categories, *OVERVIEW.units):
        assert bucket.lagging_count == sum(1 for view in bucket.items if view.status in LAGGING)
        assert bucket.done_count == sum(1 for view in bucket.items if view.status == Status.DONE)
    assert [v.status for v in OVERVIEW.lagging] and all(v.status.lagging for v in OVERVIEW.lagging)


def test_the_status_chart_counts_every_item_each_month_and_leaves_out_statuses_that_never_occur():
    counts = OVERVIEW.status_by_month
    assert all(any(values) for values in counts.values())
    assert [sum(month) for month in zip(*counts.values())] == [OVERVIEW.item_count] * len(OVERVIEW.months)
    assert list(counts) == [status for status in Status if status in counts]  # in the enumeration's order
    latest = Counter(view.history[-1].status for view in OVERVIEW.items)
    assert {status: values[-1] for status, values in counts.items() if values[-1]} == dict(latest)


def test_the_mean_progress_is_over_the_items_that_reported_a_figure():
    views = OVERVIEW.items
    reported = [v.history[0].progress for v in views if v.history[0].progress is not None]
    assert len(reported) < len(views)  # some items report no figure (qualitative, no task): left out, not zero
    assert mean_progress(views, 1) == [round(sum(reported) / len(reported), 1)]


def test_rows_hand_the_tables_their_months_in_order():
    months = OVERVIEW.months
    assert [row.month for row in OVERVIEW.progress_rows] == months == [row.month for row in OVERVIEW.funds_rows]
    assert [row.progress for row in OVERVIEW.progress_rows] == OVERVIEW.progress_by_month
    view = next(v for v in OVERVIEW.items if v.item.indicators and v.latest and v.latest.indicators)
    expected = list(zip(view.item.indicators, view.latest.indicators))
    assert [(row.indicator, row.found) for row in view.indicator_rows] == expected
    assert view.history_newest_first[0] == view.latest
