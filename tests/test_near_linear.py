"""The indexes that keep comparison near-linear find what comparing every pair finds.

Each test sets the indexed stage against a brute-force reference (the loop over
every pair the stage replaced) on random small inputs.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import align as align_module
from claimcheck import neardup, stories, story_graph
from claimcheck.align import align, overlap
from claimcheck.claim_index import ListsByStory, variant_pairs
from claimcheck.evidence import CONSENSUS, LEAST_OVERLAP, SHORT_NAMES, STORY_NAMES, ScanFacts, fact_key, value_text
from claimcheck.extract.entities import same_name
from claimcheck.list_match import same_set
from claimcheck.models import Claim, DocumentTerms, Story, make_article
from claimcheck.pair_index import NameMatcher, SentenceKeys, overlap_prefix, story_candidates
from kit import YEAR_2023, YEAR_2025, claim, figure, on

FEW = settings(max_examples=60, deadline=None, derandomize=True)
WORDS = ["harbour", "freight", "quayside", "deal", "port", "said", "tuesday", "million", "pounds", "crash"]


# ------------------------------------------------------------------ near-duplicates

def groups_every_pair(articles, threshold=neardup.MIN_JACCARD):
    """neardup.groups as it was: every pair tested."""
    sets = [neardup.shingles(a.text) for a in articles]
    leader = {a.id: a.id for a in articles}

    def find(doc_id):
        while leader[doc_id] != doc_id:
            doc_id = leader[doc_id]
        return doc_id

    for i, j in combinations(range(len(articles)), 2):
        small, large = sorted((len(sets[i]), len(sets[j])))
        if small and small / large >= threshold and neardup.jaccard(sets[i], sets[j]) >= threshold:
            a, b = sorted((find(articles[i].id), find(articles[j].id)))
            leader[b] = a
    return {doc_id: find(doc_id) for doc_id in leader}


# texts built from a few base texts with words changed, cut or added: many pairs near the threshold
texts = st.lists(st.tuples(st.integers(0, 2), st.lists(st.integers(0, 40), max_size=6), st.integers(0, 12)),
                 min_size=1, max_size=12)


@FEW
@given(texts)
def test_indexed_near_duplicates_equal_every_pair(specs):
    rng = random.Random(7)
    bases = [[rng.choice(WORDS) for _ in range(30)] for _ in range(3)]
    articles = []
    for n, (base, edits, cut) in enumerate(specs):
        words = list(bases[base])[cut:]
        for at in edits:
            if at < len(words):
                words[at] = WORDS[(at + n) % len(WORDS)]
        text = " ".join(words)
        articles.append(make_article(id=f"d{n:02d}", path=f"d{n:02d}.txt", source=text, text=text, blocks=()))
    assert neardup.groups(articles) == groups_every_pair(articles)


def test_a_thousand_copies_are_one_group_found_without_every_pair(monkeypatch):
    text = " ".join(random.Random(3).choice(WORDS) + str(k) for k in range(200))
    articles = [make_article(id=f"c{k:04d}", path="", source=f"{text} copy {k}", text=f"{text} copy {k}", blocks=())
                for k in range(1000)]
    verified = []
    exact = neardup.is_copy
    monkeypatch.setattr(neardup, "is_copy", lambda a, b, t: verified.append(1) or exact(a, b, t))
    assert set(neardup.groups(articles).values()) == {"c0000"}
    assert len(verified) < 2000  # every pair would be 499,500


# ------------------------------------------------------------------ names

names = st.lists(st.sampled_from(["doe", "jane doe", "jane", "acme", "acme corp", "new york", "new york city",
                                  "ministry of labour of france", "france", " acme", "acme ", "", "a b c d"]),
                 max_size=6)


@FEW
@given(names, names)
def test_name_matcher_equals_same_name_on_every_pair(ours, theirs):
    matcher = NameMatcher(theirs)
    for name in ours:
        assert matcher.matches(name) == any(same_name(name, other) for other in theirs), (name, theirs)


# ------------------------------------------------------------------ sentence candidates

contexts = st.lists(st.lists(st.frozensets(st.sampled_from(WORDS), max_size=6), max_size=4), min_size=2, max_size=4)


@FEW
@given(contexts, st.lists(st.floats(0.1, 5.0), min_size=len(WORDS), max_size=len(WORDS)))
def test_every_pair_alike_enough_is_a_candidate(documents, weights_list):
    weights = dict(zip(WORDS, weights_list, strict=True))
    keys = [[SentenceKeys(words, frozenset(), frozenset(), sum(weights[w] for w in words)) for words in doc]
            for doc in documents]
    found = {(a, b, i, j) for a, b, pairs in story_candidates(keys, weights, LEAST_OVERLAP) for i, j in pairs}
    for a, b in combinations(range(len(documents)), 2):
        for i, x in enumerate(documents[a]):
            for j, y in enumerate(documents[b]):
                if overlap(x, y, weights) >= LEAST_OVERLAP:
                    assert (a, b, i, j) in found
    assert all(overlap_prefix(words, weights, 0.0) == sorted(words, key=lambda w: (-weights[w], w))
               for doc in documents for words in doc)


# ------------------------------------------------------------------ alignment

class EveryPairFacts(ScanFacts):
    """ScanFacts as it was: names matched pair by pair, counts of values summed article by article."""

    def shares_story(self, doc_a, doc_b):
        a, b = self.names.get(doc_a, frozenset()), self.names.get(doc_b, frozenset())
        common = [x for x in a if x not in self.generic_names and any(same_name(x, y) for y in b)]
        return len(common) >= (1 if min(len(a), len(b)) <= SHORT_NAMES else STORY_NAMES)

    def few_values(self, claim):
        story = self.story_of.get(claim.document)
        return len({v for doc, values in self.by_fact.get(fact_key(claim), ()) if self.story_of.get(doc) == story
                    for v in values}) <= 2

    def consensus(self, claim):
        text = value_text(claim)
        return sum(1 for doc, values in self.by_fact.get(fact_key(claim), ())
                   if text in values and doc != claim.document) >= CONSENSUS


def align_every_pair(claims, story_list, published):
    """align() as it was: every two articles of a story, every sentence pair sharing a word or a fact."""
    m = align_module
    sentences = m._sentences(claims)
    found: dict[str, set[str]] = {}
    for c in claims:
        found.setdefault(c.document, set()).update(c.frame.names)
    names = {doc: frozenset(n) for doc, n in found.items()}
    figures = Counter((c.document, c.start) for c in claims if c.value.kind in m._FIGURES
                      and c.frame.measure != "age" and "part" not in c.frame.groups)
    scan = EveryPairFacts(m._idf(sentences), m._values(sentences, published), published, names,
                          m._generic_names(names, story_list), figures,
                          {doc: s.id for s in story_list for doc in s.documents}, m._measures_by_sentence(claims))
    by_doc: dict[str, list] = {}
    for sentence in sentences:
        by_doc.setdefault(sentence.document, []).append(sentence)
    pairs = []
    for story in story_list:
        # copies of a restated sentence are tied to its first print before anything is compared (not an index)
        kept, ties = m._one_of_each_restatement([by_doc.get(doc, []) for doc in story.documents], scan)
        pairs += ties
        story_sentences = dict(zip(story.documents, kept, strict=True))
        for doc_a, doc_b in combinations(story.documents, 2):
            candidates = []
            for sa in story_sentences[doc_a]:
                for sb in story_sentences[doc_b]:
                    if sa.context & sb.context or {fact_key(c) for c in sa.facts()} & {fact_key(c) for c in sb.facts()}:
                        candidates += m._pairs_of(sa, sb, scan, across=True)
            pairs += m._mutual_best(candidates)
    candidates = []
    for i, sa in enumerate(sentences):
        for sb in sentences[i + 1:]:
            shared = {n for n in sa.names() if n not in scan.generic_names} & set(sb.names())
            if len(shared) >= m.CROSS_STORY_NAMES and scan.story_of.get(sa.document) != scan.story_of.get(sb.document):
                candidates += m._pairs_of(sa, sb, scan, across=True, other_story=True)
    pairs += m._mutual_best(candidates)
    for doc_sentences in by_doc.values():
        pairs += m._within(doc_sentences, scan)
    return pairs


@dataclass(frozen=True)
class Spec:
    doc: int
    sentence: int
    words: frozenset[str]
    measure: str | None
    number: int
    holder: str | None
    names: frozenset[str]


specs = st.lists(st.builds(
    Spec, st.integers(0, 4), st.integers(0, 2), st.frozensets(st.sampled_from(WORDS), min_size=1, max_size=4),
    st.sampled_from(["dead", "injured", "price", "date", None]), st.integers(1, 3),
    st.sampled_from([None, None, "acme"]), st.frozensets(st.sampled_from(["japan", "acme", "meti"]))),
    min_size=2, max_size=14)


def built(spec_list):
    claims: list[Claim] = []
    sentences: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] = {}
    for k, s in enumerate(spec_list):
        doc, start = "abcde"[s.doc], s.sentence * 100
        # one sentence, one text; every article names India, so a toll told in other words may pair
        words, names = sentences.setdefault((doc, start), (s.words, s.names | {"india"}))
        text = " ".join(sorted(words))
        frame = dict(context=words, names=names, measure=s.measure, measured_by="class" if s.measure else None,
                     holder=s.holder, holder_is_name=s.holder is not None)
        if s.measure == "date":
            value = on(YEAR_2023 if s.number < 3 else YEAR_2025, f"{2020 + s.number}")
            frame.update(measure="sign memorandum", measured_by="event", predicate="sign", object="memorandum")
        else:
            value = figure(s.number * 10, f"{s.number * 10}")  # few values a fact: tolls pair whatever the words
        claims.append(claim(doc, start + k % 3, value, text, **frame))
    return claims


@FEW
@given(specs, st.integers(0, 3))
def test_indexed_alignment_equals_every_pair(spec_list, cut):
    claims = built(spec_list)
    docs = tuple(sorted({c.document for c in claims}))
    story_list = [Story("s1", "", docs[:cut]), Story("s2", "", docs[cut:])] if 0 < cut < len(docs) else \
        [Story("s1", "", docs)]
    published: dict[str, date | None] = {doc: date(2025, 3, 9) for doc in docs}
    assert align(claims, story_list, published) == align_every_pair(claims, story_list, published)


# ------------------------------------------------------------------ counts, lists, name variants

item_lists = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 1),
                                st.lists(st.sampled_from(["ports", "rail", "energy", "health", "mining", "ai"]),
                                         min_size=3, max_size=5, unique=True)), max_size=10)


@FEW
@given(item_lists)
def test_lists_by_story_meet_what_every_pair_meets(specs_):
    lists = [claim("abcd"[doc], k * 10, figure(len(items), str(len(items)), kind="list", items=tuple(items)))
             for k, (doc, _, items) in enumerate(specs_)]
    story_of = {doc: ("one" if doc in "ab" else "two") for doc in "abcd"}
    key = lambda c: story_of.get(c.document, c.document)  # noqa: E731 - the grouping compare.py uses
    index = ListsByStory(lists, key)
    for listed in lists:
        every = [c for c in lists if c.document != listed.document and key(c) == key(listed)
                 and same_set(listed.value.items, c.value.items)]
        assert index.same_set(listed, listed.value.items) == every
    every_pair = {(a.id, b.id) for i, a in enumerate(lists) for b in lists[i + 1:]
                  if a.document != b.document and key(a) == key(b) and len(a.value.items) == len(b.value.items)
                  and a.value.items != b.value.items}
    assert {(a.id, b.id) for a, b in index.equal_sizes()} == every_pair


@FEW
@given(st.lists(st.tuples(st.sampled_from(["memorandum of cooperation", "memorandum of understanding", "memorandum",
                                           None]), st.booleans()), max_size=10))
def test_variant_pairs_are_every_pair_of_one_date_and_two_objects(specs_):
    block = [claim("ab"[k % 2], k * 10, on(YEAR_2023 if early else YEAR_2025), object=obj, predicate="sign")
             for k, (obj, early) in enumerate(specs_)]
    every = {(a.id, b.id) for i, a in enumerate(block) for b in block[i + 1:]
             if a.frame.object != b.frame.object and a.value.interval == b.value.interval
             and " of " in (a.frame.object or "") and " of " in (b.frame.object or "")}
    assert {(a.id, b.id) for a, b in variant_pairs(block)} == every


# ------------------------------------------------------------------ stories

def topical_bags(seed: int, n: int) -> list[dict[str, int]]:
    """Documents of a few topics and events: each uses its event's rare words, its topic's and everyone's."""
    rng = random.Random(seed)
    bags = []
    for k in range(n):
        topic, event = k % 4, k % 12
        bag = Counter(f"w:common{rng.randrange(30)}" for _ in range(20))
        bag.update(f"w:topic{topic}-{rng.randrange(15)}" for _ in range(8))
        bag.update(f"n:event{event}-{rng.randrange(6)}" for _ in range(5))
        bags.append(dict(bag))
    return bags


@pytest.mark.parametrize("seed", range(4))
def test_sparse_stories_equal_the_dense_ones(seed, monkeypatch):
    bags = topical_bags(seed, 240)
    documents = [(f"d{k:03d}", DocumentTerms(terms=bag)) for k, bag in enumerate(bags)]
    dense = stories.group_stories(documents)
    monkeypatch.setattr(stories, "DENSE_UP_TO", 0)
    monkeypatch.setattr(story_graph, "LINK_DF", 40)  # topic words (60 documents each) link nothing
    monkeypatch.setattr(story_graph, "DENSE_CELLS", 0 if seed % 2 else story_graph.DENSE_CELLS)  # both stores
    assert stories.group_stories(documents) == dense


@FEW
@given(specs)
def test_indexed_alignment_across_stories_equals_every_pair(spec_list):
    # two stories whose articles name the same two things: sentences of both are compared when alike
    claims = [replace(c, frame=replace(c.frame, names=c.frame.names | {"japan"})) for c in built(spec_list)]
    docs = tuple(sorted({c.document for c in claims}))
    story_list = [Story("s1", "", docs[::2]), Story("s2", "", docs[1::2])]
    published: dict[str, date | None] = {doc: date(2025, 3, 9) for doc in docs}
    assert align(claims, story_list, published) == align_every_pair(claims, story_list, published)


def test_sentences_of_two_stories_that_say_the_same_thing_are_found():
    frame = dict(measure="price", measured_by="class", names=("india", "japan"))
    a = claim("a", 0, figure(40, "40"), "harbour freight deal port said", **frame)
    b = claim("b", 0, figure(44, "44"), "harbour freight deal port crash", **frame)
    story_list = [Story("s1", "", ("a",)), Story("s2", "", ("b",))]
    published: dict[str, date | None] = {"a": date(2025, 3, 9), "b": date(2025, 3, 9)}
    found = align([a, b], story_list, published)
    assert [(p.a.id, p.b.id) for p in found] == [(a.id, b.id)]
    assert found == align_every_pair([a, b], story_list, published)
