"""Synthetic data of any size: written outside data/, and marked 合成 (built into sites: tests/website/test_repeatable.py
and tests/compute/test_portal.py)."""

from __future__ import annotations

import pytest

from conftest import DATA
from minsheng.errors import EntryError
from minsheng.synthetic.synth import synth


def test_synthetic_data_stays_out_of_data_and_says_so(tmp_path, data_copy):
    with pytest.raises(EntryError, match="不能写在"):  # a copy: were the guard broken, the repository's data stays clean
        synth(24, 12, 5, data_copy / "synthetic", data_copy)
    assert not (data_copy / "synthetic").exists()
    synth(24, 3, 5, tmp_path / "s", DATA)
    assert "合成" in (tmp_path / "s" / "site.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "s" / "SYNTHETIC").exists()
