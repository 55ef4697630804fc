"""`minsheng diff` on fixture data trees and on two git revisions."""

from __future__ import annotations

import shutil
import subprocess

from conftest import edit_csv
from minsheng.cli import main

JOBS = {"项目编号": "01", "指标编号": "new-urban-jobs"}


def two_trees(draft_copy, tmp_path):
    base = tmp_path / "base"
    shutil.copytree(draft_copy, base)
    return base, draft_copy


def test_no_change(draft_copy, tmp_path, capsys):
    base, head = two_trees(draft_copy, tmp_path)
    assert main(["diff", str(base), str(head)]) == 0
    assert "没有变化" in capsys.readouterr().out


def test_the_report_lists_every_kind_of_change(draft_copy, tmp_path, capsys):
    base, head = two_trees(draft_copy, tmp_path)
    for kind in ("progress", "funds"):  # the base has not received December yet
        (base / "2024" / kind / "2024-12.csv").unlink()
    edit_csv(head / "2024" / "progress" / "2024-11.csv", JOBS, {"截至月底累计": "1000", "更正说明": "漏报已补"})
    item = head / "2024" / "items" / "03.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace("name: 培训家政服务人员", "name: 家政服务人员培训"),
                    encoding="utf-8")
    ledger = head / "2024" / "problems.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8") + "  - id: 2024-099\n    item: '01'\n    found: 2024-12-20\n"
                      "    description: 新发现的问题\n    unit: hrss\n    due: 2025-01-20\n", encoding="utf-8")
    assert main(["diff", str(base), str(head)]) == 0
    out = capsys.readouterr().out
    assert "新增月份：2024年12月" in out
    assert "| 2024年11月 | 01 （一）促进重点群体稳定就业 | 新增城镇就业（人） |" in out and "| 1000 | 漏报已补 |" in out
    assert "03 实施放心家政行动：indicators" in out
    assert "新问题 2024\\-099（项目 01）：新发现的问题" in out
    assert "#### 状态变化（2024年11月 → 2024年12月）" in out


def test_changed_notes_and_statuses_of_a_published_month_are_reported(data_copy, tmp_path, capsys):
    base, head = two_trees(data_copy, tmp_path)
    november = head / "2024" / "progress" / "2024-11.csv"
    edit_csv(november, {"项目编号": "02", "指标编号": ""}, {"进展情况": "导入的工作簿改写了这段说明" * 5})
    edit_csv(november, {"项目编号": "03", "指标编号": ""}, {"报送状态": "未报送"})
    edit_csv(head / "2024" / "funds" / "2024-11.csv", {"项目编号": "01", "资金来源": "区"}, {"资金说明": "新的资金说明"})
    main(["diff", str(base), str(head)])
    out = capsys.readouterr().out
    assert "没有变化" not in out
    assert "| 2024年11月 | 02 （二）支持毕业生求职创业 | 进展情况 |" in out
    assert "导入的工作簿改写了这段说明导入的工作簿改写了这段说明导入的…" in out  # shortened to 30 characters
    assert "| 2024年11月 | 03 （三）实施放心家政行动 | 报送状态 | 已报送 | 未报送 | — |" in out
    assert "| 区资金·资金说明 |" in out and "| 新的资金说明 | — |" in out
    assert "已发布的内容被改动但未登记更正" in out  # and the head's errors say what to do


def test_warnings_cleared_and_status_changed(draft_copy, tmp_path, capsys):
    from minsheng.compute.overview import overview
    from minsheng.load.data_folder import load_data_folder

    base, head = two_trees(draft_copy, tmp_path)
    for tree in (base, head):
        for month in ("2024-09", "2024-10", "2024-11", "2024-12"):
            for kind in ("progress", "funds"):
                (tree / "2024" / kind / f"{month}.csv").unlink()
    plan, _ = load_data_folder(base)
    warned = next(v for v in overview(plan, plan.years[2024]).warned
                  if all(i.target is not None for i in v.item.indicators))
    for indicator in warned.item.indicators:  # the item catches up in full
        edit_csv(head / "2024" / "progress" / "2024-08.csv", {"项目编号": warned.item.id, "指标编号": indicator.id},
                 {"截至月底累计": f"{indicator.target:g}"})
    assert main(["diff", str(base), str(head)]) == 0
    out = capsys.readouterr().out
    assert f"解除预警：{warned.item.id} {warned.item.title}" in out
    assert f"| {warned.item.id} {warned.item.title} | " in out and "| ✔ 已完成 |" in out


def test_invalid_head_is_reported_not_compared(draft_copy, tmp_path, capsys):
    base, head = two_trees(draft_copy, tmp_path)
    edit_csv(head / "2024" / "progress" / "2024-11.csv", JOBS, {"截至月底累计": "很多"})
    assert main(["diff", str(base), str(head)]) == 1
    assert "新版本" in capsys.readouterr().err


def test_diff_between_two_git_revisions(draft_copy, tmp_path, capsys):
    repo = tmp_path / "repo"
    shutil.copytree(draft_copy, repo / "data")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "base")
    edit_csv(repo / "data" / "2024" / "progress" / "2024-12.csv", JOBS, {"截至月底累计": "1160"})
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "head")
    assert main(["diff", "HEAD~1", "HEAD", "--data", str(repo / "data")]) == 0
    out = capsys.readouterr().out
    assert "| 2024年12月 | 01 （一）促进重点群体稳定就业 | 新增城镇就业（人） |" in out and "| 1160 |" in out
    assert main(["diff", "no-such-rev", "HEAD", "--data", str(repo / "data")]) == 1
    assert "无法读取版本 no-such-rev" in capsys.readouterr().err
