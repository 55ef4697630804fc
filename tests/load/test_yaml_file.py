from pathlib import Path

import pytest

from minsheng.load.yaml_file import read_yaml


def read(tmp_path: Path, text: str | bytes):
    path = tmp_path / "t.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_yaml(path, "data/t.yaml")


def test_values_keep_their_lines(tmp_path):
    document, problems = read(tmp_path, "a: 1\nb:\n  - x: 2\n  - x: 3\n")
    assert problems == []
    assert document.data == {"a": 1, "b": [{"x": 2}, {"x": 3}]}
    assert document.position(("b", 1, "x")) == (4, 5)
    assert document.position(("b", 1, "missing")) == (4, 5)  # falls back to the nearest parent


def test_duplicate_key_is_reported_with_both_lines(tmp_path):
    document, problems = read(tmp_path, "id: '01'\ntitle: 甲\nid: '02'\n")
    assert [p.code for p in problems] == ["yaml-duplicate-key"]
    assert problems[0].line == 3
    assert "第1行已有" in problems[0].message
    assert document.data["id"] == "01"  # the first value is kept and the file is still read


def test_aliases_are_refused(tmp_path):
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n'
    document, problems = read(tmp_path, bomb)
    assert document is None
    assert [p.code for p in problems] == ["yaml-alias"]
    assert problems[0].line == 1


def test_an_anchor_alone_is_refused_and_a_star_in_text_is_not_an_alias(tmp_path):
    document, problems = read(tmp_path, "id: '01'\nunit: &u 民政局\n")
    assert document is None and [p.code for p in problems] == ["yaml-alias"] and problems[0].line == 2
    document, problems = read(tmp_path, "id: '01'\nnote: 联系电话 138****1234 & 座机\n")
    assert problems == [] and document.data["note"] == "联系电话 138****1234 & 座机"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a:\n\tb: 1\n", 2, "制表符"),
        ('a: "abc\n', 2, "截断"),
        ("x: 1\ny\nz: 2\n", 3, "缺少冒号"),
        ("a: 1\n b: 2\n", 2, "冒号后缺空格"),
    ],
)
def test_syntax_errors_name_line_in_chinese(tmp_path, text, line, words):
    document, problems = read(tmp_path, text)
    assert document is None
    assert problems[0].code == "yaml-syntax"
    assert problems[0].line == line
    assert words in problems[0].message


def test_gbk_file_is_an_encoding_error_with_its_line(tmp_path):
    document, problems = read(tmp_path, "id: '01'\ntitle: 促进就业\n".encode("gbk"))
    assert document is None
    assert problems[0].code == "encoding"
    assert problems[0].line == 2
    assert "UTF-8" in str(problems[0])


def test_byte_order_mark_is_accepted(tmp_path):
    document, problems = read(tmp_path, "\ufeffa: 1\n")
    assert problems == [] and document.data == {"a": 1}
