"""`minsheng open-month 2024-08`: the month's workbook for an office with nothing but a browser.

Run by the workflow 取月报表格, which the office starts from the Actions page with a month. On a checkout
of the default branch it makes the month's workbook, as a computer would: a month not yet reported gets
its files pre-filled from the month before (`new-month`), a month already reported gets its own workbook
as its files hold it now, to correct it (`export`). The workbook goes into `outbox/` on a new branch,
which is pushed, and a pull request is opened whose description says, step by step, where to download the
workbook, where to upload it filled in, and where to write the publication date.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..formats import chinese_month
from ..months import previous_month
from .api import GitHubError, create_pull_request, open_pull_requests
from .inbox import INBOX, OUTBOX
from ..month.month_files import month_paths
from ..errors import EntryError
from ..month.monthly import export_month, new_month, year_of
from .reply import IDENTITY, authorised

DESCRIPTION_FIELDS = "发布月份：{month}\n发布日期：\n"


@dataclass
class Opened:
    branch: str
    workbook: str  # as in the repository: outbox/2024-08.xlsx
    correction: bool
    url: str | None  # the pull request's page, when GitHub let the workflow open it
    summary: str  # what the person who started the workflow reads, in Chinese


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def open_month(plan, month: str, api, repository: str, base_branch: str,
               server: str = "https://github.com", remote: str = "origin") -> Opened:
    """Make the month's workbook on a new branch, push it and open its pull request. `plan` is the checked-out
    default branch's (its data folder inside a git checkout with `remote`)."""
    year = year_of(plan, month)
    root = plan.root.resolve().parent
    correction = all(path.is_file() for path in month_paths(year.folder, month))
    branch = f"{'correct' if correction else 'month'}-{month}"
    _refuse_a_second(api, repository, branch, root, remote, server)
    switched = _git("switch", "--quiet", "-c", branch, cwd=root)
    if switched.returncode != 0:
        raise EntryError(f"无法新建分支 {branch}：{switched.stderr.strip()}")
    workbook = root / OUTBOX / f"{month}.xlsx"
    workbook.parent.mkdir(exist_ok=True)
    written = export_month(plan, month, workbook) if correction else new_month(plan, month, workbook)
    names = [p.resolve().relative_to(root).as_posix() for p in written]
    title = f"更正{chinese_month(month)}月报" if correction else f"{chinese_month(month)}月报"
    for step in (["add", "--", *names], [*IDENTITY, "commit", "--quiet", "-m", f"{title}：生成填报表格 {names[-1]}"],
                 authorised("push", "--quiet", remote, f"HEAD:refs/heads/{branch}")):
        done = _git(*step, cwd=root)
        if done.returncode != 0:
            raise EntryError(f"git {next(part for part in step if part in ('add', 'commit', 'push'))} 失败：{done.stderr.strip()}")
    body = description(month, branch, repository, base_branch, server, correction)
    try:
        url = create_pull_request(api, repository, branch, base_branch, title, body)["html_url"]
    except GitHubError as exc:
        compare = f"{server}/{repository}/compare/{base_branch}...{branch}?expand=1"
        summary = (f"表格已生成在分支 {branch} 上，但 GitHub 没有让工作流新建拉取请求（{exc.message}）。\n\n"
                   f"请打开 {compare} ，把下面这段说明粘贴进去，点“Create pull request”。维护人员可以在仓库的"
                   "Settings → Actions → General 中勾选“Allow GitHub Actions to create and approve pull requests”，"
                   f"以后就会自动新建。\n\n{body}")
        return Opened(branch, names[-1], correction, None, summary)
    return Opened(branch, names[-1], correction, url,
                  f"已新建拉取请求“{title}”：{url}\n\n打开它，按说明下载表格、填写、交回。")


def _refuse_a_second(api, repository: str, branch: str, root: Path, remote: str, server: str) -> None:
    """One branch per month: a second run points to the first's pull request instead of making another."""
    found = _git(*authorised("ls-remote", "--heads", remote, f"refs/heads/{branch}"), cwd=root)
    if found.returncode != 0:
        raise EntryError(f"无法读取远程仓库：{found.stderr.strip()}")
    if not found.stdout.strip():
        return
    pulls = open_pull_requests(api, repository, branch)
    if pulls:
        raise EntryError(f"这个月已经有拉取请求了：{pulls[0]['html_url']} 。请打开它继续；"
                         "要重新开始，先在那个拉取请求页面底部点“Close pull request”并删除分支，再运行一次")
    raise EntryError(f"分支 {branch} 已经存在（{server}/{repository}/tree/{branch}）。"
                     "请在仓库的“branches”页面删除它，或打开它的拉取请求继续")


def description(month: str, branch: str, repository: str, base_branch: str, server: str, correction: bool) -> str:
    """The pull request's description: the office's steps, with the links to download and to upload."""
    shown = chinese_month(month)
    repo = f"{server}/{repository}"
    download = f"{repo}/raw/{branch}/{OUTBOX}/{month}.xlsx"
    upload = f"{repo}/upload/{branch}/{INBOX}"
    guide = f"{repo}/blob/{base_branch}/CONTRIBUTING.md"
    if correction:
        what = (f"这是更正{shown}月报的拉取请求。表格里是这个月现在的全部内容：只改要改的格子，"
                "并在**同一行**的“更正说明”里写明原因（例如“经复核，11月漏报3人次”）。")
        when = "更正正式公开的那天"
    else:
        what = (f"这是{shown}月报的拉取请求。表格里已经列出每个项目、每个指标，并填好了"
                f"{chinese_month(previous_month(month))}的累计数，只需要改有变化的地方。")
        when = "月报正式公开的那天"
    return f"""{what}

1. **下载表格**：点 [{month}.xlsx]({download}) 下载（在 Excel 或 WPS 里打开）。
2. **填写**：怎么填见[数据更新指南]({guide})第一部分。填好后按“保存”，保持 .xlsx 格式，文件名不用改。
3. **交回**：点[上传到 inbox 文件夹]({upload})，把填好的表格拖进灰色的框里（或点“choose your files”选择文件），
   下面选 “Commit directly to the `{branch}` branch”，点绿色的 “Commit changes”。
4. **看结果**：一般 10 到 20 分钟后，本页下方会出现“数据检查结果”评论。有错误就按评论改好，再按第 3 步上传一次
   （文件名不变，会替换原来的）；0 个错误就请审核人核对变更报告后合并。
5. **登记发布**：{when}，点本说明右上角的 “⋯” → “Edit”，在下面“发布日期：”后面填上日期（如 2024-09-10），
   点 “Update comment”。检查会自动重新运行并登记。

{DESCRIPTION_FIELDS.format(month=month)}"""
