"""Read one CSV file as the office saves it from Excel.

UTF-8 is accepted with or without a byte-order mark; anything else is identified with
charset-normalizer, and GBK/GB18030 (Excel's "CSV" on Chinese Windows) is read with a notice. Rows
are numbered as Excel numbers them (the header is row 1), whatever newlines the cells hold.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..problems import Problem

CHINESE_ENCODINGS = {"gb18030", "gbk", "gb2312", "hz"}
MAX_CELL = 10_000  # characters; a progress note is a few sentences


@dataclass(frozen=True)
class CsvTable:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (Excel row number, cells by column name)

    def column(self, name: str) -> int:
        """The 1-based column number of `name`, as Excel shows it."""
        return self.header.index(name) + 1


def decode(raw: bytes, shown_as: str, header: list[str] | None = None) -> tuple[str | None, list[Problem]]:
    """The file's text. Not UTF-8: GB18030 when the detector says Chinese, or when the known header reads
    correctly that way (certain even where a short file gives the detector too little to go on)."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    mixed = _mixed_line(raw)
    if mixed:
        return None, [Problem("encoding", shown_as, "文件混用了 UTF-8 和其他编码（可能是从不同文件复制粘贴的）",
                              line=mixed, expected="整个文件用同一种编码保存，最好是 UTF-8")]
    best = from_bytes(raw).best()
    encoding = best.encoding.replace("_", "").lower() if best else None
    if encoding in CHINESE_ENCODINGS or (header and _header_reads_as_gb18030(raw, header)):
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            return text, [Problem("encoding", shown_as, "文件按 GBK/GB18030 编码读取（Excel 在中文 Windows 上另存的 CSV）",
                                  value=best.encoding if best else "gb18030",
                                  expected="UTF-8（带 BOM）；下次可用 minsheng 生成的模板", severity="notice")]
    line = raw[:first_bad].count(b"\n") + 1
    return None, [Problem("encoding", shown_as, "无法识别文件编码，或文件混用了多种编码", line=line,
                          value=best.encoding if best else raw[first_bad:first_bad + 4].hex(" "),
                          expected="UTF-8 或 GBK 编码的 CSV 文件")]


def _header_reads_as_gb18030(raw: bytes, header: list[str]) -> bool:
    first = raw.split(b"\n", 1)[0].rstrip(b"\r")
    try:
        return [cell.strip() for cell in first.decode("gb18030").split(",")] == header
    except UnicodeDecodeError:
        return False


def _mixed_line(raw: bytes) -> int | None:
    """The first line that is not UTF-8 in a file where other non-ASCII lines are, or None."""
    utf8 = first_other = None
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8-sig" if number == 1 else "utf-8")
            utf8 = utf8 or number
        except UnicodeDecodeError:
            first_other = first_other or number
    return first_other if utf8 and first_other else None


def read_csv(path: Path, shown_as: str, columns: list[str]) -> tuple[CsvTable | None, list[Problem]]:
    """Read `path`, whose header must hold exactly `columns` (in any order)."""
    text, problems = decode(path.read_bytes(), shown_as, columns)
    if text is None:
        return None, problems
    if not text.strip():
        return None, problems + [Problem("csv-structure", shown_as, "文件是空的", expected=f"第1行为表头：{'，'.join(columns)}")]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = list(reader)
    except csv.Error as exc:
        return None, problems + [Problem("csv-structure", shown_as, f"CSV 格式错误（{exc}）", line=reader.line_num,
                                         expected="引号成对的 CSV")]
    header = [cell.strip() for cell in records[0]]
    missing = [c for c in columns if c not in header]
    extra = [h for h in header if h not in columns]
    if missing or extra:
        problems.append(Problem("csv-structure", shown_as, "表头与规定的列不一致", line=1,
                                value="，".join(header),
                                expected=f"恰好这些列：{'，'.join(columns)}"
                                + (f"（缺少：{'，'.join(missing)}）" if missing else "")
                                + (f"（多出：{'，'.join(extra)}）" if extra else "")))
        return None, problems
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        return None, problems + [Problem("csv-structure", shown_as, "表头有重复的列", line=1,
                                         value="，".join(duplicated), expected="每列只出现一次")]
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not "".join(record).strip():
            continue  # a blank row, as Excel leaves at the end
        if len(record) != len(header):
            problems.append(Problem("csv-structure", shown_as, f"这一行有{len(record)}个单元格，表头有{len(header)}列",
                                    line=number, value="，".join(record)[:60], expected=f"{len(header)}个单元格"))
            continue
        for column, cell in enumerate(record, start=1) if max(map(len, record)) > MAX_CELL else ():
            if len(cell) > MAX_CELL:
                problems.append(Problem("csv-structure", shown_as, f"单元格过长（{len(cell)}个字符）", line=number,
                                        column=column, field=header[column - 1], value=cell[:20],
                                        expected=f"不超过{MAX_CELL}个字符"))
                record[column - 1] = ""
        rows.append((number, dict(zip(header, record))))
    return CsvTable(header, rows), problems
