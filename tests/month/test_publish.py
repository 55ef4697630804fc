"""Publishing a month keeps what was published; a later change is refused until recorded and disclosed."""

from __future__ import annotations

import csv
import datetime as dt

import yaml

from conftest import edit_csv, generated_pages, generated_text
from minsheng.cli import main
from minsheng.website.build import BESIDE

JOBS = {"项目编号": "01", "指标编号": "new-urban-jobs"}


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
    releases.write_text(releases.read_text(encoding="utf-8").split("  - month: 2024-11")[0], encoding="utf-8")
    assert main(["publish", "2024-12", "--date", "2025-01-10", "--data", str(data_copy)]) == 1
    assert "请先发布 2024-11" in capsys.readouterr().err
    assert main(["publish", "2024-11", "--date", "2024-11-30", "--data", str(data_copy)]) == 1
    assert "应晚于 2024-11 月底" in capsys.readouterr().err


# A published month is protected whole: notes, 报送状态 and rows, not only figures

GRADUATES = {"项目编号": "02", "指标编号": ""}  # the item's own row
NOTE = "据导入的工作簿改写：本月完成毕业生求职创业补贴审核，累计发放补贴，后续将继续做好跟踪服务和政策宣传工作"


def files_of(folder) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_changed_published_note_is_refused_until_corrected_then_disclosed(data_copy, tmp_path, capsys):
    november = data_copy / "2024" / "progress" / "2024-11.csv"
    row = edit_csv(november, GRADUATES, {"进展情况": NOTE})
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert (f"progress/2024-11.csv 第{row}行：错误[revision] 已发布的内容被改动但未登记更正（项目 02 的进展情况："
            f"完成阶段性工作（样例） → {NOTE[:29]}…）") in out
    assert "在该行“更正说明”中写明原因" in out

    before = files_of(data_copy)
    assert main(["publish", "2024-12", "--date", "2025-01-20", "--data", str(data_copy)]) == 1
    assert f"2024-11 progress/2024-11.csv 项目 02的进展情况（第{row}行）" in capsys.readouterr().err
    assert files_of(data_copy) == before  # nothing recorded, nothing snapshot

    edit_csv(november, GRADUATES, {"更正说明": "导入时误用了草稿中的说明，更正为核实后的进展"})
    assert main(["publish", "2024-12", "--date", "2025-01-20", "--data", str(data_copy)]) == 0
    capsys.readouterr()
    revisions = yaml.safe_load((data_copy / "2024" / "revisions.yaml").read_text(encoding="utf-8"))["revisions"]
    assert revisions[-1] == {"date": dt.date(2025, 1, 20), "month": "2024-11", "file": "progress", "item": "02", "key": "",
                             "field": "note", "old": "完成阶段性工作（样例）", "new": NOTE,
                             "note": "导入时误用了草稿中的说明，更正为核实后的进展"}
    assert main(["validate", "--data", str(data_copy)]) == 0
    capsys.readouterr()

    out = generated_pages(data_copy, tmp_path / "work")
    shown = ("2024年11月", "进展情况", "完成阶段性工作（样例）", NOTE[:29] + "…", "2025年1月20日",
             "导入时误用了草稿中的说明，更正为核实后的进展")
    log, item = generated_text(out, "2024/revisions"), generated_text(out, "2024/items/02")
    assert all(text in log for text in shown) and "（二）支持毕业生求职创业" in log
    assert all(text in item for text in shown)
    assert NOTE not in log  # shortened on the page …
    with (out.parent / BESIDE / "2024" / "downloads" / "data" / "revisions.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert (rows[-1]["field_name"], rows[-1]["old"], rows[-1]["new"]) == ("进展情况", "完成阶段性工作（样例）", NOTE)  # … whole here


def test_a_flipped_status_or_a_changed_fund_note_must_be_recorded(data_copy, capsys):
    status_row = edit_csv(data_copy / "2024" / "progress" / "2024-11.csv", GRADUATES, {"报送状态": "未报送"})
    fund_row = edit_csv(data_copy / "2024" / "funds" / "2024-11.csv", {"项目编号": "01", "资金来源": "区"},
                        {"资金说明": "导入后新增的说明"})
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert f"progress/2024-11.csv 第{status_row}行：错误[revision] 已发布的内容被改动但未登记更正（项目 02 的报送状态：已报送 → 未报送）" in out
    assert f"funds/2024-11.csv 第{fund_row}行：错误[revision] 已发布的内容被改动但未登记更正（项目 01 区 的资金说明：（空） → 导入后新增的说明）" in out
    assert main(["publish", "2024-12", "--date", "2025-01-20", "--data", str(data_copy)]) == 1
    assert "报送状态" in capsys.readouterr().err


def test_a_row_removed_from_a_published_month_must_be_restored(data_copy, capsys):
    edit_csv(data_copy / "2024" / "progress" / "2024-11.csv", JOBS, drop=True)
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert ("progress/2024-11.csv：错误[revision] 已发布的数字被改动但未登记更正（项目 01 new-urban-jobs 的截至月底累计："
            "1150 → （空））（这一行已被删除）") in out
    assert "恢复这一行" in out
    assert main(["publish", "2024-12", "--date", "2025-01-20", "--data", str(data_copy)]) == 1
    assert "该行已被删除" in capsys.readouterr().err


def test_recorded_revisions_hold_values_of_their_field(data_copy, capsys):
    path = data_copy / "2024" / "revisions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "  - {date: 2025-01-10, month: 2024-11, file: progress, item: '02', key: '', field: reported, old: 已报送, new: false,"
        " note: 更正}\n"
        "  - {date: 2025-01-10, month: 2024-11, file: funds, item: '02', key: 区, field: reported, old: true, new: false,"
        " note: 更正}\n"
        "  - {date: 2025-01-10, month: 2024-11, file: progress, item: '02', key: '', field: value, old: 1, new: 2,"
        " note: 更正}\n"), encoding="utf-8")
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "错误[wrong-type] 字段 更正记录 › 第2项 › 原公布值（revisions[1].old）：值的类型与更正的内容不符" in out
    assert "错误[not-an-option] 字段 更正记录 › 第3项 › 更正的内容（revisions[2].field）：这份报表没有这项内容" in out
    assert "错误[missing-field] 字段 更正记录 › 第4项 › 指标或资金来源（revisions[3].key）：数字和资金说明须写明" in out
