"""Claims + stories -> aligned pairs: two values that state one fact.

Inside a story (across its documents) and inside one article, a pair of
values is aligned when:

- their sentences say the same thing once the values are masked: the
  content words they share, each weighted by how rare it is in the scan
  (IDF), over the words either uses (a weighted Jaccard overlap);
- their frames agree on what is measured (the same class or noun, units of
  one kind), whose it is (two different named holders never meet), and the
  scope (no two different places, groups or periods).

Near-identical sentences that differ only in their values are the easiest
case and are paired value by value in order, whatever the parse says. Each
value keeps only its best partner in each other document, and only when
that choice is mutual, so a count is not matched to every other count of
its story. Lists are aligned by their items (`same_set`).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations

from claimcheck.extract.entities import overlap as names_overlap
from claimcheck.extract.entities import same_name
from claimcheck.extract.frames import incident_classes, people_words
from claimcheck.extract.numbers import units
from claimcheck.models import Claim, Story

ACROSS_MIN = 0.30  # score two values in different articles of one story need (claimcheck check)
SAID_ALIKE = 0.45  # sentence overlap at which two sentences say the same thing
NAMED_MIN = 0.20  # sentence overlap needed for one fact of one named holder ("Chopra's throw")
EVENT_MIN = 0.10  # sentence overlap needed for two dates of one event named alike
RESTATED_MIN = 0.20  # sentence overlap needed for one action's figure said twice in one article
STORY_NAMES = 2  # specific names two articles must share to be telling one event
SHORT_NAMES = 4  # an article naming this few things needs to share only one name
GENERIC_STORIES, GENERIC_SHARE = 4, 0.1  # in scans of this many stories, names in this share of them are not specific
STAT_LINE = 3  # figures of this many measures in one sentence make a stat line (or two, coordinated)
CROSS_STORY_NAMES = 2  # specific names two sentences of two stories must share to be compared
CONSENSUS = 2  # other articles giving one value for a fact before a toll told in other words is paired with it
_INCIDENTS = incident_classes()
_ONE_PER_REPORT = _INCIDENTS | {"age"}  # measures a report gives once: the toll, the injured, an age
AMBIGUOUS_MIN = 0.50  # sentence overlap needed when an article gives several values of one measure
WEAK_MIN = 0.55  # sentence overlap needed when a figure's measure is only its verb ("injected", "include")
RESTATED = 0.85  # sequence similarity of two sentences, values masked, above which they are one sentence
OCCURRENCE_DAYS = 365  # a date this long before the story's now is another occurrence of its kind of event
BACKGROUND_DAYS = 7  # a figure for a period that ended this long before the other report is background
_FIGURES = ("number", "money", "percent", "count")
_TOKEN = re.compile(r"\w+|[^\w\s]")


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

    def facts(self) -> list[Claim]:
        return [c for c in self.claims if c.id not in self.parts]

    def names(self) -> frozenset[str]:
        return self.claims[0].frame.names if self.claims else frozenset()


@dataclass(frozen=True)
class _Scan:
    """What alignment knows of the whole scan: word weights, how many values each article gives per fact."""

    weights: dict[str, float]
    values: dict[tuple, frozenset[str]]  # (document, fact key) -> the distinct values given for it
    published: dict[str, date | None]

    names: dict[str, frozenset[str]]  # every name each article uses
    generic_names: frozenset[str]  # names so many articles of the scan use that they tell nothing apart
    figures: dict[tuple[str, int], int]  # (document, sentence start) -> figures it gives, ages and parts aside
    story_of: dict[str, str]  # document -> its story
    measures: dict[tuple[str, int], int]  # (document, sentence start) -> distinct measures of its figures

    def shares_story(self, doc_a: str, doc_b: str) -> bool:
        """Whether two articles name enough of the same specific things to be telling one event.

        Names most of a large scan uses ("U.S.", "the New York Stock Exchange") do not count;
        two short articles need one name in common, longer ones two.
        """
        a, b = self.names.get(doc_a, frozenset()), self.names.get(doc_b, frozenset())
        common = [x for x in a if x not in self.generic_names and any(same_name(x, y) for y in b)]
        return len(common) >= (1 if min(len(a), len(b)) <= SHORT_NAMES else STORY_NAMES)

    def stat_line(self, claim: Claim) -> bool:
        """A sentence giving figures of three measures or more: a stat line or a table in words."""
        return self.measures.get((claim.document, claim.start), 0) >= STAT_LINE

    def figures_in(self, claim: Claim) -> int:
        return self.figures.get((claim.document, claim.start), 0)

    def few_values(self, claim: Claim) -> bool:
        """Whether the claim's story gives at most two values for its fact: then it is likely one fact."""
        story = self.story_of.get(claim.document)
        key = fact_key(claim)
        found = {v for (doc, k), values in self.values.items() if k == key and self.story_of.get(doc) == story
                 for v in values}
        return len(found) <= 2

    def consensus(self, claim: Claim) -> bool:
        """Whether several other articles give the same value for the claim's fact (the story's figure)."""
        key, text = fact_key(claim), _text(claim)
        agreeing = sum(1 for (doc, k), values in self.values.items() if k == key and text in values and doc != claim.document)
        return agreeing >= CONSENSUS

    def ambiguous(self, claim: Claim, allowed: int = 1) -> bool:
        return len(self.values.get((claim.document, fact_key(claim)), ())) > allowed


def fact_key(claim: Claim) -> tuple:
    f = claim.frame
    return (claim.value.kind == "date", f.measure, f.holder, f.groups, f.object if f.object_is_name else None)


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
    scan = _Scan(_idf(sentences), _values(sentences, published), published,
                 names, _generic_names(names, stories), figures,
                 {doc: story.id for story in stories for doc in story.documents}, _measures_by_sentence(claims))
    by_doc: dict[str, list[_Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_doc[sentence.document].append(sentence)
    pairs: list[Pair] = []
    for story in stories:
        for doc_a, doc_b in combinations(story.documents, 2):
            pairs += _between(by_doc.get(doc_a, []), by_doc.get(doc_b, []), scan)
    pairs += _across_stories(sentences, scan)
    for doc_sentences in by_doc.values():
        pairs += _within(doc_sentences, scan)
    return pairs


def _across_stories(sentences: Sequence[_Sentence], scan: _Scan) -> list[Pair]:
    """Pairs across stories: a story's article may retell a fact of another story ("opened its creamery in 2001").

    Only sentences that name two specific things in common and say the same thing are paired.
    """
    by_name: dict[str, list[int]] = defaultdict(list)
    names = [frozenset(n for n in s.names() if n not in scan.generic_names) for s in sentences]
    for i, found in enumerate(names):
        for name in found:
            by_name[name].append(i)
    candidates: list[Pair] = []
    for i, sa in enumerate(sentences):
        shared = Counter(j for name in names[i] for j in by_name[name] if j > i)
        for j, count in sorted(shared.items()):
            sb = sentences[j]
            if count >= CROSS_STORY_NAMES and scan.story_of.get(sa.document) != scan.story_of.get(sb.document):
                candidates += _pairs_of(sa, sb, scan, across=True, other_story=True)
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
        sentence.claims.append(claim)
    return list(grouped.values())


def _values(sentences: Sequence[_Sentence], published: dict[str, date | None]) -> dict[tuple, frozenset[str]]:
    found: dict[tuple, set[str]] = defaultdict(set)
    for sentence in sentences:
        for claim in sentence.facts():
            if _dated_before(claim, published.get(claim.document)) or claim.frame.modality != "asserted":
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
    shared = sum(weights.get(w, 1.0) for w in a & b)
    total = sum(weights.get(w, 1.0) for w in a | b)
    return shared / total if total else 0.0


def _between(left: list[_Sentence], right: list[_Sentence], scan: _Scan) -> list[Pair]:
    """Pairs across two articles of one story: sentences that share words, or values of one unambiguous fact."""
    by_word: dict[str, set[int]] = defaultdict(set)
    by_fact: dict[tuple, set[int]] = defaultdict(set)
    for j, sentence in enumerate(right):
        for word in sentence.context:
            by_word[word].add(j)
        for claim in sentence.facts():
            by_fact[fact_key(claim)].add(j)
    candidates: list[Pair] = []
    for sa in left:
        seen = {j for word in sa.context for j in by_word.get(word, ())}
        seen |= {j for claim in sa.facts() for j in by_fact.get(fact_key(claim), ())}
        for j in sorted(seen):
            candidates += _pairs_of(sa, right[j], scan, across=True)
    return _mutual_best(candidates)


def _within(sentences: list[_Sentence], scan: _Scan) -> list[Pair]:
    candidates: list[Pair] = []
    for sa, sb in combinations(sentences, 2):
        if not (sa.context & sb.context):
            continue
        candidates += _pairs_of(sa, sb, scan, across=False)
    return _mutual_best(candidates)


def _pairs_of(sa: _Sentence, sb: _Sentence, scan: _Scan, across: bool, other_story: bool = False) -> list[Pair]:
    similarity = overlap(sa.context, sb.context, scan.weights)
    if across and similarity >= 0.5 and (restated := _restated(sa, sb)):
        return [Pair(a, b, 1.0 + similarity, "restated", similarity, "one sentence, values aside", 0.9)
                for a, b in _in_order(sa.claims, sb.claims) if not _frames_clash(a, b, edited=restated == "similar")]
    pairs = []
    said_a, said_b = {_text(c) for c in sa.claims}, {_text(c) for c in sb.claims}
    for a in sa.facts():
        for b in sb.facts():
            if _text(a) != _text(b) and (_text(a) in said_b or _text(b) in said_a):
                continue  # "five soldiers died, four from friendly fire" / "the four killed by friendly fire"
            fit = frame_fit(a, b)
            if fit is None or _background(a, b, scan.published):
                continue
            evidence = (_alike(similarity, SAID_ALIKE, "sentences alike, in two stories") if other_story
                        else _evidence(a, b, similarity, scan, across))
            if evidence is not None:
                pairs.append(Pair(a, b, round(similarity + fit, 3), "paraphrased" if across else "restated in one article",
                                  similarity, evidence.tier, evidence.confidence))
    return pairs


@dataclass(frozen=True)
class Evidence:
    """Why two values were taken for one fact, and how sure that makes the pairing."""

    tier: str  # in words: "a toll several reports agree on", "one named holder", ...
    confidence: float


def _evidence(a: Claim, b: Claim, similarity: float, scan: _Scan, across: bool) -> Evidence | None:
    """What says two fitting values are one fact, or None: the evidence asked for grows as the fact gets vaguer.

    Across articles of one story, a figure of a named class (the dead, the injured, an
    age) that each article gives once is paired whatever the words around it: outlets
    tell a toll in their own words; it is surest when other reports agree with one side.
    A dated event (the same action on the same thing), a figure of one named holder, or
    of the same action on the same counted thing with names in common, needs some shared
    words. Anything else needs sentences that say the same thing. Inside one article the
    same evidence is asked for, and the article must give no third value for the fact,
    nor set two periods side by side. The confidence of each tier grows with the overlap
    of the two sentences.
    """
    fa, fb = a.frame, b.frame
    if not across and not _restatement(a, b, scan):
        return None
    if a.value.kind != "date" and (scan.stat_line(a) or scan.stat_line(b)):
        return None  # "11 points, 11 rebounds and six blocked shots": a stat line, paired only when restated
    if a.value.kind == "date" and not (fa.measure and fb.measure):
        return None  # a date of no event ("the third quarter") is paired only in restated sentences
    if "verb" in (fa.measured_by, fb.measured_by) or not (fa.measured_by and fb.measured_by):
        return _alike(similarity, WEAK_MIN, "sentences alike (the figure's measure is only its verb)")
    if across and (scan.ambiguous(a) or scan.ambiguous(b)):
        return _alike(similarity, AMBIGUOUS_MIN, "sentences alike (an article gives several values)")
    if "also" in fa.groups or "also" in fb.groups:
        return _alike(similarity, SAID_ALIKE, "sentences alike (a further count)")
    if across and not scan.shares_story(a.document, b.document):
        # two articles that share few names may sit in one broad story ("quarterly results")
        # without telling one event: only sentences that say the same thing are paired
        return _alike(similarity, SAID_ALIKE, "sentences alike (articles with few names in common)")
    if across and fa.measure in _ONE_PER_REPORT and fa.measure == fb.measure and fa.modality == "asserted":
        if scan.consensus(a) or scan.consensus(b):
            return Evidence("a count other reports of the story agree on", round(0.7 + similarity / 5, 2))
        if scan.few_values(a):
            return Evidence("the story's only two values of a count", round(0.55 + similarity / 5, 2))
        if similarity >= SAID_ALIKE:
            return _alike(similarity, SAID_ALIKE, "sentences alike")
    if a.value.kind == "date" and _another_occurrence(a, b):
        return None
    if a.value.kind == "date":
        fit = _date_event_fit(fa, fb)
        if fa.measure == fb.measure or fit > 0:
            # a sentence that names nothing ("Talks began in 2015") is about its article
            if names_overlap(fa.names, fb.names) >= 1 or not (fa.names and fb.names):
                if fa.measure == fb.measure:
                    named = min(4, names_overlap(fa.names, fb.names))  # the ministries that signed, the treaty
                    return _graded(similarity, EVENT_MIN, 0.5 + 0.05 * named, f"one event ({fa.measure})")
                return _graded(similarity, NAMED_MIN, 0.45, "one thing dated by two actions")
    if fa.holder_is_name and fb.holder_is_name and same_name(fa.holder or "", fb.holder or ""):
        return _graded(similarity, NAMED_MIN, 0.4, f"one named holder ({fa.holder})")
    if across and fa.measured_by == fb.measured_by == "class" and _same_period(a, b):
        return _graded(similarity, EVENT_MIN, 0.5, "one measure for one period")  # "inflation in April"
    if not across:
        if a.value.kind == "date" and fa.measure == fb.measure:
            return Evidence("one event dated twice in one article", 0.7)  # the lead and a fact box
        if fa.predicate and fa.predicate == fb.predicate:
            return _graded(similarity, RESTATED_MIN, 0.5, "one action's figure said twice in one article")
        return _alike(similarity, SAID_ALIKE, "sentences alike in one article")
    if fa.predicate and fa.predicate == fb.predicate and names_overlap(fa.names, fb.names) >= 1:
        # "31 passengers were treated" / "Thirteen passengers were treated"
        return _graded(similarity, NAMED_MIN, 0.4, f"one action ({fa.predicate}) with names in common")
    return _alike(similarity, SAID_ALIKE, "sentences alike")


def _another_occurrence(a: Claim, b: Claim) -> bool:
    """ "The quake struck yesterday" and "a massive quake struck off Aceh in 2004": a date read from the
    publication date is the story's now; a date a year or more before it is an earlier occurrence of
    the kind of event, unless both name one thing ("the Arden Treaty")."""
    if a.frame.anchored == b.frame.anchored or (a.frame.object_is_name and b.frame.object_is_name):
        return False
    now, other = (a, b) if a.frame.anchored else (b, a)
    if now.value.interval is None or other.value.interval is None:
        return False
    return (now.value.interval.start - other.value.interval.end).days > OCCURRENCE_DAYS


def _graded(similarity: float, floor: float, base: float, tier: str) -> Evidence | None:
    return Evidence(tier, round(min(0.85, base + similarity / 2), 2)) if similarity >= floor else None


def _alike(similarity: float, floor: float, tier: str) -> Evidence | None:
    return Evidence(tier, round(min(0.85, 0.3 + similarity * 0.6), 2)) if similarity >= floor else None


def _restatement(a: Claim, b: Claim, scan: _Scan) -> bool:
    """Whether two values of one article can be one figure said twice (a lead and a fact box).

    Not when the article gives a third value for it, sets two periods side by side
    ("against $9.7 million a year earlier"), dates one and not the other, or repeats one
    sentence pattern with another figure ("Sales rose to $3 million ... Sales rose to
    $9.8 million": parallel lines about two things, not one thing twice).
    """
    fa, fb = a.frame, b.frame
    if scan.ambiguous(a, allowed=2) or scan.ambiguous(b, allowed=2) or _period_contrast(a) or _period_contrast(b):
        return False
    if a.value.kind == "date" and (fa.anchored or fb.anchored or fa.measured_by != "event"):
        return False  # "today" and "the winter of 1994" in one article are two moments, not one
    if bool(fa.when) != bool(fb.when) or (a.value.kind != "date" and fa.periods_said != fb.periods_said):
        return False
    if a.value.kind != "date" and (scan.figures_in(a) > 1 or scan.figures_in(b) > 1):
        return False  # a sentence of several figures tells a change, a breakdown or a stat line
    return SequenceMatcher(None, _masked_tokens(a.text), _masked_tokens(b.text), autojunk=False).ratio() < RESTATED


_CONTRAST = re.compile(r"\b(?:year[- ]earlier|a year ago|year ago|previous|prior|last year's|compared with|"
                       r"compared to|versus|respectively)\b", re.I)


def _same_period(a: Claim, b: Claim) -> bool:
    """Whether two figures are given for a period in common, said or dated."""
    fa, fb = a.frame, b.frame
    if fa.when and fb.when:
        return any(x.overlaps(y) for x in fa.when for y in fb.when)
    return bool(fa.periods_said and fb.periods_said) and periods_meet(fa.periods_said, fb.periods_said)


def _period_contrast(claim: Claim) -> bool:
    """ "earned $13.7 million, against $9.7 million in the year-earlier quarter": two periods, not one figure twice."""
    return bool(_CONTRAST.search(claim.text))


def _background(a: Claim, b: Claim, published: dict[str, date | None]) -> bool:
    """A figure dated well before the other article appeared is background, not today's figure.

    So is one whose sentence names only days long past ("In 2004, a tsunami killed 230,000").
    """
    for x, y in ((a, b), (b, a)):
        day = published.get(y.document)
        if day is None or y.frame.when:
            continue
        if x.frame.when and _dated_before(x, day):
            return True
        if x.frame.era is not None and (day - x.frame.era).days > BACKGROUND_DAYS:
            return True
    return False


def story_days(stories: Sequence[Story], published: dict[str, date | None],
               claims: Sequence[Claim]) -> dict[str, date]:
    """The day each document is about: its publication date, else the latest its story gives.

    An undated report of a story is as recent as its dated copies, or as the latest day
    any of them names: "In 2004 a tsunami killed 230,000" is background to it either way.
    """
    latest: dict[str, date] = {}
    for claim in claims:
        for period in claim.frame.when:
            if period.start == period.end:
                latest[claim.document] = max(latest.get(claim.document, period.end), period.end)
    days: dict[str, date] = {}
    for story in stories:
        known = [published[d] for d in story.documents if published.get(d)] or [
            latest[d] for d in story.documents if d in latest]
        for doc in story.documents:
            day = published.get(doc) or (max(known) if known else None)
            if day is not None:
                days[doc] = day
    return days


def _dated_before(claim: Claim, day: date | None) -> bool:
    """Whether every period a figure is given for ended well before `day`."""
    return bool(claim.frame.when) and day is not None and claim.value.kind != "date" and all(
        (day - period.end).days > BACKGROUND_DAYS for period in claim.frame.when
    )


@lru_cache(maxsize=4096)
def _masked_tokens(text: str, values: tuple[tuple[int, int], ...] = ()) -> tuple[str, ...]:
    """The sentence's tokens with its values (`values`: spans in the sentence) and any digits masked."""
    for start, end in sorted(values, reverse=True):
        text = f"{text[:start]} # {text[end:]}"
    return tuple("#" if any(ch.isdigit() for ch in t) else t.lower() for t in _TOKEN.findall(text))


def _value_spans(sentence: _Sentence) -> tuple[tuple[int, int], ...]:
    spans = {(c.value_start - c.start, c.value_end - c.start) for c in sentence.claims}
    return tuple(sorted(span for span in spans if 0 <= span[0] < span[1] <= len(sentence.text)))


def _restated(sa: _Sentence, sb: _Sentence) -> str:
    """ "same": one sentence printed twice with a value changed, the easiest case, never missed;
    "similar": one sentence edited a little; "" otherwise."""
    a, b = _masked_tokens(sa.text, _value_spans(sa)), _masked_tokens(sb.text, _value_spans(sb))
    if a == b:
        return "same"
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return "similar" if matcher.ratio() >= RESTATED else ""


def _frames_clash(a: Claim, b: Claim, edited: bool) -> bool:
    """Whether two values of restated sentences are two facts: figures of two periods ("revenue in 2023",
    "in 2025"), or, when the sentence was `edited`, another measure or holder ("killed" for "injured")."""
    fa, fb = a.frame, b.frame
    if a.value.kind != "date" and fa.when and fb.when and not any(x.overlaps(y) for x in fa.when for y in fb.when):
        return True
    if not edited:
        return False
    if a.value.kind != b.value.kind and "date" in (a.value.kind, b.value.kind):
        return True
    if fa.measure and fb.measure and not _same_measure(fa.measure, fb.measure):
        return True
    if fa.holder_is_name and fb.holder_is_name and not same_name(fa.holder or "", fb.holder or ""):
        return True
    return fa.object_is_name and fb.object_is_name and not same_name(fa.object or "", fb.object or "")


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
            twin = next((y for y in ys if _text(y) == _text(x)), None)
            if twin is not None:
                xs.remove(x)
                ys.remove(twin)
                yield x, twin
        if len(xs) == len(ys):
            yield from zip(xs, ys, strict=True)
        else:
            yield from ((x, y) for x in xs for y in ys
                        if x.frame.measure and x.frame.measure == y.frame.measure and frame_fit(x, y) is not None)


def _text(claim: Claim) -> str:
    return " ".join(claim.value.text.lower().split())


def frame_fit(a: Claim, b: Claim) -> float | None:
    """How well two frames fit one fact (a bonus added to the sentences' overlap), or None when they cannot."""
    fa, fb = a.frame, b.frame
    if not _same_family(a, b):
        return None
    if fa.statement or fb.statement:
        return None  # "said on Friday": the day of saying, paired only in restated sentences
    if fa.holder and fb.holder and fa.holder_is_name and fb.holder_is_name and not same_name(fa.holder, fb.holder):
        return None  # Chopra's throw is not Weber's
    if "age" in (fa.measure, fb.measure) and not (fa.holder_is_name and fb.holder_is_name):
        return None  # an age is a fact only of a named person: "he's 16" may be anyone
    if fa.groups != fb.groups:
        return None  # the dead on board are not the whole toll
    if fa.object_is_name and fb.object_is_name and not same_name(fa.object or "", fb.object or ""):
        return None  # bought Lindqvist Optics for $1.2 billion, Maison Rive for $300 million
    if fa.places and fb.places and not (fa.places & fb.places) and not _places_meet(fa.places, fb.places):
        return None  # 40 killed in one city, six in another
    if a.value.kind != "date" and fa.when and fb.when and not any(x.overlaps(y) for x in fa.when for y in fb.when):
        return None  # revenue for 2024 and for 2023
    if a.value.kind != "date" and fa.periods_said and fb.periods_said and not periods_meet(fa.periods_said, fb.periods_said):
        return None  # "in the year-earlier period" and "in 1988": figures for two periods
    bonus = 0.0
    if a.value.kind == "date":
        bonus += _date_event_fit(fa, fb)
        if bonus < 0:
            return None
    elif fa.measure and fb.measure:
        if not _same_measure(fa.measure, fb.measure):
            return None
        bonus += 0.15
    else:
        return None  # a figure that says nothing of what it measures is paired only in restated sentences
    if fa.holder and fb.holder and same_name(fa.holder, fb.holder):
        bonus += 0.1
    if fa.near & fb.near:
        bonus += 0.05
    return bonus


def periods_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of TIMEX3 values name a period in common; an unknown year ("XXXX-04") meets any year."""
    return any(_timex_meet(x, y) for x in a for y in b)


def _timex_meet(x: str, y: str) -> bool:
    if x == y:
        return True
    if len(x) != len(y) or not (x.startswith("XXXX") or y.startswith("XXXX")):
        return False
    return x[4:] == y[4:]


def same_fact(a: Claim, b: Claim) -> bool:
    """Whether two claims state one fact, as the alignment would pair them (values aside)."""
    if a.value.kind == "list" or b.value.kind == "list":
        return False
    fit = frame_fit(a, b)
    return fit is not None and overlap(a.frame.context, b.frame.context, {}) + fit >= ACROSS_MIN


def _date_event_fit(fa, fb) -> float:
    """Two dates of one event: the same action on the same thing, or one of the two when the other is unsaid.

    "achieved in Stockholm last year" and "set at the 2022 Stockholm meeting" both date the record.
    """
    if fa.measure and fa.measure == fb.measure:
        return 0.15
    same_object = bool(fa.object and fb.object) and (same_name(fa.object, fb.object) or
                                                     fa.object.split(" of ")[0].split()[-1] == fb.object.split(" of ")[0].split()[-1])
    same_action = bool(fa.predicate) and fa.predicate == fb.predicate
    if same_object and (same_action or not (fa.predicate and fb.predicate)):
        return 0.1
    if same_object and " of " in (fa.object or ""):
        return 0.05  # "achieved the record of 89.94m" / "set the record of 89.94m": one specific thing
    if same_object or (same_action and not (fa.object and fb.object)):
        return 0.0
    if not (fa.measure or fb.measure):
        return 0.0  # nothing said of either event: only the sentences can tell
    return -1.0


def _same_family(a: Claim, b: Claim) -> bool:
    x, y = a.value, b.value
    if x.kind == "date" or y.kind == "date":
        return x.kind == y.kind
    if {x.kind, y.kind} - {"number", "count"} and x.kind != y.kind:
        return False  # money with money, percentages with percentages
    if x.unit == y.unit:
        return True
    table = units()
    return x.unit in table and y.unit in table and table[x.unit][0] == table[y.unit][0]


def _same_measure(a: str, b: str) -> bool:
    return a == b  # "career points" are not the game's "points"


def _places_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(same_name(x, y) for x in a for y in b)


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


# ------------------------------------------------------------------ lists

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
