"""compute/addresses.py: `relative`, the address of one file from another's folder, as posixpath.relpath gives it."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from minsheng.compute.addresses import relative

PARTS = st.sampled_from(["2024", "2025", "items", "charts", "large", "01", "a.svg", "index.md", "downloads", "data"])
ADDRESS = st.builds(lambda parts, slash: "/".join(parts) + ("/" if slash and parts else ""),
                    st.lists(PARTS, max_size=5), st.booleans())


@given(ADDRESS, ADDRESS)
def test_relative_is_what_posixpath_gives_for_the_sites_own_addresses(target, start):
    assert relative(target, start) == posixpath.relpath(target or ".", start or ".")


def test_examples():
    assert relative("2024/charts/a.svg", "2024/items/01") == "../../charts/a.svg"
    assert relative("", "2024/items/01/") == "../../.."
    assert relative("2024/items/01/", "2024/items/01/") == "."
