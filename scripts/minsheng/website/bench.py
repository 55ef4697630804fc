"""`minsheng bench`: the user's wait for a build, measured end to end, at the shipped size and larger.

For each data set it makes a private copy of the site's sources in a temporary folder
(`private_project`) and times whole processes by the wall clock, three times each, taking the median:
`minsheng build` from nothing (no generated folder), `minsheng build` again with nothing changed, and
MkDocs alone building the same generated pages. Our part of a build is its time less MkDocs' own.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..entry.synth import synth

RUNS = 3


@dataclass
class Timing:
    seconds: float  # median wall clock of whole processes (RUNS of them unless told)
    peak_mb: float  # the largest resident memory of any of them


@dataclass
class Run:
    label: str
    items: int
    clean: Timing
    unchanged: Timing
    mkdocs: Timing
    site_mb: float
    largest_page_kb: float
    largest_page: str
    search_index_kb: float

    def ours(self, build: Timing) -> float:
        """The part of a build that is not MkDocs', as a share of MkDocs' own build."""
        return (build.seconds - self.mkdocs.seconds) / self.mkdocs.seconds


def bench(root: Path, data: Path, scales: list[int], log=print, runs: int = RUNS) -> list[Run]:
    results = []
    items = len(list((data / max(p.name for p in data.iterdir() if p.name.isdigit()) / "items").glob("*.yaml")))
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for scale in scales:
            if scale == 1:
                source, label = data, "随附数据"
            else:
                source, label = scratch / f"synth-{scale}", f"合成 {scale}×"
                log(f"生成合成数据：{items * scale} 个项目")
                synth(items * scale, 12, scale, source, data)
            results.append(_measure(root, source, label, scratch / f"project-{scale}", log, runs))
            shutil.rmtree(scratch / f"project-{scale}")
    return results


def private_project(root: Path, data: Path, project: Path) -> Path:
    """A copy of the site's sources (mkdocs.yml, overrides/, content/) in `project`, with `data` copied as
    project/data: the real build/ and site/ are untouched. Returns the configuration."""
    project.mkdir()
    for name in ("overrides", "content"):
        shutil.copytree(root / name, project / name)
    shutil.copyfile(root / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(data, project / "data")
    return project / "mkdocs.yml"


def _measure(root: Path, data: Path, label: str, project: Path, log, runs: int) -> Run:
    config = private_project(root, data, project)
    work, out = project / "build", project / "site"
    build = [sys.executable, "-m", "minsheng", "build", "--data", str(project / "data"), "--out", str(out),
             "--config", str(config), "--work", str(work)]
    log(f"{label}：全新构建 ×{runs}")
    clean = _timed(build, runs, before=lambda: shutil.rmtree(work, ignore_errors=True))
    log(f"{label}：数据不变再构建 ×{runs}")
    unchanged = _timed(build, runs)
    log(f"{label}：只运行 mkdocs ×{runs}")
    mkdocs = _timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--clean",
                     "--config-file", str(work / "mkdocs.yml"), "--site-dir", str(project / "mkdocs-only")], runs)
    pages = sorted(out.rglob("*.html"), key=lambda p: p.stat().st_size)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    items = len(list((project / "data").glob("*/items/*.yaml")))
    return Run(label, items, clean, unchanged, mkdocs, size / 1e6, pages[-1].stat().st_size / 1024,
               pages[-1].relative_to(out).as_posix(), (out / "search" / "search_index.json").stat().st_size / 1024)


def _timed(command: list[str], runs: int, before=lambda: None) -> Timing:
    seconds, peak = [], 0.0
    for _ in range(runs):
        before()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        seconds.append(time.perf_counter() - start)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} 失败：{process.stderr.read().decode(errors='replace')}")
        process.stderr.close()
        peak = max(peak, usage.ru_maxrss / 1024)  # the process and the largest of its children, kilobytes on Linux
    return Timing(statistics.median(seconds), peak)


def table(runs: list[Run]) -> str:
    """The report: whole-process medians, then the ratios the targets are stated in."""
    lines = ["| 数据 | 项目 | 全新构建秒数 | 不变再构建秒数 | 只运行 mkdocs 秒数 | 我们的部分/mkdocs（全新） | "
             "我们的部分/mkdocs（不变） | 峰值内存 MB | 网站 MB | 最大页面 KB | 搜索索引 KB |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for run in runs:
        lines.append(f"| {run.label} | {run.items} | {run.clean.seconds:.2f} | {run.unchanged.seconds:.2f} | "
                     f"{run.mkdocs.seconds:.2f} | {run.ours(run.clean):.2f} | {run.ours(run.unchanged):.2f} | "
                     f"{max(run.clean.peak_mb, run.unchanged.peak_mb):.0f} | {run.site_mb:.1f} | "
                     f"{run.largest_page_kb:.1f}（{run.largest_page}） | {run.search_index_kb:.0f} |")
    lines += ["", f"每个数字是整个进程 {RUNS} 次运行的墙钟时间中位数；“我们的部分”= 构建秒数 − 只运行 mkdocs 的秒数。"]
    if len(runs) >= 2:
        first, last = runs[0], runs[-1]
        lines.append(f"规模 {last.items / first.items:.0f}× 的全新构建耗时为随附数据的 "
                     f"{last.clean.seconds / first.clean.seconds:.1f} 倍。")
    return "\n".join(lines)
