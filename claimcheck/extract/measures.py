"""What a figure measures: a class ("dead"), else the counted or measured noun, else the verb.

"27 people were killed" counts the dead, "a toll of 270" is a toll, "cut the
repo rate by 50 basis points" is a change in the rate. The word lists (classes
of measures, nouns of people, rates, modality words, scope phrases) are data:
data/measures.toml, read here for every part of the frame.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from claimcheck.extract.grammar import Event
from claimcheck.extract.numbers import is_currency, is_unit

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_TRANSPARENT = {"total", "number", "sum", "tally", "count", "figure", "tune", "amount", "maximum", "minimum"}


@lru_cache(maxsize=1)
def word_lists() -> dict:
    """data/measures.toml: the word lists every part of a frame reads."""
    with resources.files("claimcheck.data").joinpath("measures.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def measure_class() -> dict[str, str]:
    """Lemma -> the class it measures ("kill" -> "dead")."""
    return {word: cls for cls, words in word_lists()["classes"].items() for word in words}


@lru_cache(maxsize=1)
def incident_classes() -> frozenset[str]:
    """Classes of what an event does to people (the dead, the injured): one value per report."""
    return frozenset(word_lists()["incidents"]["classes"])


@lru_cache(maxsize=1)
def description_words() -> frozenset[str]:
    """Words after "N-" that make a description, not a figure: "two-time", "three-way"."""
    return frozenset(word_lists()["descriptions"]["hyphen_words"])


@lru_cache(maxsize=1)
def capacity_words() -> frozenset[str]:
    """Words that make "for N" a capacity: "enough supplies for 15,000", "room for 300"."""
    return frozenset(word_lists()["capacity"]["words"])


@lru_cache(maxsize=1)
def people_words() -> frozenset[str]:
    """Nouns that count people ("people", "passengers", "nationals"): the measure of a head count."""
    generic, groups = people_nouns()
    return generic | groups


@lru_cache(maxsize=1)
def people_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(nouns of anyone: "people", "victims"; nouns of a group of people: "passengers", "tourists")."""
    table = word_lists()["people"]
    return frozenset(table["generic"]), frozenset(table["groups"])


def described_noun(root: Token, counted: Token | None) -> Token | None:
    """ "a 45-yard field goal", "a one-yard pass": the figure and its unit describe the noun after them."""
    if counted is None or counted.dep_ != "compound" or counted.head.pos_ != "NOUN" or counted.head.i <= counted.i:
        return None
    between = root.doc[root.i + 1 : counted.i]
    return counted.head if len(between) == 1 and between[0].text == "-" else None


def measured_noun(root: Token, event: Event, counted: Token | None) -> tuple[Token | None, bool]:
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


def measure_words(value: Span, event: Event, measured: Token | None, counted: Token | None) -> list[str]:
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


def measure_of(
    words: list[str], measured: Token | None, counted: Token | None, event: Event, use_verb: bool = True,
) -> tuple[str | None, str | None]:
    """(measure, what it was read from): a class when the words name one ("killed" -> dead), else the noun, else
    the verb.

    A verb gives the class only to figures that count people ("26 people were killed") or
    nothing ("26 were killed"): "six members voted" counts members, not votes.
    """
    classes = measure_class()
    generic, groups = people_nouns()
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
    if noun is not None and noun_lemma is not None:  # the one implies the other
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
