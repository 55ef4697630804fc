"""The command line: lean to start, usable from any folder, and never a Python traceback."""

from __future__ import annotations

import subprocess
import sys

from conftest import DATA
from minsheng import cli

HEAVY = ("openpyxl", "pydantic", "matplotlib", "xlsxwriter", "jinja2", "yaml", "mkdocs")


def loaded_after(code: str) -> list[str]:
    """The heavy libraries a fresh interpreter has imported after running `code`."""
    probe = f"import sys\n{code}\nprint('loaded:', *(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout
    return out.splitlines()[-1].split()[1:]


def test_starting_the_tool_imports_nothing_heavy():
    assert loaded_after("import minsheng.cli") == []


def test_a_command_imports_only_what_it_uses():
    loaded = loaded_after("from minsheng.cli import main\nmain(['validate', '--codes'])")
    assert loaded == []
    loaded = loaded_after(f"from minsheng.cli import main\nmain(['validate', '--data', {str(DATA)!r}])")
    assert "pydantic" in loaded and not {"openpyxl", "matplotlib", "xlsxwriter", "jinja2", "mkdocs"} & set(loaded)


def test_commands_work_from_another_folder(tmp_path):
    """synth reads the real data's units; run elsewhere it used to crash with a traceback."""
    result = subprocess.run([sys.executable, "-m", "minsheng", "synth", "--items", "12", "--out", "synth"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "synth" / "SYNTHETIC").is_file()
    result = subprocess.run([sys.executable, "-m", "minsheng", "validate"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0 and "51 个项目" in result.stdout  # the project's own data/


def test_an_unexpected_failure_is_one_chinese_sentence(monkeypatch, capsys):
    def broken(args):
        raise KeyError("x")

    monkeypatch.setattr(cli, "_validate", broken)
    assert cli.main(["validate"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.startswith("错误：minsheng validate 意外中止") and "维护人员" in err
