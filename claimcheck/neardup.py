"""Near-duplicate articles: syndicated copies of one wire story, pages that embed the same text.

They are listed together in the report and count as one source when facts are
corroborated; where two copies differ on a date or a number, that is still a
finding, since it is exactly what an editor must see.

Two articles are copies when the Jaccard similarity of their word 5-gram
shingles is at least MIN_JACCARD, and copies of copies are one group. Testing
every pair of a scan grows with its square (8 million pairs at 4,000
articles), so candidates come from an inverted index instead, and every
candidate is verified with the exact Jaccard: the groups are the ones testing
every pair would give. The index holds only each article's prefix: its
shingles rarest first (fewest articles of the scan have them), as many as
can hold the first shingle it shares with any copy (prefix filtering: if two
sets are at least t alike, the first shingle they share, in that order, lies
in both prefixes). Only the groups matter, not which pairs link them, so an
article is verified at most until it joins a group: postings are kept by
group, and a shingle 1,000 syndicated copies share costs one look-up, not 1,000.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

import numpy as np

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
    """Map every article id to the id of the first article (by id) of its near-duplicate group."""
    # sorted arrays, not sets: 8 bytes a shingle instead of about 60, for archives of many articles
    arrays = [_as_array(shingles(a.text)) for a in articles]
    linked = _Groups(len(articles))
    for i, j in _copies(arrays, threshold, linked):
        linked.union(i, j)
    first: dict[int, str] = {}
    for i, article in enumerate(articles):
        root = linked.find(i)
        if root not in first or article.id < first[root]:
            first[root] = article.id
    return {article.id: first[linked.find(i)] for i, article in enumerate(articles)}


def _as_array(found: frozenset[int]) -> np.ndarray:
    return np.sort(np.fromiter(found, dtype=np.int64, count=len(found)))


def is_copy(a: np.ndarray, b: np.ndarray, threshold: float = MIN_JACCARD) -> bool:
    """The exact Jaccard test of two sorted shingle arrays; documents of very different length are rejected
    cheaply. The same figure as `jaccard` of the two sets: shared / (|a| + |b| - shared)."""
    small, large = sorted((len(a), len(b)))
    if not small or small / large < threshold:
        return False
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared) >= threshold


class _Groups:
    """Union-find over article positions, with each group's postings: shingle -> its members that index it."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.postings: dict[int, dict[int, list[int]]] = defaultdict(dict)  # shingle -> group root -> members
        self.indexed: dict[int, list[int]] = defaultdict(list)  # group root -> shingles it has postings under

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        if len(self.indexed[a]) < len(self.indexed[b]):
            a, b = b, a
        self.parent[b] = a
        # the smaller group's postings move under the larger's root: each posting moves O(log n) times
        for shingle in self.indexed.pop(b, []):
            by_group = self.postings[shingle]
            members = by_group.pop(b)
            if a in by_group:
                by_group[a].extend(members)
            else:
                by_group[a] = members
                self.indexed[a].append(shingle)

    def index(self, i: int, prefix: Sequence[int]) -> None:
        root = self.find(i)
        for shingle in prefix:
            by_group = self.postings[shingle]
            if root in by_group:
                by_group[root].append(i)
            else:
                by_group[root] = [i]
                self.indexed[root].append(shingle)


def _copies(arrays: list[np.ndarray], threshold: float, linked: _Groups) -> Iterator[tuple[int, int]]:
    """Pairs (j, i), j < i, found alike (exact Jaccard) that link groups not yet linked, as they are found.

    The caller links each pair before the next is looked for.
    """
    for i, prefix in enumerate(_prefixes(arrays, threshold)):
        tried: set[int] = set()
        for shingle in prefix:
            for root, members in list(linked.postings.get(shingle, {}).items()):
                if linked.find(root) == linked.find(i):
                    continue  # already in that group: another link changes nothing
                for j in members:
                    if j in tried or linked.find(j) == linked.find(i):
                        continue
                    tried.add(j)
                    if is_copy(arrays[i], arrays[j], threshold):
                        yield j, i
                        break
        linked.index(i, prefix)


def _prefixes(arrays: list[np.ndarray], threshold: float) -> Iterator[list[int]]:
    """Each article's prefix: its shingles, fewest articles first, as many as a copy must share one of.

    A copy shares at least ceil(t * |A|) shingles (Jaccard <= shared / |A|), so the prefix holds
    |A| - ceil(t * |A|) + 1; one more keeps float rounding of t * |A| on the safe side. Shingles
    of this article alone are left out of it: most of a scan's are, and they can link nothing.
    """
    if not any(len(a) for a in arrays):
        yield from ([] for _ in arrays)
        return
    values, counts = np.unique(np.concatenate(arrays), return_counts=True)
    for found in arrays:
        if not len(found):
            yield []
            continue
        frequency = counts[np.searchsorted(values, found)]
        ordered = found[np.lexsort((found, frequency))]
        least = max(1, math.ceil(threshold * len(found)) - 1)
        # a shingle no other article has can be no shared one: those, first in the order, are left out
        unique = int((frequency == 1).sum())
        yield ordered[unique : len(found) - least + 1].tolist()
