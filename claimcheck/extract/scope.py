"""A value's scope within its sentence: which part of a count, where, for what period.

Groups ("on board", "tourists", "Kenyan", a part such as "three of the dead",
the whole "of the 242 aboard", a side of a vote, a rate "a share"), the places
of the value's own clause, and the periods it is given for ("revenue of $410
million in 2024"): two values whose scopes differ are two facts. `Sentence`
holds what every value of one sentence shares.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from claimcheck.extract.entities import PLACE_LABELS, Aliases, demonym, ents_in, normalise, place_nouns
from claimcheck.extract.grammar import Event, after_dateline
from claimcheck.extract.measures import capacity_words, people_nouns, word_lists
from claimcheck.models import DateInterval
from claimcheck.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
_QUANTIFIERS = {"all", "one", "none", "each", "most", "some", "many", "half", "both", "any", "several", "few"}


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

    @cached_property
    def context(self) -> frozenset[str]:
        """The sentence's content words, every value left out: what two restatements of one fact share.

        Computed once per sentence, however many values it gives."""
        body = after_dateline(self.sent)
        return frozenset(
            t.lemma_.lower() for t in body
            if t.pos_ in _CONTENT_POS and not t.is_stop and t.i not in self.masked and t.is_alpha and len(t.text) > 1
        )


@lru_cache(maxsize=1)
def _rate_words() -> frozenset[str]:
    return frozenset(word_lists()["rates"]["words"])


@lru_cache(maxsize=1)
def _scope_phrases() -> dict[str, tuple[str, ...]]:
    return {name: tuple(phrases) for name, phrases in word_lists()["scope_phrases"].items()}


def partitive_whole(root: Token) -> bool:
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


def partitive_part(root: Token, counted: Token | None) -> bool:
    """ "Three of the dead were Bolivian", "22 of the 26 victims", "five were among the dead".

    "241 of the 242 people aboard were killed" is not one: the 241 are the dead, a count of
    their own, however many were aboard.
    """
    generic, groups = people_nouns()
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


def rate_of(value: Span, counted: Token | None) -> str | None:
    after = value.end if counted is None or counted.i < value.end else counted.i + 1
    following = [t.lower_ for t in value.doc[after : min(after + 3, value.sent.end)]]
    if following[:1] == ["per"] and len(following) > 1:
        return f"per {following[1]}"
    for lead in (["a"], ["an"], ["each"], ["for", "each"], ["per"]):
        size = len(lead)
        if following[:size] == lead and len(following) > size and following[size].rstrip("s") in _rate_words():
            return f"per {following[size].rstrip('s')}"
    return None


def coordinated(root: Token, counted: Token | None) -> bool:
    """ "His mother and 10 others died": the figure is one conjunct of what the verb counts."""
    noun = counted or root
    return noun.dep_ == "conj" or any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in noun.children)


def tally_side(value: Span) -> str | None:
    following = [t.lower_ for t in value.doc[value.end : min(value.end + 3, value.sent.end)]]
    for side in ("against", "abstaining", "abstained", "abstentions"):
        if side in following[:2]:
            return "against" if side == "against" else "abstained"
    if following[:2] == ["in", "favour"] or following[:2] == ["in", "favor"]:
        return "for"
    return None


def groups_of(
    value: Span, counted: Token | None, measured: Token | None, event: Event, ctx: Sentence
) -> frozenset[str]:
    """Who within the measure: "tourists", "on board", "Kenyan": a part, not the whole."""
    found: set[str] = set()
    _, groups = people_nouns()
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
        if noun.ent_type_ == "NORP":  # "25 Peruvians"
            key = normalise(noun.text, ctx.aliases)
            found.add(demonym(key, ctx.aliases))
    nearest = _nearest_scope(value, event)
    if nearest:
        found.add(nearest)
    within = _sub_period(counted, event)
    if within:
        found.add(within)
    if _capacity(value, counted):
        found.add("capacity")
    return frozenset(found)


def _capacity(value: Span, counted: Token | None) -> bool:
    """ "a warehouse that holds enough supplies for 15,000 refugees", "room for 300 people": what a place
    can take, not how many there are."""
    noun = counted if counted is not None else value.root
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "for":
        return False
    near = [prep.head, *prep.head.children]
    return any(t.lemma_.lower() in capacity_words() for t in near for t in (t, *t.children))


def _sub_period(counted: Token | None, event: Event) -> str | None:
    """ "five points during a 15-2 run", "68 punches thrown during the round", "86 arrests over the course of
    Saturday's protests": a figure for a stretch inside the event, not the event's whole figure."""
    heads = [t for t in (event.verb, counted) if t is not None]
    heads += [c for c in (counted.children if counted is not None else ()) if c.dep_ == "acl"]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("during", "over"):
                continue
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and prep.lower_ == "over" and obj.lemma_.lower() == "course":
                obj = next(
                    (g for of in obj.children if of.lower_ == "of" for g in of.children if g.dep_ == "pobj"), None
                )
            elif prep.lower_ == "over":
                continue  # "over 200": a bound, read elsewhere
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME") and obj.pos_ == "NOUN":
                return f"during {obj.lemma_.lower()}"
    return None


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


def clause_places(verb: Token | None, ctx: Sentence, noun: Token | None = None) -> frozenset[str]:
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
    if noun is not None and (noun.lemma_.lower() in place_nouns() or noun.ent_type_ in PLACE_LABELS):
        indices.update(_phrase_tokens(noun))  # "struck Indonesia's Aceh province": where it struck
    if not indices:
        return frozenset()
    places = set()
    for ent in ents_in(ctx.sent):
        if ent.start in indices and (ent.label_ in PLACE_LABELS or (
                ent.label_ == "NORP"
                and demonym(normalise(ent.text, ctx.aliases), ctx.aliases) != normalise(ent.text, ctx.aliases))):
            key = normalise(ent.text, ctx.aliases)
            places.add(demonym(key, ctx.aliases))
    return frozenset(places)


def _phrase_tokens(head: Token) -> set[int]:
    """A phrase's tokens, without the clauses hanging off it."""
    # a walk with a stack, not recursion: a long run of junk tokens ("Þ Þ Þ ...") parses as a chain
    # thousands of tokens deep, past Python's recursion limit
    found: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        found.add(token.i)
        stack.extend(child for child in token.children if child.dep_ not in _CLAUSE_DEPS)
    return found


def when_of(value: Span, ctx: Sentence) -> tuple[DateInterval, ...]:
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
        if clause_verb_of(span.root).i != clause_verb_of(value.root).i:
            continue  # "will hold 32,000 when it opens next spring": the spring dates the opening
        nearest = min(ctx.figures, key=lambda f: abs(f[0] - start), default=None)
        if nearest is None or nearest[0] == value.start_char:
            own.append(interval)
    return tuple(own)


_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|W\d\d-\d|WXX-\d)")


def periods_said(value: Span, ctx: Sentence) -> frozenset[str]:
    """The periods the value's own clause names ("for the nine months", "a year earlier"), resolved or not.

    Days ("on Thursday", "April 18") are when something happened or was said, not a period
    a figure is for.
    """
    doc, verb = ctx.sent.doc, clause_verb_of(value.root)
    found = set()
    for offset, timex_value in ctx.timexes:
        if value.start_char <= offset < value.end_char or _DAY_VALUE.match(timex_value):
            continue
        if timex_value.startswith("P") and not doc_text(doc)[offset:offset + 4].lower().startswith("the "):
            continue  # "after four years of delays" is how long, not which period; "the nine months" is
        token = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if token is None or clause_verb_of(token.root).i != verb.i or reference_point(token.root):
            continue
        nearest = min(ctx.figures, key=lambda f: abs(f[0] - offset), default=None)
        if nearest is None or nearest[0] == value.start_char:
            found.add(timex_value)  # "fell to 2.82% in May from 3.16% in April": May is 2.82%'s
    return frozenset(found)


def _reference_date(root: Token, value: Span) -> bool:
    """A date that is not a figure's period: it names another thing ("the 2019 attack") or a point of comparison."""
    if root.dep_ in ("compound", "nmod", "amod", "poss", "nummod") and root.head.pos_ in ("NOUN", "PROPN"):
        return not (value.start <= root.head.i < value.end)
    return reference_point(root)


def reference_point(root: Token) -> bool:
    """ "the worst since 2000", "since the 2019 Pulwama attack": a point of comparison, not an event's date."""
    token = root
    for _ in range(4):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.dep_ == "prep" or token.pos_ == "ADP":
            return token.lower_ in _REFERENCE_PREPOSITIONS
    return False


def clause_verb_of(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token
