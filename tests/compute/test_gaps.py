"""One figure, one meaning: a month not reported is a gap, never zero; after the year's deadline an item is
done or not done, and the deadlines it missed are listed. On the real data (item 16 did not report
September; the year's reports run to December)."""

import csv
import json

from conftest import DATA, page_text, shipped, table_rows
from minsheng.compute.figures import LineChart
from minsheng.compute.funds import Money, total
from minsheng.compute.portal import portal, portals
from minsheng.load.data_folder import load_data_folder

PLAN, _ = shipped()
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
    item_16 = next(f for f in money_charts if f.svg == "2024/charts/funds-item-16.svg")
    assert all(s.values[SEPTEMBER] is None for s in item_16.chart.series)  # a gap in every line
    assert item_16.rows[SEPTEMBER] == ("2024-09", "", "", "")  # an empty cell in the CSV, not 0.00
    assert "2024年9月未报送资金" in item_16.alt
    for view in OV.items:  # the gaps are exactly the months without a report
        assert [i for i, m in enumerate(view.funds_history) if m is None] == unreported(view), view.item.id


def test_month_totals_carry_an_item_that_did_not_report_at_its_last_figures_and_name_it():
    for index, month in enumerate(OV.funds_by_month):
        rows = list(YEAR.months[index].funds.values())
        if index == SEPTEMBER:  # item 16's August figures stand in for its September report
            assert [(c.item, c.month) for c in month.carried] == [("16", "2024-08")]
            august = VIEWS["16"].funds_history[SEPTEMBER - 1]
            assert month.money == total([Money.of(rows), august])
        else:
            assert month.carried == () and month.money == total([Money.of(rows)])
        assert month.missing == 0
    assert OV.funds_by_month[-1].money == OV.funds
    spending = PORTAL.spending_figure
    assert spending.header[-1] == "沿用此前月份数的项目数"
    assert [row[-1] for row in spending.rows] == ["1" if i == SEPTEMBER else "0" for i in range(len(OV.months))]
    assert "2024年9月有1项未报送资金，按其最近一次报送的数字计算" in spending.alt
    september = next(b for b in PORTAL.bulletins if b.bulletin.month == "2024-09")
    assert september.bulletin.funds.carried_count == 1


def reported_fell(index: int, field: str) -> bool:
    """Whether some item's own reported figure `field` at month `index` is below its last report before it."""
    from minsheng.compute.funds import last_reported

    for view in OV.items:
        now, before = view.funds_history[index], last_reported(view.funds_history, index - 1)
        if now is not None and before is not None and getattr(now, field) < getattr(before[1], field):
            return True
    return False


def test_no_cumulative_total_falls_because_a_report_is_missing(built_site):
    """Month by month, on the funds page's table and in bulletins.csv: 年度计划, 累计到位 and 累计拨付 over the
    items fall only where an item's own reported figure fell; a month that carries an item names it."""
    with (built_site / "2024" / "downloads" / "data" / "bulletins.csv").open(encoding="utf-8-sig") as handle:
        bulletins = list(csv.DictReader(handle))
    assert [b["month"] for b in bulletins] == OV.months
    lines = [line.strip() for line in page_text(built_site, "2024/funds").splitlines() if line.strip()]
    table = {}
    for month in OV.months:
        label = f"{int(month[5:])}月"
        start = next(i for i, line in enumerate(lines) if line.startswith(f"2024年{label}") and lines[i + 1][0].isdigit())
        table[month] = [float(lines[start + k].replace(",", "")) for k in (1, 2, 3)]
    for index in range(1, len(OV.months)):
        earlier, later = bulletins[index - 1], bulletins[index]
        for k, field in enumerate(("planned", "in_place", "disbursed")):
            fell_csv = float(later[field]) < float(earlier[field])
            fell_page = table[OV.months[index]][k] < table[OV.months[index - 1]][k]
            if fell_csv or fell_page:
                assert reported_fell(index, field), (later["month"], field)
    assert [(b["month"], b["funds_carried"], b["funds_carried_items"]) for b in bulletins if b["funds_carried"] != "0"] == [
        ("2024-09", "1", "16（2024-08）")]
    title = "（十六）" + VIEWS["16"].item.title
    funds = page_text(built_site, "2024/funds")
    assert f"2024年9月未报送资金、按最近一次报送的数字计入的项目：{title}沿用2024年8月底的数字。" in funds
    assert "2024年9月（含 1 项沿用此前月份数）" in funds
    bulletin = page_text(built_site, "2024/bulletins/2024-09")
    assert f"含 1 项沿用此前月份数：{title}沿用2024年8月底的数字" in bulletin


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
        row = raw.split(f'href="2024/items/{view.item.id}/"', 1)[1].split("</tr>", 1)[0]
        assert f"差 {view.lag:.1f} 个百分点" in row
        assert row.count("应达到") == len(view.warnings) >= 1, view.item.id


def test_pages_show_the_gap_as_not_reported(built_site):
    item = page_text(built_site, "2024/items/16")
    assert "2024年9月|未报送|未报送|—|未报送|—" in "|".join(line.strip() for line in item.splitlines() if line.strip())
    funds = page_text(built_site, "2024/funds")
    assert "2024年9月（含 1 项沿用此前月份数）" in funds
    assert "2024年8月（" not in funds


def test_a_completed_item_with_an_open_problem_says_both(built_site):
    page = next(p for p in PORTAL.items if p.view.item.id == "03")
    assert page.view.status == "done" and page.unresolved == 1 and page.unresolved_overdue == 1
    text = page_text(built_site, "2024/items/03")
    head = text.split("牵头单位", 1)[0]
    assert "✔ 已完成" in head
    assert "仍有 1 个问题未销号（其中 1 个已逾期）" in head
    assert "⚠ 逾期未销号" in text


def drop_item_funds(path, item: str) -> None:
    """Remove every fund row of `item` from a monthly funds CSV: the unit did not report its funds that month."""
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    kept = [rows[0], *(row for row in rows[1:] if row[0] != item)]
    assert len(kept) < len(rows)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(kept)


def test_an_item_missing_the_latest_month_is_carried_at_its_last_figures_and_named_in_every_total(data_copy, tmp_path):
    from minsheng.render.folder import Folder
    from minsheng.render.pages import write_pages

    drop_item_funds(data_copy / "2024" / "funds" / "2024-12.csv", "13")
    plan, _ = load_data_folder(data_copy)
    computed = portals(plan)
    altered = computed.current
    ov = altered.overview
    view = next(v for v in ov.items if v.item.id == "13")
    november = VIEWS["13"].funds_history[-2]
    assert ov.funds_carried == (view,) and view.funds_unreported and view.funds == november  # its last figures
    assert view.funds_history[-2] == november and view.funds_history[-1] is None  # its own history keeps the gap
    december = list(plan.years[2024].months[-1].funds.values())
    assert ov.funds == total([Money.of(december), november])  # carried, …
    assert [(c.item, c.month) for c in ov.funds_by_month[-1].carried] == [("13", "2024-11")]  # … and named
    for table in (ov.funds_by_source, ov.funds_by_category, ov.funds_by_unit):
        assert table.carried == 1 and table.total == ov.funds
    assert [r.carried for r in ov.funds_by_category.rows] == [int(r.key == view.item.category)
                                                              for r in ov.funds_by_category.rows]
    assert sum(r.carried for r in ov.funds_by_unit.rows) == 1
    assert [r.carried for r in OV.funds_by_category.rows + OV.funds_by_unit.rows if r.carried] == []  # real data
    assert OV.funds_carried == () and OV.funds_by_source.carried == 0
    lowest = {v.item.id: v for v in ov.lowest_disbursement}
    if view.funds.disbursed_rate <= ov.lowest_disbursement[-1].funds.disbursed_rate:
        assert lowest["13"].funds == november  # listed with its last figures

    [bulletins] = [d for d in altered.datasets if d.name == "bulletins"]
    assert [(b["month"], b["funds_carried"], b["funds_carried_items"]) for b in bulletins.records()
            if b["funds_carried"]] == [("2024-09", 1, "16（2024-08）"), ("2024-12", 1, "13（2024-11）")]
    folder = Folder(tmp_path / "docs")  # the pages, without building the whole site
    write_pages(computed, DATA.parent / "content", folder)(tmp_path / "fills.json")  # with the tables of figures
    funds = (tmp_path / "docs" / "2024" / "funds.md").read_text(encoding="utf-8")
    tables = json.loads((tmp_path / "fills.json").read_text(encoding="utf-8"))
    fund_tables = tables["2024/funds/index.html"]
    assert table_rows(fund_tables).count("| 合计（含 1 项沿用此前月份数） |") == 3  # by source, by category, by lead unit
    assert "2024年民生实事（含 1 项沿用此前月份数）年度计划投入" in funds
    month, money = view.funds_last_reported
    assert month == "2024-11" and money == VIEWS["13"].funds_history[-2]
    shown = {name: f"{getattr(money, name):,.2f}".replace(".", "\\.") for name in ("planned", "in_place", "disbursed")}
    assert (f"- [（十三）大力推进社区居家养老服务](items/13.md)：最近一次报送为2024年11月底，年度计划 {shown['planned']} 万元，"
            f"累计到位 {shown['in_place']} 万元，累计拨付 {shown['disbursed']} 万元。") in funds
    assert "（含 1 项沿用此前月份数）" in table_rows({"by category": fund_tables["categories"]}).split("| 合计")[0]
    assert "| 2024年12月（含 1 项沿用此前月份数） |" in funds
    assert "2024年12月未报送资金、按最近一次报送的数字计入的项目：[（十三）大力推进社区居家养老服务](items/13.md)沿用2024年11月底的数字。" in funds
    home = (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")
    assert "| 资金（万元）（含 1 项沿用此前月份数） | 金额 | 比率 |" in home
    item = (tmp_path / "docs" / "2024" / "items" / "13.md").read_text(encoding="utf-8").split("## 资金", 1)[1]
    assert "暂无资金数据" not in item and "2024年12月本项未报送资金（不按零计）。最近一次报送为2024年11月底" in item
    months = table_rows(tables["2024/items/13/index.html"])
    assert "| 2024年12月 | 未报送 | 未报送 | — | 未报送 | — |" in months  # the month by month table still shows it


def test_no_money_series_of_the_built_site_falls_to_zero_or_drops_a_running_total(built_site):
    """Every chart CSV (downloads/charts/*.csv), and the bulletins' totals: between reported months a money
    series never falls to zero, a running total (累计…) never drops; a month's total over items drops only
    where it says how many items did not report."""
    checked = 0
    for path in sorted((built_site / "2024" / "downloads" / "charts").glob("*.csv")):
        with path.open(encoding="utf-8-sig") as handle:
            table = list(csv.DictReader(handle))
        for column in (c for c in table[0] if "万元" in c):
            reported = [float(row[column]) for row in table if row[column] != ""]  # a gap is empty, skipped
            assert not any(later == 0 < earlier for earlier, later in zip(reported, reported[1:])), (path.name, column)
            if column.startswith("累计"):
                assert reported == sorted(reported), (path.name, column)
            checked += 1
    assert checked >= 3 * 40
    with (built_site / "2024" / "downloads" / "data" / "bulletins.csv").open(encoding="utf-8-sig") as handle:
        bulletins = list(csv.DictReader(handle))
    for earlier, later in zip(bulletins, bulletins[1:]):
        for column in ("in_place", "disbursed"):
            assert float(later[column]) >= float(earlier[column]), (later["month"], column)
    assert [b["funds_carried"] for b in bulletins] == ["1" if b["month"] == "2024-09" else "0" for b in bulletins]


def test_the_lowest_disbursement_list_keeps_an_item_that_did_not_report_at_its_last_figures(data_copy, tmp_path):
    from minsheng.render.folder import Folder
    from minsheng.render.pages import write_pages

    lowest = OV.lowest_disbursement[0].item.id  # item 27 in the shipped data
    drop_item_funds(data_copy / "2024" / "funds" / "2024-12.csv", lowest)
    plan, _ = load_data_folder(data_copy)
    computed = portals(plan)
    ov = computed.current.overview
    view = next(v for v in ov.lowest_disbursement if v.item.id == lowest)
    assert view.funds_unreported and view.funds == VIEWS[lowest].funds_history[-2]  # listed, with November's figures
    write_pages(computed, DATA.parent / "content", Folder(tmp_path / "docs"))
    funds = (tmp_path / "docs" / "2024" / "funds.md").read_text(encoding="utf-8")
    section = funds.split("## 拨付率最低的项目", 1)[1].split("## ", 1)[0]
    assert f"{view.item.numbered}](items/{lowest}.md)（2024年12月未报送，沿用2024年11月底的数字）" in section
