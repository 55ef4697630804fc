"""The Atom feed of the monthly bulletins and of the yearly cycle's steps, written with feedgen.

Dates come from the data (releases.yaml), never from the clock or git, so the feed is the same on every
build; bulletins not yet released are left out. Links are absolute under site.yaml's 网站地址 once the
office has filled it (a feed reader resolves them from anywhere); until then relative to the feed, which
sits at the site's root.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from ..compute import addresses
from ..compute.portal import BulletinPage, Portal, Portals
from ..formats import chinese_month, percent


def atom_feed(portals: Portals) -> bytes:
    """Every year's released bulletins and the steps of its cycle (征集, 票决, 调整, 监督, 测评) as each was made
    public, in the order of their dates."""
    portal = portals.current
    released = [(page, p.at) for p in portals.years for page in p.bulletins if page.bulletin.released]
    site = portal.site
    base = portal.site_url or ""

    def link(path: str) -> str:
        return urljoin(base, path) if base else path

    feed = FeedGenerator()
    feed.id(f"urn:minsheng:{site.division_code}:bulletins")
    feed.title(f"{site.name}：月度通报")
    feed.language("zh")
    feed.link(href=link(addresses.published(portal.at.bulletins)), rel="alternate")
    feed.link(href=link(addresses.FEED), rel="self")
    feed.author({"name": portal.footer.organizer or site.name})  # never a placeholder
    entries = [(bulletin_entry(page, at), page.bulletin.released, page.bulletin.month) for page, at in released]
    entries += [(entry, day, "") for p in portals.years for entry, day in _cycle_entries(p)]
    entries.sort(key=lambda entry: (entry[1], entry[2]))
    feed.updated(_moment(entries[-1][1]) if entries else _moment(dt.date(1970, 1, 1)))
    for (key, title, path, summary), day, _ in entries:
        entry = feed.add_entry(order="append")
        entry.id(f"urn:minsheng:{site.division_code}:{key}")
        entry.title(title)
        entry.link(href=link(addresses.published(path)))
        entry.published(_moment(day))
        entry.updated(_moment(day))
        entry.summary(summary)
    return feed.atom_str(pretty=True)


def bulletin_entry(page: BulletinPage, at) -> tuple[str, str, str, str]:
    """A released bulletin's entry: (key, title, page, summary)."""
    bulletin = page.bulletin
    lagging = f"{'未完成' if page.ended else '滞后'}项目{len(bulletin.lagging)}个"
    return (f"bulletin:{bulletin.month}", f"{chinese_month(bulletin.month)}民生实事进展通报", at.bulletin(bulletin.month),
            f"截至{chinese_month(bulletin.month)}底，总体进度{percent(bulletin.overall)}，序时进度"
            f"{percent(bulletin.expected)}；{lagging}，逾期未销号问题{len(bulletin.overdue)}个。")


def _cycle_entries(portal: Portal) -> list[tuple[tuple[str, str, str, str], dt.date]]:
    """Each step of the year's cycle as it was made public: the proposals' result, the vote, each adjustment, each
    oversight entry and the 测评, each linking to the year's 年度流程 page."""
    cycle, year, at = portal.cycle.cycle, portal.notice.year, portal.at.cycle
    if not portal.cycle.full:
        return []
    found = []
    if cycle.proposals:
        found.append(((f"cycle:{year}:proposals", f"{year}年民生实事征集结果", at,
                       f"共收到建议{portal.cycle.proposal_total}件。"), cycle.proposals.published or cycle.proposals.end))
    if cycle.vote:
        found.append(((f"cycle:{year}:vote", f"{year}年民生实事票决结果", at,
                       f"{cycle.vote.body}：候选项目{portal.cycle.candidate_count}个，当选{portal.cycle.elected_count}个。"),
                      cycle.vote.date))
    for index, row in enumerate(portal.cycle.adjustments, start=1):
        found.append(((f"cycle:{year}:adjustment:{index}", f"{year}年民生实事项目{row['kind']}（项目{row['item']}）", at,
                       f"{row['decision']}：{row['content']}"), row["announced"] or row["date"]))
    for index, row in enumerate(portal.cycle.oversight, start=1):
        found.append(((f"cycle:{year}:oversight:{index}", f"{year}年民生实事人大{row['kind']}", at, row["content"]),
                      row["date"]))
    if cycle.rating:
        counts = "，".join(f"{word}{count}项" for word, count in portal.cycle.rating_counts)
        found.append(((f"cycle:{year}:rating", f"{year}年民生实事满意度测评结果", at, f"{cycle.rating.body}：{counts}。"),
                      cycle.rating.date))
    return found


def _moment(day: dt.date) -> dt.datetime:
    """Midnight China Standard Time on `day`."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone(dt.timedelta(hours=8)))
