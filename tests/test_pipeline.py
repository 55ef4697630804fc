"""The folders show the pipeline, load → validate → compute → render → website: a stage imports only the
stages before it (and the shared modules beside them), never one after it."""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "scripts" / "minsheng"
LATER = {  # a stage → the stages it must not import
    "model": {"load", "validate", "compute", "render", "website", "entry"},
    "load": {"validate", "compute", "render", "website", "entry"},
    "validate": {"compute", "render", "website", "entry"},
    "compute": {"render", "website", "entry"},
    "render": {"validate", "website", "entry"},
}


def imported_stages(source: str, stage: str) -> set[str]:
    """The parts of minsheng that a module of `stage` imports (its own stage included)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0 and (node.module or "").startswith("minsheng."):
                found.add(node.module.split(".")[1])
            elif node.level == 1:
                found.add(stage)
            elif node.level == 2:
                found.add((node.module or "").split(".")[0] or "minsheng")
    return found


def test_no_stage_imports_a_later_one():
    wrong = {}
    for stage, forbidden in LATER.items():
        for path in sorted((PACKAGE / stage).rglob("*.py")):
            found = imported_stages(path.read_text(encoding="utf-8"), stage) & forbidden
            if found:
                wrong[path.relative_to(PACKAGE).as_posix()] = sorted(found)
    assert wrong == {}


def test_the_check_sees_a_later_stage_imported():
    source = "from ..formats import number\nfrom .overview import overview\nfrom ..render.text import markdown_text\n"
    assert imported_stages(source, "compute") & LATER["compute"] == {"render"}
    assert imported_stages("import minsheng\nfrom minsheng.website.build import build\n", "load") == {"website"}
