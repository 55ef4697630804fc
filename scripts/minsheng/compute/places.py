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
class PlacePage:
    place: Place
    target: str  # its page in the generated folder
    here: tuple[ItemView, ...]  # items that name this place
    district_wide: tuple[ItemView, ...]  # items that name no place: done across the district
    url: str | None  # the page's full address (for the printed sheet's QR code), once site.yaml gives the site's

    @property
    def district_wide_count(self) -> int:
        return len(self.district_wide)


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
    pages = tuple(PlacePage(place, addresses.place(place.id),
                            tuple(view for view in tasks if place.name in view.item.places), wide,
                            site_url + addresses.published(addresses.place(place.id)) if site_url else None)
                  for place in listed.places)
    return Places(listed.source, pages, sum(1 for view in tasks if view.item.places))


def places_dataset(found: Places) -> Dataset:
    """One row per 乡镇 and item done there, district-wide items included for every 乡镇."""
    return Dataset("places", "乡镇", "每个乡镇实施的项目：本乡镇的，和全区实施（没有写明乡镇）的", (
        F("place", "string", "乡镇编号"), F("place_name", "string", "乡镇名称"), F("kind", "string", "类型", "镇 或 乡"),
        F("item", "string", "项目编号"), F("scope", "string", "范围", "本乡镇：项目写明在本乡镇实施；全区：没有写明乡镇")),
        tuple((page.place.id, page.place.name, page.place.kind, view.item.id, scope)
              for page in found.pages
              for views, scope in ((page.here, "本乡镇"), (page.district_wide, "全区")) for view in views),
        ("place", "item"))
