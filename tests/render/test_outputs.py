"""The generated folder, updated in place: made again only what changed, nothing stale left behind."""

from __future__ import annotations

import os

from minsheng.fingerprint import key
from minsheng.render.outputs import Outputs


def build(tmp_path, files: dict[str, str]) -> Outputs:
    """One build writing `files` (target → content), each keyed by its content; returns it finished."""
    out = Outputs(tmp_path / "docs", tmp_path / "outputs.json")
    for target, content in files.items():
        out.made_by(target, key(content), lambda: content)  # noqa: B023 - called at once
    out.finish()
    return out


def test_a_file_made_from_the_same_inputs_is_kept(tmp_path):
    assert build(tmp_path, {"a.md": "一", "b/c.md": "二"}).made == 2
    again = build(tmp_path, {"a.md": "一", "b/c.md": "三"})
    assert again.made == 1
    assert (tmp_path / "docs" / "a.md").read_text(encoding="utf-8") == "一"
    assert (tmp_path / "docs" / "b" / "c.md").read_text(encoding="utf-8") == "三"


def test_a_file_without_a_key_is_written_by_every_build(tmp_path):
    out = Outputs(tmp_path / "docs", tmp_path / "outputs.json")
    out.write("feed.xml", "x")
    out.finish()
    again = Outputs(tmp_path / "docs", tmp_path / "outputs.json")
    again.write("feed.xml", "x")
    assert again.made == 1


def test_what_a_build_did_not_write_is_removed(tmp_path):
    build(tmp_path, {"items/01.md": "一", "items/02.md": "二", "charts/02.svg": "<svg/>"})
    build(tmp_path, {"items/01.md": "一"})
    assert sorted(p.relative_to(tmp_path / "docs").as_posix() for p in (tmp_path / "docs").rglob("*")) == \
        ["items", "items/01.md"]


def test_a_file_changed_by_hand_is_made_again(tmp_path):
    build(tmp_path, {"a.md": "一"})
    path = tmp_path / "docs" / "a.md"
    path.write_text("改过", encoding="utf-8")
    assert build(tmp_path, {"a.md": "一"}).made == 1
    assert path.read_text(encoding="utf-8") == "一"
    path.unlink()
    assert build(tmp_path, {"a.md": "一"}).made == 1 and path.exists()
    stat = path.stat()  # same size, another time: e.g. restored from a backup
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10**9))
    assert build(tmp_path, {"a.md": "一"}).made == 1


def test_a_build_that_did_not_finish_leaves_nothing_to_trust(tmp_path):
    build(tmp_path, {"a.md": "一", "b.md": "二"})
    broken = Outputs(tmp_path / "docs", tmp_path / "outputs.json")
    broken.made_by("a.md", key("新"), lambda: "新")  # … and the build stops here
    assert not (tmp_path / "outputs.json").exists()
    assert build(tmp_path, {"a.md": "一", "b.md": "二"}).made == 2
