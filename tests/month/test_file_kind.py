"""Files handed in by mistake, named for what they are by their bytes (whatever their names say), with the one
step that fixes it in the office's words: never a folder of the repository, never a command."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from minsheng.month.file_kind import not_a_workbook

JPEG = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"  # a photo's header, and a comma
        + b"\xff\xdb\x00C\x00" + bytes(range(64)) + b",,,\xff\xd9")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
UNICODE_TEXT = "项目编号\t项目名称\t截至月底累计\r\n01\t促进重点群体稳定就业\t1190\r\n".encode("utf-16")  # Excel's "Unicode 文本"
WORD_97 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "WordDocument".encode("utf-16-le") + b"\x00" * 64
XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "Workbook".encode("utf-16-le") + b"\x00" * 64


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def workbook_bytes() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


CASES = [
    ("2024-12.xlsx", JPEG, "这是一张图片（JPG），不是 Excel 表格", "不要交截图或照片"),
    ("月报截图.png", PNG, "这是一张图片（PNG）", "不要交截图或照片"),
    ("2024-12.pdf", PDF, "这是 PDF 文件", "不要打印或导出成 PDF"),
    ("2024-12.txt", UNICODE_TEXT, "这是 Excel 的“Unicode 文本”文件", "保存类型选“Excel 工作簿（*.xlsx）”"),
    ("2024-12.doc", WORD_97, "这是 Word 文档（.doc）", "交回在 Excel 或 WPS 中填好的表格本身"),
    ("2024-12.xls", XLS, "这是旧版 Excel 文件（.xls）", "另存为"),
    ("2024-12.docx", zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}), "这是 Word 文档（.docx）", "不要把表格内容复制到 Word 里"),
    ("月报.zip", zipped({"月报/2024-12.xlsx": workbook_bytes()}), "这是一个压缩包，里面有表格“2024-12.xlsx”", "解压"),
    ("月报.zip", zipped({"说明.txt": b"hi"}), "这是一个压缩包（.zip）", "不要压缩"),
    ("2024-12.csv", "项目编号,截至月底累计\r\n01,1190\r\n".encode("gbk"), "这是 CSV 文件", "另存为"),
    ("2024-12.xlsx", b"PK\x03\x04" + b"\x00" * 200, "这个文件已损坏", "再交回一次"),
    ("2024-12.xlsx", b"", "这个文件是空的", "交回在 Excel 或 WPS 中填好的表格本身"),
]


@pytest.mark.parametrize(("name", "content", "what", "step"), CASES, ids=[f"{c[0]}-{c[2][:8]}" for c in CASES])
def test_a_file_is_named_for_what_it_is_with_the_step_that_fixes_it(tmp_path: Path, name, content, what, step):
    path = tmp_path / name
    path.write_bytes(content)
    problem = not_a_workbook(path, name)
    assert problem is not None and problem.code == "not-a-workbook" and problem.severity == "error"
    assert what in problem.message and step in problem.expected
    assert "data/" not in str(problem) and "minsheng" not in str(problem)  # the office's words


def test_a_workbook_is_a_workbook_whatever_its_name(tmp_path: Path):
    path = tmp_path / "月报（终稿）.bin"
    path.write_bytes(workbook_bytes())
    assert not_a_workbook(path, path.name) is None
