"""What changed in a published month: every figure, note and status, and rows added or removed (publishing
and disclosing the changes: tests/month/test_publish.py)."""

from __future__ import annotations

from minsheng.model import FundReport, IndicatorReport, ItemReport, MonthReport
from minsheng.revisions import changes


def report(value: float, disbursed: float, correction: str = "") -> MonthReport:
    month = MonthReport("2024-07", "p.csv", "f.csv")
    month.indicators["01", "new-urban-jobs"] = IndicatorReport("01", "new-urban-jobs", value, False, "", correction, 3)
    month.funds["01", "区"] = FundReport("01", "区", 10, 8, disbursed, "", correction, 2)
    return month


def test_changes_between_two_versions_of_a_month():
    found = changes(report(800, 5), report(820, 6, "漏报已补"))
    assert [(c.file, c.key, c.field, c.old, c.new, c.note) for c in found] == [
        ("progress", "new-urban-jobs", "value", 800, 820, "漏报已补"),
        ("funds", "区", "disbursed", 5, 6, "漏报已补")]
    assert changes(report(800, 5), report(800, 5)) == []


def test_changes_finds_notes_statuses_and_rows_added_or_removed():
    before, after = report(800, 5), report(800, 5, "说明已更正")
    before.items["01"] = ItemReport("01", "按计划推进", "", True, 2)
    after.items["01"] = ItemReport("01", "已完成", "说明已更正", False, 2)
    after.indicators["01", "new-urban-jobs"] = IndicatorReport("01", "new-urban-jobs", 800, False, "口径说明", "说明已更正", 3)
    after.funds["01", "区"] = FundReport("01", "区", 10, 8, 5, "资金已拨付", "说明已更正", 4)
    after.items["02"] = ItemReport("02", "", "新增一行", True, 5)  # an added row with no note: its status only
    del after.funds["01", "区"], before.funds["01", "区"]
    before.funds["01", "市"] = FundReport("01", "市", 3, 2, 1, "", "", 6)  # removed: its figures, not its empty note
    assert [(c.file, c.item, c.key, c.field, c.old, c.new, c.note, c.row) for c in changes(before, after)] == [
        ("progress", "01", "", "note", "按计划推进", "已完成", "说明已更正", 2),
        ("progress", "01", "", "reported", True, False, "说明已更正", 2),
        ("progress", "02", "", "reported", None, True, "新增一行", 5),
        ("progress", "01", "new-urban-jobs", "note", None, "口径说明", "说明已更正", 3),
        ("funds", "01", "市", "planned", 3, None, "", 0),
        ("funds", "01", "市", "in_place", 2, None, "", 0),
        ("funds", "01", "市", "disbursed", 1, None, "", 0)]
