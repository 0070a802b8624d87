"""Which sentences alignment compares: inverted indexes instead of every pair.

Comparing every sentence of every article of a story with every sentence of
every other grows with the square of the story: 1,000 outlets of one event are
half a million pairs of articles. Alignment pairs two values of two articles
only when their sentences share words (a weighted overlap of at least
`LEAST_OVERLAP`, the lowest floor any evidence asks for), or when both give a
count an incident report gives once (the dead, the injured), which is paired
whatever the words. So the candidates come from two indexes over a story's
sentences: one by words, one by those counts. The word index holds only each
sentence's prefix (its words, rarest first, as many as can hold the first word
it shares with any sentence that alike: prefix filtering), so the words every
article of a story uses do not pair every sentence with every other. Every
candidate is then checked exactly, and the pairs found are the ones comparing
every pair would find, in the same order.

`NameMatcher` answers "does this name match one of those" (entities.same_name:
equal, or one is the other's surname or head) by set look-ups, so asking it
of two articles' names costs their sizes, not their product.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

# the prefix bound is exact arithmetic; a hair below the floor keeps float sums on the safe side
_ROUNDING = 1e-6


@dataclass(frozen=True)
class SentenceKeys:
    """What the indexes know of one sentence: its words, its facts, the once-per-report counts it gives."""

    words: frozenset[str]
    facts: frozenset[Hashable]  # fact keys of its values (evidence.fact_key)
    counts: frozenset[str]  # measures of its values that a report gives once (the dead, the injured)
    weight: float  # of its words, summed: the overlap of two sentences is found from the words they share


def overlap_prefix(words: Iterable[str], weights: Mapping[str, float], floor: float) -> list[str]:
    """The words of a sentence, rarest first, of which any sentence at least `floor` alike shares one.

    Weighted overlap is shared / union >= floor, so the words shared weigh at least floor times
    this sentence's words; the words left out of the prefix weigh less than that.
    """
    ordered = sorted(words, key=lambda w: (-weights.get(w, 1.0), w))
    total = sum(weights.get(w, 1.0) for w in ordered)
    rest = total
    prefix = []
    for word in ordered:
        if rest < (floor - _ROUNDING) * total:
            break
        prefix.append(word)
        rest -= weights.get(word, 1.0)
    return prefix


def story_candidates(
    documents: Sequence[Sequence[SentenceKeys]], weights: Mapping[str, float], floor: float
) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Sentence pairs across the documents of one story that may align: (a, b, [(i, j)]), a < b.

    Sentence i of document a and sentence j of document b share a word of both prefixes, or a
    once-per-report count. Ordered as comparing document pairs in story order would visit them.
    """
    by_word: dict[str, list[tuple[int, int]]] = defaultdict(list)
    by_count: dict[str, list[tuple[int, int]]] = defaultdict(list)
    found: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for b, sentences in enumerate(documents):
        prefixes = [overlap_prefix(s.words, weights, floor) for s in sentences]
        # look up before indexing this document: it is paired with the documents before it
        for j, (sentence, prefix) in enumerate(zip(sentences, prefixes, strict=True)):
            for key, index in [(w, by_word) for w in prefix] + [(c, by_count) for c in sentence.counts]:
                for a, i in index.get(key, ()):
                    found[(a, b)].add((i, j))
        for j, (sentence, prefix) in enumerate(zip(sentences, prefixes, strict=True)):
            for word in prefix:
                by_word[word].append((b, j))
            for count in sentence.counts:
                by_count[count].append((b, j))
    return [(a, b, sorted(found[(a, b)])) for a, b in sorted(found)]


def may_align(x: SentenceKeys, y: SentenceKeys, weights: Mapping[str, float], floor: float) -> bool:
    """Whether a candidate can give a pair: words enough in common, or a once-per-report count both give
    (and, as for any pair looked at, a word or a fact in common).

    """
    if alike_enough(x, y, weights, floor):
        return True
    return bool(x.counts & y.counts) and bool(x.words & y.words or x.facts & y.facts)


def cross_story_candidates(
    sentences: Sequence[SentenceKeys], names: Sequence[frozenset[str]], stories: Sequence[str | None],
    least: int, weights: Mapping[str, float], floor: float,
) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences of two stories that name at least `least` things in common and may
    be at least `floor` alike, in order.

    Words are indexed by story, so the sentences of one big story are never looked at against each other.
    """
    prefixes = [overlap_prefix(s.words, weights, floor) for s in sentences]
    by_word: dict[str, dict[str | None, list[int]]] = defaultdict(dict)
    for i, prefix in enumerate(prefixes):
        if len(names[i]) >= least:
            for word in prefix:
                by_word[word].setdefault(stories[i], []).append(i)
    for i, prefix in enumerate(prefixes):
        if len(names[i]) < least:
            continue
        found: set[int] = set()
        for word in prefix:
            for story, members in by_word[word].items():
                if story != stories[i]:
                    found.update(members[bisect_right(members, i):])
        yield from (
            (i, j) for j in sorted(found)
            if len(names[i] & names[j]) >= least and alike_enough(sentences[i], sentences[j], weights, floor)
        )


def alike_enough(x: SentenceKeys, y: SentenceKeys, weights: Mapping[str, float], floor: float) -> bool:
    """Whether two sentences may be at least `floor` alike (weighted overlap), reckoned from the words they share
    alone (the union weighs what both weigh, less what they share); a hair of slack covers the other order
    of summing, and the exact overlap decides later."""
    shared = sum(weights.get(w, 1.0) for w in x.words & y.words)
    union = x.weight + y.weight - shared
    return union > 0 and shared / union >= floor - _ROUNDING


class NameMatcher:
    """Whether a name matches any of a set of names, as `any(same_name(x, y) for y in names)`.

    same_name(x, y): equal; or the shorter, one word, is the first or last word of the longer,
    of at most three words ("doe" / "jane doe"); or the shorter, of several words, starts or ends
    the longer at a word boundary. Each way is a set of the strings that would match.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.exact = frozenset(names)
        self.one_word: set[str] = set()  # names of one word: the surname or head of a longer name
        self.several_words: set[str] = set()  # names of any other count of words: a longer name starts or ends with one
        self.short_ends: set[str] = set()  # first and last words of names of one to three words
        self.word_edges: set[str] = set()  # every prefix and suffix of a name cut at a space
        for name in self.exact:
            words = name.split()
            (self.one_word if len(words) == 1 else self.several_words).add(name)
            if 1 <= len(words) <= 3:
                self.short_ends.update((words[0], words[-1]))
            for k, char in enumerate(name):
                if char == " ":
                    self.word_edges.update((name[:k], name[k + 1 :]))

    def matches(self, name: str) -> bool:
        if name in self.exact:
            return True
        words = name.split()
        # `name` the shorter: a one-word name ends a short name; a longer one starts or ends a name
        if name in (self.short_ends if len(words) == 1 else self.word_edges):
            return True
        # `name` the longer: a one-word name is its first or last word; a longer one starts or ends it
        if words and len(words) <= 3 and (words[0] in self.one_word or words[-1] in self.one_word):
            return True
        return any(
            char == " " and (name[:k] in self.several_words or name[k + 1 :] in self.several_words)
            for k, char in enumerate(name)
        )


def count_matches(names: Iterable[str], matcher: NameMatcher, skip: frozenset[str], enough: int) -> int:
    """How many of `names` (those not in `skip`) the matcher matches, counting no further than `enough`."""
    found = 0
    for name in names:
        if name not in skip and matcher.matches(name):
            found += 1
            if found >= enough:
                break
    return found
