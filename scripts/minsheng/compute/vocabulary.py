"""What search knows of an item: its keywords (the item's file) and the words residents use for it (the
year's vocabulary.yaml), in that order and each once. They become the item page's search tags, which neither
engine shows on the page, and words the search's segmenter keeps whole."""

from __future__ import annotations

from ..load.data_folder import Year


def search_tags(year: Year) -> dict[str, tuple[str, ...]]:
    """Item id → its search words: keywords first, then residents' words, without repeats."""
    words = {item.id: list(item.keywords) for item in year.items}
    for phrasing in year.vocabulary.vocabulary if year.vocabulary else ():
        for item in phrasing.items:
            words.setdefault(item, []).extend(phrasing.words)
    return {item: tuple(dict.fromkeys(found)) for item, found in words.items() if found}


def suggestions(tags: dict[str, tuple[str, ...]], items: dict[str, tuple[str, str]], address,
                places: tuple[tuple[tuple[str, ...], str], ...] = ()) -> tuple[dict, ...]:
    """The rows of the words file the search box reads (portal.js): each item of `items` (id → its title as
    lists show it and the notice's text of it) with its search words, that text and its page's address
    (`address(id)`, published form); then each 乡镇 page, by its name with and without 镇/乡 (汤口镇, 汤口) and
    its 村 and 社区, from `places`: (the 乡镇's names, its 村 and 社区 after its own, address) pairs."""
    rows = tuple({"words": list(tags.get(item, ())), "title": title, "text": text, "url": address(item)}
                 for item, (title, text) in items.items())
    return rows + tuple({"words": [names[0], names[0][:-1], *names[1:]], "title": names[0], "text": "", "url": url}
                        for names, url in places)
