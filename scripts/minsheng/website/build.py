"""`minsheng build`: validate → compute → render (pages, charts, open data) → mkdocs, stage by stage.

Every build makes the generated folder anew in the work folder (default `build/`): `docs/` (the
Markdown pages, charts and open data), `jieba_user.txt` (words the search index keeps whole: the lead
units' spellings and the items' keywords) and `mkdocs.yml` (the project's configuration pointed at them).
An item's keywords are also its page's `tags`, which the theme's search weighs above titles (1e6 to 1e3), so
that 适老化改造 finds item 13 first rather than a page whose title begins a word with 适. MkDocs runs as a separate program on it,
so the same folder can be built by Zensical. The site is built into a temporary folder beside the
output and swapped in only when everything succeeded: a failing build leaves the previous site
untouched. Each stage's time and peak memory are recorded for `minsheng bench`.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..compute.portal import portal
from ..render import write_site
from ..validate import validate_data

STAGES = ("读取和检查", "计算", "生成页面和文件", "mkdocs")


class BuildError(Exception):
    pass


@dataclass
class Stages:
    """Seconds and peak memory (MB, of this process or MkDocs') per stage, in order."""

    seconds: dict[str, float] = field(default_factory=dict)
    memory: dict[str, float] = field(default_factory=dict)


def build(data: Path, out: Path, config: Path, work: Path | None = None, log=print) -> Stages:
    """Build the site of `data` into `out` with the MkDocs configuration `config`, generating its pages in
    `work` (default: `build/` beside the configuration)."""
    stages = Stages()
    clock = time.perf_counter()

    def done(stage: str, peak_mb: float | None = None) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages.seconds[stage] = now - clock
        stages.memory[stage] = peak_mb if peak_mb is not None else _peak_mb(resource.RUSAGE_SELF)
        clock = now
        log(f"[{len(stages.seconds)}/{len(STAGES)}] {stage}：{stages.seconds[stage]:.1f} 秒")

    plan, report = validate_data(data)
    if not report.ok:
        for problem in report.sorted():
            log(str(problem))
        raise BuildError(f"数据有 {len(report.errors)} 个错误，未生成网站；请先改正（minsheng validate）。")
    if plan.shown_year is None:
        raise BuildError("没有可以发布的年度：每个年度都还是草稿（有待核对的事项，见 minsheng validate 的提示[review]）。")
    done(STAGES[0])
    computed = portal(plan)
    done(STAGES[1])
    config = config.resolve()
    work = (work or config.parent / "build").resolve()
    generated = _generated_config(config, work, computed.feedback.hotline, computed.site_url)
    write_site(computed, config.parent / "content", work / "docs", work / "jieba_user.txt")
    done(STAGES[2])
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--clean",
                                 "--config-file", str(generated), "--site-dir", str(staging)],
                                capture_output=True, text=True, cwd=config.parent,
                                env={**os.environ, "SOURCE_DATE_EPOCH": str(_data_date(computed.overview.year))})
        if result.returncode != 0:
            raise BuildError(f"mkdocs 构建失败，未替换原有网站：\n{result.stdout}{result.stderr}")
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    done(STAGES[3], _peak_mb(resource.RUSAGE_CHILDREN))
    log(f"网站已生成：{out}")
    return stages


def _generated_config(config: Path, work: Path, hotline, site_url: str | None = None) -> Path:
    """The project's MkDocs configuration with its folders made absolute and pointed at `work`, written
    there: the generated folder can be anywhere (a test's temporary folder), the project's own untouched.
    The theme's own pages (footer, 404) find site.yaml's hotline in `extra`. With site.yaml's 网站地址
    filled, MkDocs gets it as `site_url`: a sitemap of every page, canonical links, and a 404 page whose
    links start from the address's path (/msss/), so that it works at any depth under it."""
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    if site_url:
        settings["site_url"] = site_url
    settings.setdefault("extra", {})["hotline"] = {"number": hotline.number, "name": hotline.label}
    settings["docs_dir"] = str(work / "docs")
    settings["theme"]["custom_dir"] = str(config.parent / settings["theme"]["custom_dir"])
    for plugin in settings["plugins"]:
        if isinstance(plugin, dict) and "jieba_dict_user" in plugin.get("search", {}):
            plugin["search"]["jieba_dict_user"] = str(work / "jieba_user.txt")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    generated = work / "mkdocs.yml"
    generated.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return generated


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
