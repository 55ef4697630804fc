"""data_writer.py: what the office's tools write into a data folder, the loader reads back as it was."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from minsheng.data_writer import write_yaml, yaml_text
from minsheng.load.yaml_file import read_yaml

NUMBERS = ["09", "08", "007", "31", "-1", "+1", "1.5", "1.", ".5", "1e3", "2E-2", "0o17", "0x1F", ".inf", "-.Inf",
           ".NaN", "1_000", "0b101", "1:20"]
WORDS = ["yes", "No", "on", "true", "null", "~", ""]
TEXTS = ["2024-001", "2024-07", "trade-union", "第9项", "9人次", "按1500元/人补助", "1.2.3", "0559-1234567"]


def test_strings_a_reader_would_take_for_numbers_or_words_are_quoted():
    text = yaml_text({"values": NUMBERS + WORDS})
    for value in NUMBERS + WORDS:
        assert f"- '{value}'\n" in text or f'- "{value}"\n' in text, value
    assert yaml.safe_load(text) == {"values": NUMBERS + WORDS}


def test_other_strings_stay_plain():
    text = yaml_text({"values": TEXTS})
    assert [line.strip() for line in text.splitlines()[1:]] == [f"- {value}" for value in TEXTS]
    assert yaml.safe_load(text) == {"values": TEXTS}


def test_a_shared_value_is_written_where_it_stands_and_the_loader_reads_the_file(tmp_path):
    date = dt.date(2024, 10, 10)
    shared = {"note": "经复核（样例）"}
    content = {"revisions": [{"date": date, "item": "09", "detail": shared},
                             {"date": date, "item": "31", "detail": shared}]}
    path = write_yaml(tmp_path / "revisions.yaml", content, "# 更正记录\n# 第二行\n")
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"[&*]id\d+", text)  # no anchor, no alias
    assert text.startswith("# 更正记录\n# 第二行\nrevisions:\n  - date: 2024-10-10\n    item: '09'\n")
    document, problems = read_yaml(path, "revisions.yaml")
    assert problems == [] and document.data == content


def test_lists_are_indented_under_their_key_and_lines_never_broken():
    long = "长" * 3000
    text = yaml_text({"items": [{"id": "01", "measures": [long]}]})
    assert text == f"items:\n  - id: '01'\n    measures:\n      - {long}\n"
