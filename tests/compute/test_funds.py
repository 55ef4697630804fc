"""Fund rates at their edges, totals from rows, and the money-against-output check."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import shipped
from minsheng.compute.funds import FundsRow, Money, Table, by_source, output_check, rate, time_elapsed, total
from minsheng.model import FundReport, IndicatorReport, MonthReport

PLAN, _ = shipped()
RULES = PLAN.rules
ITEMS = {i.id: i for i in PLAN.years[2024].items}


def fund(source: str, planned: float, in_place: float, disbursed: float, note: str = "") -> FundReport:
    return FundReport("28", source, planned, in_place, disbursed, note, "", 2)


def test_rates_at_their_edges():
    assert Money(100, 0, 0).in_place_rate == 0 and Money(100, 0, 0).disbursed_rate is None  # nothing in place
    assert Money(0, 0, 0).in_place_rate is None  # nothing planned
    assert Money(100, 40, 40).disbursed_rate == 100  # all that arrived was paid out
    assert Money(100, 40, 40).spent_share == 40
    assert rate(1, 3) == 33.3
    assert time_elapsed("2024-06") == 50 and time_elapsed("2024-12") == 100


def test_totals_are_the_sum_of_the_rows_to_the_cent():
    rows = [fund("中央", 0.1, 0.1, 0.1), fund("省", 0.2, 0.2, 0.2), fund("区", 0.3, 0.3, 0.3)]
    table = by_source(rows)
    assert [r.label for r in table.rows] == ["中央", "省", "区"]
    assert table.total == Money(0.6, 0.6, 0.6)  # not 0.6000000000000001
    assert Table((FundsRow("a", Money(1.005, 0, 0)), FundsRow("b", Money(2, 0, 0)))).total.planned == 3.0


def month(cervical: float | None, breast: float | None, funds: list[FundReport]) -> MonthReport:
    report = MonthReport("2024-12", "p.csv", "f.csv")
    for indicator, value in (("cervical-cancer-screening", cervical), ("breast-cancer-screening", breast)):
        if value is not None:
            report.indicators["28", indicator] = IndicatorReport("28", indicator, value, False, "", "", 3)
    for row in funds:
        report.funds["28", row.source] = row
    return report


def test_output_check_is_silent_on_a_match():
    # 49元 pays for the 3,500 province-funded cervical screenings only (the district pays the other 1,800)
    implied = (3500 * 49 + 2500 * 79) / 10_000  # 36.90 万元
    check = output_check(ITEMS["28"], month(5300, 2500, [fund("省", 50, 46, implied)]), RULES)
    assert check.implied == 36.9 and check.disbursed == 36.9
    assert check.gap == 0 and not check.flagged
    cervical = check.parts[0]
    assert (cervical.amount, cervical.reported, cervical.counted, cervical.implied) == (49, 5300, 3500, 17.15)


def test_a_standard_that_covers_part_of_the_output_counts_up_to_that_part():
    below = output_check(ITEMS["28"], month(2000, 1000, [fund("省", 50, 46, 17.7)]), RULES)
    assert [(p.reported, p.counted) for p in below.parts] == [(2000, 2000), (1000, 1000)]
    assert below.implied == round((2000 * 49 + 1000 * 79) / 10_000, 2)
    at = output_check(ITEMS["28"], month(3500, 2500, [fund("省", 50, 46, 36.9)]), RULES)
    beyond = output_check(ITEMS["28"], month(5300, 2500, [fund("省", 50, 46, 36.9)]), RULES)
    assert at.implied == beyond.implied == 36.9  # the 1,800 beyond the 3,500 imply no 49元


def test_output_check_flags_a_gap_with_or_without_an_explanation():
    check = output_check(ITEMS["28"], month(5300, 2500, [fund("省", 50, 46, 30)]), RULES)
    assert check.flagged and check.gap == pytest.approx(-18.7, abs=0.05) and check.explanation == ""
    explained = output_check(ITEMS["28"], month(5300, 2500, [fund("省", 50, 46, 30, "乳腺癌筛查费用年底结算")]), RULES)
    assert explained.flagged and explained.explanation == "乳腺癌筛查费用年底结算"


def test_output_check_tolerance_edge():
    implied = 36.9
    within = output_check(ITEMS["28"], month(5300, 2500, [fund("省", 50, 50, round(implied * 1.1, 2))]), RULES)
    assert within.gap <= RULES.funds_tolerance and not within.flagged
    beyond = output_check(ITEMS["28"], month(5300, 2500, [fund("省", 60, 60, round(implied * 1.11, 2))]), RULES)
    assert beyond.flagged


def test_no_check_without_standards_numbers_or_funds():
    assert output_check(ITEMS["04"], month(5300, 2500, [fund("省", 1, 1, 1)]), RULES) is None
    assert output_check(ITEMS["28"], month(None, None, [fund("省", 1, 1, 1)]), RULES) is None
    assert output_check(ITEMS["28"], month(5300, 2500, []), RULES) is None


@given(st.lists(st.tuples(*[st.integers(0, 10**9)] * 3), max_size=60))
def test_a_total_is_the_figures_added_one_by_one_to_the_cent(cents):
    figures = [Money(a / 100, b / 100, c / 100) for a, b, c in cents]
    one_by_one = Money()
    for figure in figures:
        one_by_one = one_by_one + figure  # rounded to the cent at every step
    assert total(figures) == one_by_one == Money(*(sum(c[i] for c in cents) / 100 for i in range(3)))
