"""Content addresses: the SHA-256 of a thing's inputs, pickled, together with the build tool's own code
and the versions of the libraries that shape its output. A change to any of them gives a new key.
Equal inputs give equal keys in every process, whether they were just parsed or read back from a
memo: the names of a pydantic model's fields, kept in a set, are pickled in sorted order (a set's
order changes with each process's string hashing), and nothing uses pickle's memo, which would make
the bytes depend on which objects happen to be shared.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from pydantic import BaseModel

SHAPED_BY = ("jinja2", "markupsafe", "matplotlib", "pydantic", "pyyaml", "xlsxwriter")


def key(*inputs: object, known: Mapping[int, str] | None = None) -> str:
    """The content address of what this version of the build tool makes from `inputs`. An object whose
    id is in `known`, directly in `inputs` or in lists, tuples and dicts there, is stood for by its
    digest (see Keys)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: the bytes depend on the content only, not on which objects are shared
    pickler.dispatch_table = _models()  # looked up in C: objects of other types cost no Python call
    pickler.dump(_stand_ins(inputs, known) if known else inputs)
    return hashlib.sha256(code_version().encode() + buffer.getvalue()).hexdigest()


class Keys:
    """Keys for one build, with the digest of each record that many keys include (an item view is in its
    page, its JSON and several list pages) computed once. The records are held, so their ids stay theirs."""

    def __init__(self, shared: list[object]) -> None:
        self.shared = list(shared)
        self.digests = {id(record): key(record) for record in self.shared}

    def __call__(self, *inputs: object) -> str:
        return key(*inputs, known=self.digests)


def _stand_ins(value: object, known: Mapping[int, str]) -> object:
    """`value` with each known object replaced by its digest, through lists, tuples and dicts."""
    digest = known.get(id(value))
    if digest is not None:
        return _StandIn(digest)
    if type(value) in (list, tuple):
        return type(value)(_stand_ins(v, known) for v in value)
    if type(value) is dict:
        return {k: _stand_ins(v, known) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class _StandIn:
    digest: str


@cache
def _models() -> dict[type, Callable]:
    """How each pydantic model class is pickled for a key: its fields, and the names of the fields that
    were set in sorted order (pydantic keeps them in a set, whose order changes with each process's
    string hashing). Models are the only objects here that hold a set. The table is made once, when the
    build tool's models are all defined; a model class defined later would still get a correct key,
    one that another process might not repeat (the file is then made again, never wrongly kept)."""
    return {cls: _model_state for cls in _subclasses(BaseModel)}


def _model_state(obj: BaseModel) -> tuple:
    return _not_read_back, (type(obj).__qualname__, obj.__dict__, sorted(obj.__pydantic_fields_set__),
                       obj.__pydantic_extra__, obj.__pydantic_private__)


def _subclasses(cls: type) -> list[type]:
    return [sub for direct in cls.__subclasses__() for sub in (direct, *_subclasses(direct))]


def _not_read_back(*state: object) -> None:
    raise NotImplementedError("a fingerprint is not read back")


@cache
def code_version() -> str:
    """A digest of the build tool's code and templates, and of the versions of the libraries it uses."""
    digest = hashlib.sha256(" ".join(version(name) for name in SHAPED_BY).encode())
    add_files(digest, Path(__file__).resolve().parent, (".py", ".j2"))
    return digest.hexdigest()


def add_files(digest, folder: Path, suffixes: tuple[str, ...] | None = None) -> None:
    """Feed `digest` every file under `folder` (with those suffixes), name and bytes, in a fixed order."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and (suffixes is None or p.suffix in suffixes)):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
