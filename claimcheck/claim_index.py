"""Claims grouped by what they state, so comparison meets only the claims that can meet.

Stated counts and lists are compared with the lists of their story, lists with
lists of as many items, and dated events with the events of the same action,
object and date. Looping over every pair of the scan's lists or events grows
with the square of the scan, and of one story covered by many outlets; grouped
by story, size, items and date, the loops meet only claims that can give a
finding, and a set of items copied by 200 outlets is compared once. Each
helper gives what the loop over every pair gave, in the same order.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence
from functools import lru_cache

from claimcheck.decide import unmatched
from claimcheck.list_match import same_set
from claimcheck.models import Claim

Items = tuple[str, ...]


@lru_cache(maxsize=65536)
def same_set_of(a: Items, b: Items) -> bool:
    """list_match.same_set, asked once for two lists of items however many articles copy them."""
    return same_set(a, b)


def unmatched_items(a: Items, b: Items) -> list[str]:
    """decide.unmatched (items of `a` no item of `b` says), asked once for two lists of items."""
    return list(_unmatched(a, b))


@lru_cache(maxsize=65536)
def _unmatched(a: Items, b: Items) -> Items:
    return tuple(unmatched(a, b))


class ListsByStory:
    """The lists of a scan by story, and in each story by their items, in the scan's order."""

    def __init__(self, lists: Sequence[Claim], story_key: Callable[[Claim], Hashable]) -> None:
        self.story_key = story_key
        self.position = {id(claim): k for k, claim in enumerate(lists)}
        self.by_story: dict[Hashable, dict[Items, list[Claim]]] = defaultdict(dict)
        for claim in lists:
            self.by_story[story_key(claim)].setdefault(claim.value.items, []).append(claim)

    def same_set(self, claim: Claim, items: Items) -> list[Claim]:
        """Lists of `claim`'s story, of other articles, that enumerate the same set as `items`, in order."""
        found = [
            other
            for listed, members in self.by_story.get(self.story_key(claim), {}).items()
            if same_set_of(items, listed)
            for other in members
            if other.document != claim.document
        ]
        return sorted(found, key=lambda c: self.position[id(c)])

    def equal_sizes(self) -> Iterator[tuple[Claim, Claim]]:
        """Pairs (a, b) of lists of one story and of two articles, a first in the scan's order, with as many
        items but not the same items (lists with the same items lack nothing of each other)."""
        for groups in self.by_story.values():
            by_size: dict[int, list[Items]] = defaultdict(list)
            for items in groups:
                by_size[len(items)].append(items)
            for sizes in by_size.values():
                for k, first in enumerate(sizes):
                    for second in sizes[k + 1 :]:
                        yield from self._across(groups[first], groups[second])

    def _across(self, xs: list[Claim], ys: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
        for x in xs:
            for y in ys:
                if x.document != y.document:
                    yield (x, y) if self.position[id(x)] < self.position[id(y)] else (y, x)


def variant_pairs(block: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Pairs (a, b), a first in `block`, of dated claims with the same interval whose objects differ, both
    of the "X of Y" kind (only those can be one thing named two ways)."""
    position = {id(claim): k for k, claim in enumerate(block)}
    by_date: dict[object, dict[str | None, list[Claim]]] = defaultdict(dict)
    for claim in block:
        if " of " in (claim.frame.object or ""):
            by_date[claim.value.interval].setdefault(claim.frame.object, []).append(claim)
    for objects in by_date.values():
        names = list(objects)
        for k, first in enumerate(names):
            for second in names[k + 1 :]:
                for x in objects[first]:
                    for y in objects[second]:
                        yield (x, y) if position[id(x)] < position[id(y)] else (y, x)
