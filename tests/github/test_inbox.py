"""The browser route's check: workbooks handed in to inbox/ on a pull request's branch, in a real git
repository with the real data; the comment it writes and the files it gives the reply to commit."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile

from minsheng.cli import main
from minsheng.github.inbox import _waiting, month_from_name, pr_fields
from minsheng.problems import Problem
from minsheng.render.pull_request_comment import line
from minsheng.validate import validate_data

from .repository import clone, commit_all, event_file, fill, git

BODY = "这是2024年12月月报的拉取请求。\r\n\r\n发布月份：2024-12\r\n发布日期：{date}\r\n"


def hand_in(checkout, changes, name="2024-12.xlsx", source="outbox/2024-12.xlsx", confirm=True) -> str:
    """Upload a filled-in workbook into inbox/ (a commit of its own, as GitHub's upload page makes)."""
    target = checkout / "inbox" / name
    shutil.copyfile(checkout / source, target)
    fill(target, changes, confirm)
    return commit_all(checkout, f"Upload {name}")


def check(checkout, tmp_path, capsys, body="", base="origin/main"):
    """Run the check as the workflow does (without the change report when `base` is None); (exit code,
    comment, report.json)."""
    head = git(checkout, "rev-parse", "HEAD")
    tmp_path.mkdir(exist_ok=True)
    out = tmp_path / "report"
    branch = git(checkout, "rev-parse", "--abbrev-ref", "HEAD")
    code = main(["inbox", "--data", str(checkout / "data"), *(["--base", base] if base else []), "--out", str(out),
                 "--event", str(event_file(tmp_path, 7, head, body, branch))])
    printed = capsys.readouterr().out
    comment = (out / "comment.md").read_text(encoding="utf-8")
    assert printed.strip() == comment.strip()  # the job summary shows the comment too
    return code, comment, json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_a_workbook_in_the_inbox_becomes_the_months_files_a_publication_and_a_comment(branch, tmp_path, capsys):
    head = hand_in(branch, {("进展", "01", "new-urban-jobs"): {"截至月底累计": 1190},
                            ("进展", "01", ""): {"进展情况": "全年新增城镇就业1190人"},
                            ("资金", "01", "区"): {"累计拨付（万元）": 0.5}})
    code, comment, report = check(branch, tmp_path, capsys, BODY.format(date="2025年1月10日"))
    assert code == 0, comment
    assert report["pull_request"] == 7 and report["head_sha"] == head and report["ok"]
    progress = (branch / "data" / "2024" / "progress" / "2024-12.csv").read_text(encoding="utf-8-sig")
    assert "1190" in progress and "全年新增城镇就业1190人" in progress
    assert report["commit"] == ["data/2024/funds/2024-12.csv", "data/2024/progress/2024-12.csv",
                                "data/2024/published/funds/2024-12.csv", "data/2024/published/progress/2024-12.csv",
                                "data/2024/releases.yaml"]
    assert report["remove"] == ["inbox/2024-12.xlsx", "outbox/2024-12.xlsx"]
    out = tmp_path / "report" / "files"
    for name in report["commit"]:
        assert (out / name).read_bytes() == (branch / name).read_bytes()
    assert "  - month: 2024-12\n    date: 2025-01-10" in (branch / "data" / "2024" / "releases.yaml").read_text(encoding="utf-8")
    assert comment.startswith("<!-- minsheng:检查结果 -->")
    assert "✅ **0 个错误。**" in comment and "**已导入**" in comment
    assert "已登记：2024年12月月报的发布日期为 2025年1月10日" in comment
    assert "## 数据变更报告" in comment and "新增月份：2024年12月" in comment
    assert "0 个错误，0 个警告" in comment

    # as the reply commits it; then the office finds a mistake and hands December in again, date unchanged
    commit_all(branch, "Import the workbook")
    assert main(["export", "2024-12", "--xlsx", str(branch / "inbox" / "2024-12.xlsx"),
                 "--data", str(branch / "data")]) == 0
    fill(branch / "inbox" / "2024-12.xlsx", {("进展", "01", "new-urban-jobs"): {"截至月底累计": 1200}})
    commit_all(branch, "Upload the workbook again")
    capsys.readouterr()
    code, comment, report = check(branch, tmp_path, capsys, BODY.format(date="2025-01-10"))
    assert code == 0, comment  # recorded afresh from main's records: no correction asked for within the pull request
    assert report["commit"] == ["data/2024/progress/2024-12.csv", "data/2024/published/progress/2024-12.csv"]
    assert report["remove"] == ["inbox/2024-12.xlsx"]
    assert "1200" in (branch / "data" / "2024" / "published" / "progress" / "2024-12.csv").read_text(encoding="utf-8-sig")


def test_a_bad_workbook_becomes_its_problems_in_excels_terms_and_leaves_data_alone(branch, tmp_path, capsys):
    hand_in(branch, {("进展", "01", "new-urban-jobs"): {"截至月底累计": "约1190"},
                     ("资金", "01", "区"): {"累计拨付（万元）": 999999}})
    before = git(branch, "status", "--porcelain", "--", "data")
    code, comment, report = check(branch, tmp_path, capsys, base=None)
    assert code == 1
    assert git(branch, "status", "--porcelain") == before == ""  # data/ untouched, the workbook left where it is
    assert report["commit"] == [] and report["remove"] == [] and not report["ok"]
    assert "❌ **有 3 个错误需要改正**" in comment  # the workbook's two, and December still as pre-filled
    assert "这个月还没有填写" in comment
    assert "❌ inbox/2024\\-12\\.xlsx（2024年12月）：**没有导入**，数据没有任何改动。有 2 个错误" in comment
    assert "| 工作表“进展” 第 3 行 G 列（截至月底累计） | 含有数字以外的文字或符号 | “约1190” |" in comment
    assert "| 工作表“资金” 第 4 行 F 列（累计拨付（万元）） | 累计拨付超过累计到位（0\\.78万元） |" in comment
    assert "**拨付资金超过到位资金**：累计拨付不能超过累计到位" in comment  # what to do, once per kind
    assert "**文件名不变**" in comment
    assert "等待交回" not in comment  # the workbook is handed in, only refused
    assert "没有填写发布日期" in comment


def test_a_correction_handed_in_is_recorded_on_the_descriptions_date(origin, tmp_path, capsys):
    checkout = clone(origin, tmp_path / "main")
    git(checkout, "switch", "--quiet", "-c", "correct-2024-11")
    workbook = checkout / "inbox" / "2024-11.xlsx"
    assert main(["export", "2024-11", "--xlsx", str(workbook), "--data", str(checkout / "data")]) == 0
    fill(workbook, {("进展", "01", "new-urban-jobs"): {"截至月底累计": 1111, "更正说明": "经复核，11月漏报1人"}})
    commit_all(checkout, "Upload the corrected November")
    capsys.readouterr()
    code, comment, report = check(checkout, tmp_path, capsys, "发布月份：2024-11\n发布日期：2024-12-20\n")
    assert code == 0, comment
    assert report["commit"] == ["data/2024/progress/2024-11.csv", "data/2024/published/progress/2024-11.csv",
                                "data/2024/revisions.yaml"]  # releases.yaml unchanged: November keeps its date
    assert "2024年11月月报已经在 2024年12月10日 发布过，发布日期不变。已登记 1 处更正，更正日期为 2024年12月20日" in comment
    assert "2024年11月 项目 01 （一）促进重点群体稳定就业 新增城镇就业（人）：1150 → 1111（经复核，11月漏报1人）" in comment
    pending = Problem("correction-pending", "data/2024/progress/2024-11.csv", "已更正，尚未登记", line=3,
                      expected="运行 minsheng publish 登记并公布这项更正")
    assert line(pending).expected == "在本拉取请求说明的“发布日期：”后面填上更正公开的日期"  # no command in the browser


def test_what_cannot_be_taken_is_named(branch, tmp_path, capsys):
    with zipfile.ZipFile(branch / "inbox" / "报表.docx", "w") as word:  # what Word saves
        word.writestr("[Content_Types].xml", "<Types/>")
        word.writestr("word/document.xml", "<w:document/>")
    shutil.copyfile(branch / "outbox" / "2024-12.xlsx", branch / "inbox" / "2024-12.xlsx")
    shutil.copyfile(branch / "outbox" / "2024-12.xlsx", branch / "inbox" / "2024-12 (1).xlsx")
    commit_all(branch, "Upload three files")
    code, comment, report = check(branch, tmp_path, capsys, BODY.format(date="2025-01-10"), base=None)
    assert code == 1 and report["commit"] == [] and report["remove"] == []
    assert "2024\\-12 交了 2 份表格" in comment and "删去不要的那份" in comment
    assert "报表\\.docx" in comment and "这是 Word 文档（\\.docx），不是 Excel 表格" in comment
    assert "2024\\-12 的表格还没有导入，导入后才能登记发布" in comment  # a warning; the workbooks are the errors
    assert "没有生成变更报告（没有指定比较的版本）" in comment
    # nothing handed in for a month: its blank workbook waits, and the check says so
    (waiting,) = _waiting(branch, {"2024-11"})
    assert (waiting.code, waiting.file, waiting.message) == ("inbox", "outbox/2024-12.xlsx", "这是发给您填写的2024年12月表格，还没有交回")
    assert _waiting(branch, {"2024-12"}) == []


def test_the_descriptions_publication_fields():
    assert pr_fields("发布月份：2024-08\n发布日期：2024-09-10").date == dt.date(2024, 9, 10)
    fields = pr_fields("- **发布月份**：２０２４年８月\r\n- **发布日期**: 2024/9/10 \r\n")
    assert (fields.month, fields.date, fields.problems) == ("2024-08", dt.date(2024, 9, 10), [])
    assert pr_fields("发布日期：2024.9.10").date == dt.date(2024, 9, 10)
    assert pr_fields("<!-- 发布日期：2024-09-10 -->\n发布日期：\n").date is None  # the template's example is no date
    assert pr_fields("发布月份：2024-08\n发布日期：待定").date is None and not pr_fields("发布日期：待定").problems
    wrong = pr_fields("发布月份：2024-08\n发布日期：2024-09-31")
    assert wrong.date is None and wrong.problems[0].code == "publish-field" and wrong.problems[0].value == "2024-09-31"
    assert pr_fields(None).date is None


def test_months_from_file_names():
    assert [month_from_name(n) for n in ("2024-08.xlsx", "2024年8月月报.xlsx", "202408.xlsx", "2024-12 (1).xlsx", "报表.xlsx")] \
        == ["2024-08", "2024-08", "2024-08", "2024-12", None]


def test_two_clerks_hand_in_one_months_workbook_and_both_are_kept(branch, tmp_path, capsys):
    """Both downloaded the workbook when the pull request opened; A's import was committed back, then B uploads."""
    b = tmp_path / "B.xlsx"
    shutil.copyfile(branch / "outbox" / "2024-12.xlsx", b)
    items = [i.id for i in validate_data(branch / "data")[0].years[2024].items if not i.no_task]
    mine, theirs = ({("进展", item, ""): {"报送状态": "无变化"} for item in half if item not in ("09", "10")}
                    for half in (items[::2], items[1::2]))
    hand_in(branch, {("进展", "09", "relief-total"): {"截至月底累计": 8}, ("进展", "09", ""): {"进展情况": "A：新增2人次"},
                     **mine}, confirm=False)
    code, comment, report = check(branch, tmp_path / "a", capsys)
    assert code == 1 and report["commit"] and f"还没有填写或确认 {len(theirs) + 1} 项" in comment  # B's items, to come
    assert f"| data/2024/progress/2024\\-12\\.csv（报送状态） | {len(theirs) + 1} 个项目与上月相比没有任何变化" in comment  # one row
    commit_all(branch, "the reply's commit: A's import")
    fill(b, {("进展", "10", "rehabilitation-relief"): {"截至月底累计": 400}, ("进展", "10", ""): {"进展情况": "B：康复救助400名"},
             **theirs}, confirm=False)
    shutil.copyfile(b, branch / "inbox" / "2024-12.xlsx")
    commit_all(branch, "Upload B's 2024-12.xlsx")
    code, comment, report = check(branch, tmp_path / "b", capsys)
    assert code == 0, comment
    assert "别人也改过这个月：只写入了您改动的" in comment
    progress = (branch / "data" / "2024" / "progress" / "2024-12.csv").read_text(encoding="utf-8-sig")
    assert "A：新增2人次" in progress and "B：康复救助400名" in progress
    assert "09,开展困难职工帮扶救助,relief-total,困难职工生活救助、子女助学、医疗救助等,人次,9,8," in progress
    # the change report shows December's figures against November's, old and new, whoever typed them
    assert "新增月份与上月相比变化的数字和报送状态" in comment
    assert "| 2024年12月 | 09 （九）开展困难职工帮扶救助 | 困难职工生活救助、子女助学、医疗救助等（人次） | 6 | 8 |" in comment
    assert "2024年12月的报送情况：已报送 49 项" in comment


def test_a_workbook_of_another_month_a_picture_and_a_subfolder_are_named(branch, tmp_path, capsys):
    november = branch / "inbox" / "2024-11.xlsx"
    assert main(["export", "2024-11", "--xlsx", str(november), "--data", str(branch / "data")]) == 0
    capsys.readouterr()
    fill(november, {("进展", "01", ""): {"进展情况": "改过"}}, confirm=False)
    (branch / "inbox" / "2024-12.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00,,,\xff\xd9")
    (branch / "inbox" / "月报").mkdir()
    shutil.copyfile(branch / "outbox" / "2024-12.xlsx", branch / "inbox" / "月报" / "2024-12.xlsx")
    commit_all(branch, "Upload three files")
    before = git(branch, "rev-parse", "HEAD:data")
    code, comment, report = check(branch, tmp_path, capsys)
    assert code == 1 and report["commit"] == [] and git(branch, "status", "--porcelain", "--", "data") == ""
    assert git(branch, "rev-parse", "HEAD:data") == before
    assert "这是 2024年11月 的表格，这个拉取请求是 2024年12月 的月报" in comment
    assert "这是一张图片（JPG），不是 Excel 表格" in comment
    assert "表格放在了子文件夹“inbox/月报”里，没有导入" in comment


def test_the_blank_workbook_handed_back_or_deleted_is_no_month(branch, tmp_path, capsys):
    shutil.copyfile(branch / "outbox" / "2024-12.xlsx", branch / "inbox" / "2024-12.xlsx")
    commit_all(branch, "Upload the blank workbook")
    code, comment, _ = check(branch, tmp_path / "blank", capsys)
    assert code == 1 and "这个表格还没有填写：和发给您时完全一样" in comment
    git(branch, "rm", "--quiet", "inbox/2024-12.xlsx", "outbox/2024-12.xlsx")
    commit_all(branch, "Delete the workbooks")
    code, comment, _ = check(branch, tmp_path / "deleted", capsys)
    assert code == 1 and "这个月还没有填写：49 个项目的数字、金额都与上月（2024\\-11）相同" in comment
