"""The 乡镇 pages: for each of the district's 乡镇 (data/places.yaml), the current year's items done there (those
whose `places` name it) and the items done district-wide (those that name no place), the one table of them all
for the open data, and the page's full address for its QR code once the site's address is set."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Place, PlacesFile
from . import addresses
from .open_data import Dataset, F
from .overview import ItemView, YearOverview


@dataclass(frozen=True)
class DoneHere:
    view: ItemView
    villages: str  # the 村 and 社区 of the 乡镇 the item names, as written (山岔村、芙蓉村), or "" for the whole 乡镇


@dataclass(frozen=True)
class PlacePage:
    place: Place
    target: str  # its page in the generated folder
    here: tuple[DoneHere, ...]  # items that name this place or its 村 and 社区
    district_wide: tuple[ItemView, ...]  # items that name no place: done across the district
    url: str | None  # the page's full address (for the printed sheet's QR code), once site.yaml gives the site's

    @property
    def district_wide_count(self) -> int:
        return len(self.district_wide)

    @property
    def villages(self) -> str:
        """The 村 and 社区 the office has listed for the 乡镇 (山岔村、芙蓉村), or ""."""
        return "、".join(self.place.villages)


@dataclass(frozen=True)
class Places:
    source: str  # where the list of 乡镇 comes from
    pages: tuple[PlacePage, ...]
    named: int  # items of the year that name any place (0 while the office has named none)


def places(listed: PlacesFile | None, ov: YearOverview, site_url: str | None) -> Places | None:
    if listed is None:
        return None
    tasks = [view for view in ov.items if not view.item.no_task]
    wide = tuple(view for view in tasks if not view.item.places)
    pages = tuple(PlacePage(place, addresses.place(place.id), _done_here(place, tasks), wide,
                            site_url + addresses.published(addresses.place(place.id)) if site_url else None)
                  for place in listed.places)
    return Places(listed.source, pages, sum(1 for view in tasks if view.item.places))


def _done_here(place: Place, tasks: list[ItemView]) -> tuple[DoneHere, ...]:
    """The items that name the 乡镇 or any of its 村 and 社区, each with the 村 and 社区 it names (none when it
    names the 乡镇 itself: done across it)."""
    found = []
    for view in tasks:
        named = [name for name in view.item.places if name in place.names()]
        if named:
            found.append(DoneHere(view, "" if place.name in named else "、".join(named)))
    return tuple(found)


def places_dataset(found: Places) -> Dataset:
    """One row per 乡镇 and item done there, district-wide items included for every 乡镇."""
    return Dataset("places", "乡镇", "每个乡镇实施的项目：本乡镇的，和全区实施（没有写明乡镇）的", (
        F("place", "string", "乡镇编号"), F("place_name", "string", "乡镇名称"), F("kind", "string", "类型", "镇 或 乡"),
        F("item", "string", "项目编号"), F("scope", "string", "范围", "本乡镇：项目写明在本乡镇实施；全区：没有写明乡镇"),
        F("villages", "string", "村和社区", "项目写明的本乡镇的村、社区，以“、”分隔；空：整个乡镇或全区")),
        tuple((page.place.id, page.place.name, page.place.kind, view.item.id, scope, villages)
              for page in found.pages
              for view, scope, villages in (*((row.view, "本乡镇", row.villages) for row in page.here),
                                            *((view, "全区", "") for view in page.district_wide))),
        ("place", "item"))
