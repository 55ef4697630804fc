"""`minsheng reply`: after a pull request's check, answer on the pull request and commit back what it
imported. Run by the later jobs of the workflow 检查数据与网站 (on `pull_request`, for a branch of this
repository only), from the base branch's code, never the pull request's: it reads the check's report (an
artifact: files, not code) and does two things, each in its own job with its own permissions:

- `reply commit` (contents: write, statuses: write): only when `may_write` says the pull request's
  branch is in this repository itself, copy the files the check wrote onto that branch, remove the
  workbooks it imported, push, and mark the new commit with the check's result. GitHub starts no
  workflow for a push made with the workflow's token, so the commit carries the result of the check
  that produced its files instead; nothing else changes in it.
- `reply comment` (pull-requests: write): write the check's comment on the pull request, editing the one
  written before (found by its marker), with a footer said by this side: the check's conclusion and
  what was committed, or that a fork's pull request gets nothing written.

Everything about the run comes from the event (GITHUB_EVENT_PATH); the report is believed only as data:
the pull request it names must be open with the head the check ran on, and the files it lists must be
month files, publication records or the workbooks themselves. Standard library only.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .api import may_write, pull_request, set_status, upsert_comment

# What the check may have the reply commit (as the repository names it), and remove
COMMITTABLE = re.compile(r"data/\d{4}/(?:(?:published/)?(?:progress|funds)/\d{4}-\d{2}\.csv|releases\.yaml|revisions\.yaml)")
REMOVABLE = re.compile(r"(?:inbox|outbox)/[^/\\]+")
KEPT = {"inbox/README.md", "outbox/README.md"}
LIMIT = 60_000  # a GitHub comment holds 65,536 characters
IDENTITY = ["-c", "user.name=github-actions[bot]", "-c", "user.email=41898282+github-actions[bot]@users.noreply.github.com"]


@dataclass
class WorkflowRun:
    """The finished check run, as the event tells it."""

    id: int
    repository: str  # where the workflows run: the pull request's base repository
    head_repository: str | None
    head_branch: str
    head_sha: str
    conclusion: str
    url: str
    pull_requests: list[int] = field(default_factory=list)  # GitHub lists them for a branch of this repository only

    @classmethod
    def from_event(cls, event: dict, environment: dict[str, str] | None = None) -> "WorkflowRun":
        """The run from the pull_request event and the workflow's environment (the run's id, the server, and the
        check job's result, CHECK_RESULT: success or failure)."""
        environment = os.environ if environment is None else environment
        pull, repository = event["pull_request"], event["repository"]["full_name"]
        run_id = int(environment.get("GITHUB_RUN_ID") or 0)
        server = environment.get("GITHUB_SERVER_URL") or "https://github.com"
        number = pull.get("number")
        return cls(id=run_id, repository=repository,
                   head_repository=((pull.get("head") or {}).get("repo") or {}).get("full_name"),
                   head_branch=pull["head"]["ref"], head_sha=pull["head"]["sha"],
                   conclusion=environment.get("CHECK_RESULT") or "", url=f"{server}/{repository}/actions/runs/{run_id}",
                   pull_requests=[number] if isinstance(number, int) and not isinstance(number, bool) else [])

    def pull_request(self, report: "CheckReport") -> int | None:
        """The pull request the check ran for: as the report says, or as the event lists (still to verify)."""
        return report.pull_request or (self.pull_requests[0] if self.pull_requests else None)

    @property
    def writable(self) -> bool:
        return may_write(self.head_repository, self.repository)


@dataclass
class CheckReport:
    """What the check left (report.json, comment.md, files/), taken as data: anything outside the allowed
    paths is dropped with a word."""

    folder: Path
    pull_request: int | None = None
    ok: bool | None = None  # whether the check found the data and the workbooks without error
    comment: str = ""
    commit: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path) -> "CheckReport":
        report = cls(folder)
        summary_path = folder / "report.json"
        if not summary_path.is_file():
            return report
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
        number = summary.get("pull_request")
        report.pull_request = number if isinstance(number, int) and not isinstance(number, bool) else None
        report.ok = summary.get("ok") if isinstance(summary.get("ok"), bool) else None
        inside = (folder / "files").resolve()
        comment = folder / "comment.md"
        report.comment = comment.read_text(encoding="utf-8") if comment.is_file() else ""
        for name in summary.get("commit") or []:
            source = folder / "files" / str(name)
            ok = (isinstance(name, str) and COMMITTABLE.fullmatch(name) and source.is_file() and not source.is_symlink()
                  and source.resolve().is_relative_to(inside))
            (report.commit if ok else report.dropped).append(str(name))
        for name in summary.get("remove") or []:
            ok = isinstance(name, str) and name not in KEPT and (REMOVABLE.fullmatch(name) or COMMITTABLE.fullmatch(name))
            (report.remove if ok else report.dropped).append(str(name))
        return report


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def authorised(*args: str) -> list[str]:
    """A git command that fetches or pushes with the workflow's token (GITHUB_TOKEN), given for this command only:
    the checkout keeps no credentials on disk (persist-credentials: false)."""
    token = os.environ.get("GITHUB_TOKEN")
    if not token:
        return list(args)
    server = os.environ.get("GITHUB_SERVER_URL") or "https://github.com"
    basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
    return ["-c", f"http.{server}/.extraheader=AUTHORIZATION: basic {basic}", *args]


class PushRefused(Exception):
    pass


def commit_to_branch(repository: Path, run: WorkflowRun, report: CheckReport, remote: str = "origin") -> str | None:
    """Commit the check's files onto the pull request's branch, on top of the commit the check ran on, and
    push; the new commit's id, or None when there was nothing to change. Raises PushRefused when the
    branch has moved on since (a newer push is checked anew) or the push is refused."""
    fetched = git(*authorised("fetch", "--no-tags", "--quiet", "--depth=1", remote,
                              f"+refs/heads/{run.head_branch}:refs/minsheng/reply"), cwd=repository)
    if fetched.returncode != 0:
        raise PushRefused(f"无法取得分支 {run.head_branch}：{fetched.stderr.strip()}")
    tip = git("rev-parse", "refs/minsheng/reply", cwd=repository).stdout.strip()
    if tip != run.head_sha:
        raise PushRefused(f"分支 {run.head_branch} 在检查期间又有了新的提交")
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "branch"
        added = git("worktree", "add", "--detach", "--quiet", str(tree), run.head_sha, cwd=repository)
        if added.returncode != 0:
            raise PushRefused(added.stderr.strip())
        try:
            for name in report.commit:
                target = tree / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(report.folder / "files" / name, target)
            # names as they are: a workbook called 2024-08[1].xlsx is not a pattern
            if report.commit:
                git("--literal-pathspecs", "add", "--", *report.commit, cwd=tree)
            if report.remove:
                git("--literal-pathspecs", "rm", "--quiet", "--ignore-unmatch", "--", *report.remove, cwd=tree)
            if git("diff", "--cached", "--quiet", cwd=tree).returncode == 0:
                return None
            message = _message(report, run)
            committed = git(*IDENTITY, "commit", "--quiet", "--no-verify", "-m", message, cwd=tree)
            if committed.returncode != 0:
                raise PushRefused(committed.stderr.strip())
            sha = git("rev-parse", "HEAD", cwd=tree).stdout.strip()
            pushed = git(*authorised("push", "--quiet", remote, f"HEAD:refs/heads/{run.head_branch}"), cwd=tree)
            if pushed.returncode != 0:
                raise PushRefused(f"推送被拒绝：{pushed.stderr.strip()}")
            return sha
        finally:
            git("worktree", "remove", "--force", str(tree), cwd=repository)


def _message(report: CheckReport, run: WorkflowRun) -> str:
    workbooks = [name for name in report.remove if name.startswith("inbox/")]
    title = f"导入交回的表格 {'、'.join(workbooks)}" if workbooks else "登记发布"
    lines = [title, ""]
    lines += [f"写入 {name}" for name in report.commit]
    lines += [f"删去 {name}" for name in report.remove]
    lines += ["", f"由“回复拉取请求”按检查的结果提交：{run.url}"]
    return "\n".join(lines)


def reply_commit(repository: Path, run: WorkflowRun, report: CheckReport, api) -> tuple[str, str | None]:
    """The commit job: (outcome, commit id). Outcomes: fork, not-verified, nothing, committed, moved."""
    if not run.writable:
        return "fork", None
    number = run.pull_request(report)
    if number is None or not pull_request(api, run.repository, number, {run.head_sha}):
        return "not-verified", None
    if not report.commit and not report.remove:
        return "nothing", None
    try:
        sha = commit_to_branch(repository, run, report)
    except PushRefused as refused:
        print(f"没有写回：{refused}")
        return "moved", None
    if sha is None:
        return "nothing", None
    state = "success" if run.conclusion == "success" else "failure"
    said = "通过" if state == "success" else "没有通过"
    set_status(api, run.repository, sha, state,
               f"上传表格的提交的检查{said}；本提交只写入了那次检查导入的文件", run.url)
    return "committed", sha


def comment_body(report: CheckReport, run: WorkflowRun, outcome: str, sha: str | None, commit_job: str) -> str:
    """The check's comment, with the footer said by the reply (not by the pull request's code)."""
    body = report.comment.strip() or "## 数据检查结果\n\n检查没有留下结果，请打开下面的检查详情查看日志。"
    if len(body) > LIMIT:
        body = body[:LIMIT].rsplit("\n", 1)[0] + "\n\n……（内容太长，后面的部分见检查详情的 Summary 页）"
    lines = ["", "---", ""]
    if run.conclusion == "success":
        lines.append("✅ 全部检查（数据、测试、生成网站）都通过了。")
    elif report.ok is False:
        lines.append("❌ 检查没有通过：请按上面的说明改正。")
    else:
        lines.append("❌ 数据没有问题，但其他检查（测试或生成网站）没有通过：请把这个拉取请求的网址发给网站的维护人员。")
    if outcome == "committed" and sha:
        lines.append(f"📥 已把导入的文件提交到本分支（提交 {sha[:7]}），并删去了交回的表格。"
                     "提交里只有上面这次检查导入的文件，检查结果沿用这一次的。")
    elif outcome == "fork" or not run.writable:
        lines.append("🔒 这个拉取请求来自复刻仓库（别人的副本），检查不会往里写任何东西：结果只在这里报告。"
                     "请维护人员在电脑上导入（见 CONTRIBUTING.md 第五部分），或请提交人在本仓库的分支上重新提交。")
    elif outcome == "moved":
        lines.append("⏳ 本分支在检查期间又有了新的提交，这次的结果没有写回；对新提交的检查会再更新这条评论。")
    elif commit_job == "failure":
        lines.append("⚠️ 把导入的文件写回本分支时出错了，请把这个拉取请求的链接发给网站的维护人员。")
    lines.append(f"检查详情：{run.url}（提交 {run.head_sha[:7]}）")
    return body + "\n".join(lines) + "\n"


def reply_comment(run: WorkflowRun, report: CheckReport, api, outcome: str, sha: str | None, commit_job: str) -> str:
    """The comment job: 'created', 'updated', or why nothing was written."""
    heads = {run.head_sha} | ({sha} if sha else set())
    number = run.pull_request(report)
    if number is None:
        return "no-pull-request"
    if not pull_request(api, run.repository, number, heads):
        return "not-verified"  # not the pull request this check ran on, or it has moved on: a newer check answers
    return upsert_comment(api, run.repository, number, comment_body(report, run, outcome, sha, commit_job))


def environment_outcome() -> tuple[str, str | None, str]:
    """What the commit job said (its outputs and result, passed on by the workflow)."""
    return (os.environ.get("COMMIT_OUTCOME") or "", os.environ.get("COMMIT_SHA") or None,
            os.environ.get("COMMIT_RESULT") or "")

