"""On small synthetic data: a second build draws no chart again and its output is byte-identical."""

from __future__ import annotations

import shutil

from conftest import DATA, ROOT
from minsheng.entry.synth import synth
from minsheng.publish.build import build


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_second_build_draws_nothing_and_repeats_byte_for_byte(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("overrides", "content"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    synth(24, 12, 5, project / "data", DATA)
    quiet = lambda *_: None  # noqa: E731
    first = build(project / "data", tmp_path / "one", project / "mkdocs.yml", log=quiet)
    second = build(project / "data", tmp_path / "two", project / "mkdocs.yml", log=quiet)
    assert 0 < first.charts_drawn <= first.charts_total  # identical charts are drawn once
    assert second.charts_drawn == 0
    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_synthetic_data_stays_out_of_data_and_says_so(tmp_path):
    import pytest

    from minsheng.entry.monthly import EntryError

    with pytest.raises(EntryError, match="不能写在"):
        synth(24, 12, 5, DATA / "synthetic", DATA)
    synth(24, 3, 5, tmp_path / "s", DATA)
    assert "合成" in (tmp_path / "s" / "site.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "s" / "SYNTHETIC").exists()
