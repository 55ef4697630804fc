"""`minsheng package`: the built site as one zip file to upload to a platform other than GitHub Pages (a
government site platform, the office's own server).

The zip holds the site's files at its root, and `SHA256SUMS` beside them: one line per file in the
format `sha256sum` writes and checks (`sha256sum -c SHA256SUMS` in the unpacked folder), so that whoever
receives the package can tell that every file arrived whole. Files are in sorted order with a fixed date,
so the same site makes the same zip. Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError

MANIFEST = "SHA256SUMS"
_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can record: no clock in the package


class PackageError(UserError):
    pass


@dataclass(frozen=True)
class Package:
    path: Path
    files: int  # the site's files (the manifest not counted)
    sha256: str  # of the zip itself


def manifest(site: Path) -> str:
    """Every file under `site` as `sha256sum` lists it: hash, two spaces, the path with forward slashes."""
    lines = []
    for path in _files(site):
        lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(site).as_posix()}\n")
    return "".join(lines)


def package(site: Path, out: Path) -> Package:
    """Write the site at `site` as the zip `out` (replaced only once it is complete)."""
    site = site.resolve()
    if not (site / "index.html").is_file():
        raise PackageError(f"{site} 中没有生成的网站（找不到 index.html）；请先运行 minsheng build。")
    files = _files(site)
    if any(p.relative_to(site).as_posix() == MANIFEST for p in files):
        raise PackageError(f"网站中已有名为 {MANIFEST} 的文件，与校验清单同名；请检查网站文件夹是否正确。")
    out = out.resolve()
    if out.is_relative_to(site):
        raise PackageError(f"压缩包 {out} 不能放在网站文件夹 {site} 之内。")
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}-", dir=out.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in files:
                _add(archive, path.relative_to(site).as_posix(), path.read_bytes())
            _add(archive, MANIFEST, manifest(site).encode("utf-8"))
        os.replace(temporary, out)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return Package(out, len(files), hashlib.sha256(out.read_bytes()).hexdigest())


def _files(site: Path) -> list[Path]:
    return sorted((p for p in site.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site).as_posix())


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)
