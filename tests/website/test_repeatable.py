"""On small synthetic data: two builds of the same data from nothing make byte-identical sites."""

from __future__ import annotations

from conftest import DATA, ROOT
from minsheng.synthetic.synth import synth
from minsheng.website.bench import private_project
from minsheng.website.build import build


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


QUIET = lambda *_: None  # noqa: E731


def test_two_builds_from_nothing_are_byte_identical(tmp_path):
    """Each build in a project of its own (another folder, nothing generated yet): neither the clock, the
    order of work nor the project's path may reach the output."""
    synth(12, 12, 5, tmp_path / "synth", DATA)
    sites = []
    for name in ("one", "two"):
        config = private_project(ROOT, tmp_path / "synth", tmp_path / f"project-{name}")
        build(config.parent / "data", tmp_path / name, config, log=QUIET)
        sites.append(files(tmp_path / name))
    first, second = sites
    assert "index.html" in first and any(name.endswith(".svg") for name in first)  # a whole site, charts too
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []

