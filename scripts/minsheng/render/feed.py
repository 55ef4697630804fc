"""The Atom feed of the monthly bulletins, written with feedgen.

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
from ..compute.portal import Portals
from ..formats import chinese_month, percent


def atom_feed(portals: Portals) -> bytes:
    """Every year's released bulletins, in the order of their release."""
    portal = portals.current
    released = sorted(((page, p.at) for p in portals.years for page in p.bulletins if page.bulletin.released),
                      key=lambda pair: (pair[0].bulletin.released, pair[0].bulletin.month))
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
    feed.updated(_moment(released[-1][0].bulletin.released) if released else _moment(dt.date(1970, 1, 1)))
    for page, at in released:
        bulletin = page.bulletin
        lagging = f"{'未完成' if page.ended else '滞后'}项目{len(bulletin.lagging)}个"
        entry = feed.add_entry(order="append")
        entry.id(f"urn:minsheng:{site.division_code}:bulletin:{bulletin.month}")
        entry.title(f"{chinese_month(bulletin.month)}民生实事进展通报")
        entry.link(href=link(addresses.published(at.bulletin(bulletin.month))))
        entry.published(_moment(bulletin.released))
        entry.updated(_moment(bulletin.released))
        entry.summary(f"截至{chinese_month(bulletin.month)}底，总体进度{percent(bulletin.overall)}，序时进度"
                      f"{percent(bulletin.expected)}；{lagging}，逾期未销号问题{len(bulletin.overdue)}个。")
    return feed.atom_str(pretty=True)


def _moment(day: dt.date) -> dt.datetime:
    """Midnight China Standard Time on `day`."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone(dt.timedelta(hours=8)))
