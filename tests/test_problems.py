"""Problems: where a problem is (file names as the office sees them, from the data folder), and the catalogue of codes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import minsheng
from minsheng.cli import main
from minsheng.problems import CATALOGUE, Problem, ProblemType, _catalogue, relative


def test_file_names_are_shown_from_the_data_folder(tmp_path, monkeypatch):
    data = tmp_path / "data"
    (data / "2024").mkdir(parents=True)
    assert relative(data / "2024" / "notice.yaml", data) == "data/2024/notice.yaml"
    assert relative(data, data) == "data"
    (tmp_path / "link").symlink_to(data)  # reached through a link: named by the folder it leads to
    assert relative(tmp_path / "link" / "2024" / "notice.yaml", tmp_path / "link") == "data/2024/notice.yaml"
    assert relative(tmp_path / "mkdocs.yml", data) == "mkdocs.yml"  # beside the data folder
    monkeypatch.chdir(data)  # the data folder given as "."
    assert relative(Path("2024/notice.yaml"), Path(".")) == "data/2024/notice.yaml"
    monkeypatch.chdir(data / "2024")
    assert relative(Path("notice.yaml"), Path(".")) == "2024/notice.yaml"


# The catalogue of problem codes: every code the source writes is in it, and every entry is written somewhere.

SOURCE = Path(minsheng.__file__).parent


def codes_in_source(folder: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The codes the source makes problems with, and the codes it compares a problem's code to, each with
    where (file:line). A problem is made by `Problem("code", …)`, by a source file's `.problem("code", …)`
    and by the validators' local `add("code", …)`; a code is compared in `p.code != "code"` and the like."""
    made: dict[str, list[str]] = {}
    compared: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        where = path.relative_to(folder).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Call) and node.args and _is_string(node.args[0]):
                func = node.func
                if (isinstance(func, ast.Name) and func.id in ("Problem", "add")
                        or isinstance(func, ast.Attribute) and func.attr == "problem"):
                    made.setdefault(node.args[0].value, []).append(f"{where}:{node.lineno}")
            elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute) and node.left.attr == "code":
                for other in node.comparators:
                    for constant in other.elts if isinstance(other, (ast.Tuple, ast.List, ast.Set)) else [other]:
                        if _is_string(constant):
                            compared.setdefault(constant.value, []).append(f"{where}:{node.lineno}")
    return made, compared


def _is_string(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def catalogue_gaps(made: dict, compared: dict, catalogue: dict) -> tuple[list[str], list[str]]:
    """(codes written in the source but not in the catalogue, with where; catalogue codes no problem is made with)"""
    unknown = [f"{code}（{'、'.join(made.get(code, []) + compared.get(code, []))}）"
               for code in sorted((made.keys() | compared.keys()) - catalogue.keys())]
    unused = [code for code in catalogue if code not in made]
    return unknown, unused


def test_every_code_in_the_source_is_in_the_catalogue_and_every_entry_is_used():
    made, compared = codes_in_source(SOURCE)
    assert len(made) > 20  # the search found the problems the source makes, not nothing
    unknown, unused = catalogue_gaps(made, compared, CATALOGUE)
    assert unknown == [], f"codes used in scripts/minsheng but missing from CATALOGUE: {unknown}"
    assert unused == [], f"CATALOGUE entries that no problem is made with: {unused}"


def test_the_catalogue_check_finds_unknown_codes_and_dead_entries(tmp_path):
    (tmp_path / "check.py").write_text(
        'def check(source, p):\n'
        '    def add(code, message): ...\n'
        '    yield Problem("made-up-code", "a.yaml", "消息")\n'
        '    yield source.problem("encoding", "消息", ())\n'
        '    add("another-made-up", "消息")\n'
        '    seen = set()\n'
        '    seen.add(p.value)\n'
        '    return p.code in ("yaml-syntax", "compared-only")\n', encoding="utf-8")
    made, compared = codes_in_source(tmp_path)
    assert set(made) == {"made-up-code", "encoding", "another-made-up"}
    assert set(compared) == {"yaml-syntax", "compared-only"}
    unknown, unused = catalogue_gaps(made, compared, CATALOGUE)
    assert unknown == ["another-made-up（check.py:5）", "compared-only（check.py:8）", "made-up-code（check.py:3）"]
    assert "encoding" not in unused and "yaml-syntax" in unused and "wrong-format" in unused


def test_the_catalogue_entries():
    assert all(code == kind.code for code, kind in CATALOGUE.items())
    for kind in CATALOGUE.values():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", kind.code), kind.code
        assert re.search(r"[\u4e00-\u9fff]", kind.title) and re.search(r"[\u4e00-\u9fff]", kind.description), kind.code
        assert kind.description.endswith("。"), kind.code
    with pytest.raises(ValueError, match="twice"):
        _catalogue(ProblemType("encoding", "甲", "乙。"), ProblemType("encoding", "丙", "丁。"))


def test_a_problem_needs_a_code_from_the_catalogue():
    with pytest.raises(ValueError, match="unknown problem code"):
        Problem("no-such-code", "data/2024/notice.yaml", "消息")
    problem = Problem("year-mismatch", "data/2025/notice.yaml", "年度与文件夹名不一致", line=3, column=1,
                      field="年度（year）", value=2024, expected="2025")
    assert str(problem) == ("data/2025/notice.yaml 第3行第1列：错误[year-mismatch] 字段 年度（year）：年度与文件夹名不一致"
                            "；发现的值：2024；应为：2025。")


def test_wrong_value_is_left_only_for_what_has_no_code_of_its_own():
    made, _ = codes_in_source(SOURCE)
    assert [where.split(":")[0] for where in made["wrong-value"]] == ["load/records.py"]  # the pydantic fallback


def test_validate_codes_lists_every_code_with_its_title_and_description(capsys):
    assert main(["validate", "--codes"]) == 0
    out = capsys.readouterr().out
    for kind in CATALOGUE.values():
        assert f"{kind.code}\t{kind.title}\n    {kind.description}\n" in out
    assert out.count("\t") == len(CATALOGUE)
