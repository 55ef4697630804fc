"""Where a problem is: file names as the office sees them in the repository, from the data folder."""

from __future__ import annotations

from pathlib import Path

from minsheng.problems import relative


def test_file_names_are_shown_from_the_data_folder(tmp_path, monkeypatch):
    data = tmp_path / "data"
    (data / "2024").mkdir(parents=True)
    assert relative(data / "2024" / "notice.yaml", data) == "data/2024/notice.yaml"
    assert relative(data, data) == "data"
    (tmp_path / "link").symlink_to(data)  # reached through a link: named by the folder it leads to
    assert relative(tmp_path / "link" / "2024" / "notice.yaml", tmp_path / "link") == "data/2024/notice.yaml"
    assert relative(tmp_path / "mkdocs.yml", data) == "mkdocs.yml"  # beside the data folder
    monkeypatch.chdir(data)  # the data folder given as "."
    assert relative(Path("2024/notice.yaml"), Path(".")) == "data/2024/notice.yaml"
    monkeypatch.chdir(data / "2024")
    assert relative(Path("notice.yaml"), Path(".")) == "2024/notice.yaml"
