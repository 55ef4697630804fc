"""The folders show the pipeline, load → validate → compute → render → website: a stage imports only the
stages before it (and the shared modules beside them), never one after it. The office's packages (month,
notice, new_year, github, synthetic) use the pipeline's stages but not the site's build, and not one another except
the month's files, which the browser route and the sample data write."""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "scripts" / "minsheng"
OFFICE = {"month", "notice", "new_year", "github", "synthetic"}  # the office's tools, beside the pipeline
LATER = {  # a stage → the stages it must not import
    "model": {"load", "validate", "compute", "render", "website"} | OFFICE,
    "load": {"validate", "compute", "render", "website"} | OFFICE,
    "validate": {"compute", "render", "website"} | OFFICE,
    "compute": {"render", "website"} | OFFICE,
    "render": {"validate", "website"} | OFFICE,
    "website": OFFICE - {"synthetic"},  # the bench builds synthetic data
    # the office's packages use the pipeline, never the site's build nor each other, but for the month's files
    "month": {"website", "notice", "new_year", "github", "synthetic"},
    "notice": {"website", "month", "new_year", "github", "synthetic"},
    "new_year": {"website", "month", "github", "synthetic"},
    "github": {"website", "notice", "new_year", "synthetic"},
    "synthetic": {"website", "notice", "new_year", "github"},
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


def test_every_package_is_in_the_order():
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(LATER), packages ^ set(LATER)


def test_no_folder_holds_more_than_a_fifth_of_the_code():
    lines = {p.name: sum(len(f.read_text(encoding="utf-8").splitlines()) for f in p.glob("*.py"))
             for p in PACKAGE.iterdir() if p.is_dir() and p.name in LATER}
    total = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in PACKAGE.rglob("*.py"))
    assert {name: count for name, count in lines.items() if count > total / 5} == {}, (total, lines)
