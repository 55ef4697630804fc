"""Every address the site gives, built here and nowhere else.

A year is part of every year-specific address (`2024/items/01/`, `2024/bulletins/2024-09/`, the year's
funds, problems, corrections, downloads and charts), chosen once and never reused: when a new year becomes
current, every page of the year before stays where it was, with the same content. The site-wide pages (home,
与我有关, 名词解释, 我要反映, 网站地图, 关于本站, the feed) have no year and show the current one.

Addresses are paths in the generated folder (`2024/items/01.md`), which MkDocs and Zensical publish as
`2024/items/01/`; `published` gives that form. Templates get them from here and write them relative to the
page they are on; they never paste a path.
"""

from __future__ import annotations

from dataclasses import dataclass

# Site-wide pages and files.
HOME = "index.md"
GROUPS = "groups/index.md"
GLOSSARY = "about/glossary.md"
FEEDBACK = "feedback.md"
SITEMAP = "about/sitemap.md"
YEARS = "years.md"  # 历年对比: every year side by side
ABOUT = "about/index.md"
FEED = "feed.xml"
DATAPACKAGE = "datapackage.json"  # the data package of every year's open data
WORDS = "assets/words.json"  # residents' words for the current year's items, for an empty search (portal.js)


def group(key: str, number: int = 1) -> str:
    """A 与我有关 group's page (the current year's items), `number` of its pages."""
    return _numbered("groups", key, number)


PLACES = "places/index.md"  # the district's 乡镇


def place(key: str) -> str:
    """A 乡镇's page (the current year's items done there and district-wide)."""
    return f"places/{key}.md"


def place_qr(key: str) -> str:
    """The QR code to a 乡镇's page, printed on its notice-board sheet."""
    return f"places/qr/{key}.svg"


def relative(target: str, start: str) -> str:
    """The address `target` from the folder `start`, both addresses of the generated folder or the site (relative,
    without .. ; "" or "." the root): posixpath.relpath's answer without its work on absolute paths, which took a
    fifth of the time of writing a province's pages. 2024/charts/a.svg from 2024/items/01 → ../../charts/a.svg."""
    to = [part for part in target.split("/") if part and part != "."]
    at = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < len(to) and common < len(at) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


def published(target: str) -> str:
    """The address a page of the generated folder is published at: 2024/items/01.md → 2024/items/01/,
    2024/index.md → 2024/, a file (a download, a chart) as it is."""
    if not target.endswith(".md"):
        return target
    stem = target[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@dataclass(frozen=True)
class Addresses:
    """The addresses of one year's pages and files."""

    year: int

    def _at(self, path: str) -> str:
        return f"{self.year}/{path}"

    @property
    def index(self) -> str:
        """The year's own page: its list, its bulletins, its record."""
        return self._at("index.md")

    @property
    def record(self) -> str:
        """年度完成情况: every item in one table."""
        return self._at("record.md")

    def record_page(self, key: str, number: int = 1) -> str:
        """A page of 年度完成情况 (`key` is "record"), for a list longer than rules.record_page_size."""
        return self.record if number == 1 else _numbered(str(self.year), key, number)

    @property
    def cycle(self) -> str:
        """The year's cycle: 征集, 票决, 实施, 监督, 测评 (when the year had more than 实施)."""
        return self._at("cycle.md")

    def item(self, item_id: str) -> str:
        return self._at(f"items/{item_id}.md")

    @property
    def categories(self) -> str:
        return self._at("categories/index.md")

    def category(self, key: str, number: int = 1) -> str:
        return _numbered(self._at("categories"), key, number)

    @property
    def units(self) -> str:
        return self._at("units/index.md")

    def unit(self, key: str, number: int = 1) -> str:
        return _numbered(self._at("units"), key, number)

    @property
    def funds(self) -> str:
        return self._at("funds.md")

    @property
    def bulletins(self) -> str:
        return self._at("bulletins/index.md")

    def bulletin(self, month: str) -> str:
        return self._at(f"bulletins/{month}.md")

    @property
    def revisions(self) -> str:
        return self._at("revisions.md")

    @property
    def downloads(self) -> str:
        return self._at("downloads.md")

    @property
    def data_notes(self) -> str:
        """数据说明: how this year's figures are computed."""
        return self._at("data.md")

    def dataset(self, name: str, extension: str) -> str:
        return self._at(f"downloads/data/{name}.{extension}")

    @property
    def datapackage(self) -> str:
        return self._at("downloads/datapackage.json")

    def api_item(self, item_id: str) -> str:
        return self._at(f"api/items/{item_id}.json")

    def chart(self, key: str) -> str:
        return self._at(f"charts/{key}.svg")

    def chart_csv(self, key: str) -> str:
        return self._at(f"downloads/charts/{key}.csv")


def _numbered(folder: str, key: str, number: int) -> str:
    return f"{folder}/{key}{'' if number == 1 else f'-{number}'}.md"


def navigation(current: Addresses) -> list[dict[str, str]]:
    """The site's navigation (MkDocs' `nav`): the site-wide pages and the current year's sections."""
    return [{"首页": HOME}, {"与我有关": GROUPS}, {"年度完成情况": current.record}, {"项目分类": current.categories},
            {"牵头单位": current.units}, {"资金公开": current.funds}, {"月度通报": current.bulletins},
            {"更正记录": current.revisions}, {"数据下载": current.downloads}, {"数据说明": current.data_notes},
            {"历年对比": YEARS}, {"名词解释": GLOSSARY}, {"我要反映": FEEDBACK}, {"关于本站": ABOUT}]


def with_places(nav: list[dict[str, str]]) -> list[dict[str, str]]:
    """The navigation with 乡镇 after 与我有关, when data/ lists the district's 乡镇."""
    at = next(i for i, entry in enumerate(nav) if GROUPS in entry.values()) + 1
    return [*nav[:at], {"乡镇": PLACES}, *nav[at:]]
