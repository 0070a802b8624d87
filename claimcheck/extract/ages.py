"""People's ages: "She was 84.", "died aged 82", "Tomas Berg, 47,", "a 63-year-old" + name.

An age is a figure like any other, but the model rarely marks it as one (it
tags "84" as a date), and whose age it is matters more than the verb around
it. Each function here is pure: a sentence in, (age token, person) pairs out.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from claimcheck.extract.entities import ents_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PRONOUNS = {"he", "she"}
MAX_AGE = 120


def ages_in(sent: Span, with_unnamed: bool = False) -> Iterator[tuple[Token, Token | None]]:
    """(the age, the person or personal pronoun it belongs to), for every age the grammar ties to one.

    With `with_unnamed`, "the 26-year-old raised his arms" gives (26, None): an age
    whose person the sentence does not name, for the caller to resolve.
    """
    for token in sent:
        if not _is_age_number(token):
            continue
        person = _after_aged(token) or _appositive(token) or _copula(token) or _years_old(token)
        if person is not None and (person.lower_ in _PRONOUNS or _is_person(person)):
            yield token, person
        elif _year_old(token):
            named = _name_after_description(token)
            if named is not None:
                yield token, named  # "the 36-year-old champion Klitschko"
            elif with_unnamed and _unnamed_year_old(token) and _is_subject(token) and not _names_a_person(token.sent):
                yield token, None  # "The 26-year-old raised his arms": whoever the article is about


def age_numbers_before(doc: Doc) -> np.ndarray:
    """By token index, how many tokens before it could be an age's number (digits, at most three: a superset of
    what _is_age_number takes); a sentence with none holds no age, whatever its words."""
    from spacy.attrs import IS_DIGIT, LENGTH  # type: ignore[import-not-found]  # a Cython module without stubs

    columns = doc.to_array([IS_DIGIT, LENGTH])
    return np.concatenate(([0], np.cumsum((columns[:, 0] == 1) & (columns[:, 1] <= 3))))


def _is_age_number(token: Token) -> bool:
    # isdecimal, not isdigit: "²" and "①" are digits that int() refuses
    if not token.text.isdecimal():
        return False
    return len(token.text) <= 3 and 0 < int(token.text) <= MAX_AGE


def _after_aged(token: Token) -> Token | None:
    """ "died aged 82", "at the age of 82": the subject of the verb the phrase hangs from."""
    doc, i = token.doc, token.i
    before = [t.lower_ for t in doc[max(token.sent.start, i - 3) : i]]
    if not before or not (before[-1] == "aged" or before[-2:] == ["age", "of"]):
        return None
    return _subject(_clause_verb(token))


def _appositive(token: Token) -> Token | None:
    """ "Tomas Berg, 47, said": the number sits between commas right after a name."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "," or doc[i - 2].pos_ != "PROPN":
        return None
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.text not in (",", ".", ";"):
        return None
    return doc[i - 2]


def _copula(token: Token) -> Token | None:
    """ "She was 84.": the number is all the predicate says."""
    head = token.head
    if token.dep_ != "attr" or head.lemma_ != "be":
        return None
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and not after.is_punct:
        return None  # "she was 84 percent sure", "he was 40 points behind"
    return _subject(head)


def _years_old(token: Token) -> Token | None:
    """ "Varga, who was 84 years old" / "the 63-year-old Jane Doe"."""
    doc, i = token.doc, token.i
    following = [t.lower_ for t in doc[i + 1 : i + 5]]
    if following[:2] == ["years", "old"] or following[:2] == ["year", "old"]:
        return _subject(_clause_verb(token))
    if following[:4] == ["-", "year", "-", "old"]:
        noun = doc[i + 4].head if i + 4 < len(doc) else None
        return noun if noun is not None and noun.pos_ == "PROPN" else None
    return None


def _unnamed_year_old(token: Token) -> bool:
    """ "The 26-year-old raised ...", "the 27-year-old Olympian": a person already met, described by age.

    "A 36-year-old climber" brings in someone new, so only the definite article counts.
    """
    doc, i = token.doc, token.i
    following = [t.lower_ for t in doc[i + 1 : i + 5]]
    if following[:4] != ["-", "year", "-", "old"]:
        return False
    before = doc[i - 1].lower_ if i > 0 else ""
    return before in ("the", "this", "that")


def _year_old(token: Token) -> bool:
    following = [t.lower_ for t in token.doc[token.i + 1 : token.i + 5]]
    return following[:4] == ["-", "year", "-", "old"]


def _name_after_description(token: Token) -> Token | None:
    """ "the 36-year-old champion Wladimir Klitschko": the person named right after the description."""
    doc = token.doc
    for candidate in doc[token.i + 5 : min(token.i + 10, token.sent.end)]:
        if candidate.pos_ == "PROPN":
            if candidate.ent_type_ in ("GPE", "LOC", "EVENT", "FAC", "PRODUCT"):
                return None  # "the 27-year-old Olympics hopeful": a place or an event, not a person
            return candidate  # a nationality ("Kenyan") is ruled out by the caller, which knows them
        if candidate.pos_ not in ("ADJ", "NOUN", "DET") or candidate.is_punct:
            return None
    return None


def _names_a_person(sent: Span) -> bool:
    """A sentence that names someone: "the 51-year-old showrunner said Capaldi ..." may be about another person."""
    return any(e.label_ == "PERSON" for e in ents_in(sent))


def _is_subject(token: Token) -> bool:
    """Whether the "N-year-old" phrase is its clause's subject: the person is the one the text is about."""
    noun = token
    while noun.head.i != noun.i and noun.dep_ not in ("nsubj", "nsubjpass") and noun.head.i - token.i <= 10:
        noun = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass")


def _clause_verb(token: Token) -> Token:
    """The verb (or copula) of the clause a token sits in: whose subject the age is."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _subject(verb: Token) -> Token | None:
    # the closest subject: a wire dateline ("VIENNA, Nov 5 -") is often parsed as a second one
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subject = max(subjects, key=lambda c: (c.i < verb.i, c.i)) if subjects else None
    named = (
        next((c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None) if subject else None
    )
    if named is not None:
        return named  # "VIENNA, Nov 5 - Conductor Elena Varga ... has died": the parser makes the city the subject
    if subject is None and verb.dep_ in ("relcl",) and verb.head.pos_ == "PROPN":
        return verb.head  # "Varga, who was 84 years old, ..."
    return subject


def _is_person(token: Token) -> bool:
    # the small model tags many surnames NORP ("Klitschko"); nationalities are ruled out by the caller
    return token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "ORG", "NORP", "")
