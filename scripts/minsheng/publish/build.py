"""`minsheng build`: validate → compute → render → mkdocs, publishing only a complete site.

MkDocs runs as a separate program on the generated folder, so the same folder can be built by
Zensical. The site is built into a temporary folder beside the output and swapped in only when
everything succeeded: a failing build leaves the previous site untouched.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from ..compute.overview import overview
from ..render.pages import render_site
from ..validate import validate_data


class BuildError(Exception):
    pass


def build(data: Path, out: Path, config: Path, log=print) -> None:
    plan, report = validate_data(data)
    if not report.ok:
        for problem in report.sorted():
            log(str(problem))
        raise BuildError(f"数据有 {len(report.errors)} 个错误，未生成网站；请先改正（minsheng validate）。")
    year = plan.years[max(plan.years)]
    root = config.parent
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    docs = root / settings["docs_dir"]
    log(f"生成页面：{docs}")
    render_site(plan, overview(plan, year), root / "content", docs)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        log("运行 mkdocs build --strict")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--clean",
                                 "--config-file", str(config), "--site-dir", str(staging)],
                                capture_output=True, text=True, cwd=root)
        if result.returncode != 0:
            raise BuildError(f"mkdocs 构建失败，未替换原有网站：\n{result.stdout}{result.stderr}")
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log(f"网站已生成：{out}")


def _swap(new: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)
