"""Parsed files kept between builds by their bytes (build/cache/parsed/): a monthly update reads one
month's files again, not the year's.

`minsheng build` reads the data inside `kept_in(folder)`; everything else reads the files afresh.
A file's entry is keyed by its bytes, its name and the build tool's code (minsheng.fingerprint), so a
changed file or a changed reader is never answered from the memo. Entries a build did not use are
removed when it finishes.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TypeVar

from ..fingerprint import key

T = TypeVar("T")
_MEMO: ContextVar[tuple[Path, set[str]] | None] = ContextVar("parsed_files", default=None)  # folder, entries used


@contextmanager
def kept_in(folder: Path) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    token = _MEMO.set((folder, used))
    try:
        yield
    finally:
        _MEMO.reset(token)
    for path in folder.iterdir():
        if path.name not in used:
            path.unlink()


def parsed(paths: tuple[Path, ...], names: tuple[str, ...], parse: Callable[[], T]) -> T:
    """`parse()`'s result for the files `paths` (shown as `names`), from the memo when they are unchanged."""
    memo = _MEMO.get()
    if memo is None:
        return parse()
    folder, used = memo
    entry = folder / key(names, [path.read_bytes() if path.is_file() else None for path in paths])
    used.add(entry.name)
    if entry.is_file():
        return pickle.loads(entry.read_bytes())
    result = parse()
    entry.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return result
