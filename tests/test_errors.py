"""errors.py: one type for what the user must act on, which the command line catches once and says in Chinese."""

from __future__ import annotations

import ast

from conftest import DATA, ROOT
from minsheng.cli import main
from minsheng.github.api import GitHubError
from minsheng.errors import EntryError
from minsheng.errors import UserError
from minsheng.load.git_tree import GitError
from minsheng.website.build import BuildError
from minsheng.website.package import PackageError

CLI = ROOT / "scripts" / "minsheng" / "cli.py"


def test_every_error_the_user_must_act_on_is_one_type():
    assert all(issubclass(kind, UserError) for kind in (EntryError, GitHubError, GitError, BuildError, PackageError))


def test_the_command_line_catches_it_once():
    caught = [ast.unparse(handler.type) for handler in ast.walk(ast.parse(CLI.read_text(encoding="utf-8")))
              if isinstance(handler, ast.ExceptHandler) and handler.type is not None]
    assert caught.count("UserError") <= 2  # main(); open-month also writes its job summary, then lets it go on
    assert not {"EntryError", "GitHubError", "GitError", "BuildError", "PackageError"} & set(caught)


def test_each_kind_is_said_in_chinese_with_status_1(tmp_path, capsys):
    assert main(["synth", "--items", "12", "--months", "13", "--out", str(tmp_path / "s"), "--data", str(DATA)]) == 1
    assert capsys.readouterr().err == "错误：月份数应在 1 到 12 之间\n"  # EntryError
    assert main(["package", "--site", str(tmp_path / "nothing"), "--out", str(tmp_path / "site.zip")]) == 1
    err = capsys.readouterr().err  # PackageError
    assert err.startswith("错误：") and err.endswith("请先运行 minsheng build。\n") and "Traceback" not in err


def test_it_needs_nothing_but_the_standard_library():
    tree = ast.parse((ROOT / "scripts" / "minsheng" / "errors.py").read_text(encoding="utf-8"))
    assert [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))] == []
