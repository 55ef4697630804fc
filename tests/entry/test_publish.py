"""Publishing a month keeps what was published; a later change is refused until recorded and disclosed."""

from __future__ import annotations

import yaml

from conftest import edit_csv
from minsheng.cli import main
from minsheng.revisions import changes
from minsheng.model import FundReport, IndicatorReport, MonthReport

JOBS = {"项目编号": "01", "指标编号": "new-urban-jobs"}


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


def test_a_changed_published_figure_must_be_recorded(data_copy, capsys):
    november = data_copy / "2024" / "progress" / "2024-11.csv"
    row = edit_csv(november, JOBS, {"截至月底累计": "1100"})
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert f"progress/2024-11.csv 第{row}行：错误[revision] 已发布的数字被改动但未登记更正（项目 01 new-urban-jobs 的截至月底累计" in out

    assert main(["publish", "2024-12", "--date", "2025-01-20", "--data", str(data_copy)]) == 1
    assert "没有填写更正说明" in capsys.readouterr().err

    edit_csv(november, JOBS, {"更正说明": "统计口径调整后重新核实"})
    assert main(["publish", "2024-12", "--date", "2025-01-20", "--data", str(data_copy)]) == 0
    capsys.readouterr()
    revisions = yaml.safe_load((data_copy / "2024" / "revisions.yaml").read_text(encoding="utf-8"))["revisions"]
    latest = revisions[-1]
    assert (latest["month"], latest["item"], latest["key"], latest["new"], latest["note"], str(latest["date"])) == (
        "2024-11", "01", "new-urban-jobs", 1100.0, "统计口径调整后重新核实", "2025-01-20")
    assert latest["old"] != 1100.0
    assert main(["validate", "--data", str(data_copy)]) == 0


def test_months_are_published_in_order_and_after_month_end(data_copy, capsys):
    releases = data_copy / "2024" / "releases.yaml"
    releases.write_text(releases.read_text(encoding="utf-8").split("- month: 2024-11")[0], encoding="utf-8")
    assert main(["publish", "2024-12", "--date", "2025-01-10", "--data", str(data_copy)]) == 1
    assert "请先发布 2024-11" in capsys.readouterr().err
    assert main(["publish", "2024-11", "--date", "2024-11-30", "--data", str(data_copy)]) == 1
    assert "应晚于 2024-11 月底" in capsys.readouterr().err
