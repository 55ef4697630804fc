"""README.md's folder table matches the tree: every module of scripts/minsheng is named in its folder's row,
and every module a row names exists there."""

from __future__ import annotations

import re

from conftest import ROOT

PACKAGE = ROOT / "scripts" / "minsheng"


def rows() -> dict[str, str]:
    """The folder table's rows of scripts/minsheng: folder (relative to the package) → the row's text."""
    found = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `scripts/minsheng/([\w/]*)`[^|]*\| (.*) \|$", line)
        if match:
            found[match.group(1).rstrip("/")] = match.group(2)
    return found


def modules(folder: str) -> set[str]:
    """The modules of a folder of the package by file name; the package's own row covers model/ too."""
    folders = [PACKAGE / folder] + ([PACKAGE / "model"] if not folder else [])
    return {p.name for here in folders for p in here.glob("*.py") if p.name not in ("__init__.py", "__main__.py")}


def test_every_module_is_named_in_its_folders_row_and_every_named_module_exists():
    table = rows()
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()} - {"model"}
    assert set(table) - {""} == packages
    unnamed, missing = {}, {}
    for folder, text in table.items():
        named = {name.split("/")[-1] for name in re.findall(r"`([\w/]+\.py)`", text)}
        unnamed[folder] = sorted(modules(folder) - named)
        missing[folder] = sorted(named - modules(folder))
    assert {f: m for f, m in unnamed.items() if m} == {} and {f: m for f, m in missing.items() if m} == {}
