"""Why two fitting values are one fact, and how sure the pairing is of it.

The evidence asked for grows as the fact gets vaguer: one sentence printed
twice with a value changed is the surest; a toll several reports agree on, a
dated event, a figure of one named holder need some shared words; anything
else needs sentences that say the same thing. What the whole scan says of a
fact (how many values each article gives for it, which names tell its
articles apart) weighs in, and so do dates: a figure for a period long past
is background, not today's figure.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache

from claimcheck.extract.entities import overlap as names_overlap
from claimcheck.extract.entities import same_name
from claimcheck.extract.measures import incident_classes
from claimcheck.frame_fit import date_event_fit, periods_meet
from claimcheck.models import Claim
from claimcheck.pair_index import NameMatcher, count_matches

SAID_ALIKE = 0.45  # sentence overlap at which two sentences say the same thing
NAMED_MIN = 0.20  # sentence overlap needed for one fact of one named holder ("Chopra's throw")
EVENT_MIN = 0.10  # sentence overlap needed for two dates of one event named alike
RESTATED_MIN = 0.20  # sentence overlap needed for one action's figure said twice in one article
STORY_NAMES = 2  # specific names two articles must share to be telling one event
SHORT_NAMES = 4  # an article naming this few things needs to share only one name
STAT_LINE = 3  # figures of this many measures in one sentence make a stat line (or two, coordinated)
CONSENSUS = 2  # other articles giving one value for a fact before a toll told in other words is paired with it
_ONE_PER_REPORT = incident_classes() | {"age"}  # measures a report gives once: the toll, the injured, an age
AMBIGUOUS_MIN = 0.50  # sentence overlap needed when an article gives several values of one measure
WEAK_MIN = 0.55  # sentence overlap needed when a figure's measure is only its verb ("injected", "include")
RESTATED = 0.85  # sequence similarity of two sentences, values masked, above which they are one sentence
# the least sentence overlap any evidence across articles asks for: below it, only a count a report
# gives once (ONE_PER_REPORT) is paired, whatever the words. pair_index looks only at sentence pairs
# that reach it or give such a count: a new kind of evidence that asks for less must lower it
LEAST_OVERLAP = min(SAID_ALIKE, NAMED_MIN, EVENT_MIN, RESTATED_MIN, AMBIGUOUS_MIN, WEAK_MIN)
ONE_PER_REPORT = _ONE_PER_REPORT
OCCURRENCE_DAYS = 365  # a date this long before the story's now is another occurrence of its kind of event
BACKGROUND_DAYS = 7  # a figure for a period that ended this long before the other report is background
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class ScanFacts:
    """What alignment knows of the whole scan: word weights, how many values each article gives per fact."""

    weights: dict[str, float]
    values: dict[tuple, frozenset[str]]  # (document, fact key) -> the distinct values given for it
    published: dict[str, date | None]

    names: dict[str, frozenset[str]]  # every name each article uses
    generic_names: frozenset[str]  # names so many articles of the scan use that they tell nothing apart
    figures: dict[tuple[str, int], int]  # (document, sentence start) -> figures it gives, ages and parts aside
    story_of: dict[str, str]  # document -> its story
    measures: dict[tuple[str, int], int]  # (document, sentence start) -> distinct measures of its figures
    # fact key -> (document, values)
    by_fact: dict[tuple, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    # answers asked again and again of one story's articles, kept: each costs a loop over the story
    _answers: dict[tuple, object] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.by_fact:
            for (doc, key), found in self.values.items():
                self.by_fact.setdefault(key, []).append((doc, found))

    def shares_story(self, doc_a: str, doc_b: str) -> bool:
        """Whether two articles name enough of the same specific things to be telling one event.

        Names most of a large scan uses ("U.S.", "the New York Stock Exchange") do not count;
        two short articles need one name in common, longer ones two.
        """
        known = self._answers.get(("story", doc_a, doc_b))
        if known is None:
            a, b = self.names.get(doc_a, frozenset()), self.names.get(doc_b, frozenset())
            needed = 1 if min(len(a), len(b)) <= SHORT_NAMES else STORY_NAMES
            known = count_matches(a, self._matcher(doc_b), self.generic_names, needed) >= needed
            self._answers[("story", doc_a, doc_b)] = known
        return bool(known)

    def _matcher(self, doc: str) -> NameMatcher:
        """The names of one article, indexed once for every other article they are matched with."""
        matcher = self._answers.get(("names", doc))
        if not isinstance(matcher, NameMatcher):
            matcher = NameMatcher(self.names.get(doc, frozenset()))
            self._answers[("names", doc)] = matcher
        return matcher

    def stat_line(self, claim: Claim) -> bool:
        """A sentence giving figures of three measures or more: a stat line or a table in words."""
        return self.measures.get((claim.document, claim.start), 0) >= STAT_LINE

    def figures_in(self, claim: Claim) -> int:
        return self.figures.get((claim.document, claim.start), 0)

    def few_values(self, claim: Claim) -> bool:
        """Whether the claim's story gives at most two values for its fact: then it is likely one fact."""
        key = fact_key(claim)
        by_story = self._answers.get(("values by story", key))
        if not isinstance(by_story, dict):  # the values each story gives for the fact, gathered once
            gathered: dict[str | None, set[str]] = {}
            for doc, values in self.by_fact.get(key, ()):
                gathered.setdefault(self.story_of.get(doc), set()).update(values)
            by_story = self._answers[("values by story", key)] = gathered
        return len(by_story.get(self.story_of.get(claim.document), ())) <= 2

    def consensus(self, claim: Claim) -> bool:
        """Whether several other articles give the same value for the claim's fact (the story's figure)."""
        text, key = value_text(claim), fact_key(claim)
        saying = self._answers.get(("saying", key))
        if not isinstance(saying, Counter):  # how many articles give each value for the fact
            saying = Counter(v for _doc, values in self.by_fact.get(key, ()) for v in values)
            self._answers[("saying", key)] = saying
        agreeing = saying[text] - (text in self.values.get((claim.document, key), ()))
        return agreeing >= CONSENSUS

    def ambiguous(self, claim: Claim, allowed: int = 1) -> bool:
        return len(self.values.get((claim.document, fact_key(claim)), ())) > allowed


def fact_key(claim: Claim) -> tuple:
    f = claim.frame
    return (claim.value.kind == "date", f.measure, f.holder, f.groups, f.object if f.object_is_name else None)


def value_text(claim: Claim) -> str:
    return _squashed(claim.value.text)


@lru_cache(maxsize=65536)
def _squashed(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Evidence:
    """Why two values were taken for one fact, and how sure that makes the pairing."""

    tier: str  # in words: "a toll several reports agree on", "one named holder", ...
    confidence: float


def evidence_of(a: Claim, b: Claim, similarity: float, scan: ScanFacts, across: bool) -> Evidence | None:
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
        return alike(similarity, WEAK_MIN, "sentences alike (the figure's measure is only its verb)")
    if across and (scan.ambiguous(a) or scan.ambiguous(b)):
        return alike(similarity, AMBIGUOUS_MIN, "sentences alike (an article gives several values)")
    if "also" in fa.groups or "also" in fb.groups:
        return alike(similarity, SAID_ALIKE, "sentences alike (a further count)")
    if across and not scan.shares_story(a.document, b.document):
        # two articles that share few names may sit in one broad story ("quarterly results")
        # without telling one event: only sentences that say the same thing are paired
        return alike(similarity, SAID_ALIKE, "sentences alike (articles with few names in common)")
    if across and fa.measure in _ONE_PER_REPORT and fa.measure == fb.measure and fa.modality == "asserted":
        if scan.consensus(a) or scan.consensus(b):
            return Evidence("a count other reports of the story agree on", round(0.7 + similarity / 5, 2))
        if scan.few_values(a):
            return Evidence("the story's only two values of a count", round(0.55 + similarity / 5, 2))
        if similarity >= SAID_ALIKE:
            return alike(similarity, SAID_ALIKE, "sentences alike")
    if a.value.kind == "date" and _another_occurrence(a, b):
        return None
    if a.value.kind == "date":
        fit = date_event_fit(fa, fb)
        # a sentence that names nothing ("Talks began in 2015") is about its article
        if (fa.measure == fb.measure or fit > 0) and (
            names_overlap(fa.names, fb.names) >= 1 or not (fa.names and fb.names)
        ):
            if fa.measure == fb.measure:
                named = min(4, names_overlap(fa.names, fb.names))  # the ministries that signed, the treaty
                return _graded(similarity, EVENT_MIN, 0.5 + 0.05 * named, f"one event ({fa.measure})")
            return _graded(similarity, NAMED_MIN, 0.45, "one thing dated by two actions")
    if fa.holder_is_name and fb.holder_is_name and same_name(fa.holder or "", fb.holder or ""):
        # a full name said alike in both ("Anderson Peters") is surer than a surname, and needs fewer shared words
        full = across and fa.holder == fb.holder and len((fa.holder or "").split()) > 1 and fa.measure == fb.measure
        return _graded(similarity, EVENT_MIN if full else NAMED_MIN, 0.4, f"one named holder ({fa.holder})")
    if across and fa.measured_by == fb.measured_by == "class" and _same_period(a, b):
        return _graded(similarity, EVENT_MIN, 0.5, "one measure for one period")  # "inflation in April"
    if not across:
        if a.value.kind == "date" and fa.measure == fb.measure:
            return Evidence("one event dated twice in one article", 0.7)  # the lead and a fact box
        if fa.predicate and fa.predicate == fb.predicate:
            return _graded(similarity, RESTATED_MIN, 0.5, "one action's figure said twice in one article")
        return alike(similarity, SAID_ALIKE, "sentences alike in one article")
    if fa.predicate and fa.predicate == fb.predicate and names_overlap(fa.names, fb.names) >= 1:
        # "31 passengers were treated" / "Thirteen passengers were treated"
        return _graded(similarity, NAMED_MIN, 0.4, f"one action ({fa.predicate}) with names in common")
    return alike(similarity, SAID_ALIKE, "sentences alike")


def _another_occurrence(a: Claim, b: Claim) -> bool:
    """ "The quake struck yesterday" and "a massive quake struck off Aceh in 2004": a date read from the
    publication date is the story's now; a date a year or more before it is an earlier occurrence of
    the kind of event, unless both name one thing ("the Arden Treaty")."""
    if a.frame.anchored == b.frame.anchored or (a.frame.object_is_name and b.frame.object_is_name):
        return False
    now, other = (a, b) if a.frame.anchored else (b, a)
    if now.value.interval is None or other.value.interval is None:
        return False
    if (now.value.interval.end - now.value.interval.start).days > 7:
        return False  # "last year" is no "now": the record set "last year" may be the one set "in 2022"
    return (now.value.interval.start - other.value.interval.end).days > OCCURRENCE_DAYS


def _graded(similarity: float, floor: float, base: float, tier: str) -> Evidence | None:
    return Evidence(tier, round(min(0.85, base + similarity / 2), 2)) if similarity >= floor else None


def alike(similarity: float, floor: float, tier: str) -> Evidence | None:
    return Evidence(tier, round(min(0.85, 0.3 + similarity * 0.6), 2)) if similarity >= floor else None


def _restatement(a: Claim, b: Claim, scan: ScanFacts) -> bool:
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


def background(a: Claim, b: Claim, published: dict[str, date | None]) -> bool:
    """A figure dated well before the other article appeared is background, not today's figure.

    So is one whose sentence names only days long past ("In 2004, a tsunami killed 230,000").
    """
    for x, y in ((a, b), (b, a)):
        day = published.get(y.document)
        if day is None or y.frame.when:
            continue
        if x.frame.when and dated_before(x, day):
            return True
        if x.frame.era is not None and (day - x.frame.era).days > BACKGROUND_DAYS:
            return True
    return False


def dated_before(claim: Claim, day: date | None) -> bool:
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


def _value_spans(text: str, claims: Sequence[Claim]) -> tuple[tuple[int, int], ...]:
    spans = {(c.value_start - c.start, c.value_end - c.start) for c in claims}
    return tuple(sorted(span for span in spans if 0 <= span[0] < span[1] <= len(text)))


def restated_sentence(text_a: str, claims_a: Sequence[Claim], text_b: str, claims_b: Sequence[Claim]) -> str:
    """ "same": one sentence printed twice with a value changed, the easiest case, never missed;
    "similar": one sentence edited a little; "" otherwise. `claims_a` and `claims_b` are every value of each."""
    a = _masked_tokens(text_a, _value_spans(text_a, claims_a))
    b = _masked_tokens(text_b, _value_spans(text_b, claims_b))
    if a == b:
        return "same"
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return "similar" if matcher.ratio() >= RESTATED else ""
