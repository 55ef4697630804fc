from pathlib import Path

import pytest

from minsheng.load.csv_file import decode, read_csv

COLUMNS = ["项目编号", "进展情况"]


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "2024-07.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_with_or_without_byte_order_mark(tmp_path, encoding):
    path = write(tmp_path, "项目编号,进展情况\r\n01,已完成\r\n".encode(encoding))
    table, problems = read_csv(path, "p.csv", COLUMNS)
    assert problems == []
    assert table.rows == [(2, {"项目编号": "01", "进展情况": "已完成"})]


def test_gbk_is_detected_and_reported_as_a_notice(tmp_path):
    text = "项目编号,进展情况\r\n01,已完成城镇新增就业任务的七成，正在推进社区就业服务\r\n"
    table, problems = read_csv(write(tmp_path, text.encode("gbk")), "p.csv", COLUMNS)
    assert table.rows[0][1]["进展情况"].startswith("已完成城镇")
    [notice] = problems
    assert notice.severity == "notice" and notice.code == "encoding" and "GBK" in notice.message


def test_mixed_encodings_are_an_error_naming_the_line(tmp_path):
    data = "项目编号,进展情况\r\n01,已完成\r\n".encode("utf-8") + "02,按计划推进\r\n".encode("gbk")
    text, problems = decode(data, "p.csv")
    assert text is None
    assert problems[0].line == 3 and "混用" in problems[0].message


def test_rows_are_numbered_as_excel_numbers_them(tmp_path):
    data = '项目编号,进展情况\r\n01,"第一行\r\n第二行"\r\n\r\n02,"他说""好"""\r\n'.encode("utf-8")
    table, problems = read_csv(write(tmp_path, data), "p.csv", COLUMNS)
    assert problems == []
    assert [number for number, _ in table.rows] == [2, 4]
    assert table.rows[0][1]["进展情况"] == "第一行\r\n第二行"
    assert table.rows[1][1]["进展情况"] == '他说"好"'


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "空的"),
        ("项目编号\r\n01\r\n".encode(), "缺少：进展情况"),
        ("项目编号,进展情况,备注\r\n".encode(), "多出：备注"),
        ("项目编号,进展情况\r\n01,好,多\r\n".encode(), "3个单元格"),
    ],
)
def test_structure_errors(tmp_path, data, words):
    table, problems = read_csv(write(tmp_path, data), "p.csv", COLUMNS)
    assert any(words in str(p) and p.severity == "error" for p in problems), problems


def test_header_only_is_an_empty_table(tmp_path):
    table, problems = read_csv(write(tmp_path, "项目编号,进展情况\r\n".encode()), "p.csv", COLUMNS)
    assert problems == [] and table.rows == []


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from minsheng.excel_csv import write_csv  # noqa: E402

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT), max_size=8), st.sampled_from(["utf-8-sig", "gb18030"]))
def test_any_cells_round_trip_through_a_file(tmp_path_factory, rows, encoding):
    """What we write (or Excel saves as GBK) reads back cell for cell, rows numbered as Excel does."""
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    write_csv(path, COLUMNS, [list(r) for r in rows])
    if encoding == "gb18030":
        path.write_bytes(path.read_bytes().decode("utf-8-sig").encode("gb18030"))
    table, problems = read_csv(path, "t.csv", COLUMNS)
    assert all(p.severity == "notice" for p in problems)
    kept = [r for r in rows if any(cell.strip() for cell in r)]  # blank rows are skipped, as Excel leaves them
    assert [tuple(cells[c] for c in COLUMNS) for _, cells in table.rows] == kept
