"""Shared fixtures: the real data folder, and throw-away copies of it to break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once from the real data by `minsheng build`, for tests that read it."""
    from minsheng.cli import main

    out = tmp_path_factory.mktemp("built") / "site"
    assert main(["build", "--data", str(DATA), "--out", str(out), "--config", str(ROOT / "mkdocs.yml"),
                 "--work", str(out.parent / "work")]) == 0
    return out


def page_text(site: Path, path: str) -> str:
    """The visible text of a built page's main content, entities decoded."""
    import html
    import re

    raw = (site / path / "index.html").read_text(encoding="utf-8")
    body = raw.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", body))


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the real data folder that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def draft_copy(data_copy: Path) -> Path:
    """A copy of the data whose months are all unpublished drafts, free to edit without a correction."""
    for year in data_copy.iterdir():
        if year.is_dir() and year.name.isdigit():
            (year / "releases.yaml").unlink(missing_ok=True)
            (year / "revisions.yaml").unlink(missing_ok=True)
            shutil.rmtree(year / "published", ignore_errors=True)
    return data_copy


def _project_state() -> dict[str, tuple]:
    """What the tests must leave as they found it: data/ file by file, and whether build/ and site/ changed."""
    state = {p.relative_to(ROOT).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
             for p in DATA.rglob("*") if p.is_file()}
    for name in ("build", "site"):
        folder = ROOT / name
        state[name] = (folder.exists(), folder.stat().st_mtime_ns if folder.exists() else None)
    return state


_STATE = pytest.StashKey[dict]()


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_STATE] = _project_state()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Tests are hermetic: one that wrote into the project's data/, build/ or site/ fails the run. Under
    CI=true a skipped test is a failure too: a missing browser or font must not pass silently."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    before, after = session.config.stash.get(_STATE, None), _project_state()
    if before is not None and before != after:
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        if reporter:
            reporter.write_line(f"tests changed the project's own files: {', '.join(changed[:10])}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    if os.environ.get("CI") != "true":
        return
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(f"CI=true: {len(skipped)} test(s) skipped; in CI a skip is a failure.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def edit_csv(path: Path, match: dict[str, str], changes: dict[str, str] | None = None, *, drop: bool = False) -> int:
    """Change (or drop) the rows of a monthly CSV whose cells equal `match`; returns their Excel row."""
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, found = rows[0], None
    kept = [header]
    for number, row in enumerate(rows[1:], start=2):
        cells = dict(zip(header, row))
        if all(cells.get(k) == v for k, v in match.items()) and found is None:
            found = number
            if drop:
                continue
            cells.update(changes or {})
            row = [cells[h] for h in header]
        kept.append(row)
    assert found, f"no row matching {match} in {path}"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(kept)
    return found
