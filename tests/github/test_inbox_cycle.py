"""The browser route for the yearly cycle: a 年度流程 workbook uploaded to inbox/ is recognised by its sheets and
handled as a month's is (imported all or nothing, the comment written, the files to commit listed); a correction
to a published step is refused without its 更正说明, then recorded with the date of the pull request's description."""

from __future__ import annotations

import shutil

import yaml
from openpyxl import load_workbook

from conftest import two_workbooks
from minsheng.cli import main

from .repository import commit_all, git
from .test_inbox import check

BODY = "更正2024年度流程的票决票数。\r\n\r\n发布月份：2024年度流程\r\n发布日期：{date}\r\n"
NOTE = "计票复核后更正赞成票数（合成）"


def repository(cycle_copy, tmp_path):
    """A repository of the synthetic cycle year with its inbox; (the repository, its data)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet", "-b", "main")
    git(repo, "config", "user.name", "区民生办")
    git(repo, "config", "user.email", "office@example.org")
    shutil.copytree(cycle_copy, repo / "data")
    (repo / "inbox").mkdir()
    (repo / "inbox" / "README.md").write_text("交回填好的表格\n", encoding="utf-8")
    return repo, repo / "data"


def test_a_cycle_workbook_in_the_inbox_is_refused_whole_then_imported_and_its_correction_recorded(cycle_copy, tmp_path, capsys):
    repo, data = repository(cycle_copy, tmp_path)
    assert main(["publish", "--cycle", "2024", "--date", "2025-01-25", "--data", str(data)]) == 0
    commit_all(repo, "the cycle of 2024, published")
    git(repo, "switch", "--quiet", "-c", "cycle-2024")

    book = repo / "inbox" / "年度流程.xlsx"  # named by its sheets and the year the template wrote into it
    assert main(["import", str(book), "--cycle", "2024", "--template", "--data", str(data)]) == 0
    workbook = load_workbook(book)
    votes = int(workbook["票决"]["H2"].value)
    workbook["票决"]["H2"].value = votes - 1  # a published count changed without saying why
    workbook["监督"].append(["2024-11-20", "视察", "", "视察年底收尾情况，联系人 139 1234 5678（合成）", "合成办公室", "", "", ""])
    workbook.save(book)
    commit_all(repo, "Upload 年度流程.xlsx")
    capsys.readouterr()
    code, comment, report = check(repo, tmp_path / "first", capsys, BODY.format(date="2025-02-10"), base="main")
    assert code == 1 and not report["ok"]
    assert "❌ inbox/年度流程\\.xlsx（2024年度流程）：**没有导入**，数据没有任何改动。" in comment
    assert "| 工作表“监督” 第 5 行 D 列（内容） | 含有手机号码，个人信息不得公开 |" in comment
    assert git(repo, "status", "--porcelain", "--", "data") == ""  # nothing written, no publication recorded

    workbook["监督"]["D5"].value = "视察年底收尾情况（合成）"
    workbook.save(book)
    commit_all(repo, "Upload 年度流程.xlsx again")
    code, comment, report = check(repo, tmp_path / "second", capsys, BODY.format(date="2025-02-10"), base="main")
    assert code == 1
    assert "| 工作表“票决” 第 2 行 H 列（赞成） | 已发布的内容被改动但未登记更正" in comment
    assert "在 Excel 同一行的“更正说明”中写明原因后再上传" in comment

    workbook["票决"]["L2"].value = NOTE
    workbook.save(book)
    commit_all(repo, "Upload 年度流程.xlsx with the note")
    code, comment, report = check(repo, tmp_path / "third", capsys, BODY.format(date="2025年2月10日"), base="main")
    assert code == 0, comment
    assert "✅ inbox/年度流程\\.xlsx（2024年度流程）：**已导入**" in comment
    assert "已登记：2024年度流程的发布日期为 2025年2月10日" in comment and "已登记 1 处对已发布内容的更正" in comment
    assert report["remove"] == ["inbox/年度流程.xlsx"]
    assert {"data/2024/cycle/candidates.csv", "data/2024/cycle/oversight.csv", "data/2024/published/cycle/candidates.csv",
            "data/2024/revisions.yaml"} <= set(report["commit"])
    recorded = yaml.safe_load((data / "2024" / "revisions.yaml").read_text(encoding="utf-8"))["cycle"]
    assert [(r["row"], r["field"], r["old"], r["new"], r["note"], str(r["date"])) for r in recorded] == [
        ("H01", "for", votes, votes - 1, NOTE, "2025-02-10")]  # the new oversight entry is news, not a correction
    assert main(["validate", "--data", str(data)]) == 0


def test_two_clerks_workbooks_uploaded_one_after_the_other_are_both_kept(cycle_copy, tmp_path, capsys):
    """Each clerk took the workbook before the other's was imported; the second upload adds its own change only."""
    repo, data = repository(cycle_copy, tmp_path)
    commit_all(repo, "the cycle of 2024")
    git(repo, "switch", "--quiet", "-c", "cycle-2024")
    first, second = two_workbooks(data, tmp_path)
    capsys.readouterr()
    body = "补充2024年度流程的监督和整改情况。\r\n"

    shutil.copyfile(first, repo / "inbox" / "2024年度流程.xlsx")
    commit_all(repo, "Upload 2024年度流程.xlsx")
    code, comment, report = check(repo, tmp_path / "first", capsys, body, base="main")
    assert code == 0, comment
    commit_all(repo, "the check's commit: the first workbook imported")

    shutil.copyfile(second, repo / "inbox" / "2024年度流程.xlsx")
    commit_all(repo, "Upload 2024年度流程.xlsx, the other clerk's")
    code, comment, report = check(repo, tmp_path / "second", capsys, body, base="main")
    assert code == 0, comment
    assert "✅ inbox/2024年度流程\\.xlsx（2024年度流程）：**已导入**" in comment
    assert "您取表格之后，别人也改过“监督”：只写入了您自己改动的内容，别人的改动都已保留" in comment
    assert "甲加的视察（合成）" in (data / "2024" / "cycle" / "oversight.csv").read_text(encoding="utf-8-sig")
    assert "乙填的整改情况（合成）" in (data / "2024" / "cycle" / "ratings.csv").read_text(encoding="utf-8-sig")
    assert report["commit"] == ["data/2024/cycle/ratings.csv"]
