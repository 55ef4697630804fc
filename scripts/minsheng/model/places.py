"""Where residents live and how they say things: the district's 乡镇 (places.yaml) and the words residents
use for the items (a year's vocabulary.yaml)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import ITEM_ID, SLUG, Record

Word = Annotated[str, Field(min_length=1, pattern=r"^\S+$")]


class Place(Record):
    id: str = Field(title="乡镇编号", pattern=SLUG, description="网页地址用的拼音，如 gantang（不是行政区划代码）")
    name: str = Field(title="乡镇名称", min_length=2, pattern=r"^\S+[镇乡]$", description="如 甘棠镇、新明乡")
    kind: Literal["镇", "乡"] = Field(title="类型")
    villages: list[Annotated[str, Field(pattern=r"^\S+(村|社区)$")]] = Field(
        default_factory=list, title="村和社区",
        description="办公室知道有项目在那里实施的本乡镇的村、社区（可选），如 山岔村；名称在全区唯一。项目的实施地点可以写到村或社区")

    def names(self) -> tuple[str, ...]:
        """The 乡镇's name and its 村 and 社区: every name an item's places may give for it."""
        return (self.name, *self.villages)


class PlacesFile(Record):
    source: str = Field(title="来源", min_length=1, description="乡镇名单依据的官方区划名单，写明名称和查阅日期")
    places: list[Place] = Field(title="乡镇", min_length=1)


class Phrasing(Record):
    items: list[Annotated[str, Field(pattern=ITEM_ID)]] = Field(title="项目编号", min_length=1,
                                                                description="这些说法指的项目，如 [\"21\"]")
    words: list[Word] = Field(title="居民的说法", min_length=1,
                              description="居民搜索时用的词：俗称、同义词、对补助的叫法，如 轮椅、学费、入园")


class VocabularyFile(Record):
    vocabulary: list[Phrasing] = Field(title="居民的说法", min_length=1)
