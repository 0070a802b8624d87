"""Claims + stories -> aligned pairs: two values that state one fact.

Inside a story (across its documents) and inside one article, a pair of
values is aligned when:

- their sentences say the same thing once the values are masked: the
  content words they share, each weighted by how rare it is in the scan
  (IDF), over the words either uses (a weighted Jaccard overlap);
- their frames agree on what is measured (the same class or noun, units of
  one kind), whose it is (two different named holders never meet), and the
  scope (no two different places, groups or periods): `frame_fit`;
- the evidence asked for the kind of fact is there: `evidence`.

Near-identical sentences that differ only in their values are the easiest
case and are paired value by value in order, whatever the parse says. Each
value keeps only its best partner in each other document, and only when
that choice is mutual, so a count is not matched to every other count of
its story. A sentence that copies print word for word (same values, same
day) is compared once: later copies are tied to its first print. Lists are
aligned by their items (`list_match.same_set`).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations, repeat

from claimcheck.evidence import (
    LEAST_OVERLAP,
    ONE_PER_REPORT,
    SAID_ALIKE,
    STAT_LINE,
    ScanFacts,
    alike,
    background,
    dated_before,
    evidence_of,
    fact_key,
    restated_sentence,
    value_text,
)
from claimcheck.extract.measures import incident_classes, people_words
from claimcheck.frame_fit import frame_fit, frames_clash
from claimcheck.models import Claim, Story
from claimcheck.pair_index import SentenceKeys, cross_story_candidates, may_align, story_candidates

ACROSS_MIN = 0.30  # score two values in different articles of one story need (claimcheck check)
GENERIC_STORIES, GENERIC_SHARE = 4, 0.1  # in scans of this many stories, names in this share of them are not specific
CROSS_STORY_NAMES = 2  # specific names two sentences of two stories must share to be compared
_INCIDENTS = incident_classes()
_FIGURES = ("number", "money", "percent", "count")


@dataclass(frozen=True)
class Pair:
    """Two claims that state one fact, and how sure the alignment is of it."""

    a: Claim
    b: Claim
    score: float  # 0..1 and more: overlap of the masked sentences plus frame agreement
    how: str  # "restated" (one sentence, values aside), "paraphrased", or "restated in one article"
    overlap: float = 0.0  # the masked sentences' weighted word overlap alone
    evidence: str = ""  # what made them one fact, in words
    confidence: float = 0.5  # how sure the pairing is, from its evidence


@dataclass
class _Sentence:
    document: str
    start: int
    text: str
    context: frozenset[str]
    claims: list[Claim]  # every value, in order: restated sentences are paired value by value
    parts: set[str]  # ids of later values of a fact the sentence already gave: "13 injured, five critically"
    keys: SentenceKeys | None = None  # what the indexes know of it, once its claims are all in
    # its facts and the texts of its values, kept once asked: a sentence of a big story meets thousands
    _facts: list[tuple[Claim, str]] | None = None
    _said: frozenset[str] | None = None

    def facts(self) -> list[Claim]:
        return [c for c, _ in self.facts_said()]

    def facts_said(self) -> list[tuple[Claim, str]]:
        """Each fact (values not parts of another), with its value's text; asked only once the sentence is whole."""
        if self._facts is None:
            self._facts = [(c, value_text(c)) for c in self.claims if c.id not in self.parts]
        return self._facts

    def said(self) -> frozenset[str]:
        if self._said is None:
            self._said = frozenset(value_text(c) for c in self.claims)
        return self._said

    def indexed(self, weights: dict[str, float]) -> SentenceKeys:
        if self.keys is None:
            facts = self.facts()
            self.keys = SentenceKeys(
                self.context, frozenset(fact_key(c) for c in facts),
                frozenset(c.frame.measure for c in facts if c.frame.measure in ONE_PER_REPORT),
                sum(weights.get(w, 1.0) for w in self.context),
            )
        return self.keys

    def names(self) -> frozenset[str]:
        return self.claims[0].frame.names if self.claims else frozenset()


WITHIN_ALL = 300  # sentences of an article up to which every two that share a word are compared
WITHIN_WINDOW = 30  # past that, sentences this close ...
RARE_IN_ARTICLE = 8  # ... or sharing a word at most this many of its sentences use


def align(
    claims: Sequence[Claim], stories: Sequence[Story], published: dict[str, date | None] | None = None,
    names: dict[str, frozenset[str]] | None = None,
) -> list[Pair]:
    """Every aligned pair of date and figure claims, inside stories and inside articles.

    `names` holds every name each article uses (else the names of its claims' sentences).
    """
    sentences = _sentences(claims)
    published = published or {}
    if names is None:
        found: dict[str, set[str]] = defaultdict(set)
        for claim in claims:
            found[claim.document].update(claim.frame.names)
        names = {doc: frozenset(found_names) for doc, found_names in found.items()}
    figures: Counter[tuple[str, int]] = Counter(
        (c.document, c.start) for c in claims
        if c.value.kind in _FIGURES and c.frame.measure != "age" and "part" not in c.frame.groups
    )
    scan = ScanFacts(_idf(sentences), _values(sentences, published), published,
                 names, _generic_names(names, stories), figures,
                 {doc: story.id for story in stories for doc in story.documents}, _measures_by_sentence(claims))
    by_doc: dict[str, list[_Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_doc[sentence.document].append(sentence)
    pairs: list[Pair] = []
    for story in stories:
        pairs += _in_story([by_doc.get(doc, []) for doc in story.documents], scan)
    pairs += _across_stories(sentences, scan)
    for doc_sentences in by_doc.values():
        pairs += _within(doc_sentences, scan)
    return pairs


def _across_stories(sentences: Sequence[_Sentence], scan: ScanFacts) -> list[Pair]:
    """Pairs across stories: a story's article may retell a fact of another story ("opened its creamery in 2001").

    Only sentences that name two specific things in common and say the same thing are paired.
    """
    names = [frozenset(n for n in s.names() if n not in scan.generic_names) for s in sentences]
    stories = [scan.story_of.get(s.document) for s in sentences]
    keys = [s.indexed(scan.weights) for s in sentences]
    candidates: list[Pair] = []
    # two stories' sentences are paired only when they say the same thing (SAID_ALIKE): the index looks no lower
    for i, j in cross_story_candidates(keys, names, stories, CROSS_STORY_NAMES, scan.weights, SAID_ALIKE):
        candidates += _pairs_of(sentences[i], sentences[j], scan, across=True, other_story=True)
    return _mutual_best(candidates)


def _measures_by_sentence(claims: Sequence[Claim]) -> dict[tuple[str, int], int]:
    """Distinct measures of each sentence's figures; what an incident does to people (dead, injured) counts
    and head counts as one, since "27 killed and 40 injured" and "five Chileans among the 29 dead" report one
    event, not a stat line."""
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    paired: dict[tuple[str, int], set[str]] = defaultdict(set)
    people = _INCIDENTS | people_words()
    for c in claims:
        if c.value.kind in _FIGURES and c.frame.measure not in (None, "age"):
            measure = "people" if c.frame.measure in people else c.frame.measure
            found[(c.document, c.start)].add(measure)
            if "part" in c.frame.groups and measure != "people":
                paired[(c.document, c.start)].add(measure)
    # "25 points and 16 rebounds": two measures coordinated are a stat line as much as three side by side
    return {key: len(measures) if len(paired[key]) < 2 else STAT_LINE for key, measures in found.items()}


def _generic_names(names: dict[str, frozenset[str]], stories: Sequence[Story]) -> frozenset[str]:
    """Names used across many stories of a scan ("U.S.", "the New York Stock Exchange"): they tell no event apart."""
    if len(stories) < GENERIC_STORIES:
        return frozenset()
    counts: Counter[str] = Counter()
    for story in stories:
        counts.update({name for doc in story.documents for name in names.get(doc, ())})
    return frozenset(name for name, n in counts.items() if n >= GENERIC_SHARE * len(stories))


def _sentences(claims: Sequence[Claim]) -> list[_Sentence]:
    """Claims by sentence; a later value of a fact its sentence already gave is a part of it and left out.

    "13 others injured, five critically": five is among the thirteen, not another count of the injured.
    """
    grouped: dict[tuple[str, int], _Sentence] = {}
    for claim in sorted(claims, key=lambda c: (c.document, c.start, c.value_start)):
        if claim.value.kind == "list" or claim.related is not None:
            continue  # lists and the counts that introduce them are compared by their items
        key = (claim.document, claim.start)
        if key not in grouped:
            grouped[key] = _Sentence(claim.document, claim.start, claim.text, claim.frame.context, [], set())
        sentence = grouped[key]
        if claim.value.kind != "date" and claim.frame.measure and any(
            fact_key(c) == fact_key(claim) for c in sentence.claims
        ):
            sentence.parts.add(claim.id)
        if claim.value.kind == "date" and claim.frame.measure:
            # "As it promised [Tuesday], Microsoft today issued a patch": one event dated twice in one
            # sentence, one of the dates misread; neither is held against another article
            for other in sentence.claims:
                if _two_dates_of_one_event(other, claim):
                    sentence.parts.update({other.id, claim.id})
        sentence.claims.append(claim)
    return list(grouped.values())


def _two_dates_of_one_event(a: Claim, b: Claim) -> bool:
    x, y = a.value.interval, b.value.interval
    return (a.value.kind == "date" and a.frame.measure == b.frame.measure and not a.frame.statement
            and not b.frame.statement and x is not None and y is not None and not x.overlaps(y))


def _values(sentences: Sequence[_Sentence], published: dict[str, date | None]) -> dict[tuple, frozenset[str]]:
    found: dict[tuple, set[str]] = defaultdict(set)
    for sentence in sentences:
        for claim in sentence.facts():
            if dated_before(claim, published.get(claim.document)) or claim.frame.modality != "asserted":
                continue  # "bought Maison Rive for $300 million in 2021", "his previous best": not today's value
            found[(claim.document, fact_key(claim))].add(" ".join(claim.value.text.lower().split()))
    return {key: frozenset(values) for key, values in found.items()}


def _idf(sentences: Sequence[_Sentence]) -> dict[str, float]:
    documents: dict[str, set[str]] = defaultdict(set)
    for sentence in sentences:
        documents[sentence.document].update(sentence.context)
    n = len(documents)
    df = Counter(word for words in documents.values() for word in words)
    return {word: math.log(1 + n / count) for word, count in df.items()}


def overlap(a: frozenset[str], b: frozenset[str], weights: dict[str, float]) -> float:
    """Weighted Jaccard: the rare words two sentences share over the words either uses."""
    if not a or not b:
        return 0.0
    # map(), not a generator: the same sums in the same order, at half the cost (pairs of a big story are many)
    shared = sum(map(weights.get, a & b, repeat(1.0)))
    total = sum(map(weights.get, a | b, repeat(1.0)))
    return shared / total if total else 0.0


def _in_story(documents: list[list[_Sentence]], scan: ScanFacts) -> list[Pair]:
    """Pairs across the articles of one story (`documents`: each one's sentences, in story order).

    For each two articles, in story order, the sentences that may state one fact (pair_index), each
    value keeping its best partner in the other article. The candidates come from indexes over the
    story's sentences, not from every pair of articles, and are the ones that can give a pair.
    """
    documents, pairs = _one_of_each_restatement(documents, scan)
    keys = [[sentence.indexed(scan.weights) for sentence in sentences] for sentences in documents]
    for a, b, candidates in story_candidates(keys, scan.weights, LEAST_OVERLAP):
        found: list[Pair] = []
        for i, j in candidates:
            if may_align(keys[a][i], keys[b][j], scan.weights, LEAST_OVERLAP):
                found += _pairs_of(documents[a][i], documents[b][j], scan, across=True)
        pairs += _mutual_best(found)
    return pairs


def _one_of_each_restatement(
    documents: list[list[_Sentence]], scan: ScanFacts,
) -> tuple[list[list[_Sentence]], list[Pair]]:
    """A sentence that copies print word for word, with the same values read alike, is compared once.

    Syndicated copies of a story restate the same sentences: paired copy by copy, 1,000 outlets are half a
    million pairs per sentence, all of them agreeing. The first article that prints such a sentence keeps it;
    every later copy (same text, values, frames and publication date) is paired with that first one only, and
    so joins whatever it is aligned with. Returns the articles' sentences without the later copies, and the
    pairs that tie each copy to its first.
    """
    first: dict[tuple, _Sentence] = {}
    kept: list[list[_Sentence]] = []
    ties: list[Pair] = []
    for sentences in documents:
        own: list[_Sentence] = []
        for sentence in sentences:
            key = _restatement_key(sentence, scan.published)
            earlier = first.setdefault(key, sentence)
            tie = _pairs_of(sentence, earlier, scan, across=True) if earlier.document != sentence.document else []
            if tie and all(pair.how == "restated" for pair in tie):
                ties += tie
            else:
                own.append(sentence)
        kept.append(own)
    return kept, ties


def _restatement_key(sentence: _Sentence, published: dict[str, date | None]) -> tuple:
    parts = tuple(i for i, claim in enumerate(sentence.claims) if claim.id in sentence.parts)
    values = tuple((c.value, c.frame, c.related, c.partial) for c in sentence.claims)
    return sentence.text, published.get(sentence.document), values, parts


def _within(sentences: list[_Sentence], scan: ScanFacts) -> list[Pair]:
    """Pairs inside one article: every two sentences that share a word. In an article of more than
    WITHIN_ALL sentences (a report, a transcript) the work is bounded: sentences WITHIN_WINDOW apart,
    or sharing a word that few of its sentences use."""
    candidates: list[Pair] = []
    for i, j in _within_candidates(sentences):
        candidates += _pairs_of(sentences[i], sentences[j], scan, across=False)
    return _mutual_best(candidates)


def _within_candidates(sentences: list[_Sentence]) -> Iterable[tuple[int, int]]:
    if len(sentences) <= WITHIN_ALL:
        yield from ((i, j) for i, j in combinations(range(len(sentences)), 2)
                    if sentences[i].context & sentences[j].context)
        return
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, sentence in enumerate(sentences):
        for word in sentence.context:
            by_word[word].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in by_word.values():
        if len(members) <= RARE_IN_ARTICLE:
            pairs.update(combinations(members, 2))
    for i, sentence in enumerate(sentences):
        for j in range(i + 1, min(len(sentences), i + 1 + WITHIN_WINDOW)):
            if sentence.context & sentences[j].context:
                pairs.add((i, j))
    yield from sorted(pairs)


def _pairs_of(sa: _Sentence, sb: _Sentence, scan: ScanFacts, across: bool, other_story: bool = False) -> list[Pair]:
    similarity = overlap(sa.context, sb.context, scan.weights)
    if across and similarity >= 0.5 and (restated := restated_sentence(sa.text, sa.claims, sb.text, sb.claims)):
        return [Pair(a, b, 1.0 + similarity, "restated", similarity, "one sentence, values aside", 0.9)
                for a, b in _in_order(sa.claims, sb.claims) if not frames_clash(a, b, edited=restated == "similar")]
    pairs = []
    said_a, said_b = sa.said(), sb.said()
    for a, text_a in sa.facts_said():
        for b, text_b in sb.facts_said():
            if text_a != text_b and (text_a in said_b or text_b in said_a):
                continue  # "five soldiers died, four from friendly fire" / "the four killed by friendly fire"
            fit = frame_fit(a, b)
            if fit is None or background(a, b, scan.published):
                continue
            evidence = (alike(similarity, SAID_ALIKE, "sentences alike, in two stories") if other_story
                        else evidence_of(a, b, similarity, scan, across))
            if evidence is not None:
                how = "paraphrased" if across else "restated in one article"
                score = round(similarity + fit, 3)
                pairs.append(Pair(a, b, score, how, similarity, evidence.tier, evidence.confidence))
    return pairs


def _in_order(left: list[Claim], right: list[Claim]) -> Iterable[tuple[Claim, Claim]]:
    """Values of two restated sentences: those written alike pair with each other, the rest by order.

    When the two sentences do not give as many values of a family (one date was not
    read in one copy), the values left over pair only with values of the same measure:
    pairing them by position would hold July against 2005.
    """
    for family in (("date",), _FIGURES):
        xs = [c for c in left if c.value.kind in family]
        ys = [c for c in right if c.value.kind in family]
        for x in list(xs):
            twin = next((y for y in ys if value_text(y) == value_text(x)), None)
            if twin is not None:
                xs.remove(x)
                ys.remove(twin)
                yield x, twin
        if len(xs) == len(ys):
            yield from zip(xs, ys, strict=True)
        else:
            yield from ((x, y) for x in xs for y in ys
                        if x.frame.measure and x.frame.measure == y.frame.measure and frame_fit(x, y) is not None)


def same_fact(a: Claim, b: Claim) -> bool:
    """Whether two claims state one fact, as the alignment would pair them (values aside)."""
    if a.value.kind == "list" or b.value.kind == "list":
        return False
    fit = frame_fit(a, b)
    return fit is not None and overlap(a.frame.context, b.frame.context, {}) + fit >= ACROSS_MIN


def _mutual_best(candidates: list[Pair]) -> list[Pair]:
    """Keep a pair only when each value is the other's best partner in the other's document."""
    best: dict[tuple[str, str], Pair] = {}
    for pair in candidates:
        for mine, theirs in ((pair.a, pair.b), (pair.b, pair.a)):
            key = (mine.id, theirs.document)
            if key not in best or pair.score > best[key].score:
                best[key] = pair
    return [
        pair for pair in candidates
        if best[(pair.a.id, pair.b.document)] is pair and best[(pair.b.id, pair.a.document)] is pair
    ]
