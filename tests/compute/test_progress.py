"""The progress and status rules at their edges."""

import pytest

from conftest import shipped
from minsheng.compute.progress import early_warnings, indicator_progress, item_history, item_month, status_of
from minsheng.model import Indicator, IndicatorReport, Item, ItemReport, MonthReport

PLAN, _ = shipped()
YEAR, RULES = PLAN.years[2024], PLAN.rules


def indicator(**fields) -> Indicator:
    base = dict(id="x", name="x", target=100, unit="人", kind="count", source="x")
    return Indicator(**{**base, **fields})


def test_count_target_accumulates_and_a_floor_may_be_exceeded():
    result = indicator_progress(indicator(comparator="不少于", target=305), 350, RULES)
    assert result.met and result.percent == pytest.approx(114.8) and result.progress == 100
    half = indicator_progress(indicator(target=1150), 575, RULES)
    assert not half.met and half.percent == 50 and half.progress == 50 and half.gap == 575


def test_about_target_is_met_within_tolerance():
    about = indicator(comparator="左右", target=1000)
    assert indicator_progress(about, 1000 * (1 - RULES.about_tolerance / 100), RULES).met
    assert not indicator_progress(about, 1000 * (1 - RULES.about_tolerance / 100) - 1, RULES).met
    assert not indicator_progress(indicator(comparator="不少于", target=1000), 999, RULES).met


def test_rate_target_met_and_unmet_with_distance():
    rate = indicator(kind="level", unit="%", comparator="以上", target=99)
    met = indicator_progress(rate, 99.2, RULES)
    assert met.met and met.gap is None and met.progress == 100
    unmet = indicator_progress(rate, 98.6, RULES)
    assert not unmet.met and unmet.gap == pytest.approx(0.4)


def test_rate_with_baseline_counts_the_way_from_it():
    reliability = indicator(kind="level", unit="%", comparator="提高到", target=99.93, baseline=99.90)
    assert indicator_progress(reliability, 99.92, RULES).percent == pytest.approx(66.7, abs=0.1)
    assert indicator_progress(reliability, 99.93, RULES).met


# The shipped rules and another set, so that a margin written into the code instead of read from the
# rules would fail one of them.
OTHER_RULES = RULES.model_copy(update={"ahead_margin": 5, "behind_margin": 15, "far_behind_margin": 30})


def status_edges(rules, expected: float) -> list[tuple[float, str]]:
    """Each status boundary of `rules` around the 序时进度 `expected`, with the progress just on the other side."""
    return [(100, "done"), (expected, "on_pace"),
            (expected + rules.ahead_margin, "ahead"), (expected + rules.ahead_margin - 0.1, "on_pace"),
            (expected - rules.behind_margin, "on_pace"), (expected - rules.behind_margin - 0.1, "behind"),
            (expected - rules.far_behind_margin, "behind"), (expected - rules.far_behind_margin - 0.1, "far_behind")]


@pytest.mark.parametrize("rules", [RULES, OTHER_RULES], ids=["shipped-rules", "other-rules"])
@pytest.mark.parametrize("expected", [70, 50])
def test_status_thresholds(rules, expected):
    assert rules.far_behind_margin > rules.behind_margin  # else "behind" has no room and an edge is meaningless
    for progress, status in status_edges(rules, expected):
        assert status_of(progress, expected, rules) == status, (progress, expected)


def report(month: str, value: float | None, *, reported: bool = True, correction: str = "") -> MonthReport:
    result = MonthReport(month, "p.csv", "f.csv")
    result.items["01"] = ItemReport("01", "", "", reported, 2)
    if value is not None:
        result.indicators["01", "x"] = IndicatorReport("01", "x", value, False, "", correction, 3)
    return result


ITEM = Item(id="01", number="一", level="district", category="employment", title="t", lead_units=["hrss"],
            lead_units_text="人社局", groups=["jobseekers"], source_text="(一)t(牵头单位:人社局)", indicators=[indicator()])


def test_exactly_seventy_at_end_of_june_is_on_pace():
    assert item_month(ITEM, report("2024-06", 70), RULES, 70.0).status == "on_pace"


def test_no_task_item_is_never_behind():
    no_task = next(i for i in YEAR.items if i.no_task)
    assert item_month(no_task, report("2024-12", None), RULES, 100.0).status == "no_task"


def test_not_reported_month_has_no_progress_and_no_status_against_schedule():
    month = item_month(ITEM, report("2024-07", None, reported=False), RULES, 75.0)
    assert month.status == "not_reported" and month.progress is None


def test_a_correction_that_lowers_a_value_lowers_the_progress():
    year = type(YEAR)(2024, YEAR.folder, YEAR.notice, items=[ITEM],
                      months=[report("2024-07", 80), report("2024-08", 72, correction="重复统计已核减")])
    history = item_history(ITEM, year, RULES)
    assert [m.progress for m in history] == [80, 72]
    assert history[1].indicators[0].correction == "重复统计已核减"


def test_early_warning_projects_the_recent_pace():
    months = [report(f"2024-{m:02d}", v) for m, v in ((5, 30), (6, 40), (7, 50), (8, 60))]
    year = type(YEAR)(2024, YEAR.folder, YEAR.notice, items=[ITEM], months=months)
    warnings = early_warnings(item_history(ITEM, year, RULES), year, RULES)
    # June passed at 40 (needs 70) and still short at 60: missed; +10 points a month: 80 by October
    # (needs 90), 100 by December (needs 100: reached)
    assert [(w.milestone, w.progress, w.required, w.missed) for w in warnings] == [
        ("2024-06", 40.0, 70.0, True), ("2024-10", 80.0, 90.0, False)]
    fast = [report(f"2024-{m:02d}", v) for m, v in ((5, 40), (6, 60), (7, 70), (8, 85))]
    year.months = fast
    assert early_warnings(item_history(ITEM, year, RULES), year, RULES) == []  # short in June, caught up since
