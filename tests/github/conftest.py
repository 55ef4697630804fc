"""Repositories for the browser route's tests, each built once per test process and copied by each test
(building one imports the data and writes a workbook; a copy takes a few milliseconds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from minsheng.cli import main

from .repository import clone, commit_all, event_file, fill, git, make_origin


@pytest.fixture(scope="session")
def shared_origin(tmp_path_factory) -> Path:
    """A bare origin: main with the real data without December, and month-2024-12 as 取月报表格 leaves it
    (December pre-filled, its blank workbook in outbox/)."""
    bare, checkout = make_origin(tmp_path_factory.mktemp("origin"))
    git(checkout, "switch", "--quiet", "-c", "month-2024-12")
    (checkout / "outbox").mkdir()
    assert main(["new-month", "2024-12", "--xlsx", str(checkout / "outbox" / "2024-12.xlsx"),
                 "--data", str(checkout / "data")]) == 0
    commit_all(checkout, "December's workbook")
    git(checkout, "push", "--quiet", "origin", "month-2024-12")
    git(bare, "repack", "-adq")  # one pack: each test copies it
    return bare


@pytest.fixture(scope="session")
def shared_checked(shared_origin, tmp_path_factory) -> tuple[Path, Path, str]:
    """(bare origin, the check's report, the head it ran on): a filled workbook uploaded to month-2024-12's
    inbox/, and the check run on a clone of the branch as the check job runs it."""
    folder = tmp_path_factory.mktemp("checked")
    bare = folder / "origin.git"
    shutil.copytree(shared_origin, bare)
    office = clone(bare, folder / "office", "month-2024-12")
    workbook = office / "inbox" / "2024-12.xlsx"
    shutil.copyfile(office / "outbox" / "2024-12.xlsx", workbook)
    fill(workbook, {("进展", "01", "new-urban-jobs"): {"截至月底累计": 1190}})
    head = commit_all(office, "Upload 2024-12.xlsx")
    git(office, "push", "--quiet", "origin", "month-2024-12")
    check = clone(bare, folder / "check", "month-2024-12")
    report = folder / "inbox-report"
    assert main(["inbox", "--data", str(check / "data"), "--out", str(report),  # no change report: not needed here
                 "--event", str(event_file(folder, 7, head))]) == 0
    git(bare, "repack", "-adq")
    return bare, report, head


@pytest.fixture
def origin(shared_origin, tmp_path) -> Path:
    """A copy of the shared origin, for a test to push to."""
    return Path(shutil.copytree(shared_origin, tmp_path / "origin.git"))


@pytest.fixture
def branch(origin, tmp_path) -> Path:
    """A checkout of month-2024-12, as the office's uploads and the check's imports find it."""
    return clone(origin, tmp_path / "checkout", "month-2024-12")


@pytest.fixture
def checked(shared_checked, tmp_path) -> tuple[Path, Path, str]:
    """A copy of the shared checked origin and its report: (origin, report folder, head)."""
    bare, report, head = shared_checked
    return (Path(shutil.copytree(bare, tmp_path / "origin.git")),
            Path(shutil.copytree(report, tmp_path / "inbox-report")), head)
