"""The Markdown pages of the portal, from the computed portal through Jinja2 templates, with the
hand-written pages of content/ beside them. Each page carries front matter for the theme's overrides
(footer, sample-data banner, the government meta tags)."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from jinja2.runtime import Macro
from markupsafe import Markup, escape

from .. import formats
from ..compute import addresses
from ..compute.portal import Portal, Portals
from ..compute.years import compare_years
from ..labels import LEDGER, PAID_TO
from ..status import Status
from . import text
from .folder import Folder


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("minsheng.render", "templates"),
        auto_reload=False,  # the templates do not change during a build: no look at each file's date per page
        finalize=text.markdown_text,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,  # with `finalize`: every printed value is escaped for Markdown, macros are not
    )
    env.filters.update(
        html=text.html_text, number=formats.number, percent=formats.percent, money=formats.money,
        date=formats.chinese_date, month=formats.chinese_month, figure=formats.figure, published=addresses.published,
    )
    env.globals.update(Status=Status, LEDGER=LEDGER, PAID_TO=PAID_TO, WHERE=addresses)
    return env


class _Here:
    """The page being written, so that `href` writes an address relative to it (as MkDocs resolves links), `url`
    one relative to where it is published (for the HTML tables, which no engine rewrites), `fill` keeps a table
    written as HTML for it, and `link` and `image` lead to a file written beside the engine."""

    def __init__(self) -> None:
        self.target = addresses.HOME
        self.fills: dict[str, dict[str, tuple[str, Macro, tuple]]] = {}  # built page → key → (page, macro, arguments)

    def href(self, target: str) -> str:
        return addresses.relative(target, posixpath.dirname(self.target))

    def url(self, target: str) -> str:
        published = addresses.published(target)
        relative = addresses.relative(published, addresses.published(self.target))
        return relative + "/" if published.endswith("/") or not published else relative

    def fill(self, key: str, table: Macro, *arguments: object) -> Markup:
        """The place of a table of figures in the page (a paragraph to either engine). The table, `table(*arguments)`
        (a macro of tables.html.j2), is written by `write_tables`, for website/fill.py, under the page's built file."""
        page = self._filled()
        if key in page:  # two tables in one place: the second would be shown twice
            raise ValueError(f"{self.target}: two tables named {key}")
        page[key] = (self.target, table, arguments)
        return Markup(f'<ms-fill data-key="{key}"></ms-fill>')

    def write_tables(self, path: Path) -> None:
        """Every table a page placed, written as HTML by the built page it goes into, into `path` (fills.json):
        {"2024/items/01/index.html": {"progress": "<table>…", "funds": …}, …}. No engine reads them, so
        website/build.py has them written while the engine runs."""
        written = {}
        for page, tables in self.fills.items():
            written[page] = {}
            for key, (target, table, arguments) in tables.items():
                self.target = target  # for `url`, which the tables' links are written with
                written[page][key] = str(table(*arguments))
        path.write_text(json.dumps(written, ensure_ascii=False), encoding="utf-8")

    def link(self, target: str) -> Markup:
        """The start of a link to the file `target`, written beside the engine (render.write_beside):
        `<ms-link data-href="…">`, which the template closes with `</ms-link>`. Neither engine checks or rewrites it
        (MkDocs would refuse a Markdown link to a file it does not have, and Zensical rewrites the address of an
        HTML link), and website/fill.py makes it the `<a href="…">` MkDocs wrote for the same Markdown link."""
        self._filled()
        return Markup(f'<ms-link data-href="{escape(self.url(target))}">')

    def image(self, target: str, alt: str) -> Markup:
        """The image `target` (a chart, written beside the engine), a paragraph of its own: `<ms-img …>`, which
        website/fill.py makes the `<img alt="…" src="…" />` MkDocs wrote for the same Markdown image."""
        self._filled()
        return Markup(f'<ms-img data-alt="{escape(alt)}" data-src="{escape(self.url(target))}"></ms-img>')

    def _filled(self) -> dict[str, tuple[str, Macro, tuple]]:
        """The tables kept for this page's built file: a page is listed for fill.py once it has a table or a link."""
        return self.fills.setdefault(addresses.published(self.target) + "index.html", {})


def write_pages(portals: Portals, content: Path, folder: Folder) -> Callable[[Path], None]:
    """Every page of every year into `folder`, then the site-wide pages (of the current year), with the
    hand-written pages of `content`. Returns `write_tables(path)`, which writes the tables of figures the pages
    placed (website/fill.py puts them in after the engine)."""
    env = environment()
    here = _Here()
    env.globals.update(href=here.href, url=here.url, fill=here.fill, link=here.link, image=here.image)
    # the tables of figures, written as HTML and escaped as HTML: `fill("key", tables.money, …)` in a page's template
    env.globals["tables"] = env.overlay(finalize=text.html_value).get_template("tables.html.j2").module
    current = portals.current
    for portal in portals.years:
        _write_year(env, here, portal, portals, folder)
    _use_year(env, current)
    site_meta = _site_meta(current, portals, None)
    common = _common(current, portals)

    def page(template: str, target: str, meta: dict, **context: object) -> None:
        here.target = target
        body = env.get_template(template).render(**common, **context)
        folder.write(target, _with_front_matter({**site_meta, **_listed_tags(meta)}, body))

    for path in sorted(p for p in content.rglob("*") if p.is_file()):
        target = path.relative_to(content).as_posix()
        if path.suffix == ".md":  # hand-written pages get the same banner and footer
            folder.write(target, _with_front_matter(site_meta, path.read_text(encoding="utf-8")))
        else:
            folder.write(target, path.read_bytes())
    home_tags = {"SiteName": current.site.name}
    if current.footer.site_id_code:
        home_tags["SiteIDCode"] = current.footer.site_id_code
    page("home.md.j2", addresses.HOME, {"title": "首页", "meta_tags": home_tags}, site_home=True)
    page("groups.md.j2", addresses.GROUPS, _column("与我有关"))
    for audience in current.audiences:
        for listed in audience.pages:
            page("group-for-me.md.j2", listed.target, _column(audience.group.name), group=audience.group, page=listed)
    page("glossary.md.j2", addresses.GLOSSARY, {"title": "名词解释"})
    page("feedback.md.j2", addresses.FEEDBACK, _column("我要反映"))
    page("sitemap.md.j2", addresses.SITEMAP, {"title": "网站地图"})  # for people; sitemap.xml is MkDocs'
    page("years.md.j2", addresses.YEARS, _column("历年对比"), compared=compare_years(portals))
    if current.places:  # a page per 乡镇, the place's name its search tag
        page("places.md.j2", addresses.PLACES, _column("乡镇"))
        for town in current.places.pages:
            page("place.md.j2", town.target, {**_column(town.place.name), "tags": [town.place.name]}, page=town)
    return here.write_tables


def _use_year(env: Environment, portal: Portal) -> None:
    """The globals the macros read: the year's addresses, its items and the unit names."""
    env.globals.update(AT=portal.at, UNITS=portal.unit_names, ITEMS={view.item.id: view for view in portal.overview.items})


def _common(portal: Portal, portals: Portals) -> dict:
    return {"site": portal.site, "notice": portal.notice, "rules": portal.rules, "overview": portal.overview,
            "portal": portal, "portals": portals}


def _site_meta(portal: Portal, portals: Portals, year: int | None) -> dict:
    """The front matter every page carries: the footer (filled values only: no placeholder), the sample-data
    banner, the date the figures stand at, and the year switch (each year's page; on a year's pages that year
    marked, on the site-wide pages none); on a past year's pages, its search boost."""
    meta: dict = {"site_footer": portal.footer.front_matter()}
    if portal.site.sample_data:
        meta["sample_banner"] = portal.site.sample_data_banner
    if portal.overview.latest_month:  # the date the pages' figures stand at, printed on every page
        meta["as_of"] = formats.chinese_month(portal.overview.latest_month) + "底"
    meta["years"] = [{"label": f"{p.notice.year}年", "url": addresses.published(p.at.index) or ".",
                      "current": p.notice.year == year} for p in portals.years]
    if year is not None and year != portals.current.notice.year:
        meta["search"] = {"boost": PAST_YEAR_BOOST}
    return meta


# A year gone by, in the theme's search: its pages rank after the current year's (the same item in two years has
# the same words, and a resident asking today means this year's), and still come up.
PAST_YEAR_BOOST = 0.5


def _write_year(env: Environment, here: _Here, portal: Portal, portals: Portals, folder: Folder) -> None:
    """The pages of one year, every one under its year's addresses."""
    _use_year(env, portal)
    notice, at = portal.notice, portal.at
    common = _common(portal, portals)
    site_meta = _site_meta(portal, portals, notice.year)

    def page(template: str, target: str, meta: dict, **context: object) -> None:
        here.target = target
        body = env.get_template(template).render(**common, **context)
        folder.write(target, _with_front_matter({**site_meta, **_listed_tags(meta)}, body))

    year = f"{notice.year}年"
    page("home.md.j2", at.index, _column(f"{year}民生实事"), site_home=False)
    if portal.cycle.full:  # 征集, 票决, 监督, 测评: only a year that had them has the page
        page("cycle.md.j2", at.cycle, _column(f"{year}年度流程"))
    for listed in portal.record_pages:
        page("record.md.j2", listed.target, _column(f"{year}年度完成情况"), page=listed)
    page("categories.md.j2", at.categories, _column(f"{year}项目分类"))
    page("units.md.j2", at.units, _column(f"{year}牵头单位"))
    for pages in (*portal.categories, *portal.units):
        for listed in pages.pages:
            page("group.md.j2", listed.target, {**_column(pages.bucket.name), "title": f"{pages.bucket.name}（{year}）"},
                 bucket_pages=pages, page=listed)
    published = formats.chinese_date(notice.published)
    for item in portal.items:
        title = item.view.item.numbered
        # the title names the year: search results and the browser's tab say which year an item belongs to
        meta = {"title": f"{title}（{year}）",
                "meta_tags": {"ArticleTitle": title, "PubDate": published, "ContentSource": notice.issuer}}
        if portal.search_tags.get(item.view.item.id):  # keywords and residents' words: the theme's search
            meta["tags"] = list(portal.search_tags[item.view.item.id])  # ranks a page whose tags a query begins first
        page("item.md.j2", at.item(item.view.item.id), meta, item_page=item, view=item.view)
    page("funds.md.j2", at.funds, _column(f"{year}资金公开"))
    page("bulletins.md.j2", at.bulletins, _column(f"{year}月度通报"))
    for bulletin in portal.bulletins:
        title = f"{formats.chinese_month(bulletin.bulletin.month)}民生实事进展通报"
        meta = {"ArticleTitle": title, "ContentSource": notice.issuer}
        if bulletin.bulletin.released:
            meta["PubDate"] = formats.chinese_date(bulletin.bulletin.released)
        page("bulletin.md.j2", at.bulletin(bulletin.bulletin.month), {"title": title, "meta_tags": meta},
             bulletin_page=bulletin, bulletin=bulletin.bulletin)
    page("revisions.md.j2", at.revisions, _column(f"{year}更正记录"))
    page("downloads.md.j2", at.downloads, _column(f"{year}数据下载"))
    page("data-notes.md.j2", at.data_notes, {"title": f"{year}数据说明"})


def _listed_tags(meta: dict) -> dict:
    """The meta tags as a list of name and content, which the theme's override loops over without any
    engine's dict methods (Jinja2's `.items()` is not Zensical's)."""
    if "meta_tags" not in meta:
        return meta
    return {**meta, "meta_tags": [{"name": k, "content": v} for k, v in meta["meta_tags"].items()]}


def _column(name: str) -> dict:
    return {"title": name, "meta_tags": {"ColumnName": name, "ColumnType": "列表"}}


def _with_front_matter(meta: dict, body: str) -> str:
    """The page with its front matter, written as JSON: a JSON object is YAML (a flow mapping) that both engines
    read, and json writes it more than ten times as fast as PyYAML's dumper (a second of a province's pages)."""
    return f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n\n{body}"
