"""The generated folder (build/docs), updated in place: a file is made again only when what it is made
from changed.

A file made from known inputs carries a key, their content address (minsheng.fingerprint): a change
to the inputs or to the build tool gives a new key, never a stale file. The keys of the files in the
folder, with their size and time, are kept in a manifest written when a build finishes: a build that
stops half-way leaves no manifest, and the next one makes everything. Files a build did not write or
keep are removed when it finishes.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path


class Outputs:
    def __init__(self, folder: Path, manifest: Path) -> None:
        self.folder = folder
        self.manifest = manifest
        try:
            self.previous: dict[str, list] = json.loads(manifest.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            self.previous = {}
        manifest.unlink(missing_ok=True)  # until this build finishes, the folder's state is unknown
        self.current: dict[str, list] = {}  # target → [key or None, size, mtime_ns]
        self.made = 0  # files written by this build, as opposed to kept from the last one
        self._folders: set[Path] = set()

    def is_current(self, target: str, key: str) -> bool:
        """Whether the folder holds `target` as made from inputs with this key, untouched since; if so it is kept."""
        entry = self.previous.get(target)
        if not entry or entry[0] != key:
            return False
        try:
            stat = os.stat(os.path.join(self.folder, target))
        except FileNotFoundError:
            return False
        if [stat.st_size, stat.st_mtime_ns] != entry[1:]:
            return False
        self.current[target] = entry
        return True

    def made_by(self, target: str, key: str, make: Callable[[], bytes | str]) -> None:
        """`target` as `make()` makes it, unless the folder already holds it made from the same inputs."""
        self.make_all([Job(target, key, make, 0)], workers=1)

    def make_all(self, jobs: list[Job], workers: int) -> int:
        """Make the jobs' files that are not current, in `workers` processes when there is enough work to
        repay starting them. Returns how many were made."""
        missing = [job for job in jobs if not self.is_current(job.target, job.key)]
        if workers > 1 and len(missing) > 1 and sum(job.work for job in missing) >= PARALLEL_WORK:
            global _PENDING
            _PENDING = missing  # forked workers inherit the jobs: nothing to pickle but the results
            try:
                with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                         initializer=_worker_started) as pool:
                    made = list(pool.map(_make, range(len(missing)), chunksize=max(1, len(missing) // (workers * 4))))
            finally:
                _PENDING = []
        else:
            made = [job.make() for job in missing]
        for job, content in zip(missing, made):
            self.write(job.target, content, job.key)
        return len(missing)

    def write(self, target: str, content: bytes | str, key: str | None = None) -> None:
        """Write `target`; without a key its inputs are unknown and it is written again by every build."""
        path = self.folder / target
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        stat = path.stat()
        self.current[target] = [key, stat.st_size, stat.st_mtime_ns]
        self.made += 1

    def finish(self) -> None:
        """Remove what this build did not write or keep, then record the keys for the next build."""
        for folder, _, files in os.walk(self.folder, topdown=False):  # children before their folder
            prefix = Path(folder).relative_to(self.folder).as_posix()
            for name in files:
                if (name if prefix == "." else f"{prefix}/{name}") not in self.current:
                    os.unlink(os.path.join(folder, name))
            if folder != str(self.folder) and not os.listdir(folder):
                os.rmdir(folder)
        self.manifest.parent.mkdir(parents=True, exist_ok=True)
        self.manifest.write_text(json.dumps(self.current, sort_keys=True), encoding="utf-8")


@dataclass(frozen=True)
class Job:
    """A file to make: where, from what (its key), how, and about how much work it is."""

    target: str
    key: str
    make: Callable[[], bytes | str]
    work: float  # in milliseconds of one process's time, roughly


# Starting worker processes (forking the build) costs tens of milliseconds: below this much work (ms),
# one process is faster.
PARALLEL_WORK = 100
_PENDING: list[Job] = []


def _worker_started() -> None:
    """A forked worker collects its own garbage (the build pauses the collector: minsheng.publish.build),
    and leaves alone what it inherited: frozen, those objects are never scanned, so their memory stays
    shared with the build instead of being copied into each worker."""
    gc.freeze()
    gc.enable()


def _make(index: int) -> bytes | str:
    return _PENDING[index].make()
