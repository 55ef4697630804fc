"""Content addresses: equal inputs give equal keys in every process, fresh or read back from the memo."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import DATA

KEYS = """
import sys
from pathlib import Path
from minsheng.compute.overview import overview
from minsheng.fingerprint import key
from minsheng.load.memo import kept_in
from minsheng.validate import validate_data
with kept_in(Path(sys.argv[2])):
    plan, _ = validate_data(Path(sys.argv[1]))
print(" ".join(key(view) for view in overview(plan, plan.years[max(plan.years)]).items))
"""


def keys(memo, seed: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", KEYS, str(DATA), str(memo)], capture_output=True, text=True,
                            check=True, env={**os.environ, "PYTHONHASHSEED": seed})
    return result.stdout.split()


def test_keys_are_the_same_in_another_process_and_from_the_memo(tmp_path):
    fresh = keys(tmp_path / "memo", "1")  # parsed, and written to the memo
    again = keys(tmp_path / "memo", "2")  # read back from the memo, other string hashing
    assert len(fresh) == 51 and len(set(fresh)) == 51
    assert again == fresh


def test_keys_follow_content():
    from minsheng.fingerprint import key

    assert key("item page", {"a": 1}) == key("item page", {"a": 1})
    assert key("item page", {"a": 1}) != key("item page", {"a": 2})
    assert key("item page", {"a": 1}) != key("chart", {"a": 1})
