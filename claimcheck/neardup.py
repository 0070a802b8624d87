"""Near-duplicate articles: syndicated copies of one wire story, pages that embed the same text.

They are listed together in the report and count as one source when facts are
corroborated; where two copies differ on a date or a number, that is still a
finding, since it is exactly what an editor must see.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from claimcheck.models import Article

SHINGLE = 5  # words
MIN_JACCARD = 0.5
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    words = _WORD.findall(text.lower())
    return frozenset(hash(tuple(words[i : i + size])) for i in range(max(0, len(words) - size + 1)))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def groups(articles: Sequence[Article], threshold: float = MIN_JACCARD) -> dict[str, str]:
    """Map every article id to the id of the first article of its near-duplicate group."""
    sets = [shingles(a.text) for a in articles]
    leader = {a.id: a.id for a in articles}

    def find(doc_id: str) -> str:
        while leader[doc_id] != doc_id:
            doc_id = leader[doc_id]
        return doc_id

    # Documents of very different length cannot reach the threshold: skip those pairs cheaply.
    for i, j in combinations(range(len(articles)), 2):
        small, large = sorted((len(sets[i]), len(sets[j])))
        if not small or small / large < threshold:
            continue
        if jaccard(sets[i], sets[j]) >= threshold:
            a, b = sorted((find(articles[i].id), find(articles[j].id)))
            leader[b] = a
    return {doc_id: find(doc_id) for doc_id in leader}
