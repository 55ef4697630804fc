"""A month's pair of files: written as Excel opens them, and the digest a workbook keeps of them."""

from __future__ import annotations

from minsheng.month.month_files import month_digest, month_paths


def test_the_digest_changes_with_either_file_and_is_none_without_them(data_copy):
    year = data_copy / "2024"
    digest = month_digest(year, "2024-12")
    assert digest and len(digest) == 16 and month_digest(year, "2024-12") == digest
    progress, funds = month_paths(year, "2024-12")
    for path in (progress, funds):
        original = path.read_bytes()
        path.write_bytes(original.replace(b"\r\n", b"\n", 1))
        assert month_digest(year, "2024-12") != digest
        path.write_bytes(original)
    assert month_digest(year, "2024-12") == digest
    funds.unlink()
    assert month_digest(year, "2024-12") is None and month_digest(year, "2025-01") is None
