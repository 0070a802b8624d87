"""How firmly a value is given: asserted, expected, rumoured, ruled out, or an earlier figure.

Read from the words that govern the value in its clause ("is set to inject",
"Earlier rumors suggested", "his previous best"); the words are data
(data/measures.toml, `[modality]`).
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from claimcheck.extract.measures import word_lists
from claimcheck.models import Modality

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_FUTURE_FRAMES = {"set", "due", "poised", "slated", "scheduled", "likely", "expected", "going"}
_CLAUSE_EDGES = {"advcl", "parataxis", "ROOT"}


@lru_cache(maxsize=1)
def _modality_words() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in word_lists()["modality"].items()}


def from_level(root: Token) -> bool:
    """ "rose from 270 to 274", "fell to 2.82% from 3.16%": the figure before the change."""
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "from" and head.head.pos_ in ("VERB", "AUX")


_MODALS = {"may", "might", "could", "would", "should", "can", "will", "shall"}
_GOVERNOR_MODALITIES: tuple[Modality, ...] = ("earlier", "rumoured", "expected", "ruled_out")  # first found wins
_CLAUSE_MODALITIES: tuple[Modality, ...] = ("earlier", "rumoured")


def modality_of(root: Token, measured: Token | None, value: Span | None = None, of_date: bool = False) -> Modality:
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

    for token in governors(root):
        note(token)
        for child in token.children:
            firming = ("aux", "advmod", "neg") if of_date else ("aux", "advmod", "neg", "amod", "det", "nsubj")
            if child.dep_ in firming:
                note(child)  # "Earlier rumors suggested that ...": the subject says how firm
        if token.lemma_.lower() in _FUTURE_FRAMES and any(c.dep_ == "xcomp" for c in token.children):
            return "expected"  # "is set to inject", "is due to open"
    if measured is not None:
        for child in measured.children:
            if child.dep_ in ("amod", "det", "advmod"):
                note(child)
    for name in _GOVERNOR_MODALITIES:
        if any(word in words[name] for word in seen):
            return name
    if measured is not None:
        # "the two suppliers that was previously rumored": a clause on the noun can say the figure
        # is an old or rumoured one (not that it is expected: "measures aimed at ..." are real)
        clause = [w for child in measured.children if child.dep_ in ("relcl", "acl")
                  for t in (child, *(g for g in child.children if g.dep_ in ("advmod", "neg", "aux")))
                  for w in (t.lemma_.lower(), t.lower_)]
        for name in _CLAUSE_MODALITIES:
            if any(word in words[name] for word in clause):
                return name
    return "asserted"


def governors(token: Token) -> Iterable[Token]:
    """The value's ancestors up to its clause's verb, through reported speech and infinitives ("expect ... to cut")."""
    current = token
    while True:
        yield current
        if current.head.i == current.i:
            return
        if current.pos_ in ("VERB", "AUX") and current.dep_ in _CLAUSE_EDGES:
            return
        current = current.head
