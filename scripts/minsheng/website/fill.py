"""The tables of figures render/ wrote as HTML, put into the built site where the engine left their places.

An item page's tables (its standards, indicators, money by source and output, and the two month-by-month tables
that are its charts' text alternatives) are most of its text: converting them to HTML and indexing them for
search took either engine half of its time on a province's 5,000 items. render/ writes them as HTML itself
(templates/tables.html.j2, kept in `fills.json` of the generated folder; the funds page's tables too, so that
each table has one template) and leaves an empty `<ms-fill data-key="…">` in the page; each engine writes it
into the page as the paragraph `<p><ms-fill data-key="…"></ms-fill></p>`, which is replaced here by the table.
The pages come out byte for byte as when the engine converted the tables; the search index has no rows of
figures (the page, its chart's data and the open data give them).

The charts and the links to the open data, which are written beside the engine (render.write_beside), are made
here too: a page's Markdown holds `<ms-img data-alt="…" data-src="…"></ms-img>` and `<ms-link data-href="…">…</ms-link>`,
which neither engine checks or rewrites, and which become the `<img alt="…" src="…" />` and `<a href="…">…</a>`
MkDocs wrote for the Markdown image and link when the files were in its folder (tests/website/test_links.py checks
that every one leads to a file).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import UserError

_PLACE = re.compile(r'<p><ms-fill data-key="([a-z]+)"></ms-fill></p>')
_LINK, _LINK_END = '<ms-link data-href="', "</ms-link>"
_IMAGE = re.compile(r'<ms-img data-alt="([^"]*)" data-src="([^"]*)"></ms-img>')


class FillError(UserError):
    pass


def fill_tables(site: Path, fills: Path) -> None:
    """Every place left in a built page of `site` filled with its table from `fills`, and its charts and links to the
    files beside the engine made. A template leaves a place for each table it keeps, so a place without its table, a
    table whose place the engine did not keep (it would be lost without a word), a place, chart or link in another
    form, or a page that is not there stops the build."""
    for page, tables in json.loads(fills.read_text(encoding="utf-8")).items():
        path = site / page
        if not path.is_file():
            raise FillError(f"构建出错：网站里没有页面 {page}，它的表格无处可放（{fills}）。")
        html = path.read_text(encoding="utf-8")
        places = _PLACE.findall(html)
        if html.count("<ms-fill") != len(places):
            raise FillError(f"构建出错：页面 {page} 里有表格的位置不是引擎应写成的样子（<p><ms-fill …></ms-fill></p>）。")
        if sorted(places) != sorted(tables):
            raise FillError(f"构建出错：页面 {page} 里表格的位置（{'、'.join(places) or '没有'}）"
                            f"与 {fills} 里的表格（{'、'.join(tables)}）对不上。")
        if not html.count("<ms-link") == html.count(_LINK) == html.count(_LINK_END):
            raise FillError(f"构建出错：页面 {page} 里有链接不是引擎应写成的样子（{_LINK}…\">…{_LINK_END}）。")
        html = _IMAGE.sub(r'<img alt="\1" src="\2" />', _PLACE.sub(lambda match: tables[match[1]], html))
        if "<ms-img" in html:
            raise FillError(f"构建出错：页面 {page} 里有图片不是引擎应写成的样子（<ms-img data-alt=\"…\" data-src=\"…\"></ms-img>）。")
        path.write_text(html.replace(_LINK, '<a href="').replace(_LINK_END, "</a>"), encoding="utf-8")
