"""The tense of the clause an expression sits in, which decides which way it is anchored.

"He arrived on Friday" is the Friday before the document date, "he will travel on
Friday" the one after. The verb is found up the dependency tree (HeidelTime-style);
without one, the nearest tense marker in the sentence decides.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Token

Tense = Literal["PAST", "PRESENT", "FUTURE", "PERFECT"]
PAST: Tense = "PAST"
PRESENT: Tense = "PRESENT"
FUTURE: Tense = "FUTURE"
PERFECT: Tense = "PERFECT"

_WILL = ("will", "'ll", "shall", "wo")  # "wo" of "won't"
# an infinitive under these looks ahead: "set to resume Monday", "planned to leave Friday"
_FUTURE_HEADS = {"plan", "expect", "schedule", "set", "due", "hope", "intend", "want", "aim", "prepare",
                 "propose", "agree", "promise", "vow", "threaten", "decide", "seek", "likely", "ready",
                 "about", "go", "going", "able", "need", "have"}


def tense_of_token(token: Token) -> Tense | None:
    """The tense of the clause of a token: its governing verb's, else the nearest marker's."""
    verb: Token | None = token
    for _ in range(8):
        assert verb is not None
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("amod", "compound"):
            break
        if verb.head is verb:
            verb = None
            break
        verb = verb.head
    else:
        verb = None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        tense = verb_tense(verb, 0)
        if tense:
            return tense
    # HeidelTime's fallback: the closest tense marker in the sentence, left first
    sent = token.sent
    left = list(range(token.i - 1, sent.start - 1, -1))
    right = list(range(token.i + 1, sent.end))
    doc = token.doc
    for indices in (left, right):
        for i in indices:
            tense = _tense_of_tag(doc[i])
            if tense:
                return tense
    return None


def _tense_of_tag(token: Token) -> Tense | None:
    if token.tag_ == "MD":
        return FUTURE if token.lower_ in _WILL else None
    if token.tag_ == "VBD":
        return PAST
    if token.tag_ in ("VBZ", "VBP"):
        return PRESENT
    return None


def verb_tense(verb: Token, depth: int) -> Tense | None:
    """The tense of a verb from its auxiliaries and tag, following infinitives up to their head."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    if aux_words & set(_WILL):
        return FUTURE
    if "going" in aux_words or (verb.head.lower_ == "going" and "to" in aux_words):
        return FUTURE
    modals = [a for a in auxes if a.tag_ == "MD"]
    if modals:
        if any(a.lemma_ == "have" for a in auxes):
            return PAST
        if any(a.lower_ in ("would", "'d") for a in modals):
            return FUTURE
        return None
    if any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBD":
        return PAST
    if "to" in aux_words and verb.tag_ in ("VB", "VBN"):
        head = verb.head
        if head is verb:
            return None
        head_tense = verb_tense(head, depth + 1) if depth < 3 and head.pos_ in ("VERB", "AUX", "ADJ") else None
        if head.lemma_ in _FUTURE_HEADS or head.lower_ in _FUTURE_HEADS:
            # future, unless pluperfect: "had been due to open Monday"
            had = any(c.lower_ in ("had", "'d") for c in head.children if c.dep_ in ("aux", "auxpass"))
            return PAST if had else FUTURE
        return head_tense
    if verb.tag_ == "VBN":
        if any(a.lemma_ == "have" for a in auxes):
            return PERFECT
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return PRESENT
        return PAST
    if verb.tag_ == "VB":
        if verb.dep_ in ("xcomp", "ccomp", "conj") and depth < 3 and verb.head is not verb:
            return verb_tense(verb.head, depth + 1)
        return None
    if verb.tag_ == "VBG":
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return FUTURE  # "is leaving Friday"
        if any(a.tag_ == "VBD" for a in auxes):
            return PAST
        if depth < 3 and verb.head is not verb:
            return verb_tense(verb.head, depth + 1)
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    if verb.tag_ == "MD":
        return FUTURE if verb.lower_ in ("will", "'ll", "shall", "wo", "would") else None
    if verb.pos_ == "ADJ" and depth:
        copulas = [c for c in verb.children if c.dep_ in ("cop", "aux") or c.lemma_ == "be"]
        if any(c.tag_ == "VBD" for c in copulas):
            return PAST
        if any(c.lower_ in ("will", "'ll") for c in copulas):
            return FUTURE
        if any(c.tag_ in ("VBZ", "VBP") for c in copulas):
            return PRESENT
    return None
