"""A data folder as it was at a git revision, extracted with `git archive` into a temporary folder."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from ..errors import UserError


class GitError(UserError):
    pass


def export_data(revision: str, data: Path, target: Path) -> Path:
    """Extract `data` (a folder of the repository) at `revision` into `target`; returns the data folder."""
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, cwd=data.parent)
    if top.returncode != 0:
        raise GitError(f"{data.parent} 不在 git 仓库中")
    root = Path(top.stdout.strip())
    inside = data.resolve().relative_to(root.resolve()).as_posix()
    archive = subprocess.run(["git", "archive", "--format=tar", revision, inside], capture_output=True, cwd=root)
    if archive.returncode != 0:
        raise GitError(f"无法读取版本 {revision} 的 {inside}：{archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return target / inside
