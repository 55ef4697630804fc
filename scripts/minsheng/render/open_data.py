"""Open data (数据下载) written out: every table as CSV, JSON and XLSX, described by a Frictionless Data
Package with Table Schemas, plus one JSON file per item at a stable path (api/items/<id>.json).

CSV files are UTF-8 with a byte-order mark for Excel; their headers are the stable English field
names, and each field's Chinese title is in the schema and in the XLSX header.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from xlsxwriter import Workbook

from ..compute.open_data import Dataset
from ..compute.overview import ItemView
from ..compute.portal import Portal
from ..excel_csv import csv_bytes
from ..labels import STATUS
from .folder import Folder


def write_open_data(portal: Portal, folder: Folder) -> None:
    """Every table as CSV, JSON and XLSX, every chart's CSV, the data package, and one JSON per item."""
    for table in portal.datasets:
        target = f"downloads/data/{table.name}"
        folder.write(f"{target}.csv", _csv(table))
        folder.write(f"{target}.json", _json(table.records()))
        folder.write(f"{target}.xlsx", _xlsx(table))
    for figure in portal.figures:
        folder.write(figure.csv, csv_bytes(list(figure.header), [list(row) for row in figure.rows]))
    for view in portal.overview.items:
        folder.write(f"api/items/{view.item.id}.json", _json(_item_record(view)))
    resources = []
    for table in portal.datasets:
        schema = {"fields": [{"name": f.name, "type": f.type, "title": f.title, **({"description": f.description}
                                                                                    if f.description else {})}
                             for f in table.fields]}
        if table.primary_key:
            schema["primaryKey"] = list(table.primary_key)
        resources.append(_resource(table.name, f"data/{table.name}.csv", table.title, table.description, schema))
    for figure in portal.figures:  # every chart's CSV belongs to the package too
        name = Path(figure.csv).stem
        schema = {"fields": [{"name": h, "type": "string" if h == "月份" else "number"} for h in figure.header]}
        resources.append(_resource(f"chart-{name}", f"charts/{name}.csv", f"图表数据：{name}", figure.alt, schema))
    site, ov = portal.site, portal.overview
    package = {
        "name": f"minsheng-{site.division_code}-{ov.year.year}",
        "title": f"{site.district}{ov.year.year}年民生实事公开数据",
        "description": f"{ov.year.notice.title}（{ov.year.notice.document_number}）的项目、目标、进展、资金、问题和更正。"
                       + (f"{site.sample_data_banner}。" if site.sample_data else ""),
        "licenses": [{"name": site.open_data_licence.name, "title": site.open_data_licence.title,
                      "path": site.open_data_licence.path}],
        "sources": [{"title": ov.year.notice.title}],
        "resources": resources,
    }
    folder.write("downloads/datapackage.json", _json(package))


def _resource(name: str, path: str, title: str, description: str, schema: dict) -> dict:
    return {"name": name, "path": path, "title": title, "description": description, "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig", "schema": schema}


def _csv(table: Dataset) -> bytes:
    return csv_bytes([f.name for f in table.fields], [[_cell(v) for v in row] for row in table.rows])


def _item_record(view: ItemView) -> dict:
    record = view.item.model_dump(mode="json")
    record["category_name"] = view.category.name
    record["lead_unit_names"] = [u.name for u in view.units]
    record["status"] = STATUS[view.status][0]
    record["months"] = [
        {"month": m.month, "status": STATUS[m.status][0], "progress": m.progress, "expected": m.expected,
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
