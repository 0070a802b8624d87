"""Two lists of one set: which items name the same thing, and when two enumerations are one set.

Items are compared by their content words, lowercased and crudely singularised
(a word-overlap, Jaccard >= 0.3); two lists are one set when their sizes are
close and most items of the shorter meet an item of the longer. The alignment
pairs values by their sentences; lists and the counts that introduce them are
compared by their items, here.
"""
from __future__ import annotations

import re
from functools import lru_cache

_STOP = {"a", "an", "the", "and", "or", "of", "in", "for", "to", "on", "with", "between", "s"}


@lru_cache(maxsize=8192)
def item_words(item: str) -> frozenset[str]:
    """Content words of one list item, lowercased and crudely singularised, for overlap."""
    words = frozenset(
        _stem(word) for word in re.findall(r"[a-z]+", item.lower()) if word not in _STOP and len(word) >= 3
    )
    return words or frozenset([item.strip().lower()])  # "AI", "5G": short items are their own word


def _stem(word: str) -> str:
    # "states"/"state", "prefectures"/"prefecture": one stem whichever suffix was cut
    return _cut_suffix(word).rstrip("e")


def _cut_suffix(word: str) -> str:
    for suffix in ("ships", "ship", "ies", "es", "s", "al", "ing"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def items_meet(a: str, b: str, min_item: float = 0.3) -> bool:
    x, y = item_words(a), item_words(b)
    return bool(x and y) and len(x & y) / len(x | y) >= min_item


def same_set(a: tuple[str, ...], b: tuple[str, ...], min_share: float = 0.6) -> bool:
    """Two enumerations of one set: sizes close, and most items of the shorter say what an item of the longer says."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < 3 or len(short) / len(long_) < min_share:
        return False
    free = list(long_)
    matched = 0
    for item in short:  # each item of the longer list stands for one item of the shorter, not three
        partner = next((other for other in free if items_meet(item, other)), None)
        if partner is not None:
            free.remove(partner)
            matched += 1
    return matched >= max(3, min_share * len(short))
