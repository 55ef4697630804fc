"""GitHub for the office's browser route: the workflow's event, the REST API, and the one decision that
guards every write.

The decision: only a pull request from a branch of this repository itself ever gets anything written
back (files committed, a status set); one from a fork gets its report as a comment and nothing else.
Whoever can push a branch here can write here anyway; a fork's author cannot, and the files its check
produced were made by code the fork controls.

Standard library only: the reply workflow runs this on the runner's own Python, without the project's
packages and without the pull request's code.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from pathlib import Path

from ..errors import UserError

MARKER = "<!-- minsheng:检查结果 -->"  # marks the one comment the check keeps up to date on a pull request
BOT = "github-actions[bot]"  # the author of what GITHUB_TOKEN writes
STATUS_CONTEXT = "检查数据与网站（导入后的提交）"


def may_write(head_repository: str | None, base_repository: str | None) -> bool:
    """Whether the pull request's branch may be written to: only when it lives in the repository itself.

    Fed with the event's names (`workflow_run.head_repository.full_name`, `repository.full_name`), never
    with anything the check's report says about itself. A fork that was deleted has no head repository."""
    if not head_repository or not base_repository:
        return False
    return head_repository.strip().casefold() == base_repository.strip().casefold()


def read_event(path: str | Path | None = None) -> dict:
    """The event that started the workflow (GITHUB_EVENT_PATH), or {} outside GitHub Actions."""
    path = path or os.environ.get("GITHUB_EVENT_PATH")
    if not path or not Path(path).is_file():
        return {}
    return json.loads(Path(path).read_text(encoding="utf-8"))


class GitHubError(UserError):
    def __init__(self, status: int, message: str):
        super().__init__(f"GitHub 接口返回 {status}：{message}")
        self.status = status
        self.message = message


class Api:
    """The REST API with the workflow's token: `request` for one call, `pages` for a listing."""

    def __init__(self, token: str, url: str = "https://api.github.com"):
        self.token = token
        self.url = url.rstrip("/")

    @classmethod
    def from_environment(cls) -> "Api":
        token = os.environ.get("GITHUB_TOKEN") or os.environ.get("GH_TOKEN")
        if not token:
            raise GitHubError(0, "没有 GITHUB_TOKEN：这个命令只在 GitHub Actions 中运行")
        return cls(token, os.environ.get("GITHUB_API_URL", "https://api.github.com"))

    def _call(self, method: str, url: str, body: object = None) -> tuple[object, str]:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method, headers={
            "Accept": "application/vnd.github+json", "Authorization": f"Bearer {self.token}",
            "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "minsheng",
            **({"Content-Type": "application/json"} if data is not None else {})})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                text = response.read().decode("utf-8")
                return (json.loads(text) if text else None), response.headers.get("Link", "")
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", errors="replace")
            try:
                detail = json.loads(detail).get("message", detail)
            except (ValueError, AttributeError):
                pass
            raise GitHubError(error.code, str(detail)[:300]) from None

    def request(self, method: str, path: str, body: object = None) -> object:
        return self._call(method, self.url + path, body)[0]

    def pages(self, path: str) -> list:
        url, found = self.url + path + ("&" if "?" in path else "?") + "per_page=100", []
        while url:
            page, link = self._call("GET", url)
            found += page or []
            url = next((m.group(1) for m in re.finditer(r'<([^>]+)>;\s*rel="next"', link)), None)
        return found


def pull_request(api, repository: str, number: int, head_shas: set[str]) -> dict | None:
    """The open pull request `number` whose head is one of `head_shas`, or None: a number read from a
    check's report is taken only when GitHub confirms it is the pull request that check ran on."""
    try:
        found = api.request("GET", f"/repos/{repository}/pulls/{int(number)}")
    except GitHubError as error:
        if error.status == 404:
            return None
        raise
    if found.get("state") != "open" or found.get("head", {}).get("sha") not in head_shas:
        return None
    return found


def upsert_comment(api, repository: str, number: int, body: str) -> str:
    """Write `body` as the check's comment on the pull request: the earlier one, found by its marker and
    its author, is edited; there is never a second. Returns "updated" or "created"."""
    if MARKER not in body:
        body = f"{MARKER}\n{body}"
    for comment in api.pages(f"/repos/{repository}/issues/{int(number)}/comments"):
        if MARKER in (comment.get("body") or "") and (comment.get("user") or {}).get("login") == BOT:
            api.request("PATCH", f"/repos/{repository}/issues/comments/{comment['id']}", {"body": body})
            return "updated"
    api.request("POST", f"/repos/{repository}/issues/{int(number)}/comments", {"body": body})
    return "created"


def set_status(api, repository: str, sha: str, state: str, description: str, target_url: str | None) -> None:
    api.request("POST", f"/repos/{repository}/statuses/{sha}", {
        "state": state, "context": STATUS_CONTEXT, "description": description[:139],
        **({"target_url": target_url} if target_url else {})})


def open_pull_requests(api, repository: str, branch: str) -> list[dict]:
    owner = repository.split("/")[0]
    return api.request("GET", f"/repos/{repository}/pulls?state=open&head={owner}:{branch}") or []


def create_pull_request(api, repository: str, head: str, base: str, title: str, body: str) -> dict:
    return api.request("POST", f"/repos/{repository}/pulls", {"title": title, "head": head, "base": base, "body": body})


def write_output(**values: str) -> None:
    """Step outputs (GITHUB_OUTPUT), for the next job; nothing outside GitHub Actions."""
    path = os.environ.get("GITHUB_OUTPUT")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            for name, value in values.items():
                handle.write(f"{name}={value}\n")


def write_summary(text: str) -> None:
    """The job's summary page (GITHUB_STEP_SUMMARY): what the person who started the workflow reads."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text.rstrip("\n") + "\n")
