"""Two builds of the shipped data from nothing, in two projects, make byte-identical sites."""

from __future__ import annotations

from conftest import DATA, ROOT
from minsheng.website.bench import private_project
from minsheng.website.build import build


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


QUIET = lambda *_: None  # noqa: E731


def test_two_builds_from_nothing_are_byte_identical(built_site, tmp_path):
    """The shared build (this project, the data where it is, built earlier in the run) and one in a project of its
    own (another folder, the data copied, nothing generated yet): neither the clock, the order of work nor the
    project's path may reach the output."""
    config = private_project(ROOT, DATA, tmp_path / "project")
    build(config.parent / "data", tmp_path / "site", config, log=QUIET)
    first, second = files(built_site), files(tmp_path / "site")
    assert "index.html" in first and any(name.endswith(".svg") for name in first)  # a whole site, charts too
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
