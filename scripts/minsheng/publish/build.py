"""`minsheng build`: validate → compute → render (pages, charts, open data) → mkdocs, stage by stage.

MkDocs runs as a separate program on the generated folder, so the same folder can be built by
Zensical. The site is built into a temporary folder beside the output and swapped in only when
everything succeeded: a failing build leaves the previous site untouched. The generated folder
(build/docs) is updated in place: item pages, charts and open data files whose inputs did not change
are kept (render/outputs.py), and data files whose bytes did not change are not parsed again
(load/memo.py). What is made is made across processes when there is enough of it. Each stage's time
and peak memory are recorded for `minsheng bench`.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..compute.overview import overview
from ..fingerprint import Keys, add_files, code_version
from ..load.memo import kept_in
from ..render.charts import draw_all
from ..render.open_data import write_open_data
from ..render.outputs import Outputs
from ..render.pages import render_site
from ..validate import validate_data


class BuildError(Exception):
    pass


@dataclass
class Stages:
    """Seconds and peak memory (MB, of this process or MkDocs') per stage, in order; charts drawn."""

    seconds: dict[str, float] = field(default_factory=dict)
    memory: dict[str, float] = field(default_factory=dict)
    charts_drawn: int = 0
    charts_total: int = 0
    files_made: int = 0  # files of the generated folder written, not kept from the last build
    files_total: int = 0


def build(data: Path, out: Path, config: Path, log=print, workers: int | None = None) -> Stages:
    with _cycle_collector_paused():
        return _build(data, out, config, log, workers)


def _build(data: Path, out: Path, config: Path, log, workers: int | None) -> Stages:
    stages = Stages()
    clock = time.perf_counter()

    def done(stage: str, peak_mb: float | None = None) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages.seconds[stage] = now - clock
        stages.memory[stage] = peak_mb if peak_mb is not None else _peak_mb(resource.RUSAGE_SELF)
        clock = now
        log(f"[{len(stages.seconds)}/6] {stage}：{stages.seconds[stage]:.1f} 秒")

    root = config.parent
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    docs = root / settings["docs_dir"]
    cache = docs.parent / "cache"
    key = inputs_key(data, root)
    unchanged = docs.is_dir() and (cache / "inputs.sha256").is_file() and \
        (cache / "inputs.sha256").read_text(encoding="utf-8") == key
    if unchanged:  # the same data, pages and code as the last successful build: its output stands
        log("数据、页面和程序都没有变化，沿用上次生成的页面")
        for stage in ("读取和检查", "计算", "页面", "图表", "开放数据"):
            done(stage)
    else:
        (cache / "inputs.sha256").unlink(missing_ok=True)
        with kept_in(cache / "parsed"):
            plan, report = validate_data(data)
        if not report.ok:
            for problem in report.sorted():
                log(str(problem))
            raise BuildError(f"数据有 {len(report.errors)} 个错误，未生成网站；请先改正（minsheng validate）。")
        done("读取和检查")
        year = plan.years[max(plan.years)]
        computed = overview(plan, year)
        done("计算")
        folder = Outputs(docs, cache / "outputs.json")
        keys = Keys(computed.items)
        rendered = render_site(plan, computed, root / "content", folder, keys, cache / "templates")
        done("页面")
        jobs = [(figure.svg, figure.chart) for figure in rendered.charts]
        stages.charts_total = len(jobs)
        workers = workers or os.cpu_count() or 1
        stages.charts_drawn = draw_all(jobs, folder, workers)
        done("图表")
        write_open_data(plan, computed, rendered.tables, rendered.charts, folder, keys, workers)
        folder.finish()
        stages.files_made, stages.files_total = folder.made, len(folder.current)
        done("开放数据")
        (cache / "build-date").write_text(str(_data_date(year)), encoding="utf-8")
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--clean",
                                 "--config-file", str(config), "--site-dir", str(staging)],
                                capture_output=True, text=True, cwd=root,
                                env={**os.environ, "SOURCE_DATE_EPOCH": (cache / "build-date").read_text(encoding="utf-8")})
        if result.returncode != 0:
            raise BuildError(f"mkdocs 构建失败，未替换原有网站：\n{result.stdout}{result.stderr}")
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    done("mkdocs", _peak_mb(resource.RUSAGE_CHILDREN))
    (cache / "inputs.sha256").write_text(key, encoding="utf-8")
    log(f"网站已生成：{out}（图表 {stages.charts_total} 个，其中新绘制 {stages.charts_drawn} 个）")
    return stages


def inputs_key(data: Path, root: Path) -> str:
    """Content address of everything a build reads: data, hand-written pages, theme overrides, configuration
    and the build tool's own code and templates."""
    digest = hashlib.sha256(code_version().encode())
    for folder in (data, root / "content", root / "overrides"):
        add_files(digest, folder)
    digest.update((root / "mkdocs.yml").read_bytes())
    return digest.hexdigest()


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector, left to itself, scans the whole parsed year again and again while a
    province's data is read and its pages made: a third of a monthly rebuild's time, to find a few
    thousand objects (measured at 100×: 60 after reading, 5,354 after the pages, none elsewhere).
    It is paused for the build; memory freed by reference counting, nearly all of it, is freed as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _data_date(year) -> int:
    """The build's date for MkDocs (the sitemap's lastmod): the latest publication in the data, not the clock."""
    dates = [r.date for r in year.releases.releases] if year.releases else []
    day = max(dates) if dates else year.notice.published
    return int(dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc).timestamp())


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _swap(new: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)
