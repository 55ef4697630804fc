"""On small synthetic data: a second build makes nothing again, and every build's output is byte-identical."""

from __future__ import annotations

import shutil
import subprocess

from conftest import DATA, ROOT
from minsheng.entry.synth import synth
from minsheng.publish.bench import private_project, touch_one_month
from minsheng.publish.build import build


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


QUIET = lambda *_: None  # noqa: E731


def test_second_build_draws_nothing_and_repeats_byte_for_byte(tmp_path):
    synth(24, 12, 5, tmp_path / "synth", DATA)
    config = private_project(ROOT, tmp_path / "synth", tmp_path / "project", drafts=False)
    data, cache = tmp_path / "project" / "data", tmp_path / "project" / "build" / "cache"
    first = build(data, tmp_path / "one", config, log=QUIET)
    second = build(data, tmp_path / "two", config, log=QUIET)  # the same inputs: straight to MkDocs
    assert 0 < first.charts_drawn <= first.charts_total  # identical charts are drawn once
    assert second.charts_drawn == second.files_made == 0
    (cache / "inputs.sha256").unlink()  # rendered again: every keyed file is kept, only unkeyed ones written
    third = build(data, tmp_path / "three", config, log=QUIET)
    assert third.charts_drawn == 0 and 0 < third.files_made < first.files_made / 3
    shutil.rmtree(cache.parent)  # and once more from nothing: rendering itself repeats byte for byte
    fourth = build(data, tmp_path / "four", config, log=QUIET)
    assert fourth.charts_drawn == first.charts_drawn
    sites = [files(tmp_path / name) for name in ("one", "two", "three", "four")]
    assert all(site.keys() == sites[0].keys() for site in sites)
    assert [name for name in sites[0] if any(site[name] != sites[0][name] for site in sites)] == []


def test_after_one_month_changed_only_what_it_changes_is_made_and_the_site_equals_a_clean_build(tmp_path):
    synth(60, 12, 7, tmp_path / "synth", DATA)
    config = private_project(ROOT, tmp_path / "synth", tmp_path / "project")
    data = tmp_path / "project" / "data"
    first = build(data, tmp_path / "one", config, log=QUIET)
    item = touch_one_month(data)
    second = build(data, tmp_path / "two", config, log=QUIET)
    assert 0 < second.charts_drawn < first.charts_total / 10
    assert 0 < second.files_made < first.files_total / 3
    docs = tmp_path / "project" / "build" / "docs"
    changed = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()
               and p.stat().st_mtime_ns > (tmp_path / "one" / "index.html").stat().st_mtime_ns}
    assert {f"items/{item}.md", f"charts/item-{item}.svg"} <= changed
    assert not any(path.startswith("items/") and path != f"items/{item}.md" for path in changed)
    shutil.rmtree(docs.parent)  # the same data from nothing
    build(data, tmp_path / "three", config, log=QUIET)
    two, three = files(tmp_path / "two"), files(tmp_path / "three")
    assert two.keys() == three.keys()
    assert [name for name in two if two[name] != three[name]] == []


def test_a_build_folder_kept_by_ci_is_reused_by_the_next_checkout(tmp_path):
    """The publish workflow keeps build/ between runs with actions/cache, which packs it with GNU tar
    --posix: restored into a fresh checkout, whose data files are all new to the file system, it still
    spares the next monthly update everything that did not change."""
    synth(60, 12, 7, tmp_path / "synth", DATA)
    config = private_project(ROOT, tmp_path / "synth", tmp_path / "runner-1")
    first = build(tmp_path / "runner-1" / "data", tmp_path / "one", config, log=QUIET)
    subprocess.run(["tar", "--posix", "-cf", str(tmp_path / "cache.tar"), "-C", str(tmp_path / "runner-1"), "build"],
                   check=True)
    config = private_project(ROOT, tmp_path / "synth", tmp_path / "runner-2")  # the next run's checkout
    subprocess.run(["tar", "-xf", str(tmp_path / "cache.tar"), "-C", str(tmp_path / "runner-2")], check=True)
    touch_one_month(tmp_path / "runner-2" / "data")
    second = build(tmp_path / "runner-2" / "data", tmp_path / "two", config, log=QUIET)
    assert 0 < second.charts_drawn < first.charts_total / 10
    assert 0 < second.files_made < first.files_total / 3


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
        synth(items, 6, 3, tmp_path / f"synth{items}", DATA)
        project = tmp_path / f"p{items}"
        private_project(ROOT, tmp_path / f"synth{items}", project, drafts=False)
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
