"""Open data (数据下载) written out: each year's tables as CSV, JSON and XLSX, described by the year's
Frictionless Data Package with Table Schemas, plus one JSON file per item at a stable path
(2024/api/items/<id>.json); and a data package at the site's root describing every year's files.

CSV files are UTF-8 with a byte-order mark for Excel; their headers are the stable English field
names, and each field's Chinese title is in the schema and in the XLSX header.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import posixpath
from pathlib import Path

from xlsxwriter import Workbook

from ..compute.open_data import Dataset
from ..compute.overview import ItemView
from ..compute import addresses
from ..compute.portal import Portal, Portals
from ..excel_csv import csv_bytes
from .folder import Folder


def write_open_data(portals: Portals, folder: Folder) -> None:
    """Each year's tables, charts' CSV, data package and item files under its own addresses; and one data
    package at the site's root describing every year's."""
    everything = []
    for portal in portals.years:
        resources = _write_year(portal, folder)
        year = portal.notice.year
        everything += [{**r, "name": f"{r['name']}-{year}", "path": posixpath.join(_folder(portal), r["path"]),
                        "title": f"{year}年：{r['title']}"} for r in resources]
    site, current = portals.current.site, portals.current
    years = [p.notice.year for p in portals.years]
    package = {
        "name": f"minsheng-{site.division_code}",
        "title": f"{site.district}民生实事公开数据（{years[0]}—{years[-1]}年）" if len(years) > 1
                 else f"{site.district}{years[0]}年民生实事公开数据",
        "description": "各年度民生实事的项目、目标、进展、资金、问题和更正，每个文件的名称和路径都带有年份："
                       + "；".join(f"{p.notice.year}年依据{p.notice.title}（{p.notice.document_number}）"
                                  for p in portals.years) + "。"
                       + (f"{site.sample_data_banner}。" if site.sample_data else ""),
        "licenses": _licences(current),
        "sources": [{"title": p.notice.title} for p in portals.years],
        "resources": everything,
    }
    folder.write(addresses.DATAPACKAGE, _json(package))


def _folder(portal: Portal) -> str:
    return posixpath.dirname(portal.at.datapackage)


def _licences(portal: Portal) -> list[dict]:
    licence = portal.site.open_data_licence
    return [{"name": licence.name, "title": licence.title, "path": licence.path}]


def _write_year(portal: Portal, folder: Folder) -> list[dict]:
    """Every table as CSV, JSON and XLSX, every chart's CSV, the year's data package, and one JSON per item;
    returns the package's resources."""
    at = portal.at
    for table in portal.datasets:
        folder.write(at.dataset(table.name, "csv"), _csv(table))
        folder.write(at.dataset(table.name, "json"), _json(table.records()))
        folder.write(at.dataset(table.name, "xlsx"), _xlsx(table))
    for figure in portal.figures:
        folder.write(figure.csv, csv_bytes(list(figure.header), [list(row) for row in figure.rows]))
    for view in portal.overview.items:
        folder.write(at.api_item(view.item.id), _json(_item_record(view, at.year)))
    home = _folder(portal)
    resources = []
    for table in portal.datasets:
        schema = {"fields": [{"name": f.name, "type": f.type, "title": f.title, **({"description": f.description}
                                                                                    if f.description else {})}
                             for f in table.fields]}
        if table.primary_key:
            schema["primaryKey"] = list(table.primary_key)
        resources.append(_resource(table.name, addresses.relative(at.dataset(table.name, "csv"), home), table.title,
                                   table.description, schema))
    for figure in portal.figures:  # every chart's CSV belongs to the package too
        name = Path(figure.csv).stem
        schema = {"fields": [{"name": h, "type": "string" if h == "月份" else "number"} for h in figure.header]}
        resources.append(_resource(f"chart-{name}", addresses.relative(figure.csv, home), f"图表数据：{name}",
                                   figure.alt, schema))
    site, ov = portal.site, portal.overview
    package = {
        "name": f"minsheng-{site.division_code}-{ov.year.year}",
        "title": f"{site.district}{ov.year.year}年民生实事公开数据",
        "description": f"{ov.year.notice.title}（{ov.year.notice.document_number}）的项目、目标、进展、资金、问题和更正。"
                       + (f"{site.sample_data_banner}。" if site.sample_data else ""),
        "licenses": _licences(portal),
        "sources": [{"title": ov.year.notice.title}],
        "resources": resources,
    }
    folder.write(at.datapackage, _json(package))
    return resources


def _resource(name: str, path: str, title: str, description: str, schema: dict) -> dict:
    return {"name": name, "path": path, "title": title, "description": description, "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig", "schema": schema}


def _csv(table: Dataset) -> bytes:
    return csv_bytes([f.name for f in table.fields], [[_cell(v) for v in row] for row in table.rows])


def _item_record(view: ItemView, year: int) -> dict:
    record = {"year": year, **view.item.model_dump(mode="json")}
    record["category_name"] = view.category.name
    record["lead_unit_names"] = [u.name for u in view.units]
    record["status"] = view.status.word
    record["months"] = [
        {"month": m.month, "status": m.status.word, "progress": m.progress, "expected": m.expected,
         "note": m.note or None,
         "indicators": [{"indicator": x.indicator.id, "value": x.value, "percent": x.percent, "met": x.met}
                        for x in m.indicators],
         "funds": None if f is None else {"planned": f.planned, "in_place": f.in_place, "disbursed": f.disbursed}}
        for m, f in zip(view.history, view.funds_history)]
    return record


def _cell(value: object) -> object:
    return "" if value is None else ("true" if value is True else "false" if value is False else value)


def _json(content: object) -> bytes:
    """Compact: Python's C encoder writes it, five times faster than indented JSON, and it is smaller."""
    return (json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=_default) + "\n").encode("utf-8")


def _default(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value))


def _xlsx(table: Dataset) -> bytes:
    """The table as a workbook, the same bytes each build (XlsxWriter dates the zip entries 1980-01-01).

    Text is written as text: a cell beginning with = is not a formula, nor an address a link."""
    buffer = io.BytesIO()
    workbook = Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                 "strings_to_numbers": False})
    workbook.set_properties({"created": dt.datetime(2000, 1, 1)})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet = workbook.add_worksheet(table.title)
    sheet.write_row(0, 0, [f.title for f in table.fields])
    writers = {"string": lambda r, c, v: sheet.write_string(r, c, str(v)), "integer": sheet.write_number,
               "number": sheet.write_number, "boolean": sheet.write_boolean,
               "date": lambda r, c, v: sheet.write_datetime(r, c, v, day) if isinstance(v, dt.date)
               else sheet.write_string(r, c, v),  # a date kept as ISO text stays text
               "any": lambda r, c, v: (sheet.write_boolean if isinstance(v, bool) else sheet.write_string
                                       if isinstance(v, str) else sheet.write_number)(r, c, v)}
    columns = [(column, writers[f.type]) for column, f in enumerate(table.fields)]  # by the schema's type
    for number, row in enumerate(table.rows, start=1):
        for column, write in columns:
            if row[column] is not None:
                write(number, column, row[column])
    workbook.close()
    return buffer.getvalue()
