"""Value frames: what a date or a figure is a value of.

A figure alone says little: "270" in "the death toll rose to 270 on Saturday"
is a count of the dead, for the whole crash, as of Saturday, reported as fact;
"25" in "expectations of a third 25-basis-point cut" is a forecast. A frame
keeps that: the measure (a class such as "dead" when the words say so, else
the counted or measured noun), the holder (whose value it is), the scope
(places, groups such as "on board", the period), the modality (asserted,
expected, rumoured, ruled out, earlier) and the words around the value, so
the alignment stage can pair values that state one fact.

Every function is pure: tokens of one parsed sentence in, a `Frame` out. The
word lists are data (data/measures.toml).
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from claimcheck.extract.entities import PLACE_LABELS, Aliases, demonym, ents_in, normalise
from claimcheck.extract.numbers import is_currency, is_unit, unit_class
from claimcheck.extract.grammar import (
    Event,
    after_dateline,
    bare_definite,
    event_of,
    generic_objects,
    kind_of,
    name_head,
    object_key,
    phrase,
)
from claimcheck.models import DateInterval, Frame

_PERSON_PRONOUNS = {"he", "she", "his", "her", "him", "its", "their", "they", "them", "it", "i", "me", "my", "we", "our"}
_QUANTIFIERS = {"all", "one", "none", "each", "most", "some", "many", "half", "both", "any", "several", "few"}
_TRANSPARENT = {"total", "number", "sum", "tally", "count", "figure", "tune", "amount", "maximum", "minimum"}
_WHOLE_MARKERS = {"cumulative", "combined", "aggregate", "overall"}
_INSTANCE_WORDS = {"first", "second", "third", "fourth", "fifth", "another", "other"}
_FUTURE_FRAMES = {"set", "due", "poised", "slated", "scheduled", "likely", "expected", "going"}
_CLAUSE_EDGES = {"advcl", "parataxis", "ROOT"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}


@dataclass(frozen=True)
class Sentence:
    """What every value of one sentence shares."""

    sent: Span
    names: frozenset[str]  # normalised names of the sentence
    places: frozenset[str]  # the places it names, its wire dateline aside
    periods: tuple[tuple[int, int, DateInterval], ...]  # (start, end, interval) of every date in it
    masked: frozenset[int]  # token indices of every value (dates, figures): left out of the context
    aliases: Aliases
    figures: tuple[tuple[int, int], ...] = ()  # character spans of the sentence's figures
    timexes: tuple[tuple[int, str], ...] = ()  # (offset, TIMEX3 value) of every time expression, durations too
    person: str | None = None  # the person last named before this sentence: who "he" most likely is
    named: frozenset[str] = frozenset()  # names the article used before this sentence


@lru_cache(maxsize=1)
def _table() -> dict:
    with resources.files("claimcheck.data").joinpath("measures.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def measure_class() -> dict[str, str]:
    """Lemma -> the class it measures ("kill" -> "dead")."""
    return {word: cls for cls, words in _table()["classes"].items() for word in words}


@lru_cache(maxsize=1)
def incident_classes() -> frozenset[str]:
    """Classes of what an event does to people (the dead, the injured): one value per report."""
    return frozenset(_table()["incidents"]["classes"])


@lru_cache(maxsize=1)
def description_words() -> frozenset[str]:
    """Words after "N-" that make a description, not a figure: "two-time", "three-way"."""
    return frozenset(_table()["descriptions"]["hyphen_words"])


@lru_cache(maxsize=1)
def people_words() -> frozenset[str]:
    """Nouns that count people ("people", "passengers", "nationals"): the measure of a head count."""
    generic, groups = _people()
    return generic | groups


@lru_cache(maxsize=1)
def _rate_words() -> frozenset[str]:
    return frozenset(_table()["rates"]["words"])


@lru_cache(maxsize=1)
def _people() -> tuple[frozenset[str], frozenset[str]]:
    table = _table()["people"]
    return frozenset(table["generic"]), frozenset(table["groups"])


@lru_cache(maxsize=1)
def _modality_words() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in _table()["modality"].items()}


@lru_cache(maxsize=1)
def _scope_phrases() -> dict[str, tuple[str, ...]]:
    return {name: tuple(phrases) for name, phrases in _table()["scope_phrases"].items()}


# ------------------------------------------------------------------ figures

def figure_frame(value: Span, ctx: Sentence, counted: Token | None, unit: str | None = None) -> Frame:
    """The frame of an amount: what it counts or measures, whose it is, in what scope, how firmly."""
    root = value.root
    event = event_of(root, ctx.sent)
    whole = _partitive_whole(root)
    measured, change = _measured_noun(root, event, counted)
    words = _measure_words(value, event, measured, counted)
    measure, source = _measure(words, measured, counted, event, use_verb=not whole)
    kind_of_unit = unit_class(unit) if unit else None
    if kind_of_unit and kind_of_unit not in ("basis points", "percentage points"):
        measure, source = kind_of_unit, "unit"  # "his throw of 84.65m", "finished third with 85.34m": a length
    if change and measure:
        measure = f"change in {measure}"  # "cut the rate by 50 basis points": a change, not a level
    described = _described_noun(root, counted)
    if measure and described is not None:
        measure = f"{measure} of {described.lemma_.lower()}"  # "a 45-yard field goal": the goal's length
    holder, holder_is_name = _holder(root, event, measured, ctx)
    groups = _groups(value, counted, measured, event, ctx)
    if whole or (measured is not None and any(c.lower_ in _WHOLE_MARKERS for c in measured.children)):
        groups |= {"whole"}  # "of the 242 aboard, 241 died": 242 is everyone, not the dead
    elif _partitive_part(root, counted) or _coordinated(root, counted):
        groups |= {"part"}  # "three of the dead", "his mother and 10 others died": a part of a count
    side = _tally_side(value)
    if side:
        groups |= {side}  # "31 in favour and 12 against": two sides of one vote
    if any(c.dep_ == "advmod" and c.lower_ == "also" for g in _governors(root) for c in g.children):
        groups |= {"also"}  # "the crash also killed 19 on the ground": more, beside the main count
    rate = _rate(value, counted)
    if rate:
        groups |= {rate}  # "$1.91 a share", "0.82 share for each share": a rate, not a total
    modality = "earlier" if _from_level(root) else modality_of(root, measured, value)
    return Frame(
        measure=measure,
        measured_by=source,
        counted=counted.text if counted is not None else None,
        predicate=event.predicate,
        object=object_key(event.target, ctx.aliases) if event.target is not None else None,
        object_is_name=event.target is not None and event.target.pos_ == "PROPN",
        holder=holder,
        holder_is_name=holder_is_name,
        places=_clause_places(event.verb, ctx, measured),
        groups=groups,
        when=_when(value, ctx),
        periods_said=_periods_said(value, ctx),
        era=max((interval.end for start, _, interval in ctx.periods
                 if not value.start_char <= start < value.end_char), default=None),
        modality=modality,
        names=ctx.names,
        context=context_words(ctx),
        near=frozenset(words),
    )


def age_frame(age: Token, person: str | None, ctx: Sentence) -> Frame:
    """An age is a figure in years whose holder is the person it describes."""
    return Frame(
        measure="age", counted="years", predicate="age", holder=person, holder_is_name=person is not None,
        names=ctx.names | ({person} if person else set()), context=context_words(ctx), near=frozenset({"age"}),
        modality=modality_of(age, None), measured_by="class",
    )


def _described_noun(root: Token, counted: Token | None) -> Token | None:
    """ "a 45-yard field goal", "a one-yard pass": the figure and its unit describe the noun after them."""
    if counted is None or counted.dep_ != "compound" or counted.head.pos_ != "NOUN" or counted.head.i <= counted.i:
        return None
    between = root.doc[root.i + 1 : counted.i]
    return counted.head if len(between) == 1 and between[0].text == "-" else None


def _measured_noun(root: Token, event: Event, counted: Token | None) -> tuple[Token | None, bool]:
    """The noun a figure is a value of, and whether the figure is a change of it rather than a level.

    "27 people", "a toll of 270", "the toll rose to 270", "the CPI was 2.92%",
    "cut the repo rate to 5.5%" (a level of the rate), "by 50 basis points" (a change).
    """
    if counted is not None and counted.lemma_.lower() not in _TRANSPARENT:
        return counted, False
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        governor = head.head
        if governor.pos_ in ("NOUN", "PROPN") and head.lower_ in ("of", "at", "to"):
            return governor, False  # "a death toll of 270", "his throw of 84.65m"
        if governor.pos_ in ("VERB", "AUX") and head.lower_ in ("to", "at", "from", "by", "around", "near"):
            target = _direct_object(governor) or _noun_subject(governor)
            return target, head.lower_ == "by"  # "the toll rose to 270", "cut the rate by 50 bps"
    if root.dep_ in ("dobj", "attr", "oprd", "npadvmod") and head.pos_ in ("VERB", "AUX"):
        return _noun_subject(head), False  # "the toll touched 270", "the CPI was 2.92%"
    return None, False


def _direct_object(verb: Token) -> Token | None:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.pos_ == "NOUN" else None


def _noun_subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        return _noun_subject(verb.head)  # "the toll continued to rise to 270"
    if subject is not None and subject.pos_ == "PROPN" and subject.lemma_.lower() in measure_class():
        return subject  # "the CPI was 2.92%"
    return subject if subject is not None and subject.pos_ == "NOUN" else None


def _partitive_whole(root: Token) -> bool:
    """ "241 of the 242 people", "Of the 242 aboard, ...", "four in every five": the figure is the whole."""
    head = root.head
    if root.dep_ != "pobj" or head.lower_ not in ("of", "in", "among"):
        return False
    governor = head.head
    if governor.like_num or governor.pos_ == "NUM" or governor.lower_ in _QUANTIFIERS:
        return True
    before = [t.lower_ for t in root.doc[max(root.sent.start, root.i - 3) : root.i]]
    if "every" in before or "out" in before:
        return True
    return head.i == root.sent.start or (head.i > 0 and root.doc[head.i - 1].is_punct and head.i - 1 == root.sent.start)


def _partitive_part(root: Token, counted: Token | None) -> bool:
    """ "Three of the dead were Bolivian", "22 of the 26 victims", "five were among the dead".

    "241 of the 242 people aboard were killed" is not one: the 241 are the dead, a count of
    their own, however many were aboard.
    """
    generic, groups = _people()
    for token in (root, counted):
        if token is None:
            continue
        wholes = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "among")
                  for g in c.children if g.dep_ == "pobj"]
        if wholes and token.i == root.i:
            lemma = wholes[0].lemma_.lower()
            if lemma not in generic and lemma not in groups and not wholes[0].like_num:
                return True
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in ("including", "includes", "among"):
            return True  # "33 medals, including 18 golds": the golds are among the medals
        if token.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "prep" and c.lower_ == "among" for c in head.children
        ):
            return True
    return False


def _rate(value: Span, counted: Token | None) -> str | None:
    after = value.end if counted is None or counted.i < value.end else counted.i + 1
    following = [t.lower_ for t in value.doc[after : min(after + 3, value.sent.end)]]
    if following[:1] == ["per"] and len(following) > 1:
        return f"per {following[1]}"
    for lead in (["a"], ["an"], ["each"], ["for", "each"], ["per"]):
        size = len(lead)
        if following[:size] == lead and len(following) > size and following[size].rstrip("s") in _rate_words():
            return f"per {following[size].rstrip('s')}"
    return None


def _coordinated(root: Token, counted: Token | None) -> bool:
    """ "His mother and 10 others died": the figure is one conjunct of what the verb counts."""
    noun = counted or root
    return noun.dep_ == "conj" or any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in noun.children)


def _tally_side(value: Span) -> str | None:
    following = [t.lower_ for t in value.doc[value.end : min(value.end + 3, value.sent.end)]]
    for side in ("against", "abstaining", "abstained", "abstentions"):
        if side in following[:2]:
            return "against" if side == "against" else "abstained"
    if following[:2] == ["in", "favour"] or following[:2] == ["in", "favor"]:
        return "for"
    return None


def _from_level(root: Token) -> bool:
    """ "rose from 270 to 274", "fell to 2.82% from 3.16%": the figure before the change."""
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "from" and head.head.pos_ in ("VERB", "AUX")


def _measure_words(value: Span, event: Event, measured: Token | None, counted: Token | None) -> list[str]:
    """Lemmas that say what is measured, nearest first: the value's own phrase, the measured noun, the verb."""
    root = value.root
    words: list[str] = []
    # "at least 20 injured", "20 other tourists & locals injured", "the 26 dead": a participle or
    # adjective right after the figure says what it counts before any verb further up does
    verb_class = event.verb is not None and event.verb.lemma_.lower() in measure_class()
    for token in value.doc[value.end : min(value.end + 5, value.sent.end)]:
        if token.is_punct and token.text not in ("&", "-"):
            break
        if token.tag_ in ("VBN", "JJ") or token.lower_ == "dead":
            if not (verb_class and token.dep_ == "acl" and event.verb is not None and token.i != event.verb.i):
                words.append(token.lemma_.lower())  # not "250 people killed ... have been identified"
            break
        if token.pos_ in ("VERB", "AUX"):
            break
    for noun in (measured, counted):
        if noun is None:
            continue
        words.append(noun.lemma_.lower())
        if noun.lemma_.lower() in _TRANSPARENT:
            # "the number of those killed": what the number is of
            words += [t.lemma_.lower() for prep in noun.children if prep.lower_ == "of" for t in prep.subtree]
        words += [
            c.lemma_.lower() for c in noun.children
            if c.dep_ in ("compound", "amod") and c.pos_ != "NUM" and not is_unit(c.text)
        ]
    if event.verb is not None:
        words.append(event.verb.lemma_.lower())
        # "241 were confirmed dead", "20 are missing": the complement says what happened
        words += [c.lemma_.lower() for c in event.verb.children if c.dep_ in ("acomp", "oprd", "xcomp", "attr")]
        if event.target is not None and event.target.i != root.i:
            words.append(event.target.lemma_.lower())  # "claimed 274 lives"
    if root.head.pos_ == "NOUN" and (measured is None or root.head.i != measured.i):
        words.append(root.head.lemma_.lower())
    return [w for w in dict.fromkeys(words) if w.isalpha() or "-" in w]


def _measure(
    words: list[str], measured: Token | None, counted: Token | None, event: Event, use_verb: bool = True,
) -> tuple[str | None, str | None]:
    """(measure, what it was read from): a class when the words name one ("killed" -> dead), else the noun, else the verb.

    A verb gives the class only to figures that count people ("26 people were killed") or
    nothing ("26 were killed"): "six members voted" counts members, not votes.
    """
    classes = measure_class()
    generic, groups = _people()
    noun = measured or counted
    noun_lemma = noun.lemma_.lower() if noun is not None else None
    of_people = noun_lemma is None or noun_lemma in generic or noun_lemma in groups
    if noun_lemma in classes:
        return classes[noun_lemma], "class"
    noun_words = {c.lemma_.lower() for c in noun.children} if noun is not None else set()
    for word in words:
        # a modifier names the class of a head count ("injured passengers"), not of a thing ("pro-death jurors")
        if word in classes and of_people and (word in noun_words or use_verb):
            return classes[word], "class"
    if noun is not None:
        if noun_lemma in generic or noun_lemma in groups:
            return "people", "noun"
        compounds = [
            c.lemma_.lower() for c in noun.children
            if c.dep_ == "compound" and c.pos_ != "NUM" and not is_unit(c.text) and not is_currency(c.text)
        ]
        key = " ".join([*compounds, noun_lemma])
        if noun_lemma in _TRANSPARENT:
            of = next((g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            if of is not None:
                key = f"{key} of {of.lemma_.lower()}"  # "three counts of homicide" are not "one count of murder"
        return key, "noun"
    return event.predicate, "verb" if event.predicate else None


def _holder(root: Token, event: Event, measured: Token | None, ctx: Sentence) -> tuple[str | None, bool]:
    """Whose value: "Chopra's throw", "Octel shares", "Weber threw 91.06m", "the price of the Apple Watch"."""
    candidates: list[Token] = []
    if measured is not None:
        candidates += [c for c in measured.children if c.dep_ == "poss"]
        candidates += [c for c in measured.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        candidates += [
            pobj for prep in measured.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN"
        ]
    actor = event.subject
    if actor is None and event.target is not None and event.target.dep_ == "nsubj":
        actor = event.target  # "champion Anderson Peters finished third with 85.34m": intransitive, its subject
    if actor is not None and actor.i != root.i and not _inside(root, actor):
        candidates.append(actor)
    elif event.verb is not None:
        candidates += [c for c in event.verb.children if c.dep_ == "nsubj" and c.lower_ in _PERSON_PRONOUNS]
    for token in candidates:
        if token.lower_ in _PERSON_PRONOUNS:
            named = _clause_person(root, ctx)
            if named is not None:
                return named, True
            continue
        if token.pos_ == "NOUN":
            named = _person_in(token, ctx)  # "Two-time champion Anderson Peters finished third with 85.34m"
            if named is not None:
                return named, True
            continue
        if token.pos_ == "PROPN" and token.ent_type_ != "NORP":
            ent = next((e for e in ents_in(ctx.sent) if e.start <= token.i < e.end), None)
            text = ent.text if ent is not None else " ".join(t.text for t in _compound_name(token))
            key = normalise(text, ctx.aliases)
            if key:
                return key, True
    return None, False


def _clause_person(root: Token, ctx: Sentence) -> str | None:
    """Who "his" or "I" is: a person named in a subject up the value's clauses, else the article's main person."""
    for token in _governors(root):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                named = _person_in(child, ctx)
                if named is not None:
                    return named
    return ctx.person


def _person_in(noun: Token, ctx: Sentence) -> str | None:
    """The person a subject names: itself, or the name in its apposition ("champion Anderson Peters of Grenada")."""
    for token in [noun, *(t for t in noun.subtree if t.dep_ not in ("relcl", "acl"))]:
        if token.ent_type_ == "PERSON":
            ent = next((e for e in ents_in(ctx.sent) if e.start <= token.i < e.end), None)
            return normalise(ent.text if ent is not None else token.text, ctx.aliases)
    return None


def _inside(token: Token, head: Token) -> bool:
    return any(t.i == token.i for t in head.subtree)


def _compound_name(token: Token) -> list[Token]:
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return sorted([*parts, token], key=lambda t: t.i)


def _groups(value: Span, counted: Token | None, measured: Token | None, event: Event, ctx: Sentence) -> frozenset[str]:
    """Who within the measure: "tourists", "on board", "Kenyan": a part, not the whole."""
    found: set[str] = set()
    _, groups = _people()
    for noun in (counted, measured):
        if noun is None:
            continue
        lemma = noun.lemma_.lower()
        if lemma in groups:
            found.add(lemma)
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and child.ent_type_ == "NORP":
                key = normalise(child.text, ctx.aliases)
                found.add(demonym(key, ctx.aliases))
        if noun.ent_type_ == "NORP":  # "25 Indians"
            key = normalise(noun.text, ctx.aliases)
            found.add(demonym(key, ctx.aliases))
    nearest = _nearest_scope(value, event)
    if nearest:
        found.add(nearest)
    return frozenset(found)


def _nearest_scope(value: Span, event: Event) -> str | None:
    """ "241 passengers aboard the aircraft and 19 people killed on the ground": each figure its nearest scope."""
    doc = value.doc
    start = min(event.verb.left_edge.i, value.start) if event.verb is not None else value.sent.start
    end = max(event.verb.right_edge.i + 1, value.end) if event.verb is not None else value.sent.end
    words = [t.lower_ for t in doc[start:end]]
    best: tuple[int, str] | None = None
    for name, phrases in _scope_phrases().items():
        for phrase in phrases:
            size = len(phrase.split())
            for i in range(len(words) - size + 1):
                if " ".join(words[i : i + size]) == phrase:
                    distance = min(abs(start + i - value.start), abs(start + i - value.end))
                    if best is None or distance < best[0]:
                        best = (distance, name)
    return best[1] if best else None


_PLACE_PREPOSITIONS = {"in", "at", "near", "across", "throughout", "inside", "outside", "on", "around", "off"}
_CLAUSE_DEPS = {"advcl", "relcl", "acl", "ccomp", "xcomp", "conj", "parataxis", "csubj"}
_REFERENCE_PREPOSITIONS = {"since", "before", "after", "until", "till", "prior", "ahead"}


def _clause_places(verb: Token | None, ctx: Sentence, noun: Token | None = None) -> frozenset[str]:
    """The places a value is located by: "killed in Nairobi", "27 dead in the Andes".

    Only the prepositional phrases on the value's own verb (or its counted noun) count:
    "killed 26 when gunmen opened fire at Baisaran" does not put the dead anywhere, and
    "crashed in the Andes, killing 27" does not put the dead in the Andes.
    """
    anchors = [t for t in (verb, noun) if t is not None]
    if not anchors:
        return frozenset()
    indices: set[int] = set()
    for anchor in anchors:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPOSITIONS:
                indices.update(_phrase_tokens(child))
    if not indices:
        return frozenset()
    places = set()
    for ent in ents_in(ctx.sent):
        if ent.start in indices and (ent.label_ in PLACE_LABELS or (
                ent.label_ == "NORP" and demonym(normalise(ent.text, ctx.aliases), ctx.aliases) != normalise(ent.text, ctx.aliases))):
            key = normalise(ent.text, ctx.aliases)
            places.add(demonym(key, ctx.aliases))
    return frozenset(places)


def _phrase_tokens(head: Token) -> set[int]:
    """A phrase's tokens, without the clauses hanging off it."""
    found = {head.i}
    for child in head.children:
        if child.dep_ not in _CLAUSE_DEPS:
            found |= _phrase_tokens(child)
    return found


def _when(value: Span, ctx: Sentence) -> tuple[DateInterval, ...]:
    """The dates of the sentence that are the value's period: each goes to the figure nearest to it.

    "fell to 2.82% in May from 3.16% in April": May is the period of 2.82%, April of 3.16%.
    A date that names something else ("since the 2019 attack", "the 2022 Stockholm meeting")
    is a reference point, not a period.
    """
    own = []
    doc = ctx.sent.doc
    for start, end, interval in ctx.periods:
        if value.start_char <= start < value.end_char:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or _reference_date(span.root, value):
            continue
        if _clause_verb_of(span.root).i != _clause_verb_of(value.root).i:
            continue  # "will hold 32,000 when it opens next spring": the spring dates the opening
        nearest = min(ctx.figures, key=lambda f: abs(f[0] - start), default=None)
        if nearest is None or nearest[0] == value.start_char:
            own.append(interval)
    return tuple(own)


_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|W\d\d-\d|WXX-\d)")


def _periods_said(value: Span, ctx: Sentence) -> frozenset[str]:
    """The periods the value's own clause names ("for the nine months", "a year earlier"), resolved or not.

    Days ("on Thursday", "April 18") are when something happened or was said, not a period
    a figure is for.
    """
    doc, verb = ctx.sent.doc, _clause_verb_of(value.root)
    found = set()
    for offset, timex_value in ctx.timexes:
        if value.start_char <= offset < value.end_char or _DAY_VALUE.match(timex_value):
            continue
        if timex_value.startswith("P") and not ctx.sent.doc.text[offset:offset + 4].lower().startswith("the "):
            continue  # "after four years of delays" is how long, not which period; "the nine months" is
        token = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if token is None or _clause_verb_of(token.root).i != verb.i or _reference_point(token.root):
            continue
        nearest = min(ctx.figures, key=lambda f: abs(f[0] - offset), default=None)
        if nearest is None or nearest[0] == value.start_char:
            found.add(timex_value)  # "fell to 2.82% in May from 3.16% in April": May is 2.82%'s
    return frozenset(found)


def _reference_date(root: Token, value: Span) -> bool:
    """A date that is not a figure's period: it names another thing ("the 2019 attack") or a point of comparison."""
    if root.dep_ in ("compound", "nmod", "amod", "poss", "nummod") and root.head.pos_ in ("NOUN", "PROPN"):
        return not (value.start <= root.head.i < value.end)
    return _reference_point(root)


def _reference_point(root: Token) -> bool:
    """ "the worst since 2000", "since the 2019 Pulwama attack": a point of comparison, not an event's date."""
    token = root
    for _ in range(4):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.dep_ == "prep" or token.pos_ == "ADP":
            return token.lower_ in _REFERENCE_PREPOSITIONS
    return False


_MODALS = {"may", "might", "could", "would", "should", "can", "will", "shall"}


def modality_of(root: Token, measured: Token | None, value: Span | None = None, of_date: bool = False) -> str:
    """asserted, expected, rumoured, ruled_out or earlier, from the words that govern the value in its clause.

    For a date, adjectives on the way up do not count: "his previous record, set in 2022"
    is an old record, not an old date.
    """
    words = _modality_words()
    skip = set(range(value.start, value.end)) if value is not None else {root.i}
    seen: list[str] = []

    def note(token: Token) -> None:
        if token.i in skip:
            return  # "May 2010" is a month, not a modal
        if token.lower_ in _MODALS and token.tag_ != "MD":
            return
        seen.extend((token.lemma_.lower(), token.lower_))

    for token in _governors(root):
        note(token)
        for child in token.children:
            if child.dep_ in (("aux", "advmod", "neg") if of_date else ("aux", "advmod", "neg", "amod", "det", "nsubj")):
                note(child)  # "Earlier rumors suggested that ...": the subject says how firm
        if token.lemma_.lower() in _FUTURE_FRAMES and any(c.dep_ == "xcomp" for c in token.children):
            return "expected"  # "is set to inject", "is due to open"
    if measured is not None:
        for child in measured.children:
            if child.dep_ in ("amod", "det", "advmod"):
                note(child)
    for name in ("earlier", "rumoured", "expected", "ruled_out"):
        if any(word in words[name] for word in seen):
            return name
    if measured is not None:
        # "the two suppliers that was previously rumored": a clause on the noun can say the figure
        # is an old or rumoured one (not that it is expected: "measures aimed at ..." are real)
        clause = [w for child in measured.children if child.dep_ in ("relcl", "acl")
                  for t in (child, *(g for g in child.children if g.dep_ in ("advmod", "neg", "aux")))
                  for w in (t.lemma_.lower(), t.lower_)]
        for name in ("earlier", "rumoured"):
            if any(word in words[name] for word in clause):
                return name
    return "asserted"


def _governors(token: Token) -> Iterable[Token]:
    """The value's ancestors up to its clause's verb, through reported speech and infinitives ("expect ... to cut")."""
    current = token
    while True:
        yield current
        if current.head.i == current.i:
            return
        if current.pos_ in ("VERB", "AUX") and current.dep_ in _CLAUSE_EDGES:
            return
        current = current.head


def context_words(ctx: Sentence) -> frozenset[str]:
    """The sentence's content words, every value left out: what two restatements of one fact share."""
    body = after_dateline(ctx.sent)
    return frozenset(
        t.lemma_.lower() for t in body
        if t.pos_ in _CONTENT_POS and not t.is_stop and t.i not in ctx.masked and t.is_alpha and len(t.text) > 1
    )


# ------------------------------------------------------------------ dates

def date_frame(value: Span, ctx: Sentence, anchored: bool) -> Frame:
    """The frame of a date: the event it dates (action + what was acted on), who acted, how firmly."""
    event = event_of(value.root, ctx.sent)
    target = event.target
    obj = object_key(target, ctx.aliases) if target is not None else None
    if obj and target is not None:
        instance = [c.lower_ for c in target.children if c.lower_ in _INSTANCE_WORDS]
        if instance:
            obj = f"{instance[0]} {obj}"  # "his second letter" is not "his letter"
    names = ctx.names
    object_is_name = target is not None and target.pos_ == "PROPN"
    antecedent = _antecedent(target, ctx)
    if antecedent is not None:
        obj, object_is_name, names = antecedent, True, names | {antecedent}
    agent = object_key(event.subject, ctx.aliases) if event.subject is not None else None
    near = {w for w in (event.predicate, name_head(obj) if obj else None) if w}
    measure = f"{event.predicate} {obj}" if event.predicate and obj else (event.predicate or obj)
    if obj in generic_objects() or _period_of_figure(value, ctx) or _reference_point(value.root):
        # "the quarter ended June 30", "revenue of $410 million in 2024", "the worst since 2000":
        # a period or a point of comparison, not the date of an event
        measure = None
    return Frame(
        measure=measure,
        measured_by="event" if (event.predicate and obj and measure) else ("verb" if measure else None),
        predicate=event.predicate,
        object=obj,
        object_is_name=object_is_name,
        counted=phrase(target) if target is not None else None,
        holder=agent,
        holder_is_name=event.subject is not None and event.subject.pos_ == "PROPN",
        places=_clause_places(event.verb, ctx, target),
        when=_when(value, ctx),
        modality="expected" if event.modal else modality_of(value.root, None, value, of_date=True),
        statement=event.reported,
        anchored=anchored,
        names=names,
        context=context_words(ctx),
        near=frozenset(near | ({"name"} if object_is_name else set())),
    )


def _period_of_figure(value: Span, ctx: Sentence) -> bool:
    """A date that is the period of a figure in its own clause, not an event's date.

    "had revenue of $410 million in 2024": 2024 is the revenue's year. "completed the
    acquisition in 2021, paying $640 million": 2021 dates the acquisition.
    """
    doc = ctx.sent.doc
    verb = _clause_verb_of(value.root)
    for start, end in ctx.figures:
        figure = doc.char_span(start, end, alignment_mode="expand")
        if figure is None or abs(start - value.start_char) >= 80 or _clause_verb_of(figure.root).i != verb.i:
            continue
        if _describes_a_thing(figure.root):
            continue  # "signed its €450 million loan in October 2022": the amount describes the loan
        return True
    return False


def _describes_a_thing(root: Token) -> bool:
    """Whether a figure sits in a noun phrase that is not a quantity ("a £40m renovation", "its €450 million loan")."""
    token = root
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return False
        if token.pos_ == "NOUN":
            return token.lemma_.lower() not in measure_class()
    return False


def _clause_verb_of(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _antecedent(target: Token | None, ctx: Sentence) -> str | None:
    """ "The accord, which ... signed in January" after "the Arden Water Treaty": the treaty."""
    if target is None or target.pos_ != "NOUN" or not bare_definite(target):
        return None
    kind = kind_of(target.lemma_.lower())
    if kind is None:
        return None
    candidates = {name for name in ctx.named if kind_of(name_head(name)) == kind}
    return candidates.pop() if len(candidates) == 1 else None  # two agreements named: which one is not clear
