"""Shared fixtures: the real data folder, and throw-away copies of it to break."""

from __future__ import annotations

import functools
import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def _hypothesis_profile() -> None:
    """Property tests the same on every run: the same examples (derandomized), no time limit per example (a shared
    machine's load made one exceed Hypothesis' 200 ms deadline and fail a run that passed six times), and no
    example database written into the project."""
    from hypothesis import settings

    settings.register_profile("minsheng", deadline=None, derandomize=True, database=None)
    settings.load_profile("minsheng")


_hypothesis_profile()

MEMORY = Path("/dev/shm")
_IN_MEMORY = pytest.StashKey[str]()
_FAILED = pytest.StashKey[bool]()


def pytest_configure(config: pytest.Config) -> None:
    """The run's temporary folders in memory when the machine has room there (not given one with --basetemp): the
    tests write and delete tens of thousands of files (every data copy and built site, 400 MB a run), which on this
    machine's disk cost a third of the run's system time, and pytest's clearing of an old run's folder took 11 s
    before the first test. A folder of the run's own, so that runs side by side never share one; removed at the end,
    unless a test failed (then kept, and named)."""
    if config.option.basetemp or hasattr(config, "workerinput"):
        return
    if MEMORY.is_dir() and os.access(MEMORY, os.W_OK) and shutil.disk_usage(MEMORY).free > 2 * 2**30:
        import tempfile

        config.option.basetemp = tempfile.mkdtemp(prefix="minsheng-tests-", dir=MEMORY)
        config.stash[_IN_MEMORY] = config.option.basetemp


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_IN_MEMORY, None)
    if folder is None:
        return
    if config.stash.get(_FAILED, False):
        print(f"测试的临时文件夹保留在 {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


@functools.cache
def shipped():
    """The shipped data folder as `load_data_folder` reads it, and its problems: read once per process, for the
    test modules that only read it (loaded in each module, it took a pytest-xdist worker 2 to 3 s to collect)."""
    from minsheng.load.data_folder import load_data_folder

    return load_data_folder(DATA)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once per run from the real data by `minsheng build`, for tests that read it."""
    return shared_build(tmp_path_factory, "built-mkdocs")


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The same site built once per run by `minsheng build --engine zensical`."""
    return shared_build(tmp_path_factory, "built-zensical", engine="zensical")


SITE_URL = "https://www.example.gov.cn/msss/"


@pytest.fixture(scope="session")
def addressed_site(tmp_path_factory) -> Path:
    """The site built from a copy of the real data whose site.yaml gives the address SITE_URL (网站地址):
    what the office publishes under its own address, served under a path (/msss/). Built once per run."""

    def addressed(data: Path) -> None:
        site_yaml = data / "site.yaml"
        text, count = re.subn(r"(?m)^site_url: .*$", f"site_url: {SITE_URL}", site_yaml.read_text(encoding="utf-8"))
        assert count == 1, "site.yaml has no site_url line"
        site_yaml.write_text(text, encoding="utf-8")

    return shared_build(tmp_path_factory, "addressed", addressed)


def add_shifted_year(data: Path, source: int = 2024) -> int:
    """Add to a copy of the data a year made from `source`, shifted by a year and marked as test data
    (minsheng.website.bench.add_shifted_year, which `minsheng bench --years` uses too)."""
    from minsheng.website.bench import add_shifted_year as shifted

    assert data.resolve() != DATA.resolve()
    return shifted(data, source)


def shared_build(tmp_path_factory, name: str, prepare=None, engine: str = "mkdocs") -> Path:
    """The site built by `engine` once per run from a copy of the real data (that `prepare(data)` changed), not
    once per pytest-xdist worker: the first worker to need it builds it, under a lock, where all can read it."""
    import fcntl

    from minsheng.cli import main

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    root, out = shared / name, shared / name / "site"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / "built").exists():
            shutil.rmtree(root, ignore_errors=True)
            data = DATA
            if prepare:
                data = root / "data"
                shutil.copytree(DATA, data)
                prepare(data)
            assert main(["build", "--data", str(data), "--out", str(out), "--config", str(ROOT / "mkdocs.yml"),
                         "--work", str(root / "work"), "--engine", engine]) == 0
            (root / "built").touch()
    return out


@pytest.fixture(scope="session")
def two_year_site(tmp_path_factory) -> Path:
    """The site built from the real data with a second year (2025) made from 2024 (add_shifted_year): 2025 is
    the current year, and 2024 is a year gone by. Built once per run."""
    return shared_build(tmp_path_factory, "two-years", add_shifted_year)


@pytest.fixture(scope="session")
def cycle_year(tmp_path_factory) -> Path:
    """A synthetic data folder whose year has every step of the yearly cycle (`minsheng synth --cycle`, 12 items),
    made once per worker; tests that change it take `cycle_copy`."""
    from minsheng.synthetic.synth import synth

    out = tmp_path_factory.mktemp("cycle-year") / "data"
    synth(12, 12, 3, out, DATA, cycle=True)
    return out


@pytest.fixture(scope="session")
def cycle_site(tmp_path_factory) -> Path:
    """The demonstration year's site (`minsheng synth --items 12 --cycle`, as README shows it), built by MkDocs once
    per run for the browser's look at the yearly cycle's pages."""
    from minsheng.synthetic.synth import synth

    def demonstration(data: Path) -> None:
        shutil.rmtree(data)
        synth(12, 12, 1, data, DATA, cycle=True)

    return shared_build(tmp_path_factory, "cycle-site", demonstration)


@pytest.fixture
def cycle_copy(cycle_year: Path, tmp_path: Path) -> Path:
    """A copy of the synthetic cycle year that a test may edit."""
    shutil.copytree(cycle_year, tmp_path / "data")
    return tmp_path / "data"


def generated_pages(data: Path, work: Path) -> Path:
    """The pages `minsheng build` generates from `data` into `work` (its docs/), without the engine: for tests
    of what a page says under changed data; how MkDocs and Zensical lay the pages out is tested on the shared
    builds above."""
    from minsheng.website.build import generate

    return generate(data, ROOT / "mkdocs.yml", work, log=lambda *_: None)


def generated_text(docs: Path, path: str) -> str:
    """A generated page's Markdown (docs/`path`.md) with Markdown's backslash escapes undone."""
    return re.sub(r"\\(.)", r"\1", (docs / f"{path}.md").read_text(encoding="utf-8"))


def generated_tables(docs: Path, path: str) -> str:
    """The tables render/ wrote as HTML for the generated page `path` (its tables of figures, in fills.json beside
    docs/, put into the built page by website/fill.py), as Markdown-like rows
    ("| 2024年1月 | ● 正常推进 | … |"), tags removed and entities decoded, the tables separated by a blank line."""
    import json

    return table_rows(json.loads((docs.parent / "fills.json").read_text(encoding="utf-8")).get(f"{path}/index.html", {}))


def table_rows(tables: dict[str, str]) -> str:
    """A page's tables written as HTML (`write_pages` returns them), as `generated_tables` shows them."""
    import html

    shown = []
    for table in tables.values():
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        shown.append("\n".join("| " + " | ".join(html.unescape(re.sub(r"<[^>]+>", "", cell))
                                                  for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)) + " |"
                                for row in rows))
    return "\n\n".join(shown)


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


def unpublish(data: Path) -> None:
    """Make every month of a data copy an unpublished draft, free to edit without a correction."""
    for year in data.iterdir():
        if year.is_dir() and year.name.isdigit():
            (year / "releases.yaml").unlink(missing_ok=True)
            (year / "revisions.yaml").unlink(missing_ok=True)
            shutil.rmtree(year / "published", ignore_errors=True)


@pytest.fixture
def draft_copy(data_copy: Path) -> Path:
    """A copy of the data whose months are all unpublished drafts, free to edit without a correction."""
    unpublish(data_copy)
    return data_copy


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` by its size and modification time (nothing when it does not exist)."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()} if folder.is_dir() else {}


@pytest.fixture(scope="session", autouse=True)
def repository_left_alone():
    """Tests work on copies: the project's own data/, build/ and site/ are the same after the run as before it."""
    folders = [DATA, ROOT / "build", ROOT / "site"]
    before = [_snapshot(folder) for folder in folders]
    yield
    changed = {folder.name: sorted(set(old.items()) ^ set(_snapshot(folder).items()))
               for folder, old in zip(folders, before)}
    assert {name: paths for name, paths in changed.items() if paths} == {}, "a test wrote into the repository"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI=true a skipped test is a failure: a missing browser or font must not pass silently."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and os.environ.get("CI") == "true":
        reporter.write_line(f"CI=true: {len(skipped)} test(s) skipped; in CI a skip is a failure.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    session.config.stash[_FAILED] = session.exitstatus == pytest.ExitCode.TESTS_FAILED


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


def fill(path: Path, changes: dict[tuple[str, str, str], dict[str, object]], confirm: bool = True) -> None:
    """Type into a workbook: (sheet, item, indicator or source) → {header: value}. With `confirm`, as a clerk
    finishing the month: every other item with nothing written yet is marked 无变化 (报送状态)."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    for (title, item, key), cells in changes.items():
        sheet = book[title]
        header = [c.value for c in sheet[1]]
        keyed = header.index("指标编号" if title == "进展" else "资金来源")
        row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == item and (r[keyed].value or "") == key)
        for name, value in cells.items():
            row[header.index(name)].value = value
    if confirm:
        sheet = book["进展"]
        header = [c.value for c in sheet[1]]
        touched = {item for _, item, _ in changes}
        for row in sheet.iter_rows(min_row=2):
            cells = {name: row[index].value for index, name in enumerate(header)}
            if cells["项目编号"] not in touched and not cells["指标编号"] and not cells["进展情况"] and not cells["报送状态"]:
                row[header.index("报送状态")].value = "无变化"
    book.save(path)


def multiset_agreement(shipped: list[float], drafted: list[float]) -> int:
    """How many of the shipped values the draft has (each drafted value counts once)."""
    from collections import Counter

    left = Counter(drafted)
    found = 0
    for value in shipped:
        if left[value]:
            left[value] -= 1
            found += 1
    return found


def two_workbooks(data: Path, folder: Path) -> tuple[Path, Path]:
    """Two clerks' copies of the year's cycle workbook (`minsheng import --cycle 2024 --template`), taken at the
    same time: 甲 adds an oversight entry, 乙 writes what followed item 0002's rating."""
    from minsheng.cli import main

    first, second = folder / "甲.xlsx", folder / "乙.xlsx"
    for book in (first, second):
        assert main(["import", str(book), "--cycle", "2024", "--template", "--data", str(data)]) == 0
    put_row(first, "监督", ["2024-11-20", "视察", "", "甲加的视察（合成）", "合成办公室", "", "", ""])
    put_follow_up(second, "乙填的整改情况（合成）")
    return first, second


def put_row(book: Path, sheet: str, row: list) -> None:
    """A row added at the end of a sheet, as a clerk types one in Excel."""
    from openpyxl import load_workbook

    workbook = load_workbook(book)
    workbook[sheet].append(row)
    workbook.save(book)


def put_follow_up(book: Path, text: str) -> None:
    """整改情况 of item 0002 on the 测评 sheet written, as a clerk types it."""
    from openpyxl import load_workbook

    workbook = load_workbook(book)
    sheet = workbook["测评"]
    headers = [cell.value for cell in sheet[1]]
    next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "0002")[headers.index("整改情况")].value = text
    workbook.save(book)
