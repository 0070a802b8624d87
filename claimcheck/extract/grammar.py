"""Reading the dependency parse: which verb a value hangs off, who acted, what was acted on.

The small English model's parse is good but not perfect, so each helper here
walks the tree defensively (a relative pronoun is found by word order as well
as by its label, a wire dateline is never a subject). Everything is a pure
function of tokens; the tables (verb groups, noun synonyms, reporting verbs,
kinds of thing) are data files in claimcheck/data.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from claimcheck.extract.entities import Aliases
from claimcheck.nlp import span_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
MODAL_HEDGES = {"expect", "plan", "aim", "hope", "seek", "propose", "may", "might", "could", "would"}


@lru_cache(maxsize=1)
def _predicate_table() -> dict:
    with resources.files("claimcheck.data").joinpath("predicates.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def generic_objects() -> frozenset[str]:
    return frozenset(_predicate_table()["generic_objects"]["words"])


@lru_cache(maxsize=1)
def _noun_synonyms() -> dict[str, str]:
    return {word: head for head, words in _predicate_table()["noun_synonyms"].items() for word in words}


@lru_cache(maxsize=1)
def _predicates() -> tuple[dict[str, str], frozenset[str]]:
    table = _predicate_table()
    synonyms: dict[str, str] = {}
    for head, words in table["synonyms"].items():
        for word in words:
            synonyms.setdefault(word, head)
    return synonyms, frozenset(table["reporting"]["verbs"])


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    with resources.files("claimcheck.data").joinpath("kinds.toml").open("rb") as fh:
        table = tomllib.load(fh)["kinds"]
    return {word: kind for kind, words in table.items() for word in words}


def kind_of(word: str) -> str | None:
    return _kinds().get(word)


def name_head(name: str) -> str:
    return name.split(" of ")[0].split()[-1] if name.strip() else ""


def bare_definite(noun: Token) -> bool:
    """ "the accord", "this agreement": not "a similar accord", "the Lenne accord", "the 2008 accord"."""
    dets = [c for c in noun.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in ("the", "this", "that"):
        return False
    return not any(c.dep_ in ("amod", "compound", "poss", "nummod", "nmod") for c in noun.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "on", "with", "between") for c in noun.children
    )


@dataclass(frozen=True)
class Event:
    """The verb a value hangs off, what it acts on and who acts, as tokens (None where the parse says nothing)."""

    verb: Token | None
    predicate: str | None  # the verb's lemma, read through the verb groups ("ink" -> "sign")
    target: Token | None  # what was acted on: object, passive subject, or the noun of a "which" clause
    subject: Token | None  # who acted, when that is not the target
    reported: bool = False  # a reporting verb: the date of saying, not of the event
    modal: bool = False  # under "could", "expected to", "plans to"


NO_EVENT = Event(verb=None, predicate=None, target=None, subject=None)


def event_of(token: Token, sent: Span) -> Event:
    """The event a value (its root token) attaches to in the dependency parse."""
    synonyms, reporting = _predicates()
    verb = token
    while verb.pos_ not in ("VERB",) and verb.head.i != verb.i and verb.head.i >= sent.start:
        if verb.pos_ == "AUX" and verb.dep_ in ("conj", "ccomp", "advcl") and plain_subject(verb) is not None:
            # "began in 2021, and the project was due to finish in 2023": the date is in a clause
            # of its own, with no verb to name its event; better no event than the wrong one
            return NO_EVENT
        verb = verb.head
    noun_subject = None
    if verb.pos_ == "AUX" and plain_subject(verb) is not None:
        # "Athens was calm Sunday": a state of its subject, not the sentence's other verb
        complement = next((c for c in verb.children if c.dep_ in ("acomp", "attr")), None)
        predicate = complement.lemma_.lower() if complement is not None else verb.lemma_.lower()
        return Event(verb=verb, predicate=predicate, target=plain_subject(verb), subject=None)
    if verb.pos_ != "VERB":
        verb = main_verb(sent) or verb
    if verb.pos_ != "VERB":
        # "2023: MoU signed on ...": the root is the noun, the event its participle
        noun_subject = verb
        participle = next((c for c in verb.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
        if participle is None:
            return Event(verb=None, predicate=None, target=verb, subject=None)
        verb = participle
    lemma = verb.lemma_.lower()
    if noun_subject is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        noun_subject = verb.head  # "MoU signed on ...": the noun is what was signed
    target = noun_subject or _object_token(verb)
    subject = subject_token(verb)
    relative = _relativised(verb)
    if relative is not None:
        target, subject = relative
    elif target is None and verb.dep_ == "advcl" and verb.tag_ == "VBN":
        target = plain_subject(verb.head)  # "Born in Szeged in 1942, Varga studied ...": Varga was born
    modal = lemma in MODAL_HEDGES or any(
        c.dep_ == "aux" and c.lemma_.lower() in MODAL_HEDGES for c in verb.children
    ) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in MODAL_HEDGES)
    if subject is not None and target is not None and subject.i == target.i:
        subject = None
    return Event(
        verb=verb, predicate=synonyms.get(lemma, lemma), target=target, subject=subject,
        reported=lemma in reporting, modal=modal,
    )


_DATELINE = re.compile(r"^\s*[A-Z][\w .'’\[\]-]{1,60},[^.!?]{0,60}?(?:\s[-—–]{1,2}\s|\)\s*[-—–:]\s*)")


def after_dateline(sent: Span) -> Span:
    """The sentence without its wire dateline ("SHREWSBURY, England, Feb 12 (Reuters) - ")."""
    match = _DATELINE.match(span_text(sent))
    if match is None:
        return sent
    body = sent.doc.char_span(sent.start_char + match.end(), sent.end_char, alignment_mode="expand")
    return body if body is not None and len(body) else sent


def subject_token(verb: Token) -> Token | None:
    """Who acted: the subject, the passive agent ("by floodwater"), or for "which killed" the noun it refers to."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head  # "Weber, who claimed victory": Weber
            if child.i < after_dateline(child.sent).start:
                return None  # "OSLO, April 18 - ...": the dateline's city did nothing
            return child if child.pos_ in ("NOUN", "PROPN") else None
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ in ("relcl", "acl") and verb.tag_ != "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return subject_token(verb.head)  # "Acme agreed to acquire": Acme acquires
    return None


_RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}


def _relativised(verb: Token) -> tuple[Token | None, Token | None] | None:
    """(object, agent) of a verb in a relative clause, where the relativised noun is one of them.

    "the Casco Star, which was built in 2009": the ship was built. "the treaty, which Nordland
    signed": the treaty was signed, by Nordland. "the storm, which killed 12": the storm is the
    agent (handled by `subject_token`). The small model often misattaches these clauses, so the
    relative pronoun is found by word order, not only by its dependency label.
    """
    sent = verb.sent
    i = verb.i - 1
    while i >= sent.start and verb.doc[i].lower_ not in _RELATIVE_PRONOUNS and verb.doc[i].text not in ",;:()":
        i -= 1
    if i < sent.start or verb.doc[i].lower_ not in _RELATIVE_PRONOUNS or i == sent.start:
        return None
    pronoun = verb.doc[i]
    if pronoun.lower_ == "that" and pronoun.tag_ not in ("WDT", "WP"):
        return None  # "said that ...": a complementiser, not a relative pronoun
    antecedent = verb.doc[i - 1] if verb.doc[i - 1].text != "," else verb.doc[i - 2] if i - 2 >= sent.start else None
    if antecedent is None or antecedent.pos_ not in ("NOUN", "PROPN"):
        return None
    between = verb.doc[i + 1 : verb.i]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if all(t.pos_ in ("AUX", "ADV", "PART") for t in between):
        # subject relative: the antecedent was acted on (passive) or acted (active)
        return (antecedent, None) if passive else None
    agent = next((t for t in between if t.dep_ in ("nsubj", "dobj") and t.pos_ in ("NOUN", "PROPN")), None)
    if agent is None or any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children):
        return None
    return antecedent, agent  # object relative: "which the two governments signed"


def plain_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")), None)


def main_verb(sent: Span) -> Token | None:
    """The first top-level verb of a verbless-looking line ("2021: Talks begin between ...")."""
    for token in sent:
        if token.pos_ == "VERB" and (token.head.pos_ != "VERB" or token.head.i == token.i):
            return token
    return None


def _object_token(verb: Token) -> Token | None:
    children = list(verb.children)
    for dep in _OBJECT_DEPS:
        for child in children:
            if child.dep_ == dep:
                return child
    for child in children:
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN"):
            return child  # intransitive: "the bridge opened in 2019"
    return None


def object_key(token: Token, aliases: Aliases) -> str:
    """A comparable name for a noun phrase: head lemma, plus "of X" where the head takes one."""
    head = _name(token, aliases) if token.pos_ == "PROPN" else word(token, aliases)
    if token.pos_ == "NOUN":
        head = _noun_synonyms().get(head, head)
    if " of " in head:
        return head
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                modifiers = [c for c in pobj.children if c.dep_ in ("compound",)]
                words = [word(c, aliases) for c in sorted(modifiers, key=lambda t: t.i)]
                return f"{head} of {' '.join(words + [word(pobj, aliases)])}"
    return head


def _name(token: Token, aliases: Aliases) -> str:
    """A proper noun with the proper nouns compounded into it: "Acme Corp", not "corp"."""
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join([*(c.text.lower() for c in parts), word(token, aliases)])


def word(token: Token, aliases: Aliases) -> str:
    lowered = token.text.lower().rstrip("s") if token.text.isupper() else token.text.lower()
    if any(c.isupper() for c in token.text[1:]) and lowered in aliases.acronyms:
        return aliases.acronyms[lowered]
    if token.text.lower() in aliases.acronyms and token.text.isupper():
        return aliases.acronyms[token.text.lower()]
    return token.lemma_.lower() if token.pos_ != "PROPN" else token.text.lower()


def phrase(token: Token) -> str:
    """The object as written, short: "a Treaty of Friendship", not its whole clause."""
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss"):
            left = min(left, min(t.i for t in child.subtree))
    right = token.i
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            right = max(right, child.i if pobj is None else pobj.i)
    return token.doc[left : right + 1].text


