"""Render: the computed portal written out as files, and nothing computed here.

`write_site` writes what the engine reads: the Markdown pages (pages.py, from Jinja2 templates) with the
hand-written pages of content/ beside them, the Atom feed (feed.py), the residents' words an empty search offers
(assets/words.json), the QR codes of the 乡镇 pages (qr.py) and the words jieba keeps whole in the search index.

What no engine reads is written by `write_beside`, which website/build.py calls while the engine runs: the charts'
SVG (charts.py; each twice, the second with larger text for 长辈模式), the open data (open_data.py), and the
tables of figures the pages placed (fills.json, by the `write_tables` that `write_site` returns). A page holds
`<ms-fill>`, `<ms-img>` and `<ms-link>` where they go, which website/fill.py makes into HTML after the engine.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..compute import addresses
from ..compute.portal import Portals
from .charts import draw, large_path
from .feed import atom_feed
from .folder import Folder
from .open_data import write_open_data
from .pages import write_pages
from .qr import qr_svg


def write_site(portals: Portals, content: Path, docs: Path, search_words: Path) -> Callable[[Path], None]:
    """What the engine reads; returns `write_tables(path)`, which writes the tables of figures (fills.json)."""
    folder = Folder(docs)
    write_tables = write_pages(portals, content, folder)
    folder.write(addresses.FEED, atom_feed(portals))
    for town in portals.current.places.pages if portals.current.places else ():
        if town.url:  # once site.yaml gives the site's address
            folder.write(addresses.place_qr(town.place.id), qr_svg(town.url))
    folder.write(addresses.WORDS, json.dumps(portals.current.word_rows, ensure_ascii=False, separators=(",", ":")))
    words = sorted({word for portal in portals.years for word in portal.search_words})
    search_words.write_text("".join(f"{word}\n" for word in words), encoding="utf-8")
    return write_tables


def write_beside(portals: Portals, beside: Path, write_tables: Callable[[Path], None], fills: Path) -> None:
    """The charts (each twice, the second with larger text for 长辈模式) and the open data into the folder
    `beside`, laid out as in the built site; the tables of figures into `fills`."""
    write_tables(fills)
    folder = Folder(beside)
    for portal in portals.years:
        for figure in portal.figures:
            folder.write(figure.svg, draw(figure.chart))
            folder.write(large_path(figure.svg), draw(figure.chart, large=True))
    write_open_data(portals, folder)
