"""One figure, one meaning: a month not reported is a gap, never zero; after the year's deadline an item is
done or not done, and the deadlines it missed are listed. On the real data (item 16 did not report
September; the year's reports run to December)."""

from conftest import DATA, page_text
from minsheng.compute.figures import LineChart
from minsheng.compute.funds import Money, total
from minsheng.compute.portal import portal
from minsheng.load.plan import load_plan

PLAN, _ = load_plan(DATA)
YEAR = PLAN.years[2024]
PORTAL = portal(PLAN)
OV = PORTAL.overview
VIEWS = {v.item.id: v for v in OV.items}
SEPTEMBER = OV.months.index("2024-09")
DEADLINE = "2024-12"


def unreported(view) -> list[int]:
    """Months (indexes) without fund rows for an item that reports funds in some other month."""
    has = [bool(month.funds_of(view.item.id)) for month in YEAR.months]
    return [i for i, found in enumerate(has) if any(has) and not found]


def test_item_16_did_not_report_september_and_its_funds_are_a_gap_not_zero():
    view = VIEWS["16"]
    assert unreported(view) == [SEPTEMBER]
    assert view.funds_history[SEPTEMBER] is None
    assert all(m is not None and m.planned > 0 for i, m in enumerate(view.funds_history) if i != SEPTEMBER)


def test_no_money_series_falls_to_zero_in_a_month_an_item_did_not_report():
    money_charts = [f for f in PORTAL.figures if isinstance(f.chart, LineChart) and f.chart.ylabel == "万元"]
    assert money_charts
    for figure in money_charts:
        for series in figure.chart.series:
            values = series.values
            for i, value in enumerate(values):  # running totals and the plan: once above zero, never back to 0
                assert not (value == 0 and any(v for v in values[:i] if v)), (figure.svg, series.label, i)
    item_16 = next(f for f in money_charts if f.svg == "charts/funds-item-16.svg")
    assert all(s.values[SEPTEMBER] is None for s in item_16.chart.series)  # a gap in every line
    assert item_16.rows[SEPTEMBER] == ("2024-09", "", "", "")  # an empty cell in the CSV, not 0.00
    assert "2024年9月未报送资金" in item_16.alt
    for view in OV.items:  # the gaps are exactly the months without a report
        assert [i for i, m in enumerate(view.funds_history) if m is None] == unreported(view), view.item.id


def test_month_totals_are_over_the_items_that_reported_and_state_how_many_did_not():
    for index, month in enumerate(OV.funds_by_month):
        rows = list(YEAR.months[index].funds.values())
        assert month.money == total([Money.of(rows)])  # every fund row reported that month, once
        assert month.missing == (1 if index == SEPTEMBER else 0)
    # the months where nothing is missing are the totals the site showed before (all items' money)
    assert OV.funds_by_month[-1].money == OV.funds
    spending = PORTAL.spending_figure
    assert spending.header[-1] == "未报送资金的项目数"
    assert [row[-1] for row in spending.rows] == ["1" if i == SEPTEMBER else "0" for i in range(len(OV.months))]
    assert "2024年9月有1项未报送资金" in spending.alt
    september = next(b for b in PORTAL.bulletins if b.bulletin.month == "2024-09")
    assert september.bulletin.funds.missing == 1


def test_after_the_deadline_an_item_is_done_or_not_done():
    after = [m for v in OV.items for m in v.history if m.month >= DEADLINE]
    assert after
    assert not [m for m in after if m.status in ("on_pace", "ahead", "behind", "far_behind")]
    for m in after:
        if m.progress is not None:
            assert m.status == ("done" if m.progress >= 100 else "not_done"), m
    assert VIEWS["27"].status == "not_done"
    assert VIEWS["27"] in OV.lagging  # short of what the schedule asks: listed, not hidden


def test_every_item_short_in_december_is_listed_as_missing_the_deadline():
    short = [v for v in OV.items if v.latest.progress is not None and v.latest.progress < 100]
    assert len(short) >= 10
    warned = {v.item.id for v in OV.warned}
    for view in short:
        missed = [w for w in view.warnings if w.milestone == DEADLINE]
        assert len(missed) == 1 and missed[0].missed, view.item.id
        assert missed[0].required == 100 and missed[0].progress == view.latest.progress
        assert view.item.id in warned
    assert PORTAL.missed == PORTAL.warned.total and PORTAL.foreseen == 0  # the year is over: nothing ahead


def test_after_the_deadline_the_home_page_lists_what_was_not_finished(built_site):
    """No 滞后 or 预警 once the year is over: one list of the items not finished, each with its shortfall and
    every milestone it missed, in one row."""
    assert PORTAL.ended
    text = page_text(built_site, "")
    assert "滞后项目" not in text and "预警项目" not in text and "没有项目会赶不上" not in text
    section = text.split("未完成的项目", 1)[1].split("各月总体进度", 1)[0]
    assert f"以下 {len(OV.lagging)} 项有数量目标的项目没有完成年度任务" in section
    raw = (built_site / "index.html").read_text(encoding="utf-8").split("未完成的项目</h2>", 1)[1].split("</table>", 1)[0]
    assert "<th>没有达到的节点</th>" in raw  # a table, not a paragraph of pipes
    for view in OV.lagging[:PORTAL.rules.list_limit]:
        row = raw.split(f'href="items/{view.item.id}/"', 1)[1].split("</tr>", 1)[0]
        assert f"差 {view.lag:.1f} 个百分点" in row
        assert row.count("应达到") == len(view.warnings) >= 1, view.item.id


def test_pages_show_the_gap_as_not_reported(built_site):
    item = page_text(built_site, "items/16")
    assert "2024年9月|未报送|未报送|—|未报送|—" in "|".join(line.strip() for line in item.splitlines() if line.strip())
    funds = page_text(built_site, "funds")
    assert "2024年9月（1项未报送）" in funds
    assert "2024年8月（" not in funds


def test_a_completed_item_with_an_open_problem_says_both(built_site):
    page = next(p for p in PORTAL.items if p.view.item.id == "03")
    assert page.view.status == "done" and page.unresolved == 1 and page.unresolved_overdue == 1
    text = page_text(built_site, "items/03")
    head = text.split("牵头单位", 1)[0]
    assert "✔ 已完成" in head
    assert "仍有 1 个问题未销号（其中 1 个已逾期）" in head
    assert "⚠ 逾期未销号" in text
