"""Render the Markdown pages of the portal from a computed overview, into the generated docs folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from ..compute.overview import YearOverview
from ..load.plan import Plan
from . import text

# Status: label, a symbol that carries the meaning without colour, and the CSS class of its badge.
STATUS = {
    "done": ("已完成", "✔"),
    "ahead": ("超序时", "▲"),
    "on_pace": ("正常推进", "●"),
    "behind": ("滞后", "▼"),
    "far_behind": ("严重滞后", "✖"),
    "not_reported": ("未报送", "○"),
    "qualitative": ("定性任务", "◆"),
    "no_task": ("无任务", "—"),
}


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("minsheng.render", "templates"),
        finalize=text.markdown_text,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,  # with `finalize`: every printed value is escaped for Markdown, macros are not
    )
    env.filters.update(
        html=text.html_text, number=text.number, percent=text.percent, money=text.money,
        date=text.chinese_date, month=text.chinese_month, figure=text.figure,
    )
    env.globals["STATUS"] = STATUS
    return env


def render_site(plan: Plan, overview: YearOverview, content: Path, docs: Path) -> list[Path]:
    """Write every page into `docs` (created fresh), with the hand-written pages of `content`."""
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(content, docs)
    env = environment()
    common = {"site": plan.site, "ov": overview, "notice": overview.year.notice, "rules": plan.rules}
    site_meta = _site_meta(plan)
    written = []

    def page(template: str, target: str, meta: dict, **context: object) -> None:
        path = docs / target
        path.parent.mkdir(parents=True, exist_ok=True)
        body = env.get_template(template).render(**common, **context)
        path.write_text(_with_front_matter({**site_meta, **meta}, body), encoding="utf-8")
        written.append(path)

    published = text.chinese_date(overview.year.notice.published)
    page("home.md.j2", "index.md", {"title": "首页", "meta_tags": {"SiteName": plan.site.name,
                                                                     "SiteIDCode": plan.site.footer.site_id_code}})
    page("categories.md.j2", "categories/index.md", _column("项目分类"))
    for group in overview.categories:
        page("group.md.j2", f"categories/{group.key}.md", _column(group.name), group=group, kind="category")
    page("units.md.j2", "units/index.md", _column("牵头单位"))
    for group in overview.units:
        page("group.md.j2", f"units/{group.key}.md", _column(group.name), group=group, kind="unit")
    for view in overview.items:
        title = f"（{view.item.number}）{view.item.title}"
        page("item.md.j2", f"items/{view.item.id}.md",
             {"title": title, "meta_tags": {"ArticleTitle": title, "PubDate": published,
                                            "ContentSource": overview.year.notice.issuer}}, view=view)
    page("data-notes.md.j2", "about/data.md", {"title": "数据说明"})
    for path in sorted(docs.rglob("*.md")):
        if path not in written:  # hand-written pages get the same banner and footer
            path.write_text(_with_front_matter(site_meta, path.read_text(encoding="utf-8")), encoding="utf-8")
    return written


def _site_meta(plan: Plan) -> dict:
    """What every page carries for the theme's overrides: the sample-data banner and the footer."""
    meta = {"site_footer": plan.site.footer.model_dump()}
    if plan.site.sample_data:
        meta["sample_banner"] = plan.site.sample_data_banner
    return meta


def _column(name: str) -> dict:
    return {"title": name, "meta_tags": {"ColumnName": name, "ColumnType": "列表"}}


def _with_front_matter(meta: dict, body: str) -> str:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n{body}"
