"""What a file handed in as the month's workbook really is, named in the office's words with the one step that
fixes it: a picture, a PDF, a Word file, Excel's "Unicode 文本", a CSV file, a zip that is no workbook, an old
.xls. The bytes decide (the `filetype` library reads the signatures), never the file's name alone: a photo
named 2024-08.xlsx is still a photo.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import filetype

from ..problems import Problem

SAVE_AS = "在 Excel 或 WPS 中打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再交回保存好的 .xlsx 文件"
HAND_IN = "交回在 Excel 或 WPS 中填好的表格本身（.xlsx 文件）"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97–2003 files: .xls, .doc, .et, .wps
_WORD_STREAM = "WordDocument".encode("utf-16-le")


def not_a_workbook(path: Path, shown_as: str) -> Problem | None:
    """None for an .xlsx workbook; otherwise what the file is, and what to hand in instead."""
    raw = path.read_bytes()
    said = _what(path, raw)
    if said is None:
        return None
    what, step = said
    return Problem("not-a-workbook", shown_as, f"{what}，不是 Excel 表格", value=path.name, expected=step)


def _what(path: Path, raw: bytes) -> tuple[str, str] | None:
    if not raw.strip():
        return "这个文件是空的", HAND_IN
    if raw.startswith(_OLE):
        if _WORD_STREAM in raw:
            return "这是 Word 文档（.doc）", f"{HAND_IN}，不要把表格内容复制到 Word 里"
        return "这是旧版 Excel 文件（.xls）", SAVE_AS
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "这是 Excel 的“Unicode 文本”文件（另存为“Unicode 文本”时得到的 .txt）", SAVE_AS
    if zipfile.is_zipfile(path):
        return _zipped(path)
    kind = filetype.guess(raw[:8192])
    if kind is not None and kind.extension == "zip":  # a zip's signature without a zip's directory: cut short
        return "这个文件已损坏（可能没有下载或上传完整），打不开", "重新保存表格，再交回一次"
    if kind is not None:
        if kind.mime.startswith("image/"):
            return f"这是一张图片（{kind.extension.upper()}）", f"{HAND_IN}，不要交截图或照片"
        if kind.extension == "pdf":
            return "这是 PDF 文件", f"{HAND_IN}，不要打印或导出成 PDF"
        if kind.extension == "rtf":
            return "这是 Word 文档（.rtf）", HAND_IN
        return f"这是 {kind.extension} 文件", HAND_IN
    text = _text(raw)
    if text is None:
        return "这个文件打不开，不是 Excel 表格", HAND_IN
    if "," in text.split("\n", 1)[0] or path.suffix.lower() == ".csv":
        return "这是 CSV 文件", SAVE_AS
    if "\t" in text.split("\n", 1)[0]:
        return "这是文本文件（.txt）", SAVE_AS
    return "这是文本文件", HAND_IN


def _zipped(path: Path) -> tuple[str, str] | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return "这个文件已损坏，打不开", "在 Excel 或 WPS 中打开表格后“另存为” Excel 工作簿（.xlsx），再交回"
    if "xl/workbook.xml" in names:
        return None
    if "word/document.xml" in names:
        return "这是 Word 文档（.docx）", f"{HAND_IN}，不要把表格内容复制到 Word 里"
    if "ppt/presentation.xml" in names:
        return "这是 PowerPoint 演示文稿", HAND_IN
    inside = [name.rsplit("/", 1)[-1] for name in names if name.lower().endswith((".xlsx", ".xls"))]
    if inside:
        return (f"这是一个压缩包，里面有表格“{inside[0]}”", "把压缩包解压，交回里面的表格本身，不要压缩")
    return "这是一个压缩包（.zip）", f"{HAND_IN}，不要压缩"


def _text(raw: bytes) -> str | None:
    """The file's beginning as text, or None for bytes that are no text (a character cut at the end is no fault)."""
    head = raw[:4096]
    for encoding in ("utf-8-sig", "gb18030"):
        for cut in range(4 if len(raw) > len(head) else 1):
            try:
                return head[:len(head) - cut].decode(encoding)
            except UnicodeDecodeError:
                continue
    return None
