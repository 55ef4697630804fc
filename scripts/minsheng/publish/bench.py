"""`minsheng bench`: the build measured in one run, stage by stage, at the shipped size and larger.

For each data set it makes a private copy of the site's sources in a temporary folder
(`private_project`) and measures:
a clean build, a rebuild with no change, and a rebuild after one month's file changed. Ratios compare
our stages (everything but MkDocs) with MkDocs' own build of the same generated pages.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..entry.synth import synth
from .build import Stages, build

OURS = ("读取和检查", "计算", "页面", "图表", "开放数据")


@dataclass
class Run:
    label: str
    items: int
    clean: Stages
    unchanged: Stages
    one_month: Stages
    site_mb: float
    largest_page_kb: float
    largest_page: str
    search_index_kb: float

    @staticmethod
    def ours(stages: Stages) -> float:
        return sum(stages.seconds[s] for s in OURS)


def bench(root: Path, data: Path, scales: list[int], log=print) -> list[Run]:
    runs = []
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
            runs.append(_measure(root, source, label, scratch / f"project-{scale}", log))
    return runs


def private_project(root: Path, data: Path, project: Path, drafts: bool = True) -> Path:
    """A copy of the site's sources (mkdocs.yml, overrides/, content/) in `project`, with `data` copied as
    project/data: caches start empty and the real build/ is untouched. With `drafts`, the months are copied
    as unpublished, so that editing the latest one needs no correction record. Returns the configuration."""
    project.mkdir()
    for name in ("overrides", "content"):
        shutil.copytree(root / name, project / name)
    shutil.copyfile(root / "mkdocs.yml", project / "mkdocs.yml")
    publication = ("published", "releases.yaml", "revisions.yaml") if drafts else ()
    shutil.copytree(data, project / "data", ignore=shutil.ignore_patterns(*publication))
    return project / "mkdocs.yml"


def _measure(root: Path, data: Path, label: str, project: Path, log) -> Run:
    private_project(root, data, project)
    copy = project / "data"
    out = project / "site"
    quiet = lambda *_: None  # noqa: E731
    log(f"{label}：全新构建")
    clean = build(copy, out, project / "mkdocs.yml", log=quiet)
    log(f"{label}：数据不变再构建")
    unchanged = build(copy, out, project / "mkdocs.yml", log=quiet)
    log(f"{label}：改动一个月的文件后构建")
    touch_one_month(copy)
    one_month = build(copy, out, project / "mkdocs.yml", log=quiet)
    pages = sorted(out.rglob("*.html"), key=lambda p: p.stat().st_size)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    items = len(list(copy.glob("*/items/*.yaml")))
    return Run(label, items, clean, unchanged, one_month, size / 1e6, pages[-1].stat().st_size / 1024,
               pages[-1].relative_to(out).as_posix(), (out / "search" / "search_index.json").stat().st_size / 1024)


def touch_one_month(data: Path) -> str:
    """Raise one cumulative figure of the latest month, as a monthly update does; returns the item's id."""
    latest = sorted(data.glob("*/progress/*.csv"))[-1]
    with latest.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    value, target = header.index("截至月底累计"), header.index("年度目标")
    row = next(r for r in rows[1:] if r[value] and r[target] and float(r[value]) + 1 < float(r[target]))
    row[value] = str(float(row[value]) + 1)
    with latest.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    return row[header.index("项目编号")]


def table(runs: list[Run]) -> str:
    """The report: stages of the clean build, then the ratios the targets are stated in."""
    lines = ["| 数据 | 项目 | " + " | ".join(OURS) + " | mkdocs | 峰值内存 MB | 网站 MB | 最大页面 KB | 搜索索引 KB |",
             "| --- | ---: | " + " | ".join("---:" for _ in OURS) + " | ---: | ---: | ---: | ---: | ---: |"]
    for run in runs:
        c = run.clean
        lines.append(f"| {run.label} | {run.items} | " + " | ".join(f"{c.seconds[s]:.2f}" for s in OURS)
                     + f" | {c.seconds['mkdocs']:.2f} | {max(c.memory.values()):.0f} | {run.site_mb:.1f} | "
                     f"{run.largest_page_kb:.1f}（{run.largest_page}） | {run.search_index_kb:.0f} |")
    lines += ["", "改一个月的文件后再构建，各阶段秒数：", "",
              "| 数据 | " + " | ".join(OURS) + " | mkdocs | 重写文件 |",
              "| --- | " + " | ".join("---:" for _ in OURS) + " | ---: | ---: |"]
    for run in runs:
        m = run.one_month
        lines.append(f"| {run.label} | " + " | ".join(f"{m.seconds[s]:.2f}" for s in OURS)
                     + f" | {m.seconds['mkdocs']:.2f} | {m.files_made}/{m.files_total} |")
    lines += ["", "| 数据 | 我们/mkdocs（全新） | 不变再构建/全新（我们的部分） | 改一个月/全新（我们的部分） | 全新构建总秒数 | 图表重画（不变/改一个月） |",
              "| --- | ---: | ---: | ---: | ---: | --- |"]
    for run in runs:
        ours = Run.ours(run.clean)
        lines.append(f"| {run.label} | {ours / run.clean.seconds['mkdocs']:.2f} | {Run.ours(run.unchanged) / ours:.2f} | "
                     f"{Run.ours(run.one_month) / ours:.2f} | {sum(run.clean.seconds.values()):.1f} | "
                     f"{run.unchanged.charts_drawn}/{run.clean.charts_total}，{run.one_month.charts_drawn}/{run.clean.charts_total} |")
    if len(runs) >= 2:
        first, last = runs[0], runs[-1]
        scale = last.items / first.items
        time_ratio = sum(last.clean.seconds.values()) / sum(first.clean.seconds.values())
        lines += ["", f"规模 {scale:.0f}× 的全新构建耗时为随附数据的 {time_ratio:.1f} 倍。"]
    return "\n".join(lines)
