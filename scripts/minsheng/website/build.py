"""`minsheng build`: validate → compute → render (pages) → mkdocs or zensical, stage by stage.

Every build makes the generated folder anew in the work folder (default `build/`): `docs/` (the Markdown pages,
what the engine reads), `jieba_user.txt` (words the search index keeps whole: the lead units' spellings and the
items' keywords) and `mkdocs.yml` (the project's configuration pointed at them). What no engine reads is written
while the engine runs, on the other processor (render.write_beside): `beside/` (the charts and the open data, laid
out as in the site, moved into the built site after the engine) and `fills.json` (the item and funds pages' tables
of figures as HTML). After the engine, fill.py puts the tables, charts and links to the open data into the built
pages where the pages left their places. So the engine neither converts the tables nor copies the files, and the
build does not wait for them.
An item's keywords are also its page's `tags`, which the theme's search weighs above titles (1e6 to 1e3), so
that 适老化改造 finds item 13 first rather than a page whose title begins a word with 适. The engine runs as a separate
program on it, so the same folder can be built by Zensical; it is started first, and loads while the stages before it
run (engine.py). The site is built into a temporary folder beside the
output and swapped in only when everything succeeded: a failing build leaves the previous site
untouched. Each stage's time and peak memory are recorded for `minsheng bench`.

Two engines read the same generated folder: MkDocs with Material for MkDocs (the default) and Zensical, its
successor (`--engine zensical`). Zensical takes its folders relative to its configuration and keeps both
inside the folder that holds it (it refuses a `site_dir` elsewhere, and an absolute `docs_dir` stops it), and it
has no `--site-dir`: it builds into `site/` of the work folder, and from there the site is moved to the same
staging folder and swap. It writes a `.cache/` beside its configuration (so in the work folder, never the
project), removed after the build: every build starts from nothing with either engine.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..compute.addresses import navigation, with_places
from ..compute.portal import Portals, portals
from ..errors import UserError
from ..load.data_folder import DataFolder
from ..render import write_beside, write_site
from ..validate import validate_data
from .engine import Engine
from .fill import fill_tables

STAGES = ("读取和检查", "计算", "生成页面", "mkdocs")
ENGINES = ("mkdocs", "zensical")
FILLS = "fills.json"  # the tables of figures put into the built pages after the engine (fill.py)
BESIDE = "beside"  # the files no engine reads (render.write_beside), put into the built site after it


class BuildError(UserError):
    pass


@dataclass
class Stages:
    """Seconds and peak memory (MB, of this process or MkDocs') per stage, in order."""

    seconds: dict[str, float] = field(default_factory=dict)
    memory: dict[str, float] = field(default_factory=dict)


def build(data: Path, out: Path, config: Path, work: Path | None = None, log=print, engine: str = "mkdocs") -> Stages:
    """Build the site of `data` into `out` with the MkDocs configuration `config`, generating its pages in
    `work` (default: `build/` beside the configuration), and the site from them with `engine` (mkdocs or
    zensical). The last stage is recorded as STAGES[3] whichever engine ran it."""
    if engine not in ENGINES:
        raise BuildError(f"未知的构建引擎：{engine}；应为：{'、'.join(ENGINES)}。")
    stages = Stages()
    clock = time.perf_counter()

    def done(stage: str, peak_mb: float | None = None) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages.seconds[stage] = now - clock
        stages.memory[stage] = peak_mb if peak_mb is not None else _peak_mb(resource.RUSAGE_SELF)
        clock = now
        label = f"{engine}（其间写出图表、表格和公开数据）" if stage == STAGES[3] else stage
        log(f"[{len(stages.seconds)}/{len(STAGES)}] {label}：{stages.seconds[stage]:.1f} 秒")

    with Engine(engine) as engine_process:  # loading while the stages before it run (engine.py)
        plan = _checked(data, log)
        done(STAGES[0])
        computed = portals(plan)
        done(STAGES[1])
        config = config.resolve()
        work = (work or config.parent / "build").resolve()
        generated, write_tables = _write_generated(computed, config, work)
        done(STAGES[2])
        out = out.resolve()
        _run_engine(engine_process, computed, generated, write_tables, work, out)
    done(STAGES[3], max(_peak_mb(resource.RUSAGE_CHILDREN), _peak_mb(resource.RUSAGE_SELF)))  # both at work
    log(f"网站已生成：{out}")
    return stages


def _run_engine(engine: Engine, computed: Portals, generated: Path, write_tables: Callable[[Path], None], work: Path,
                out: Path) -> None:
    """The engine building the generated folder (its configuration `generated`) into a staging folder beside `out`
    while what it does not read is written beside it; then those files and the tables put in, and the staging folder
    swapped in for `out`. Whatever fails, `out` is untouched and the staging folder removed."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    epoch = {"SOURCE_DATE_EPOCH": str(max(_data_date(p.overview.year) for p in computed.years))}
    try:
        if engine.name == "mkdocs":
            arguments = ["build", "--strict", "--quiet", "--clean", "--config-file", str(generated),
                         "--site-dir", str(staging)]
        else:
            arguments = ["build", "--strict", "--config-file", str(generated)]
        try:
            engine.build(arguments, str(work), epoch)  # Zensical builds into site/ of the folder it runs in
            write_beside(computed, work / BESIDE, write_tables, work / FILLS)
            failure = engine.wait()
        finally:
            engine.stop()
            shutil.rmtree(work / ".cache", ignore_errors=True)  # Zensical's
        if failure is not None:
            raise BuildError(f"{engine.name} 构建失败，未替换原有网站：\n{failure}")
        if engine.name == "zensical":
            past = tuple(f"{p.notice.year}/" for p in computed.years if p is not computed.current)
            weigh_keywords(work / "site" / "search.json", past)
            staging.rmdir()
            shutil.move(work / "site", staging)  # a rename, or a copy where the two are on different disks
        _move_into(work / BESIDE, staging)
        fill_tables(staging, work / FILLS)
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def generate(data: Path, config: Path, work: Path, log=print) -> Path:
    """What `build` writes before and beside the engine, without running it: the data checked, computed and written
    as the generated folder `work` (docs/, beside/, jieba_user.txt, fills.json, mkdocs.yml). Returns its docs/."""
    computed = portals(_checked(data, log))
    _, write_tables = _write_generated(computed, config.resolve(), work.resolve())
    write_beside(computed, work.resolve() / BESIDE, write_tables, work.resolve() / FILLS)
    return work.resolve() / "docs"


def _checked(data: Path, log) -> DataFolder:
    plan, report = validate_data(data)
    if not report.ok:
        for problem in report.sorted():
            log(str(problem))
        raise BuildError(f"数据有 {len(report.errors)} 个错误，未生成网站；请先改正（minsheng validate）。")
    if plan.shown_year is None:
        raise BuildError("没有可以发布的年度：每个年度都还是草稿（有待核对的事项，见 minsheng validate 的提示[review]）。")
    return plan


def _write_generated(computed: Portals, config: Path, work: Path) -> tuple[Path, Callable[[Path], None]]:
    """The generated folder `work` written anew for the configuration `config`, what the engine reads; returns its
    mkdocs.yml and `write_tables` (render.write_site)."""
    current = computed.current
    nav = navigation(current.at)
    generated = _generated_config(config, work, current.feedback.hotline, current.site_url,
                                  with_places(nav) if current.places else nav)
    return generated, write_site(computed, config.parent / "content", work / "docs", work / "jieba_user.txt")


def weigh_keywords(index: Path, past: tuple[str, ...] = ()) -> None:
    """Zensical's search index: each item page's keywords (its `tags`) added to the breadcrumb of the page's
    first entry, as 关键词：…. Zensical's search ranks a match in a title above one in the breadcrumb, and that
    above one in the text, and reads `tags` only as filters: without this, 适老化改造 found the 与我有关 page
    that repeats item 13's text before item 13 itself. (MkDocs' index weighs the same tags above titles.)
    The entries of past years (addresses starting with a prefix in `past`) go last: Zensical has no search boost,
    and shows equal matches in the index's order, so the same item of two years comes up this year's first (as
    the past years' boost below 1 does in MkDocs' search). Zensical writes the index as compact JSON, and so it
    is written back."""
    search = json.loads(index.read_text(encoding="utf-8"))
    for entry in search["items"]:
        if entry["level"] == 1 and entry.get("tags"):
            entry["path"] = [*entry["path"], "关键词：" + "、".join(entry["tags"])]
    if past:
        search["items"].sort(key=lambda entry: entry["location"].startswith(past))  # stable: the order kept otherwise
    index.write_text(json.dumps(search, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _move_into(source: Path, target: Path) -> None:
    """Every file under `source` moved to the same place under `target`, a folder at a time where `target` has
    none of that name (a rename, or a copy where `--work` and `--out` are on different disks), and `source`
    removed. A file the engine wrote at the same place is a programming error, said at once."""
    for path in source.iterdir():
        there = target / path.name
        if not there.exists():
            shutil.move(path, there)
        elif path.is_dir() and there.is_dir():
            _move_into(path, there)
        else:
            raise BuildError(f"构建出错：{path} 与引擎生成的 {there} 重名。")
    source.rmdir()


def _generated_config(config: Path, work: Path, hotline, site_url: str | None = None, nav: list | None = None) -> Path:
    """The project's MkDocs configuration pointed at `work` (its overrides and word list by absolute path),
    written there: the generated folder can be anywhere (a test's temporary folder), the project's own untouched.
    The pages and the site are `docs/` and `site/` beside it, written relative to it as Zensical needs
    (MkDocs reads them the same way; it is given its own --site-dir). The theme's own pages (footer, 404)
    find site.yaml's hotline in `extra`. With site.yaml's 网站地址 filled, MkDocs gets it as `site_url`: a
    sitemap of every page, canonical links, and a 404 page whose links start from the address's path. The
    navigation is the current year's (`nav`, from compute/addresses.py)."""
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    if nav is not None:
        settings["nav"] = nav
    if site_url:
        settings["site_url"] = site_url
    settings.setdefault("extra", {})["hotline"] = {"number": hotline.number, "name": hotline.label}
    settings["docs_dir"] = "docs"
    settings["site_dir"] = "site"
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
