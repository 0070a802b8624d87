"""Names as comparable keys: acronyms expanded, titles and possessives dropped.

"Prime Minister Jane Doe's", "PM Doe" and "Jane Doe" must meet; "Ministry of
Finance (MoF)" defines MoF for the rest of the corpus.
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.nlp import latest_documents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


NAME_LABELS = {"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
_CONNECTORS = {"of", "and", "for", "the", "on", "in", "&", "to", "de", "du", "des", "la", "le"}
_DEFINITION = re.compile(r"\(\s*([A-Z][A-Za-z&.]{1,9}?s?)\s*\)")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[,;:()\[\]\"“”]|(?<!\w)[.]|[.](?!\w)")


@dataclass(frozen=True)
class Aliases:
    """Acronym expansions, title words and name groups, from data files and the corpus."""

    acronyms: dict[str, str] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()
    canonical: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # "peruvian" -> "peru"

    def with_acronyms(self, found: dict[str, str]) -> Aliases:
        merged = dict(self.acronyms)
        merged.update({k.lower(): v for k, v in found.items()})
        return Aliases(merged, self.titles, self.canonical, self.demonyms)

    @cached_property
    def countries(self) -> frozenset[str]:
        return frozenset(self.demonyms.values())


def load_aliases(extra: Iterable[Path] = ()) -> Aliases:
    """The packaged alias table, extended by user files of the same shape (TOML or JSON)."""
    tables = [_packaged_table("aliases.toml"), _packaged_table("places.toml")]
    for path in extra:
        tables.append(_checked_table(_read_table(path), path))
    acronyms: dict[str, str] = {}
    titles: set[str] = set()
    canonical: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for table in tables:
        demonyms.update({_clean(k): _clean(v) for k, v in table.get("demonyms", {}).items()})
        acronyms.update({k.lower(): _clean(v) for k, v in table.get("acronyms", {}).items()})
        titles.update(t.lower() for t in table.get("titles", {}).get("words", []))
        for group in table.get("names", {}).get("groups", []):
            head = _clean(group[0])
            canonical.update({_clean(name): head for name in group})
    return Aliases(acronyms, frozenset(titles), canonical, demonyms)


@lru_cache(maxsize=4)
@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Every country of the packaged gazetteer, normalised: the places too broad to tell two events apart."""
    return frozenset(_clean(v) for v in _packaged_table("places.toml").get("demonyms", {}).values())


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Nouns that name a place by its kind ("province", "district")."""
    return frozenset(_packaged_table("places.toml").get("place_nouns", {}).get("words", []))


def _packaged_table(name: str) -> dict:
    with resources.files("claimcheck.data").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


def _read_table(path: Path) -> dict:
    """A user's alias file (TOML or JSON); every fault a ConfigError naming the file."""
    import json

    from claimcheck.config import read_toml_text
    from claimcheck.errors import ConfigError

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"alias file {path}: cannot read: {exc.strerror or exc}") from None
    if path.suffix.lower() != ".json":
        return read_toml_text(raw, path)
    try:
        table = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ConfigError(f"alias file {path}: not valid UTF-8 JSON: {exc}") from None
    if not isinstance(table, dict):
        raise ConfigError(f"alias file {path}: expected an object of tables, found {type(table).__name__}")
    return table


def _checked_table(table: dict, path: Path) -> dict:
    """A user's alias table as load_aliases reads it, or a ConfigError naming the file and the table at fault:
    a wrong shape ("acronyms" as a list, an empty name group) would otherwise fail deep in the scan."""
    from claimcheck.errors import ConfigError

    def fail(key: str, expected: str, value) -> ConfigError:
        return ConfigError(f"alias file {path}: '{key}' must be {expected}, got {value!r}"[:300])

    for key in ("acronyms", "demonyms"):
        value = table.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise fail(key, "a table of name = \"expansion\" strings", value)
    titles, names = table.get("titles", {}), table.get("names", {})
    words = titles.get("words", []) if isinstance(titles, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise fail("titles", "a table with words = a list of strings", titles)
    groups = names.get("groups", []) if isinstance(names, dict) else None
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and g and all(isinstance(n, str) for n in g) for g in groups
    ):
        raise fail("names", "a table with groups = a list of non-empty lists of names", names)
    return table


def find_acronyms(text: str) -> Iterator[tuple[str, str]]:
    """Yield (acronym, expansion) for every "Long Name (LN)" whose initials spell the acronym."""
    for match in _DEFINITION.finditer(text):
        acronym = match.group(1)
        letters = [c for c in acronym.rstrip("s") if c.isupper()]
        if len(letters) < 2:
            continue
        words = re.findall(r"[\w’'-]+", text[max(0, match.start() - 200) : match.start()])
        expansion = _expansion(words, letters)
        if expansion:
            yield acronym, expansion


def _expansion(words: list[str], letters: list[str]) -> str | None:
    for size in range(len(letters), min(len(words), len(letters) * 3) + 1):
        candidate = words[-size:]
        if candidate[0].lower() in _CONNECTORS:
            continue
        initials = [w[0].upper() for w in candidate if w.lower() not in _CONNECTORS]
        if initials == letters:
            return _clean(" ".join(candidate))
    return None


def _clean(name: str) -> str:
    """Lowercase, no punctuation between words: "Economy, Trade and Industry" = "economy trade and industry"."""
    text = _PUNCT.sub(" ", name.replace("’", "'")).lower()
    return _SPACE.sub(" ", text).strip()


def normalise(name: str, aliases: Aliases) -> str:
    """A comparable key for a name as written."""
    text = _POSSESSIVE.sub("", name.strip().replace("’", "'")).strip(" ,.;:()")
    for article in ("the ", "a ", "an "):
        if text.lower().startswith(article):
            text = text[len(article):]
    text = _LEADING_POSSESSOR.sub("", text)  # "Ruritania's Ministry of Finance" is the ministry
    stripped = _strip_titles(text, aliases.titles)
    if stripped != text:
        stripped = _drop_portfolio(stripped)
    key = _clean(stripped)
    if key.endswith(" of"):
        key = key[:-3]
    if text.isupper() or (len(text) <= 6 and any(c.isupper() for c in text[1:])):
        key = aliases.acronyms.get(key, key)
    return aliases.canonical.get(key, key)


_LEADING_POSSESSOR = re.compile(r"^[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}(?:'s|’s)\s+(?=[A-Z])")
_INITIAL = re.compile(r"^[A-Z]\.$")


def _drop_portfolio(text: str) -> str:
    """ "of Roads and Ports R. K. Varma" (left after the title "Minister") -> "R. K. Varma".

    The person's name starts at an initial when there is one, else it is the last two words.
    """
    words = text.split()
    if len(words) < 3 or words[0].lower() not in ("of", "for"):
        return text
    initial = next((i for i, w in enumerate(words) if _INITIAL.match(w)), None)
    return " ".join(words[initial:] if initial is not None else words[-2:])


def _strip_titles(text: str, titles: frozenset[str]) -> str:
    words = text.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for size in (3, 2, 1):
            head = " ".join(words[:size]).lower()
            if len(words) > size and head in titles:
                words = words[size:]
                changed = True
                break
    return " ".join(words)


PLACE_LABELS = {"GPE", "LOC", "FAC"}

# Span.ents walks every entity of the document on each call; a sentence's entities are asked for
# many times (names, places, holders, amounts), so each document's are listed once, by first token.
_entities_by_token = latest_documents(lambda doc: [(ent.start, ent) for ent in doc.ents])


def ents_in(span: Span | Doc) -> list[Span]:
    """The named entities inside a span (as `span.ents`), read from a per-document index."""
    from spacy.tokens import Doc  # here, not at the top: see claimcheck.nlp on when spaCy is imported

    if isinstance(span, Doc):
        return list(span.ents)
    index = _entities_by_token(span.doc)
    first = bisect_left(index, span.start, key=lambda pair: pair[0])
    found = []
    for start, ent in index[first:]:
        if start >= span.end:
            break
        if ent.end <= span.end:
            found.append(ent)
    return found


def places_in(span: Span | Doc, aliases: Aliases) -> frozenset[str]:
    """Normalised place names of a sentence: "in Nairobi" and "in Dar es Salaam" are two scopes.

    A nationality counts as its country: "Bolivian nationals" and "Chilean nationals" are two scopes.
    """
    places = set()
    for ent in ents_in(span):
        if ent.label_ in PLACE_LABELS:
            places.add(normalise(ent.text, aliases))
        elif ent.label_ == "NORP" and demonym(_clean(ent.text), aliases) != _clean(ent.text):
            places.add(demonym(_clean(ent.text), aliases))
    return frozenset(places)


def demonym(key: str, aliases: Aliases) -> str:
    """The country a nationality names ("kenyans" -> "kenya"), or the key itself."""
    if key in aliases.demonyms:
        return aliases.demonyms[key]
    if key.endswith("s") and key[:-1] in aliases.demonyms:
        return aliases.demonyms[key[:-1]]
    return key


def names_in(span: Span | Doc, aliases: Aliases) -> frozenset[str]:
    """Normalised names in a sentence: named entities plus defined acronyms."""
    names = set()
    for ent in ents_in(span):
        if ent.label_ in NAME_LABELS:
            key = normalise(ent.text, aliases)
            if ent.label_ == "NORP":
                key = demonym(key, aliases)  # "Peruvian" is about Peru
            if key:
                names.add(key)
    for token in span:
        if token.is_upper or (token.pos_ == "PROPN" and any(c.isupper() for c in token.text[1:])):
            lowered = token.text.lower()
            if lowered in aliases.acronyms and len(token.text) > 1:
                names.add(aliases.acronyms[lowered])
    return frozenset(names)


def same_name(a: str, b: str) -> bool:
    """Two normalised names for one thing: equal, or one is the other's surname or head."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    short_words, long_words = short.split(), long_.split()
    if len(short_words) == 1:
        # a surname ("Doe" / "jane doe") or a short brand ("acme" / "acme corp"), not a
        # place inside a long name ("france" / "ministry of labour of france")
        return len(long_words) <= 3 and (long_words[-1] == short or long_words[0] == short)
    return long_.startswith(short + " ") or long_.endswith(" " + short)


def overlap(a: frozenset[str], b: frozenset[str]) -> int:
    """How many names of `a` have a match in `b`."""
    return sum(1 for x in a if any(same_name(x, y) for y in b))
