"""What every record of the data files shares: strict parsing, data notes, and the Chinese names of
fields that validation messages use."""

from __future__ import annotations

import types
import typing
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ITEM_ID = r"^c?\d{2,4}$"

# The words with which the notice qualifies a figure. `null` means the notice prints the bare number.
Comparator = Literal["左右", "达到", "不少于", "不低于", "以上", "提高到", "力争", "不超过", "以下"]


class Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class DataNote(Record):
    kind: Literal["capture_defect", "ambiguity", "note"] = Field(
        title="说明类型",
        description="capture_defect：原文抓取缺陷（如缺字、断句）；ambiguity：原文含义不明；note：其他说明",
    )
    text: str = Field(title="说明", min_length=1)


# Field names for messages: the Chinese titles above, looked up along a path of keys and indexes.

def field_label(model: type[BaseModel], loc: tuple) -> str:
    """Chinese name and path of a field: 目标指标 › 第2项 › 目标值（indicators[1].target）."""
    names: list[str] = []
    path = ""
    for depth, part in enumerate(loc):
        if isinstance(part, int):
            names.append(f"第{part + 1}项")
            path += f"[{part}]"
            continue
        path += f".{part}" if path else str(part)
        parent = model_at(model, loc[:depth])
        info = file_field(parent, part) if parent else None
        names.append(info.title if info and info.title else str(part))
    return f"{' › '.join(names)}（{path}）" if names else ""


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The record class found at `loc` inside `model`, or None where `loc` leaves the records."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = file_field(current, part)
        current = _inner_model(info.annotation) if info else None
    return current


def file_keys(model: type[BaseModel]) -> list[str]:
    """The keys a data file may give a record of `model`: its fields' names, or their aliases where they have one."""
    return [info.alias or name for name, info in model.model_fields.items()]


def file_field(model: type[BaseModel], key: str):
    """The field of `model` a data file's `key` sets (its name, or its alias where it has one), or None."""
    return next((info for name, info in model.model_fields.items() if (info.alias or name) == key), None)


def _inner_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
    return None
