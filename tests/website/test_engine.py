"""The engine started before its pages exist builds what the engine started afterwards builds, byte for byte."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

from minsheng.website.engine import Engine

CONFIG = """site_name: 测试
theme:
  name: material
  language: zh
plugins:
  - search:
      lang: zh
      jieba_dict_user: {words}
"""


def project(folder: Path) -> Path:
    """A small MkDocs project whose search index depends on jieba: Chinese pages and a user word list."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# 首页\n\n适老化改造补助标准，每户最高三千元。\n", encoding="utf-8")
    (folder / "docs" / "item.md").write_text("# 窝沟封闭\n\n适龄儿童免费窝沟封闭，到区疾控中心预约。\n", encoding="utf-8")
    (folder / "words.txt").write_text("适老化改造 100000\n窝沟封闭 100000\n", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(CONFIG.format(words=folder / "words.txt"), encoding="utf-8")
    return config


def differences(one: Path, other: Path) -> list[str]:
    compared = filecmp.dircmp(one, other)
    found = compared.left_only + compared.right_only + compared.diff_files
    return found + [f"{name}/{d}" for name, sub in compared.subdirs.items() for d in differences(sub.left, sub.right)]


def test_the_engine_loaded_early_builds_the_same_site(tmp_path):
    config = project(tmp_path)
    environment = {"SOURCE_DATE_EPOCH": "1718150400"}
    cold = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(config),
                           "--site-dir", str(tmp_path / "cold")], cwd=tmp_path, capture_output=True,
                          env={**os.environ, **environment})
    assert cold.returncode == 0, cold.stderr.decode()
    with Engine("mkdocs") as engine:
        engine.build(["build", "--strict", "--quiet", "--config-file", str(config), "--site-dir", str(tmp_path / "warm")],
                     str(tmp_path), environment)
        assert engine.wait() is None
    index = json.loads((tmp_path / "warm" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "".join(entry["text"] for entry in index["docs"])
    assert "适老化改造" in text and "窝沟封闭" in text  # the user's words not cut (by \u200b), as in the cold build
    assert differences(tmp_path / "cold", tmp_path / "warm") == []


def test_a_failing_engine_says_why(tmp_path):
    config = project(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace("name: material", "name: no-such-theme"),
                      encoding="utf-8")
    with Engine("mkdocs") as engine:
        engine.build(["build", "--config-file", str(config)], str(tmp_path), {})
        failure = engine.wait()
    assert failure is not None and "no-such-theme" in failure
    assert not (tmp_path / "site").exists()


def test_an_engine_never_given_its_arguments_ends_without_building(tmp_path):
    """A build that stops before its pages (bad data) stops the engine; one whose builder vanished ends by itself."""
    config = project(tmp_path)
    with Engine("mkdocs") as engine:
        process = engine._process
    assert process.returncode is not None  # stopped, not left running
    alone = subprocess.Popen([sys.executable, "-m", "minsheng.website.engine", "mkdocs"], stdin=subprocess.PIPE,
                             cwd=tmp_path)
    alone.stdin.close()  # the builder gone: no line will come
    assert alone.wait(timeout=60) == 0
    assert config.exists() and not (tmp_path / "site").exists()


def test_an_engine_that_ended_while_loading_is_reported_in_its_own_words():
    with Engine("no-such-engine") as engine:
        engine._process.wait()  # ended before it is given its arguments
        engine.build(["build"], ".", {})
        failure = engine.wait()
    assert failure is not None and "未知的构建引擎：no-such-engine" in failure
