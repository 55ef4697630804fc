"""What the office hands in, the way Excel and WPS store it. Each case is a workbook (the month's own,
from `minsheng export`, then changed as a person would change it) or a CSV file, and what must come of
it: the value read into data/, or a message naming where and what, with data/ byte for byte as before.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import DATA, unpublish
from minsheng.cli import main

MONTH = "2024-12"
PROGRESS = Path("2024") / "progress" / f"{MONTH}.csv"
FUNDS = Path("2024") / "funds" / f"{MONTH}.csv"
FIXTURES = Path(__file__).parent


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path, Path], Path | None]  # (exported, scratch) → a file to import; or (data, scratch) → None
    shown: str = ""  # a refused case: the message (sheet, row, column, what); data/ stays as it was
    read: tuple[str, str, str, str] | None = None  # an accepted case: (file, item, indicator or source, header)
    value: str = ""  # … and the cell's text in data/ afterwards
    notice: str = ""  # an accepted case may say what it did


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def cell_in(data: Path, file: str, item: str, key: str, header: str) -> str:
    path = data / (PROGRESS if file == "progress" else FUNDS)
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("gb18030")
    keyed = "指标编号" if file == "progress" else "资金来源"
    for row in csv.DictReader(io.StringIO(text)):
        if row["项目编号"] in (item, item.lstrip("0")) and row[keyed] == key:  # as saved, or after Excel lost the 0
            return row[header]
    raise AssertionError(f"no row {item}/{key} in {path}")


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """December's own workbook, as `minsheng export` makes it from the shipped data (once for every case)."""
    folder = tmp_path_factory.mktemp("exported")
    shutil.copytree(DATA, folder / "data")
    unpublish(folder / "data")
    assert main(["export", MONTH, "--xlsx", str(folder / f"{MONTH}.xlsx"), "--data", str(folder / "data")]) == 0
    return folder / f"{MONTH}.xlsx"


def workbook(change: Callable) -> Callable[[Path, Path], Path]:
    """December's own workbook, changed by `change(book)` as a person would in Excel, with a word more on item 50's
    progress (a workbook handed back exactly as it was sent is refused: test_monthly tests that)."""
    def make(exported: Path, scratch: Path) -> Path:
        path = scratch / f"{MONTH}.xlsx"
        shutil.copyfile(exported, path)
        book = load_workbook(path)
        sheet = book["进展"]
        note = sheet.cell(row=row_of(sheet, "50"), column=[c.value for c in sheet[1]].index("进展情况") + 1)
        note.value = f"{note.value or ''}（已核实）"
        change(book)
        book.save(path)
        return path
    return make


def row_of(sheet, item: str, key: str = "") -> int:
    header = [c.value for c in sheet[1]]
    keyed = header.index("指标编号" if "指标编号" in header else "资金来源")
    for cells in sheet.iter_rows(min_row=2):
        if cells[0].value == item and (cells[keyed].value or "") == key:
            return cells[0].row
    raise AssertionError(f"no row {item}/{key}")


def put(sheet_name: str, item: str, key: str, header: str, value, number_format: str | None = None):
    def change(book) -> None:
        sheet = book[sheet_name]
        column = [c.value for c in sheet[1]].index(header) + 1
        cell = sheet.cell(row=row_of(sheet, item, key), column=column)
        cell.value = value
        if number_format:
            cell.number_format = number_format
    return change


def text_cell(text: str) -> Callable:
    """Typed into item 01's 进展情况, a text cell (@): Excel keeps "=已完成" as text there, not as a formula."""
    def change(book) -> None:
        sheet = book["进展"]
        cell = sheet.cell(row=row_of(sheet, "01"), column=[c.value for c in sheet[1]].index("进展情况") + 1)
        cell.value, cell.data_type = text, "s"
    return change


def both(*changes: Callable) -> Callable:
    def change(book) -> None:
        for one in changes:
            one(book)
    return change


def ids_as_numbers(book) -> None:
    """Every item id typed again as a number: 01 becomes the number 1 in a General cell."""
    for sheet in (book["进展"], book["资金"]):
        for cells in sheet.iter_rows(min_row=2):
            if cells[0].value and cells[0].value.isdigit():
                cells[0].value, cells[0].number_format = int(cells[0].value), "General"


def total_row(book) -> None:
    sheet = book["资金"]
    sheet.append(["合计", "", "", 100, 90, 80, "", ""])


def blank_row_then_bad(book) -> None:
    """A blank row in the middle (the CSV has no such row), then a bad figure below it: named by the sheet's row."""
    sheet = book["进展"]
    sheet.insert_rows(5)
    column = [c.value for c in sheet[1]].index("截至月底累计") + 1
    sheet.cell(row=row_of(sheet, "02", "subsidies-paid"), column=column).value = "很多"


def rename_sheet(book) -> None:
    book["进展"].title = "进度"


def extra_column(book) -> None:
    sheet = book["进展"]
    sheet.cell(row=1, column=sheet.max_column + 1).value = "备注"


def drop_column(book) -> None:
    book["资金"].delete_cols(7)


def merge(book) -> None:
    book["进展"].merge_cells("H2:H3")


def hide_row(book) -> None:
    book["进展"].row_dimensions[3].hidden = True


def filtered(book) -> None:
    """An autofilter that hides most rows: one notice, not one per row."""
    sheet = book["进展"]
    sheet.auto_filter.ref = sheet.dimensions
    for row in range(3, 60):
        sheet.row_dimensions[row].hidden = True


def wps_sheet(book) -> None:
    book.create_sheet("Sheet1").append(["填表说明"])  # as WPS adds one


def other_month(book) -> None:
    book["说明"]["B1"] = "2024-11"


def no_month(book) -> None:
    book.remove(book["说明"])
    book.properties.keywords = None


def csv_file(transform: Callable[[str], bytes]) -> Callable[[Path, Path], None]:
    """December's progress CSV as another program saved it (the validate route: no import)."""
    def edit(data: Path, _: Path) -> None:
        path = data / PROGRESS
        path.write_bytes(transform(path.read_text(encoding="utf-8-sig")))
    return edit


def excel_round_trip(text: str) -> bytes:
    """Opened in Excel on Chinese Windows and saved as CSV: leading zeros gone, GBK, no byte-order mark."""
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows[1:]:
        row[0] = row[0].lstrip("0") if row[0].startswith("0") else row[0]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("gbk")


def to_import(name: str) -> Callable[[Path, Path], Path]:
    def make(_: Path, scratch: Path) -> Path:
        target = scratch / name
        shutil.copyfile(FIXTURES / "report.xls", target) if name.endswith(".xls") else target.write_text(
            "项目编号,截至月底累计\n01,1180\n", encoding="gbk")
        return target
    return make


JOBS = ("progress", "01", "new-urban-jobs", "截至月底累计")
SHARE = ("progress", "21", "public-kindergarten-share", "截至月底累计")  # a percentage: unit %
NOTE = ("progress", "01", "", "进展情况")
IN_PLACE = ("funds", "01", "中央", "累计到位（万元）")

CASES = [
    # numbers as Excel stores them
    Case("number-cell", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", 1180)), read=JOBS, value="1180"),
    Case("number-cell-float", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", 1180.0)), read=JOBS, value="1180"),
    Case("percent-cell", workbook(put("进展", "21", "public-kindergarten-share", "截至月底累计", 0.625, "0.0%")),
         read=SHARE, value="62.5%"),
    Case("percent-cell-whole", workbook(put("进展", "21", "public-kindergarten-share", "截至月底累计", 0.63, "0%")),
         read=SHARE, value="63%"),
    Case("percent-cell-two-decimals", workbook(put("进展", "21", "public-kindergarten-share", "截至月底累计", 0.6266, "0.00%")),
         read=SHARE, value="62.66%"),
    Case("percent-text", workbook(put("进展", "21", "public-kindergarten-share", "截至月底累计", "62.5%")), read=SHARE,
         value="62.5%"),
    Case("percent-cell-on-a-count", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", 0.5, "0%")),
         shown="工作表“进展” 第3行第7列：错误[number] 字段 截至月底累计：这个指标的单位是“人”，不是百分比"),
    Case("many-decimals", workbook(put("资金", "01", "中央", "累计到位（万元）", 0.461234567)), read=IN_PLACE,
         value="0.461235", notice="数值的小数超过6位，已按6位小数读作 0.461235"),
    Case("money-with-unit", workbook(put("资金", "01", "中央", "累计到位（万元）", "0.5万元")), read=IN_PLACE, value="0.5万元",
         notice="去掉单位“万元”"),
    Case("thousands-text", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", "1,180")), read=JOBS, value="1,180",
         notice="去掉千位分隔符"),
    Case("full-width-digits", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", "１１８０")), read=JOBS,
         value="１１８０", notice="全角字符改为半角"),
    Case("about-300", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", "约300")),
         shown="工作表“进展” 第3行第7列：错误[number] 字段 截至月底累计：含有数字以外的文字或符号"),
    Case("negative", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", -5)),
         shown="工作表“进展” 第3行第7列：错误[number] 字段 截至月底累计：不能为负数"),
    Case("formula", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", "=1000+180")),
         shown="工作表“进展” 第3行第7列：错误[number] 字段 截至月底累计：单元格是公式"),
    Case("logical", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", True)),
         shown="工作表“进展” 第3行第7列：错误[wrong-type] 字段 截至月底累计：单元格是逻辑值"),
    Case("percent-shown-rounded", workbook(put("进展", "21", "public-kindergarten-share", "截至月底累计", 0.62456, "0.0%")),
         read=SHARE, value="62.5%", notice="格子里存的是 62.456%，显示为 62.5%，按显示的 62.5% 读取"),
    Case("number-shown-rounded", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", 1180.4, "0")), read=JOBS,
         value="1180", notice="格子里存的是 1180.4，显示为 1180，按显示的 1180 读取"),
    Case("fraction-of-a-person", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", 1180.5)),
         shown="工作表“进展” 第3行第7列：错误[whole-number] 字段 截至月底累计：以“人”计的数不能有小数；发现的值：1180.5"),
    Case("percent-as-a-fraction", workbook(put("进展", "21", "public-kindergarten-share", "截至月底累计", 0.8)),
         shown="工作表“进展” 第51行第7列：错误[percent-scale] 字段 截至月底累计：比上月（2024-11：61.88%）小得多，像是把百分数写成了小数；发现的值：0.8；应为：按百分数填写（如 80）"),
    Case("typed-into-the-target", workbook(put("进展", "01", "new-urban-jobs", "年度目标", 1180)),
         shown="工作表“进展” 第3行第6列：错误[not-read-back] 字段 年度目标：灰色的列只供参考，这里的改动不会读回；发现的值：“1180”；"
               "应为：改回原样（1150）；截至本月底的数填在“截至月底累计”列"),
    Case("renamed-item", workbook(put("进展", "01", "", "项目名称", "就业")),
         shown="工作表“进展” 第2行第2列：错误[not-read-back] 字段 项目名称：灰色的列只供参考"),
    Case("beyond-the-headers", workbook(lambda book: book["进展"].cell(row=3, column=12, value="已完成1180人")),
         shown="工作表“进展” 第3行第12列：错误[not-read-back] 表头以外的格子有内容，不会读回；发现的值：“已完成1180人”"),
    Case("text-beginning-with-equals", workbook(text_cell("=已完成")), read=NOTE, value="=已完成"),
    Case("id-with-a-wrong-check-digit", workbook(put("进展", "01", "", "进展情况", "经办人身份证340102199001010091")),
         shown="工作表“进展” 第2行第8列：错误[privacy] 字段 进展情况：含有居民身份证号码，个人信息不得公开；发现的值：“340…0091（中间已隐去）”"),
    # dates
    Case("date-in-a-figure", workbook(put("进展", "01", "new-urban-jobs", "截至月底累计", dt.datetime(2024, 12, 5), "yyyy/m/d")),
         shown="工作表“进展” 第3行第7列：错误[wrong-type] 字段 截至月底累计：单元格是日期格式；发现的值：“2024/12/5”"),
    Case("date-in-a-note", workbook(put("进展", "01", "", "进展情况", dt.datetime(2024, 12, 5), "yyyy/m/d")), read=NOTE,
         value="2024/12/5"),
    Case("chinese-date-in-a-note", workbook(put("进展", "01", "", "进展情况", dt.datetime(2024, 12, 5), 'yyyy"年"m"月"d"日"')),
         read=NOTE, value="2024年12月5日"),
    # ids
    Case("ids-typed-as-numbers", workbook(ids_as_numbers), read=JOBS, value="1150",
         notice="项目编号是数字（如 1），已按计划读作 01"),
    Case("id-formatted-00", workbook(put("进展", "01", "new-urban-jobs", "项目编号", 1, "00")), read=JOBS, value="1150"),
    Case("total-row", workbook(total_row),
         shown="工作表“资金” 第"),
    # the shape of the workbook
    Case("blank-row-moves-the-rows", workbook(blank_row_then_bad),
         shown="工作表“进展” 第8行第7列：错误[number] 字段 截至月底累计"),
    Case("renamed-sheet", workbook(rename_sheet), shown="错误[csv-structure] 缺少工作表“进展”"),
    Case("extra-column", workbook(extra_column), shown="表头与规定的列不一致（多了：备注）"),
    Case("missing-column", workbook(drop_column), shown="表头与规定的列不一致（缺少：资金说明）"),
    Case("hidden-row", workbook(hide_row), read=JOBS, value="1150", notice="有 1 行在 Excel 中被隐藏或筛选掉了（如第 3 行），已照常导入"),
    Case("autofilter", workbook(filtered), read=JOBS, value="1150", notice="有 57 行在 Excel 中被隐藏或筛选掉了（如第 3 行）"),
    Case("an-extra-sheet", workbook(wps_sheet), read=JOBS, value="1150", notice="工作表“Sheet1”不是规定的工作表，未导入"),
    Case("merged-cells", workbook(merge), shown="工作表“进展” 第2行第8列：错误[csv-structure] 有合并单元格 H2:H3"),
    Case("another-months-workbook", workbook(other_month), shown="错误[month] 这是 2024年11月 的表格，不能导入为 2024年12月"),
    Case("workbook-without-month", workbook(no_month), read=JOBS, value="1150", notice="工作簿没有注明月份，按 2024-12 导入"),
    Case("old-xls", to_import("report.xls"), shown="错误[not-a-workbook] 这是旧版 Excel 文件（.xls），不是 Excel 表格"),
    Case("csv-given-to-import", to_import("2024-12.csv"), shown="错误[not-a-workbook] 这是 CSV 文件，不是 Excel 表格；发现的值：“2024-12.csv”；应为：在 Excel 或 WPS 中打开它，点“文件 → 另存为”"),
    # personal numbers never reach the disk
    Case("mobile-in-a-note", workbook(put("进展", "01", "", "进展情况", "联系人电话13912345678")),
         shown="工作表“进展” 第2行第8列：错误[privacy] 字段 进展情况：含有手机号码"),
    Case("mobile-with-spaces", workbook(put("资金", "01", "中央", "资金说明", "经办人 139 1234 5678")),
         shown="工作表“资金” 第2行第7列：错误[privacy] 字段 资金说明：含有手机号码，个人信息不得公开；发现的值：“139…5678（中间已隐去）”"),
    Case("id-typed-as-a-number", workbook(put("进展", "01", "", "更正说明", 340102199001011000)),
         shown="工作表“进展” 第2行第9列：错误[privacy] 字段 更正说明：含有居民身份证号码"),
    # CSV files as other programs save them (validated where they are)
    Case("csv-after-excel", csv_file(excel_round_trip), read=JOBS, value="1150",
         notice="有 20 行的项目编号丢了开头的 0（如“1”），已按计划读作“01”"),
    Case("csv-gbk", csv_file(lambda text: text.encode("gbk")), read=JOBS, value="1150"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_office_input(case, data_copy, exported, tmp_path, capsys):
    unpublish(data_copy)  # December as a draft: a figure may change without a correction
    made = case.make(data_copy if case.make.__name__ == "edit" else exported, tmp_path)
    before = tree(data_copy)
    capsys.readouterr()
    if made is None:
        code = main(["validate", "--data", str(data_copy)])
    else:
        code = main(["import", str(made), "--month", MONTH, "--data", str(data_copy), "--force"])
    out = capsys.readouterr()
    printed = out.out + out.err
    assert "Traceback" not in printed and "Error" not in printed
    if case.shown:
        assert code == 1, printed[-3000:]
        assert case.shown in printed, printed[-3000:]
        assert tree(data_copy) == before  # refused: data/ byte for byte as it was
        return
    assert code == 0, printed[-3000:]
    assert "0 个错误" in printed, printed[-3000:]
    if case.notice:
        assert case.notice in printed, printed[-3000:]
    assert cell_in(data_copy, *case.read) == case.value  # the file holds the text the office saw


def test_a_refused_personal_number_is_written_nowhere(data_copy, exported, tmp_path, capsys, monkeypatch):
    """Not in data/, and not in the temporary copy either: the import refuses before writing anything."""
    unpublish(data_copy)
    path = workbook(put("进展", "01", "", "进展情况", "联系人电话13912345678"))(exported, tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    assert main(["import", str(path), "--month", MONTH, "--data", str(data_copy), "--force"]) == 1
    for folder in (data_copy, scratch):
        for file in folder.rglob("*"):
            assert not file.is_file() or b"13912345678" not in file.read_bytes(), file
