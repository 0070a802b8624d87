"""Whose value a figure is: "Chopra's throw", "Octel shares", "Weber threw 91.06m".

A pronoun ("his", "I") is the person named in a subject up the value's
clauses, else the article's main person.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.extract.entities import ents_in, normalise
from claimcheck.extract.grammar import Event
from claimcheck.extract.modality import governors
from claimcheck.extract.scope import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token

_PERSON_PRONOUNS = {"he", "she", "his", "her", "him", "its", "their", "they", "them", "it", "i", "me", "my", "we",
                    "our"}


def holder_of(root: Token, event: Event, measured: Token | None, ctx: Sentence) -> tuple[str | None, bool]:
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
    for token in governors(root):
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
