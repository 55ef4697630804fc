"""A repository like the project's on GitHub, in a temporary folder: a bare `origin` whose main holds the real
data with December not yet reported, a checkout of it, and a stand-in for GitHub's REST API."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import DATA, fill  # noqa: F401 - fill: typing into a workbook, for the route's tests
from minsheng.github.api import BOT, GitHubError

REPOSITORY = "huangshan/minsheng"


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def commit_all(cwd: Path, message: str) -> str:
    git(cwd, "add", "--all")
    git(cwd, "commit", "--quiet", "-m", message)
    return git(cwd, "rev-parse", "HEAD")


def make_origin(tmp_path: Path) -> tuple[Path, Path]:
    """(bare origin, a checkout of its main): main holds the real data without December, and inbox/."""
    seed = tmp_path / "seed"
    seed.mkdir()
    git(seed, "init", "--quiet", "-b", "main")
    shutil.copytree(DATA, seed / "data")
    year = seed / "data" / "2024"
    for kind in ("progress", "funds"):
        (year / kind / "2024-12.csv").unlink()
        (year / "published" / kind / "2024-12.csv").unlink()
    releases = year / "releases.yaml"
    releases.write_text(releases.read_text(encoding="utf-8").split("  - month: 2024-12")[0], encoding="utf-8")
    (seed / "inbox").mkdir()
    (seed / "inbox" / "README.md").write_text("交回填好的表格\n", encoding="utf-8")
    bare = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(bare))
    git(seed, "remote", "add", "origin", str(bare))
    _identity(seed)
    commit_all(seed, "data without December")
    git(seed, "push", "--quiet", "origin", "main")
    return bare, clone(bare, tmp_path / "checkout")


def clone(bare: Path, target: Path, branch: str = "main") -> Path:
    git(bare.parent, "clone", "--quiet", "--branch", branch, str(bare), str(target))
    _identity(target)
    return target


def _identity(cwd: Path) -> None:
    git(cwd, "config", "user.name", "区民生办")
    git(cwd, "config", "user.email", "office@example.org")


def event_file(folder: Path, number: int, head_sha: str, body: str = "", branch: str = "month-2024-12") -> Path:
    """A pull_request event as GitHub writes it (the parts the check reads)."""
    path = folder / "event.json"
    path.write_text(json.dumps({"pull_request": {"number": number, "head": {"sha": head_sha, "ref": branch}, "body": body}},
                               ensure_ascii=False), encoding="utf-8")
    return path


class FakeApi:
    """GitHub's REST API as the reply and open-month see it: pull requests, comments, statuses; every call kept."""

    def __init__(self, pulls: dict[int, dict] | None = None, comments: list[dict] | None = None):
        self.pulls = pulls or {}
        self.comments = comments or []
        self.calls: list[tuple[str, str, object]] = []

    def request(self, method: str, path: str, body: object = None) -> object:
        self.calls.append((method, path, body))
        if method == "GET" and "/pulls/" in path:
            number = int(path.rsplit("/", 1)[1])
            if number not in self.pulls:
                raise GitHubError(404, "Not Found")
            return self.pulls[number]
        if method == "GET" and "/pulls?" in path:
            branch = path.rsplit(":", 1)[1]
            return [p for p in self.pulls.values() if p["head"]["ref"] == branch and p["state"] == "open"]
        if method == "POST" and path.endswith("/pulls"):
            number = max(self.pulls, default=0) + 1
            self.pulls[number] = {"number": number, "state": "open", "head": {"ref": body["head"], "sha": "?"},
                                  "html_url": f"https://github.com/{REPOSITORY}/pull/{number}"}
            return self.pulls[number]
        if method == "POST" and path.endswith("/comments"):
            self.comments.append({"id": 100 + len(self.comments), "body": body["body"], "user": {"login": BOT}})
        return {}

    def pages(self, path: str) -> list:
        self.calls.append(("GET", path, None))
        return list(self.comments)

    def writes(self) -> list[tuple[str, str, object]]:
        return [call for call in self.calls if call[0] != "GET"]


def open_pull(number: int, branch: str, sha: str, repository: str = REPOSITORY) -> dict:
    return {"number": number, "state": "open", "head": {"ref": branch, "sha": sha, "repo": {"full_name": repository}},
            "html_url": f"https://github.com/{REPOSITORY}/pull/{number}"}
