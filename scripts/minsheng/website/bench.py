"""`minsheng bench`: the user's wait for a build, measured end to end, at the shipped size and larger.

For each data set it makes a private copy of the site's sources in a temporary folder
(`private_project`) and times whole processes by the wall clock, taking the median of three rounds:
`minsheng build` from nothing (no generated folder), `minsheng build` again with nothing changed, and
MkDocs alone building the same generated pages, in turn in each round. Our part of a build is its
time less MkDocs' own. With `years`, the data sets are the shipped data with more years, each made from the year
before by `add_shifted_year` (the year a build has to carry as the site grows year by year).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..synthetic.synth import synth

RUNS = 3
TEST_YEAR_NOTE = "测试数据：本年度由上一年度的数据整体平移一年生成，不是真实的计划和进展"
YEAR = re.compile(r"(?<!\d)(20[2-9]\d)(?!\d)")


@dataclass
class Measurement:
    """One data set's seconds: the median wall clock of whole processes (RUNS rounds unless told)."""

    label: str
    items: int
    clean: float
    unchanged: float
    mkdocs: float
    peak_mb: float  # the largest resident memory of any of its processes (or their children)
    site_mb: float
    largest_page_kb: float
    largest_page: str
    search_index_kb: float

    def ours(self, build: float) -> float:
        """The part of a build that is not MkDocs', as a share of MkDocs' own build."""
        return (build - self.mkdocs) / self.mkdocs


def bench(root: Path, data: Path, scales: list[int], log=print, runs: int = RUNS,
          years: list[int] | None = None) -> list[Measurement]:
    results = []
    items = len(list((data / max(p.name for p in data.iterdir() if p.name.isdigit()) / "items").glob("*.yaml")))
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for count in years or []:
            source = scratch / f"years-{count}"
            shutil.copytree(data, source)
            latest = max(int(p.name) for p in source.iterdir() if p.name.isdigit())
            for year in range(latest, latest + count - 1):
                add_shifted_year(source, year)
            results.append(_measure(root, source, f"{count} 个年度", scratch / f"project-y{count}", log, runs))
            shutil.rmtree(scratch / f"project-y{count}")
        for scale in [] if years else scales:
            if scale == 1:
                source, label = data, "随附数据"
            else:
                source, label = scratch / f"synth-{scale}", f"合成 {scale}×"
                log(f"生成合成数据：{items * scale} 个项目")
                synth(items * scale, 12, scale, source, data)
            results.append(_measure(root, source, label, scratch / f"project-{scale}", log, runs))
            shutil.rmtree(scratch / f"project-{scale}")
    return results


def add_shifted_year(data: Path, source: int) -> int:
    """Add to the data folder `data` (a copy, never the project's own) a year made from `source`: every year in its
    file names and texts moved on by one (2024-09 → 2025-09, a release of 2025-01-10 → 2026-01-10), its notice marked
    as test data. Returns the new year."""
    target = source + 1

    def moved(match: re.Match) -> str:
        return str(int(match.group(1)) + 1)

    for path in sorted((data / str(source)).rglob("*")):
        if path.is_file():
            copy = data / str(target) / YEAR.sub(moved, path.relative_to(data / str(source)).as_posix())
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(YEAR.sub(moved, path.read_text(encoding="utf-8-sig")),
                            encoding="utf-8-sig" if path.suffix == ".csv" else "utf-8")
    notice = data / str(target) / "notice.yaml"
    text = notice.read_text(encoding="utf-8")
    if "【测试数据】" not in text:
        text = re.sub(r"(?m)^title: ", "title: 【测试数据】", text, count=1)
        text = re.sub(r"(?m)^data_notes:\n", f"data_notes:\n  - kind: note\n    text: {TEST_YEAR_NOTE}。\n", text, count=1)
    notice.write_text(text, encoding="utf-8")
    return target


def private_project(root: Path, data: Path, project: Path) -> Path:
    """A copy of the site's sources (mkdocs.yml, overrides/, content/) in `project`, with `data` copied as
    project/data: the real build/ and site/ are untouched. Returns the configuration."""
    project.mkdir()
    for name in ("overrides", "content"):
        shutil.copytree(root / name, project / name)
    shutil.copyfile(root / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(data, project / "data")
    return project / "mkdocs.yml"


def _measure(root: Path, data: Path, label: str, project: Path, log, runs: int) -> Measurement:
    config = private_project(root, data, project)
    work, out = project / "build", project / "site"
    build = [sys.executable, "-m", "minsheng", "build", "--data", str(project / "data"), "--out", str(out),
             "--config", str(config), "--work", str(work)]
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--clean",
              "--config-file", str(work / "mkdocs.yml"), "--site-dir", str(project / "mkdocs-only")]
    times: dict[str, list[float]] = {"clean": [], "unchanged": [], "mkdocs": []}
    peak = 0.0
    for round_ in range(1, runs + 1):  # the three in turn, so that the machine's drift touches each alike
        log(f"{label}：第 {round_} 轮（全新构建、数据不变再构建、只运行 mkdocs）")
        shutil.rmtree(work, ignore_errors=True)
        for name, command in (("clean", build), ("unchanged", build), ("mkdocs", mkdocs)):
            seconds, peak_mb = _timed(command)
            times[name].append(seconds)
            peak = max(peak, peak_mb)
    clean, unchanged, mkdocs_only = (statistics.median(times[name]) for name in times)
    pages = sorted(out.rglob("*.html"), key=lambda p: p.stat().st_size)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    items = len(list((project / "data").glob("*/items/*.yaml")))
    return Measurement(label, items, clean, unchanged, mkdocs_only, peak, size / 1e6, pages[-1].stat().st_size / 1024,
               pages[-1].relative_to(out).as_posix(), (out / "search" / "search_index.json").stat().st_size / 1024)


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds of one whole process, and its peak memory (MB, itself or its largest child)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    errors = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} 失败：{errors}")
    return seconds, usage.ru_maxrss / 1024  # kilobytes on Linux


def table(runs: list[Measurement]) -> str:
    """The report: whole-process medians, then the ratios the targets are stated in."""
    lines = ["| 数据 | 项目 | 全新构建秒数 | 不变再构建秒数 | 只运行 mkdocs 秒数 | 我们的部分/mkdocs（全新） | "
             "我们的部分/mkdocs（不变） | 峰值内存 MB | 网站 MB | 最大页面 KB | 搜索索引 KB |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for run in runs:
        lines.append(f"| {run.label} | {run.items} | {run.clean:.2f} | {run.unchanged:.2f} | "
                     f"{run.mkdocs:.2f} | {run.ours(run.clean):.2f} | {run.ours(run.unchanged):.2f} | "
                     f"{run.peak_mb:.0f} | {run.site_mb:.1f} | "
                     f"{run.largest_page_kb:.1f}（{run.largest_page}） | {run.search_index_kb:.0f} |")
    lines += ["", "每个秒数是整个进程几轮运行（三种运行轮流进行）的墙钟时间中位数；“我们的部分”= 构建秒数 − 只运行 mkdocs 的秒数。"]
    if len(runs) >= 2:
        first, last = runs[0], runs[-1]
        lines.append(f"规模 {last.items / first.items:.0f}× 的全新构建耗时为随附数据的 "
                     f"{last.clean / first.clean:.1f} 倍。")
    return "\n".join(lines)
