"""After the check: the reply commits the imported files back to a branch of the repository itself (never a
fork's), and keeps one comment up to date. On real git repositories (a bare origin in a temporary folder) with a
stand-in for GitHub's API."""

from __future__ import annotations

import json
import subprocess
import sys


from conftest import ROOT
from minsheng.github.api import BOT, MARKER, STATUS_CONTEXT
from minsheng.github.reply import CheckReport, WorkflowRun, authorised, comment_body, reply_comment, reply_commit

from .repository import REPOSITORY, FakeApi, clone, commit_all, git, open_pull


def run_event(sha: str, head_repository: str = REPOSITORY, conclusion: str = "success") -> WorkflowRun:
    """The pull_request event of the check's run, and the environment its later jobs get."""
    return WorkflowRun.from_event({"repository": {"full_name": REPOSITORY}, "pull_request": {
        "number": 7, "head": {"ref": "month-2024-12", "sha": sha, "repo": {"full_name": head_repository}}}},
        {"GITHUB_RUN_ID": "42", "GITHUB_SERVER_URL": "https://github.com", "CHECK_RESULT": conclusion})


def test_the_run_is_read_from_the_pull_request_event():
    run = run_event("abc", "someone/minsheng", "failure")
    assert (run.id, run.head_branch, run.head_sha, run.conclusion, run.pull_requests) == (42, "month-2024-12", "abc", "failure", [7])
    assert run.url == f"https://github.com/{REPOSITORY}/actions/runs/42" and not run.writable


def test_the_reply_commits_the_imported_files_to_the_branch_and_removes_the_workbooks(checked, tmp_path):
    origin, report_folder, head = checked
    checkout = clone(origin, tmp_path / "default")  # the reply's checkout: the default branch, not the pull request's
    api = FakeApi({7: open_pull(7, "month-2024-12", head)})
    outcome, sha = reply_commit(checkout, run_event(head), CheckReport.load(report_folder), api)
    assert outcome == "committed"
    assert git(origin, "rev-parse", "month-2024-12") == sha and git(origin, "rev-parse", f"{sha}^") == head
    assert git(origin, "diff", "--name-status", head, sha).splitlines() == [
        "M\tdata/2024/progress/2024-12.csv", "D\tinbox/2024-12.xlsx", "D\toutbox/2024-12.xlsx"]
    assert "1190" in git(origin, "show", f"{sha}:data/2024/progress/2024-12.csv")
    assert git(origin, "log", "-1", "--format=%an%n%s", sha) == "github-actions[bot]\n导入交回的表格 inbox/2024-12.xlsx"
    (status,) = [body for method, path, body in api.writes() if path.endswith(f"/statuses/{sha}")]
    assert status["state"] == "success" and status["context"] == STATUS_CONTEXT
    assert git(checkout, "rev-parse", "HEAD") == git(origin, "rev-parse", "main")  # its own checkout untouched

    # the comment: verified against the new head, written once, then edited
    comment = FakeApi({7: open_pull(7, "month-2024-12", sha)},
                      comments=[{"id": 3, "body": f"{MARKER} 伪造", "user": {"login": "someone"}}])
    assert reply_comment(run_event(head), CheckReport.load(report_folder), comment, outcome, sha, "success") == "created"
    assert reply_comment(run_event(head), CheckReport.load(report_folder), comment, outcome, sha, "success") == "updated"
    (written, _) = [c for c in comment.comments if c["user"]["login"] == BOT], None
    assert len(written) == 1 and written[0]["body"].startswith(MARKER)
    assert f"已把导入的文件提交到本分支（提交 {sha[:7]}）" in written[0]["body"]
    assert [m for m, _, _ in comment.writes()] == ["POST", "PATCH"]
    assert comment.writes()[1][1].endswith(f"/issues/comments/{written[0]['id']}")  # not the one someone else wrote


def test_a_forks_pull_request_gets_its_report_and_no_write(checked, tmp_path):
    origin, report_folder, head = checked
    checkout = clone(origin, tmp_path / "default")
    before = git(origin, "for-each-ref")
    api = FakeApi({7: open_pull(7, "month-2024-12", head, "someone/minsheng")})
    run = run_event(head, head_repository="someone/minsheng")
    assert reply_commit(checkout, run, CheckReport.load(report_folder), api) == ("fork", None)
    assert api.calls == [] and git(origin, "for-each-ref") == before
    assert reply_comment(run, CheckReport.load(report_folder), api, "", None, "skipped") == "created"
    (body,) = [b["body"] for m, _, b in api.writes()]
    assert "来自复刻仓库" in body and "不会往里写任何东西" in body and "数据检查结果" in body


def test_the_reply_believes_the_report_only_as_data(checked, tmp_path):
    origin, report_folder, head = checked
    checkout = clone(origin, tmp_path / "default")
    summary = json.loads((report_folder / "report.json").read_text(encoding="utf-8"))
    workflow = report_folder / "files" / ".github" / "workflows" / "x.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: push\n", encoding="utf-8")
    summary["commit"] += [".github/workflows/x.yml", "data/2024/items/01.yaml", "data/../Makefile"]
    summary["remove"] += ["Makefile", "inbox/README.md", "inbox/../data/site.yaml"]
    (report_folder / "report.json").write_text(json.dumps(summary), encoding="utf-8")
    report = CheckReport.load(report_folder)
    assert report.dropped == [".github/workflows/x.yml", "data/2024/items/01.yaml", "data/../Makefile", "Makefile",
                              "inbox/README.md", "inbox/../data/site.yaml"]
    # a report naming another pull request, or a branch that has moved on, gets nothing written
    elsewhere = FakeApi({7: open_pull(7, "month-2024-12", "0" * 40)})
    assert reply_commit(checkout, run_event(head), report, elsewhere) == ("not-verified", None)
    moved = FakeApi({7: open_pull(7, "month-2024-12", head)})
    other = clone(origin, tmp_path / "other", "month-2024-12")
    (other / "inbox" / "later.txt").write_text("x", encoding="utf-8")
    commit_all(other, "A later upload")
    git(other, "push", "--quiet", "origin", "month-2024-12")
    assert reply_commit(checkout, run_event(head), report, moved) == ("moved", None)
    assert moved.writes() == []
    body = comment_body(report, run_event(head, conclusion="failure"), "moved", None, "success")
    assert "又有了新的提交" in body and "数据没有问题，但其他检查（测试或生成网站）没有通过" in body
    report.ok = False
    assert "检查没有通过：请按上面的说明改正" in comment_body(report, run_event(head, conclusion="failure"), "", None, "")


def test_the_reply_needs_nothing_but_the_standard_library(tmp_path):
    """It runs on the runner's own python3: no yaml, pydantic, openpyxl or jinja2 there."""
    probe = (f"import sys; sys.path.insert(0, {str(ROOT / 'scripts')!r})\n"
             "from minsheng.cli import main\n"
             f"code = main(['reply', 'comment', {str(tmp_path)!r}])\n"
             "import minsheng.github.reply, minsheng.github.api\n"
             "print(code, *sorted(m for m in ('yaml', 'pydantic', 'openpyxl', 'jinja2') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-S", "-c", probe], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "GITHUB_EVENT_PATH": str(tmp_path / "none.json")})
    assert done.stdout.strip() == "1", done.stderr  # refused (not a pull_request event), and nothing third-party loaded
    assert "只在“检查数据与网站”工作流的写回和评论两步中运行" in done.stderr


def test_git_gets_the_token_for_one_command_only(monkeypatch):
    """The checkout keeps no credentials (persist-credentials: false): the token is given to fetch and push alone."""
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    assert authorised("push", "origin", "HEAD") == ["push", "origin", "HEAD"]
    monkeypatch.setenv("GITHUB_TOKEN", "t0ken")
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.example")
    command = authorised("push", "origin", "HEAD")
    assert command[:2] == ["-c", "http.https://github.example/.extraheader=AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46dDBrZW4="]
    assert command[2:] == ["push", "origin", "HEAD"]
