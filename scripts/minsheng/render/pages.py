"""Render the Markdown pages of the portal from a computed overview, into the generated docs folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined

from ..compute.bulletins import bulletins
from ..compute.ledger import ledger_at
from ..compute.overview import YearOverview
from ..compute.schedule import month_end
from ..fingerprint import Keys
from ..load.plan import Plan
from ..model import FUND_HEADERS
from . import figures, text
from .feed import atom_feed
from .outputs import Outputs
from .open_data import Dataset, datasets
from .labels import LEDGER, STATUS

def environment(compiled: Path | None = None) -> Environment:
    """The templates' environment; `compiled` keeps the compiled templates between builds."""
    env = Environment(
        loader=PackageLoader("minsheng.render", "templates"),
        bytecode_cache=FileSystemBytecodeCache(_folder(compiled)) if compiled else None,
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
    env.globals.update(STATUS=STATUS, LEDGER=LEDGER)
    return env


def render_site(plan: Plan, overview: YearOverview, content: Path, out: Outputs, keys: Keys,
                compiled: Path | None = None) -> Rendered:
    """Write every page into the generated folder, with the hand-written pages of `content`.

    Item pages and the paginated list pages, most of a site, see only their own context and the
    `frame` every such page shows (the site, the notice, the rules, the months), not the whole
    overview: their inputs are known, so a page whose inputs did not change is kept from the last
    build instead of being rendered again. (A keyed template that reached for anything else would
    fail: it is not there.)

    Returns what the pages refer to but does not draw: the charts, and the open data's bulletins."""
    env = environment(compiled)
    env.globals["UNITS"] = {unit.id: unit.name for unit in plan.units.units}
    env.globals["REVISED"] = _revised_labels(overview)
    revisions = overview.year.revisions.revisions if overview.year.revisions else []
    groups = [(group, [v for v in overview.items if group.id in v.item.groups]) for group in plan.groups.groups]
    common = {"site": plan.site, "ov": overview, "notice": overview.year.notice, "rules": plan.rules,
              "groups": groups}
    year = overview.year
    ledger = ledger_at(year.ledger.problems if year.ledger else [], month_end(overview.latest_month)) \
        if overview.latest_month else []
    site_meta = _site_meta(plan)
    frame = {"site": plan.site, "notice": overview.year.notice, "rules": plan.rules, "months": overview.months,
             "latest_month": overview.latest_month, "expected": overview.expected_by_month}
    frame_key = keys(frame, site_meta, env.globals["UNITS"], env.globals["REVISED"])
    for path in sorted(p for p in content.rglob("*") if p.is_file()):
        target = path.relative_to(content).as_posix()
        if path.suffix == ".md":  # hand-written pages get the same banner and footer
            out.write(target, _with_front_matter(site_meta, path.read_text(encoding="utf-8")))
        else:
            out.write(target, path.read_bytes())
    pages = []
    charts: list[figures.Figure] = []

    def chart(figure: figures.Figure | None) -> figures.Figure | None:
        if figure:
            charts.append(figure)
        return figure

    def page(template: str, target: str, meta: dict, **context: object) -> None:
        out.write(target, _with_front_matter({**site_meta, **meta},
                                                env.get_template(template).render(**common, **context)))
        pages.append(target)

    def keyed_page(template: str, target: str, meta: dict, **context: object) -> None:
        out.made_by(target, keys(template, target, meta, context, frame_key), lambda: _with_front_matter(
            {**site_meta, **meta}, env.get_template(template).render(**frame, **context)))
        pages.append(target)

    published = text.chinese_date(overview.year.notice.published)
    page("home.md.j2", "index.md", overall=chart(figures.overall_figure(overview, out)),
         statuses=chart(figures.status_figure(overview, out)), meta={"title": "首页", "meta_tags": {"SiteName": plan.site.name,
                                                                     "SiteIDCode": plan.site.footer.site_id_code}})
    def paged(template: str, folder: str, key: str, items: list, meta: dict, first: dict | None = None,
              **context: object) -> None:
        """`items` `page_size` to a page (key.md, key-2.md, …): no page grows with the number of items.
        What `first` holds (the chart) is on the first page only; the others have it as None, so that
        their keys do not change with it."""
        size = plan.rules.page_size
        chunks = [items[start:start + size] for start in range(0, len(items), size)] or [[]]
        first = first or {"figure": None}
        for number, chunk in enumerate(chunks, start=1):
            keyed_page(template, f"{folder}/{key}{'' if number == 1 else f'-{number}'}.md", meta, items=chunk,
                       key=key, number=number, pages=len(chunks), count=len(items),
                       **(first if number == 1 else dict.fromkeys(first)), **context)

    def group_pages(group, kind: str, folder: str) -> None:
        progress = group.progress_by_month(len(overview.months))
        figure = chart(figures.group_figure(group, kind, progress, overview, out))
        paged("group.md.j2", folder, group.key, list(group.items), _column(group.name), name=group.name, kind=kind,
              first={"figure": figure, "progress": progress if figure else None})

    page("groups.md.j2", "groups/index.md", _column("与我有关"))
    for group, views in groups:
        paged("group-for-me.md.j2", "groups", group.id, views, _column(group.name), group=group)
    page("categories.md.j2", "categories/index.md", _column("项目分类"))
    for group in overview.categories:
        group_pages(group, "category", "categories")
    page("units.md.j2", "units/index.md", _column("牵头单位"))
    for group in overview.units:
        group_pages(group, "unit", "units")
    for view in overview.items:
        title = f"（{view.item.number}）{view.item.title}"
        keyed_page("item.md.j2", f"items/{view.item.id}.md",
             {"title": title, "meta_tags": {"ArticleTitle": title, "PubDate": published,
                                            "ContentSource": overview.year.notice.issuer}}, view=view,
             figure=chart(figures.item_figure(view, overview, out)),
             funds_figure=chart(figures.item_funds_figure(view, overview, out)),
             problems=[state for state in ledger if state.entry.item == view.item.id],
             revisions=[r for r in revisions if r.item == view.item.id])
    page("funds.md.j2", "funds.md", _column("资金公开"), spending=chart(figures.spending_figure(overview, out)))
    monthly = bulletins(overview)
    page("bulletins.md.j2", "bulletins/index.md", _column("月度通报"), bulletins=monthly)
    for bulletin in monthly:
        title = f"{text.chinese_month(bulletin.month)}民生实事进展通报"
        meta = {"ArticleTitle": title, "ContentSource": year.notice.issuer}
        if bulletin.released:
            meta["PubDate"] = text.chinese_date(bulletin.released)
        page("bulletin.md.j2", f"bulletins/{bulletin.month}.md", {"title": title, "meta_tags": meta}, b=bulletin,
             revisions=[r for r in revisions if bulletin.released and r.date == bulletin.released])
    page("revisions.md.j2", "revisions.md", _column("更正记录"), revisions=revisions)
    out.write("feed.xml", atom_feed(plan, monthly))
    tables = datasets(plan, overview, monthly)
    page("downloads.md.j2", "downloads.md", _column("数据下载"), tables=tables, charts=charts)
    page("data-notes.md.j2", "about/data.md", {"title": "数据说明"})
    write_search_words(plan, out.folder.parent / "jieba_user.txt")
    return Rendered(pages, charts, tables)


@dataclass(frozen=True)
class Rendered:
    pages: list[str]  # paths in the generated folder
    charts: list[figures.Figure]  # to draw: the pages refer to them
    tables: list[Dataset]  # to write as open data: the downloads page lists them


def write_search_words(plan: Plan, path: Path) -> None:
    """Words jieba must keep whole in the search index: the lead units' names and spellings."""
    words = {spelling for unit in plan.units.units for spelling in (unit.name, *unit.aliases)}
    path.write_text("".join(f"{word}\n" for word in sorted(words)), encoding="utf-8")


def _revised_labels(overview: YearOverview) -> dict:
    """(item, file, key, field) → what the revised figure is, in words: 新增城镇就业 or 区资金·累计拨付."""
    labels = {}
    for view in overview.items:
        for indicator in view.item.indicators:
            labels[view.item.id, "progress", indicator.id, "value"] = indicator.name
    revisions = overview.year.revisions.revisions if overview.year.revisions else []
    for r in revisions:
        if r.file == "funds":
            labels[r.item, r.file, r.key, r.field] = f"{r.key}资金·{FUND_HEADERS[r.field]}"
    return labels


def _folder(path: Path) -> str:
    path.mkdir(parents=True, exist_ok=True)
    return str(path)


def _site_meta(plan: Plan) -> dict:
    """What every page carries for the theme's overrides: the sample-data banner and the footer."""
    meta = {"site_footer": plan.site.footer.model_dump()}
    if plan.site.sample_data:
        meta["sample_banner"] = plan.site.sample_data_banner
    return meta


def _column(name: str) -> dict:
    return {"title": name, "meta_tags": {"ColumnName": name, "ColumnType": "列表"}}


_Dumper = getattr(yaml, "CSafeDumper", None) or yaml.SafeDumper  # libyaml's, when PyYAML has it: 10× faster


def _with_front_matter(meta: dict, body: str) -> str:
    front = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n{body}"
