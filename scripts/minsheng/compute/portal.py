"""Everything the site shows, computed once from the plan: the one value that render/ writes out.

Templates only lay it out: every count, sum, filter, cut list and page of a list is here, ready.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ..load.data_folder import DataFolder, Year
from ..model import Group, Item, Milestone, Notice, PolicyParameter, Revision, Rules, Site
from ..months import month_end
from ..revisions import Described, described
from ..status import Status, lagging_word, possible_statuses
from . import addresses, contact, figures
from .addresses import Addresses
from .as_at import changed_after, year_as_at
from .bulletins import Bulletin, bulletins
from .cycle import YearCycle, year_cycle
from .contact import Feedback, Footer, UnitContact
from .figures import Figure
from .ledger import LedgerState, ledger_at
from .open_data import Dataset, datasets, with_year
from .overview import Bucket, ItemView, MonthProgress, YearOverview, overview, progress_rows
from .places import Places, places, places_dataset
from .record import YearRecord, record_dataset, year_record
from .vocabulary import search_tags, suggestions


@dataclass(frozen=True)
class Shortlist:
    """A list as a page shows it: the first `rules.list_limit`, and how many there are in all."""

    shown: tuple
    total: int

    @classmethod
    def of(cls, values: Sequence, limit: int) -> Shortlist:
        return cls(tuple(values[:limit]), len(values))

    @property
    def shown_count(self) -> int:
        return len(self.shown)

    @property
    def cut(self) -> bool:
        """Some are not shown."""
        return self.total > len(self.shown)


@dataclass(frozen=True)
class PageLink:
    """A page of a list as its pager shows it."""

    number: int
    target: str
    current: bool  # the page the pager is on


@dataclass(frozen=True)
class ListPage:
    """One page of a list split `rules.page_size` to a page (key.md, key-2.md, …)."""

    target: str  # path in the generated folder
    key: str
    number: int
    pages: int
    targets: tuple[str, ...]  # every page of the list, in order (the pager's links)
    items: tuple
    count: int  # items on all the pages
    warned: tuple  # the items on this page with early warnings

    @property
    def first(self) -> bool:
        return self.number == 1

    @property
    def split(self) -> bool:
        """The list has more than one page (and a pager)."""
        return self.pages > 1

    @property
    def links(self) -> tuple[PageLink, ...]:
        """The pager: every page of the list, this one marked."""
        return tuple(PageLink(number, target, number == self.number) for number, target in enumerate(self.targets, start=1))


@dataclass(frozen=True)
class BucketPages:
    """A category's or a lead unit's pages: the items, and on the first page the chart and its table."""

    bucket: Bucket
    kind: str  # "category" or "unit"
    pages: tuple[ListPage, ...]
    figure: Figure | None
    progress: tuple[MonthProgress, ...]  # the bucket's progress against 序时进度, month by month
    contact: UnitContact | None = None  # a lead unit's address, phone and hours (filled values only)


@dataclass(frozen=True)
class Audience:
    """A group of residents (与我有关) and the items that serve them this year: an item without a task
    this year (no_task) is neither listed nor counted."""

    group: Group
    items: tuple[ItemView, ...]
    pages: tuple[ListPage, ...]

    @property
    def item_count(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class ItemLink:
    """Another year's item: 2024年（十三）… at its address."""

    label: str
    target: str


@dataclass(frozen=True)
class ItemPage:
    view: ItemView
    figure: Figure | None
    funds_figure: Figure | None
    ledger: tuple[LedgerState, ...]  # the item's problems as at the latest month's end
    revisions: tuple[Described, ...]
    contacts: tuple[UnitContact, ...] = ()  # the lead units, where to go and whom to call
    hotline: bool = True  # some lead unit has no phone filled in: the page gives the hotline
    continues: ItemLink | None = None  # the earlier year's item this one carries on (data: continues)
    continued_by: tuple[ItemLink, ...] = ()  # the later years' items that carry this one on

    @property
    def ledger_count(self) -> int:
        """Problems registered for the item as at the latest month's end."""
        return len(self.ledger)

    @property
    def done_but_unresolved(self) -> bool:
        """已完成 while some of its problems are not yet closed: the page says so first."""
        return self.view.status == Status.DONE and self.unresolved > 0

    @property
    def unresolved(self) -> int:
        """Problems not yet closed (整改中 or 逾期未销号) as at the latest month's end."""
        return sum(1 for s in self.ledger if s.status in ("open", "overdue"))

    @property
    def unresolved_overdue(self) -> int:
        return sum(1 for s in self.ledger if s.status == "overdue")


@dataclass(frozen=True)
class BulletinPage:
    bulletin: Bulletin
    ended: bool  # the month is at or after the year's deadline: lagging items are 未完成
    statuses: tuple[Status, ...]  # the statuses an item can have this month, in order
    completed: Shortlist
    lagging: Shortlist  # (item, its month, its warnings), worst first
    warned: Shortlist  # (item, its warnings)
    revisions: tuple[Described, ...]  # corrections disclosed with it
    missed: int  # items short of a milestone already passed
    foreseen: int  # items that at their recent pace will miss a milestone still ahead

    @property
    def lagging_word(self) -> str:
        """What the month's lagging items are called: 未完成 or 滞后."""
        return lagging_word(self.ended)


@dataclass(frozen=True)
class Portal:
    site: Site
    rules: Rules
    notice: Notice
    at: Addresses  # the addresses of this year's pages and files
    unit_names: dict[str, str]  # id → name
    footer: Footer  # site.yaml's footer, filled values only
    feedback: Feedback  # 我要反映: the channel, how, and the objection period when set
    site_url: str | None  # the address the site is published at (ending in /), when the office has filled it
    contacts: dict[str, UnitContact]  # unit id → its contact details, filled values only
    overview: YearOverview
    milestones: tuple[tuple[Milestone, float], ...]  # each with the 序时进度 it stands for
    overall_figure: Figure | None
    status_figure: Figure | None
    spending_figure: Figure | None
    ended: bool  # the latest month is at or after the year's deadline: lagging items are 未完成
    statuses: tuple[Status, ...]  # the statuses an item can have in the latest month, in order
    lagging: Shortlist  # (item, its latest month, its warnings), worst first
    warned: Shortlist  # (item, its warnings)
    missed: int  # items short of a milestone already passed (未完成节点要求)
    foreseen: int  # items that at their recent pace will miss a milestone still ahead
    output_checks: Shortlist
    audiences: tuple[Audience, ...]
    for_person: dict[str, tuple[PolicyParameter, ...]]  # item id → its standards paid to the person (能得到的补助)
    categories: tuple[BucketPages, ...]
    units: tuple[BucketPages, ...]
    items: tuple[ItemPage, ...]
    bulletins: tuple[BulletinPage, ...]
    revisions: tuple[Described, ...]
    ledger: tuple[LedgerState, ...]  # as at the latest month's end
    record: YearRecord  # 年度完成情况
    record_pages: tuple[ListPage, ...]  # its rows, rules.record_page_size to a page
    datasets: tuple[Dataset, ...]
    figures: tuple[Figure, ...]  # every chart, in the order the pages show them
    search_words: tuple[str, ...]  # words the search index keeps whole
    search_tags: dict[str, tuple[str, ...]]  # item id → its keywords and residents' words (vocabulary.py)
    word_rows: tuple[dict, ...]  # the words file the search box reads when a search finds nothing
    places: Places | None  # the 乡镇 pages (places.py), when data/ lists the district's 乡镇
    cycle: YearCycle  # the yearly cycle: which steps the year had, the vote, oversight, the 测评 (cycle.py)

    @property
    def lagging_word(self) -> str:
        """What the latest month's lagging items are called: 未完成 or 滞后."""
        return lagging_word(self.ended)

    @property
    def unit_count(self) -> int:
        return len(self.units)

    @property
    def bulletins_newest_first(self) -> tuple[BulletinPage, ...]:
        return self.bulletins[::-1]

    @property
    def bulletin_count(self) -> int:
        return len(self.bulletins)

    @property
    def figure_count(self) -> int:
        return len(self.figures)

    @property
    def contacts_complete(self) -> bool:
        """Every lead unit's address, hours and phone are filled in: only then may a page promise them."""
        return all(c.address and c.hours and c.phone for c in (self.contacts[u.bucket.key] for u in self.units))

    @cached_property
    def item_page(self) -> dict[str, ItemPage]:
        """Item id → its page, for lists that show an item's contacts (与我有关)."""
        return {page.view.item.id: page for page in self.items}


@dataclass(frozen=True)
class Portals:
    """Every year the site publishes, oldest first, and the current one, which the site-wide pages show."""

    years: tuple[Portal, ...]
    current: Portal

    @property
    def newest_first(self) -> tuple[Portal, ...]:
        """The years as the year lists show them."""
        return self.years[::-1]

    @property
    def several(self) -> bool:
        return len(self.years) > 1


def portals(plan: DataFolder) -> Portals:
    """Every year of `plan` that is not a draft, each computed from its own data alone: a year's pages are
    the same whichever year is current. The current year is the latest (a new year's drafts, written by
    `minsheng new-year`, wait for their review; until then the site's current year stays the year before)."""
    current = plan.shown_year
    if current is None:
        raise ValueError("no year without drafts to show")
    years = tuple(portal(plan, plan.years[number]) for number in sorted(plan.years)
                  if not plan.is_draft(plan.years[number]))
    return Portals(years, next(p for p in years if p.notice.year == current.year))


def portal(plan: DataFolder, year: Year | None = None) -> Portal:
    """The site's pages of one year (by default the current year, the latest that is not a draft)."""
    year = year or plan.shown_year
    if year is None:
        raise ValueError("no year without drafts to show")
    ov = overview(plan, year)
    rules = plan.rules
    limit = rules.list_limit
    revisions = _revision_lines(ov, year.revisions.revisions if year.revisions else [])
    ledger = tuple(ledger_at(year.ledger.entries if year.ledger else [], month_end(ov.latest_month))
                   if ov.latest_month else ())
    monthly = [_as_released(plan, year, b) for b in bulletins(ov)]
    overall, statuses = figures.overall_figure(ov), figures.status_figure(ov)
    ledger_of, revisions_of = _by_item(ledger, lambda s: s.entry.item), _by_item(revisions, lambda r: r.record.item)
    contacts = {unit.id: contact.unit_contact(unit, plan.site.placeholder_prefix) for unit in plan.units.units}
    item_pages = []
    continuations = _continuations(plan, year)
    for view in ov.items:
        leads = tuple(contacts[unit.id] for unit in view.units)
        item_pages.append(ItemPage(
            view, figures.item_figure(view, ov), figures.item_funds_figure(view, ov), ledger_of.get(view.item.id, ()),
            revisions_of.get(view.item.id, ()), leads, not all(c.phone for c in leads),
            *continuations.get(view.item.id, (None, ()))))
    item_pages = tuple(item_pages)
    at = Addresses(year.year)
    categories = tuple(_bucket_pages(bucket, "category", at.category, ov) for bucket in ov.categories)
    units = tuple(_bucket_pages(bucket, "unit", at.unit, ov, contacts.get(bucket.key)) for bucket in ov.units)
    spending = figures.spending_figure(ov)
    ended = bool(ov.latest_month) and ov.pace.ended(ov.latest_month)
    record = year_record(ov, ledger, revisions, ended)
    warned = [(v, v.warnings) for v in ov.warned]
    charts = [overall, statuses, *(b.figure for b in categories), *(b.figure for b in units),
              *(f for page in item_pages for f in (page.figure, page.funds_figure)), spending]
    tags = search_tags(year)
    towns = places(plan.places, ov, contact.site_url(plan.site))
    steps = year_cycle(year, rules)
    audiences = []
    for group in plan.groups.groups:
        served = tuple(v for v in ov.items if group.id in v.item.groups and not v.item.no_task)
        audiences.append(Audience(group, served, _pages(addresses.group, group.id, served, rules.group_page_size)))
    return Portal(
        site=plan.site, rules=rules, notice=year.notice, at=at, unit_names={u.id: u.name for u in plan.units.units},
        footer=contact.footer(plan.site), feedback=contact.feedback(plan.site), contacts=contacts,
        site_url=contact.site_url(plan.site),
        overview=ov, milestones=tuple((m, expected) for m, (_, expected) in zip(year.notice.schedule.milestones,
                                                                               ov.pace.points[1:])),
        overall_figure=overall, status_figure=statuses, spending_figure=spending,
        ended=ended, statuses=possible_statuses(ended),
        lagging=Shortlist.of([(v, v.latest, v.warnings) for v in ov.lagging], limit),
        warned=Shortlist.of(warned, limit),
        missed=_count(warned, True), foreseen=_count(warned, False),
        output_checks=Shortlist.of(ov.output_checks, limit),
        audiences=tuple(audiences),
        for_person={v.item.id: tuple(p for p in v.item.policy_parameters if p.paid_to == "person") for v in ov.items},
        categories=categories, units=units, items=item_pages,
        bulletins=tuple(BulletinPage(
            b, ov.pace.ended(b.month), possible_statuses(ov.pace.ended(b.month)), Shortlist.of(b.completed, limit),
            Shortlist.of(_with_warnings(b), limit),
            Shortlist.of(b.warned, limit),
            tuple(r for r in revisions if b.released and r.record.date == b.released),
            _count(b.warned, True), _count(b.warned, False))
            for b in monthly),
        revisions=revisions, ledger=ledger, record=record,
        record_pages=_pages(at.record_page, "record", record.rows, rules.record_page_size),
        datasets=tuple(with_year(table, ov.year.year) for table in (
            *datasets(ov, monthly, list(ledger)), record_dataset(record), *((places_dataset(towns),) if towns else ()),
            *steps.datasets)), cycle=steps,
        figures=tuple(f for f in charts if f),
        search_words=tuple(sorted({*_search_words(plan, ov), *(w for t in tags.values() for w in t),
                                   *(name for page in (towns.pages if towns else ()) for name in page.place.names())})),
        search_tags=tags, places=towns,
        word_rows=suggestions(tags, {v.item.id: (v.item.numbered, v.item.source_text) for v in ov.items},
                              lambda item: addresses.published(at.item(item)),
                              tuple((page.place.names(), addresses.published(addresses.place(page.place.id)))
                                    for page in (towns.pages if towns else ()))),
    )


def _continuations(plan: DataFolder, year: Year) -> dict[str, tuple[ItemLink | None, tuple[ItemLink, ...]]]:
    """By item id of `year`: the earlier year's item it carries on, and the later years' items that carry it on (as
    the data says, in each later item's `continues`). A year that is still a draft is not linked to."""
    def link(number: int, item: Item) -> ItemLink:
        return ItemLink(f"{number}年{item.numbered}", Addresses(number).item(item.id))

    shown = {number: plan.years[number] for number in sorted(plan.years) if not plan.is_draft(plan.years[number])}
    later: dict[str, list[ItemLink]] = {}
    for number, other in shown.items():
        for item in other.items:
            if number > year.year and item.continues and item.continues.year == year.year:
                later.setdefault(item.continues.item, []).append(link(number, item))
    found = {}
    for item in year.items:
        before = item.continues and shown.get(item.continues.year)
        earlier = next((link(before.year, i) for i in before.items if i.id == item.continues.item), None) if before else None
        if earlier or item.id in later:
            found[item.id] = (earlier, tuple(later.get(item.id, ())))
    return found


def _as_released(plan: DataFolder, year: Year, bulletin: Bulletin) -> Bulletin:
    """The bulletin as it was known on its release date (as_at.py): recomputed from the data as it stood then
    when anything it shows was corrected or added later; as it is while it is not released."""
    if bulletin.released is None or not changed_after(year, bulletin.month, bulletin.released):
        return bulletin
    then = year_as_at(year, bulletin.month, bulletin.released)
    return dataclasses.replace(bulletins(overview(plan, then))[-1], released=bulletin.released)


def _with_warnings(b: Bulletin) -> list[tuple]:
    """The bulletin's lagging items, each with its month and the warnings it had that month."""
    warned = {view.item.id: warnings for view, warnings in b.warned}
    return [(view, month, warned.get(view.item.id, ())) for view, month in b.lagging]


def _search_words(plan: DataFolder, ov: YearOverview) -> tuple[str, ...]:
    """Words jieba keeps whole in the search index: the lead units' spellings (but a draft unit's), and the
    items' keywords (so that 适老化改造 is one word in the index, as residents type it)."""
    units = {spelling for unit in plan.units.units if not unit.review for spelling in unit.spellings}
    return tuple(sorted(units | {word for view in ov.items for word in view.item.keywords}))


def _count(warned: Sequence[tuple], missed: bool) -> int:
    """How many of the (item, its warnings) pairs have a warning of the kind: missed, or foreseen."""
    return sum(1 for _, warnings in warned if any(w.missed == missed for w in warnings))


def _by_item(records: Sequence, item_of) -> dict[str, tuple]:
    grouped: dict[str, list] = {}
    for record in records:
        grouped.setdefault(item_of(record), []).append(record)
    return {item: tuple(found) for item, found in grouped.items()}


def _pages(address, key: str, items: Sequence, size: int) -> tuple[ListPage, ...]:
    """`items` `size` to a page, so that no page grows with the number of items; `address(key, number)` is
    each page's address."""
    chunks = [tuple(items[start:start + size]) for start in range(0, len(items), size)] or [()]
    targets = tuple(address(key, number) for number in range(1, len(chunks) + 1))
    return tuple(ListPage(targets[number - 1], key, number, len(chunks), targets, chunk,
                          len(items), tuple(v for v in chunk if v.warnings))
                 for number, chunk in enumerate(chunks, start=1))


def _bucket_pages(bucket: Bucket, kind: str, address, ov: YearOverview,
                  unit: UnitContact | None = None) -> BucketPages:
    progress = bucket.progress_by_month(len(ov.months))
    return BucketPages(bucket, kind, _pages(address, bucket.key, bucket.items, ov.rules.page_size),
                       figures.bucket_figure(bucket, kind, progress, ov),
                       progress_rows(ov.months, progress, ov.expected_by_month), unit)


def _revision_lines(ov: YearOverview, revisions: Sequence[Revision]) -> tuple[Described, ...]:
    """Each correction with its item's number and title and what changed in words, as the pages show it."""
    items = {view.item.id: view.item for view in ov.items}
    return tuple(described(r, items.get(r.item)) for r in revisions)
