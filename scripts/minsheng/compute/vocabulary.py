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


def suggestions(tags: dict[str, tuple[str, ...]], titles: dict[str, str], address) -> tuple[dict, ...]:
    """The rows of the words file the search box reads when a search finds nothing (portal.js): each item with
    its search words, its title as lists show it and its page's address (`address(id)`, published form)."""
    return tuple({"words": list(words), "title": titles[item], "url": address(item)}
                 for item, words in tags.items() if item in titles)
