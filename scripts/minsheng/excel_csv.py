"""CSV as Excel on Chinese Windows opens it: UTF-8 with a byte-order mark, CRLF line ends."""

from __future__ import annotations

import csv
import io
from pathlib import Path


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8", newline="")
