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
# possibility and obligation look ahead ("may resume Tuesday", "must respond by Friday"); not
# "could", which is also the past of "can" ("could not be located Wednesday")
_FORWARD_MODALS = ("may", "might", "should", "must")
# verbs of arranging: a participle of these describes an event ahead ("the talks scheduled
# for Tuesday"), and so does a weekday they govern in the present (anchoring.weekday_date)
ARRANGEMENT_VERBS = {"plan", "schedule", "slate", "set"}
# an infinitive under these looks ahead: "set to resume Monday", "planned to leave Friday"
_FUTURE_HEADS = {"plan", "expect", "schedule", "set", "due", "hope", "intend", "want", "aim", "prepare",
                 "propose", "agree", "promise", "vow", "threaten", "decide", "seek", "likely", "ready",
                 "about", "go", "going", "able", "need", "have"}


# verbs whose progressive is what goes on now, never an arrangement ahead
_ONGOING_VERBS = {"continue", "remain", "keep", "stay", "try", "struggle"}


def governing_verb(token: Token) -> Token | None:
    """The verb a token hangs from, up the dependency tree (at most 8 steps)."""
    verb = token
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("amod", "compound", "prep"):
            return verb  # ("according to", "following": participles used as prepositions)
        if verb is not token and verb.pos_ in ("NOUN", "PROPN"):
            # "a factsheet released by the ministry on Friday": the parser often hangs the date
            # on the noun; the participle that describes the noun, before the date, is its verb
            for child in verb.children:
                if child.dep_ == "acl" and child.tag_ == "VBN" and child.i < token.i:
                    return child
        if verb.head is verb:
            return None
        verb = verb.head
    return None


def _in_attribution(token: Token, verb: Token | None) -> bool:
    """Whether the date sits in an "according to ..." phrase below its verb."""
    for ancestor in token.ancestors:
        if ancestor is verb:
            return False
        if ancestor.lower_ == "according":
            return True
    return False


def tense_of_token(token: Token) -> Tense | None:
    """The tense of the clause of a token: its governing verb's, else the nearest marker's."""
    verb = governing_verb(token)
    if _in_attribution(token, verb):
        return PAST  # "..., according to the ministry on Friday": when the source spoke, so before
    if verb is not None:
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
        if any(a.lower_ in _FORWARD_MODALS for a in modals):
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
        if head.lemma_ == "have" and head.tag_ == "VBD":
            return PAST  # "had to settle for second place on Friday": an obligation met, not one ahead
        if head.lemma_ in _FUTURE_HEADS or head.lower_ in _FUTURE_HEADS:
            # future, unless pluperfect: "had been due to open Monday" (the "had" hangs on
            # "been", the head of the adjective "due")
            holders = [head, head.head] if head.dep_ in ("acomp", "attr", "xcomp") else [head]
            had = any(c.lower_ in ("had", "'d") for h in holders for c in h.children if c.dep_ in ("aux", "auxpass"))
            return PAST if had else FUTURE
        if head.lemma_ == "be" and head_tense in (PRESENT, FUTURE):
            return FUTURE  # "is to resume trading Tuesday": be + infinitive is an arrangement ahead
        return head_tense
    if verb.tag_ == "VBN":
        if any(a.lemma_ == "have" for a in auxes):
            return PERFECT
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return PRESENT
        if not auxes and verb.dep_ == "acl" and verb.lemma_ in ARRANGEMENT_VERBS and depth < 3:
            # "the vote scheduled for Tuesday will/was ...": the arrangement is ahead unless the
            # clause around the noun is told in the past ("a rally planned for Saturday was canceled")
            clause = governing_verb(verb.head)
            return PAST if clause is not None and verb_tense(clause, depth + 1) == PAST else FUTURE
        return PAST
    if verb.tag_ == "VB":
        if verb.dep_ in ("xcomp", "ccomp", "conj") and depth < 3 and verb.head is not verb:
            return verb_tense(verb.head, depth + 1)
        return None
    if verb.tag_ == "VBG":
        if any(a.lemma_ == "have" for a in auxes):
            # "have been searching since Oct. 23": perfect progressive, not a present with a future sense
            return PAST if any(a.tag_ == "VBD" for a in auxes) else PERFECT
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            # "is leaving Friday" is ahead, but "is continuing to ..." is going on now
            return PRESENT if verb.lemma_ in _ONGOING_VERBS else FUTURE
        if any(a.tag_ == "VBD" for a in auxes):
            return PAST
        head = verb.head
        if head.pos_ == "ADP":
            head = head.head  # "would leave ..., with the third departing ...": the clause "with" hangs on
        if depth < 3 and head is not verb:
            return verb_tense(head, depth + 1)
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
