"""The generated folder that render/ writes: made anew by every build."""

from __future__ import annotations

import shutil
from pathlib import Path


class Folder:
    def __init__(self, path: Path) -> None:
        """`path` emptied: nothing of an earlier build is left in it."""
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        self.path = path
        self._made: set[Path] = {path}

    def write(self, target: str, content: bytes | str) -> None:
        path = self.path / target
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
