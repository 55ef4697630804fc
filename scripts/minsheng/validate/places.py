"""Checks of the district's 乡镇 (places.yaml), of the places an item names, and of a year's vocabulary
(residents' words, vocabulary.yaml): every name and id unique, every place an item names on the list, every
item a word points to in the year's plan."""

from __future__ import annotations

from ..load.data_folder import DataFolder, Year
from ..problems import Problem


def check_places(plan: DataFolder) -> list[Problem]:
    problems: list[Problem] = []
    names: set[str] = set()
    if plan.places:
        seen: dict[str, int] = {}
        for index, place in enumerate(plan.places.places):
            for key in ("id", "name"):
                value = getattr(place, key)
                if (key, value) in seen:
                    problems.append(plan.places_source.problem(
                        "duplicate-id", f"乡镇{'编号' if key == 'id' else '名称'}与第 {seen[key, value] + 1} 项重复",
                        ("places", index, key), value, "每个乡镇的编号和名称唯一"))
                seen.setdefault((key, value), index)
        for index, place in enumerate(plan.places.places):
            for position, village in enumerate(place.villages):
                if ("name", village) in seen:
                    problems.append(plan.places_source.problem(
                        "duplicate-id", "村或社区的名称在全区重复（或与乡镇同名）", ("places", index, "villages", position),
                        village, "名称在全区唯一；重名的村请写明乡镇，如 汤口镇山岔村"))
                seen.setdefault(("name", village), index)
        names = {name for place in plan.places.places for name in place.names()}
    refused = plan.places is None and (plan.root / "places.yaml").exists()  # its own errors say why
    for year in plan.years.values():
        for item in year.items:
            for index, name in enumerate(() if refused else item.places):
                if name not in names:
                    problems.append(year.item_sources[item.id].problem(
                        "unknown-reference", "实施地点不在乡镇名单中", ("places", index), name,
                        "data/places.yaml 中的乡镇名称或其下的村、社区之一：" + "、".join(sorted(names)) if names
                        else "先在 data/places.yaml 中列出全区的乡镇"))
        problems += _check_vocabulary(year)
    return problems


def _check_vocabulary(year: Year) -> list[Problem]:
    if not year.vocabulary:
        return []
    problems = []
    ids = [item.id for item in year.items]
    for index, phrasing in enumerate(year.vocabulary.vocabulary):
        for position, item in enumerate(phrasing.items):
            if item not in ids and item not in year.unreadable_items:
                problems.append(year.vocabulary_source.problem(
                    "unknown-reference", "计划中没有这个项目", ("vocabulary", index, "items", position), item,
                    f"{year.year} 年度的项目编号之一：{'、'.join(ids)}"))
        for position, word in enumerate(phrasing.words):
            if word in phrasing.words[:position]:
                problems.append(year.vocabulary_source.problem(
                    "duplicate-id", "同一条里这个说法写了两次", ("vocabulary", index, "words", position), word,
                    "删去重复的一个", severity="warning"))
    return problems
