"""取月报表格: a month's branch and pull request, opened on a real git repository (a bare origin in a temporary
folder) with a stand-in for GitHub's API."""

from __future__ import annotations

import pytest

from minsheng.errors import EntryError
from minsheng.github.open_month import open_month
from minsheng.validate import validate_data

from .repository import REPOSITORY, FakeApi, clone, git


def test_open_month_pushes_the_months_branch_and_opens_its_pull_request(origin, tmp_path):
    checkout = clone(origin, tmp_path / "default")
    git(origin, "branch", "-D", "month-2024-12")  # as before the office first asks for December
    plan = validate_data(checkout / "data")[0]
    api = FakeApi()
    opened = open_month(plan, "2024-12", api, REPOSITORY, "main")
    assert (opened.branch, opened.workbook, opened.correction) == ("month-2024-12", "outbox/2024-12.xlsx", False)
    assert git(origin, "diff", "--name-only", "main", "month-2024-12").splitlines() == [
        "data/2024/funds/2024-12.csv", "data/2024/progress/2024-12.csv", "outbox/2024-12.xlsx"]
    ((_, path, pull),) = api.writes()
    assert path == f"/repos/{REPOSITORY}/pulls"
    assert (pull["title"], pull["head"], pull["base"]) == ("2024年12月月报", "month-2024-12", "main")
    body = pull["body"]
    assert f"https://github.com/{REPOSITORY}/raw/month-2024-12/outbox/2024-12.xlsx" in body
    assert f"https://github.com/{REPOSITORY}/upload/month-2024-12/inbox" in body
    assert "填好了2024年11月的累计数" in body and body.endswith("发布月份：2024-12\n发布日期：\n")
    assert opened.url in opened.summary
    # a second run for the month points to the first's pull request; a published month opens a correction
    git(checkout, "switch", "--quiet", "main")  # each run starts from the default branch
    with pytest.raises(EntryError, match="这个月已经有拉取请求了：https://github.com/.*/pull/1"):
        open_month(plan, "2024-12", api, REPOSITORY, "main")
    opened = open_month(plan, "2024-11", api, REPOSITORY, "main")
    assert opened.correction and opened.branch == "correct-2024-11"
    assert git(origin, "diff", "--name-only", "main", "correct-2024-11") == "outbox/2024-11.xlsx"
    assert api.writes()[-1][2]["title"] == "更正2024年11月月报" and "更正说明" in api.writes()[-1][2]["body"]
