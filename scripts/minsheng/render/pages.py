"""The Markdown pages of the portal, from the computed portal through Jinja2 templates, with the
hand-written pages of content/ beside them. Each page carries front matter for the theme's overrides
(footer, sample-data banner, the government meta tags)."""

from __future__ import annotations

from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import formats
from ..compute.portal import Portal
from ..labels import LEDGER, PAID_TO, STATUS
from . import text
from .folder import Folder


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
        html=text.html_text, number=formats.number, percent=formats.percent, money=formats.money,
        date=formats.chinese_date, month=formats.chinese_month, figure=formats.figure,
    )
    env.globals.update(STATUS=STATUS, LEDGER=LEDGER, PAID_TO=PAID_TO)
    return env


def write_pages(portal: Portal, content: Path, folder: Folder) -> None:
    """Every page into `folder`, with the hand-written pages of `content`."""
    env = environment()
    env.globals.update(UNITS=portal.unit_names, ITEMS={view.item.id: view for view in portal.overview.items})
    ov, notice = portal.overview, portal.notice
    common = {"site": portal.site, "notice": notice, "rules": portal.rules, "ov": ov, "portal": portal}
    site_meta = {"site_footer": portal.footer.front_matter()}  # filled values only: no placeholder
    if portal.site.sample_data:
        site_meta["sample_banner"] = portal.site.sample_data_banner

    def page(template: str, target: str, meta: dict, **context: object) -> None:
        body = env.get_template(template).render(**common, **context)
        folder.write(target, _with_front_matter({**site_meta, **_listed_tags(meta)}, body))

    for path in sorted(p for p in content.rglob("*") if p.is_file()):
        target = path.relative_to(content).as_posix()
        if path.suffix == ".md":  # hand-written pages get the same banner and footer
            folder.write(target, _with_front_matter(site_meta, path.read_text(encoding="utf-8")))
        else:
            folder.write(target, path.read_bytes())
    home_tags = {"SiteName": portal.site.name}
    if portal.footer.site_id_code:
        home_tags["SiteIDCode"] = portal.footer.site_id_code
    page("home.md.j2", "index.md", {"title": "首页", "meta_tags": home_tags})
    page("groups.md.j2", "groups/index.md", _column("与我有关"))
    for audience in portal.audiences:
        for listed in audience.pages:
            page("group-for-me.md.j2", listed.target, _column(audience.group.name), group=audience.group, page=listed)
    page("categories.md.j2", "categories/index.md", _column("项目分类"))
    page("units.md.j2", "units/index.md", _column("牵头单位"))
    for pages in (*portal.categories, *portal.units):
        for listed in pages.pages:
            page("group.md.j2", listed.target, _column(pages.bucket.name), b=pages, page=listed)
    published = formats.chinese_date(notice.published)
    for item in portal.items:
        title = f"（{item.view.item.number}）{item.view.item.title}"
        meta = {"title": title, "meta_tags": {"ArticleTitle": title, "PubDate": published, "ContentSource": notice.issuer}}
        if item.view.item.keywords:  # the theme's search ranks a page whose tags a query's words begin first
            meta["tags"] = list(item.view.item.keywords)
        page("item.md.j2", f"items/{item.view.item.id}.md", meta, p=item, view=item.view)
    page("funds.md.j2", "funds.md", _column("资金公开"))
    page("bulletins.md.j2", "bulletins/index.md", _column("月度通报"))
    for bulletin in portal.bulletins:
        title = f"{formats.chinese_month(bulletin.bulletin.month)}民生实事进展通报"
        meta = {"ArticleTitle": title, "ContentSource": notice.issuer}
        if bulletin.bulletin.released:
            meta["PubDate"] = formats.chinese_date(bulletin.bulletin.released)
        page("bulletin.md.j2", f"bulletins/{bulletin.bulletin.month}.md", {"title": title, "meta_tags": meta},
             bp=bulletin, b=bulletin.bulletin)
    page("revisions.md.j2", "revisions.md", _column("更正记录"))
    page("downloads.md.j2", "downloads.md", _column("数据下载"))
    page("data-notes.md.j2", "about/data.md", {"title": "数据说明"})
    page("glossary.md.j2", "about/glossary.md", {"title": "名词解释"})
    page("feedback.md.j2", "feedback.md", _column("我要反映"))
    page("sitemap.md.j2", "about/sitemap.md", {"title": "网站地图"})  # for people; sitemap.xml is MkDocs'


def _listed_tags(meta: dict) -> dict:
    """The meta tags as a list of name and content, which the theme's override loops over without any
    engine's dict methods (Jinja2's `.items()` is not Zensical's)."""
    if "meta_tags" not in meta:
        return meta
    return {**meta, "meta_tags": [{"name": k, "content": v} for k, v in meta["meta_tags"].items()]}


def _column(name: str) -> dict:
    return {"title": name, "meta_tags": {"ColumnName": name, "ColumnType": "列表"}}


_Dumper = getattr(yaml, "CSafeDumper", None) or yaml.SafeDumper  # libyaml's, when PyYAML has it: 10× faster


def _with_front_matter(meta: dict, body: str) -> str:
    front = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n{body}"
