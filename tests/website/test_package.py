"""`minsheng package` (issue 23): the built site as one zip for a platform other than Pages, with a
SHA256SUMS manifest that matches every file; the publish workflow keeps each published build's package."""

from __future__ import annotations

import hashlib
import re
import zipfile

import yaml

from conftest import ROOT
from minsheng.cli import main


def test_the_package_holds_every_file_and_a_manifest_that_matches_them(built_site, tmp_path, capsys):
    out = tmp_path / "pkg" / "site.zip"
    assert main(["package", "--site", str(built_site), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert hashlib.sha256(out.read_bytes()).hexdigest() in printed
    files = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file())
    assert {"index.html", "404.html", "feed.xml", "sitemap.xml"} <= set(files) and len(files) > 100
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert sorted(names) == sorted([*files, "SHA256SUMS"])
        lines = archive.read("SHA256SUMS").decode("utf-8").splitlines()
        listed = {}
        for line in lines:  # sha256sum's format: 64 hex digits, two spaces, the path
            match = re.fullmatch(r"([0-9a-f]{64})  (\S.*)", line)
            assert match, line
            listed[match.group(2)] = match.group(1)
        assert sorted(listed) == files
        for name in files:
            assert hashlib.sha256(archive.read(name)).hexdigest() == listed[name], name
            assert (built_site / name).read_bytes() == archive.read(name), name
    again = tmp_path / "again.zip"
    assert main(["package", "--site", str(built_site), "--out", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()  # the same site makes the same package


def test_no_package_without_a_built_site(tmp_path, capsys):
    assert main(["package", "--site", str(tmp_path / "nothing"), "--out", str(tmp_path / "site.zip")]) == 1
    assert "minsheng build" in capsys.readouterr().err and not (tmp_path / "site.zip").exists()


def test_the_publish_workflow_keeps_each_published_package():
    check = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    pinned = re.search(r"actions/upload-artifact@([0-9a-f]{40})", check).group(1)
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    runs = [s.get("run") for s in steps]
    assert runs.index("make package") > runs.index("make site")
    (upload,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["uses"] == f"actions/upload-artifact@{pinned}" and upload["with"]["path"] == "site.zip"
    assert "github.sha" in upload["with"]["name"] and upload["with"]["if-no-files-found"] == "error"
    assert steps.index(upload) > runs.index("make package")
