"""On small synthetic data: a second build draws no chart again and its output is byte-identical."""

from __future__ import annotations

import shutil

from conftest import DATA, ROOT
from minsheng.entry.synth import synth
from minsheng.publish.bench import touch_one_month
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
    shutil.rmtree(project / "build")  # and once more from nothing: rendering itself repeats byte for byte
    third = build(project / "data", tmp_path / "three", project / "mkdocs.yml", log=quiet)
    assert third.charts_drawn == first.charts_drawn
    one, two, three = files(tmp_path / "one"), files(tmp_path / "two"), files(tmp_path / "three")
    assert one.keys() == two.keys() == three.keys()
    assert [name for name in one if not one[name] == two[name] == three[name]] == []


def test_after_one_month_changed_only_what_it_changes_is_made_and_the_site_equals_a_clean_build(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("overrides", "content"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    synth(60, 12, 7, tmp_path / "synth", DATA)
    # the months as drafts, so that a changed figure needs no correction record
    shutil.copytree(tmp_path / "synth", project / "data",
                    ignore=shutil.ignore_patterns("published", "releases.yaml", "revisions.yaml"))
    quiet = lambda *_: None  # noqa: E731
    first = build(project / "data", tmp_path / "one", project / "mkdocs.yml", log=quiet)
    item = touch_one_month(project / "data")
    second = build(project / "data", tmp_path / "two", project / "mkdocs.yml", log=quiet)
    assert 0 < second.charts_drawn < first.charts_total / 10
    assert 0 < second.files_made < first.files_total / 3
    docs = project / "build" / "docs"
    changed = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()
               and p.stat().st_mtime_ns > (tmp_path / "one" / "index.html").stat().st_mtime_ns}
    assert {f"items/{item}.md", f"charts/item-{item}.svg"} <= changed
    assert not any(path.startswith("items/") and path != f"items/{item}.md" for path in changed)
    shutil.rmtree(project / "build")  # the same data from nothing
    build(project / "data", tmp_path / "three", project / "mkdocs.yml", log=quiet)
    two, three = files(tmp_path / "two"), files(tmp_path / "three")
    assert two.keys() == three.keys()
    assert [name for name in two if two[name] != three[name]] == []


def test_synthetic_data_stays_out_of_data_and_says_so(tmp_path):
    import pytest

    from minsheng.entry.monthly import EntryError

    with pytest.raises(EntryError, match="不能写在"):
        synth(24, 12, 5, DATA / "synthetic", DATA)
    synth(24, 3, 5, tmp_path / "s", DATA)
    assert "合成" in (tmp_path / "s" / "site.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "s" / "SYNTHETIC").exists()


def test_pages_stay_bounded_as_items_grow(tmp_path):
    """With more items, lists are cut and category pages split: the largest page does not grow."""
    import re

    sizes = {}
    for items in (40, 200):
        project = tmp_path / f"p{items}"
        project.mkdir()
        for name in ("overrides", "content"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        synth(items, 6, 3, project / "data", DATA)
        rules = project / "data" / "rules.yaml"
        text = re.sub(r"list_limit: \d+", "list_limit: 3", rules.read_text(encoding="utf-8"))
        rules.write_text(re.sub(r"page_size: \d+", "page_size: 3", text), encoding="utf-8")
        out = tmp_path / f"site{items}"
        build(project / "data", out, project / "mkdocs.yml", log=lambda *_: None)
        pages = [p for p in out.rglob("index.html") if "/items/" not in p.as_posix()]
        sizes[items] = max(p.stat().st_size for p in pages)
        home = (out / "index.html").read_text(encoding="utf-8")
        lagging = home.split("滞后项目</h2>", 1)[1].split("</table>", 1)[0]
        assert len(re.findall(r'href="items/', lagging)) <= 3
        assert (out / "categories" / "c1-2" / "index.html").exists()
    assert sizes[200] < sizes[40] * 1.25, sizes
