"""Enumerations: bullet lists and inline "a, b, c and d" lists, and the counts that announce them."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from claimcheck.models import Article, Block

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_BULLET = re.compile(r"^\s*(?:[-*•●▪◦‣–—]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_EXAMPLES = re.compile(r"\b(?:including|such as|among them|among others|for example|for instance|e\.g\.|like)\b", re.I)
_INCLUDE = re.compile(r"\binclud(?:e|es|ed)\b", re.I)


def partiality(intro: str) -> str:
    """How much of a set a list's introduction promises: "" (all of it), "include" ("these include":
    maybe not all) or "examples" ("including", "such as": examples, never the whole set)."""
    if _EXAMPLES.search(intro):
        return "examples"
    return "include" if _INCLUDE.search(intro) else ""


@dataclass(frozen=True)
class Enumeration:
    start: int
    end: int
    items: tuple[str, ...]
    item_spans: tuple[tuple[int, int], ...]
    style: str  # "bullets" or "inline"
    intro_start: int | None = None  # where the text that introduces a bullet list begins
    intro_end: int | None = None
    partial: str = ""  # "" the whole set, "include" maybe not all of it, "examples" never all of it


def bullet_lists(article: Article) -> Iterator[Enumeration]:
    """Runs of list-item blocks, with the paragraph or heading right before them."""
    run: list[Block] = []
    previous: Block | None = None
    intro: Block | None = None
    for block in article.blocks:
        if block.kind == "item":
            if not run:
                intro = previous
            run.append(block)
            continue
        if run:
            yield _bullets(article, run, intro)
            run = []
        if block.kind != "furniture" and article.text[block.start : block.end].strip():
            previous = block
    if run:
        yield _bullets(article, run, intro)


def _bullets(article: Article, run: list[Block], intro: Block | None) -> Enumeration:
    items, spans = [], []
    for block in run:
        raw = article.text[block.start : block.end]
        marker = _BULLET.match(raw)
        offset = marker.end() if marker else len(raw) - len(raw.lstrip())
        item = raw[offset:].rstrip()
        items.append(item)
        spans.append((block.start + offset, block.start + offset + len(item)))
    intro_text = article.text[intro.start : intro.end] if intro else ""
    return Enumeration(
        start=spans[0][0],
        end=spans[-1][1],
        items=tuple(items),
        item_spans=tuple(spans),
        style="bullets",
        intro_start=intro.start if intro else None,
        intro_end=intro.end if intro else None,
        partial=partiality(intro_text),
    )


def inline_lists(sent: Span, text: str, min_items: int = 3) -> Iterator[tuple[Token, Enumeration]]:
    """Coordinations of three or more nominal conjuncts, with the first conjunct's token.

    `text` is the doc's text, passed in because `Doc.text` is rebuilt on every access.
    """
    for token in sent:
        if token.dep_ == "conj" or token.pos_ not in ("NOUN", "PROPN"):
            continue
        chain = _conjuncts(token)
        if len(chain) < min_items or _inside_one_name(chain):
            continue
        spans = [_item_span(t) for t in chain]
        items = tuple(text[s:e] for s, e in spans)
        if any(_hyphen_piece(text, s, e) for s, e in spans):
            continue  # "CEO and co-founder" split at its hyphen: a parse of a word, not a list
        yield token, Enumeration(
            start=spans[0][0], end=spans[-1][1], items=items, item_spans=tuple(spans), style="inline",
            partial=partiality(text[sent.start_char : spans[0][0]]),
        )


def _hyphen_piece(text: str, start: int, end: int) -> bool:
    """An item that is only a piece of a hyphenated word ("co" of "co-founder", or the hyphen itself)."""
    return (not any(ch.isalnum() for ch in text[start:end])
            or text[end:end + 1] == "-" or (start > 0 and text[start - 1] == "-"))


def _inside_one_name(chain: list[Token]) -> bool:
    """ "Ministry of Economy, Trade and Industry" coordinates words inside a name, not a list."""
    first = chain[0]
    return bool(first.ent_iob_ in ("B", "I")) and all(t.ent_iob_ == "I" for t in chain[1:])


def _conjuncts(first: Token) -> list[Token]:
    chain, frontier = [first], [first]
    while frontier:
        token = frontier.pop()
        for child in token.children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "ADJ"):
                chain.append(child)
                frontier.append(child)
    return sorted(chain, key=lambda t: t.i)


def _item_span(token: Token) -> tuple[int, int]:
    """The conjunct with its modifiers, without the conjuncts and commas hanging off it."""
    tokens = [token]
    for child in token.children:
        if child.dep_ in ("conj", "cc", "punct", "appos", "relcl", "acl"):
            continue
        tokens.extend(child.subtree)
    tokens = [t for t in tokens if not (t.dep_ in ("cc", "punct") and t.i != token.i)]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


_OPENER = re.compile(r"[^.;:()]{0,80}?(:|\()\s*")
_SEPARATOR = re.compile(r"\s*,(?!\d{3}\b)\s*(?:and\s+|or\s+)?|\s*;\s*")
_LAST_JOIN = re.compile(r"\s+(?:and|or)\s+")
_DASH = re.compile(r"\s*(—|–|--)\s*")


def delimited_list(text: str, after: int, limit: int) -> Enumeration | None:
    """A list set off by a colon or parentheses right after a count: "three reasons: a, b and c", or
    by dashes right after its noun: "three tiers — a, b and c — each ..." (the list ends at the next dash)."""
    dash = _DASH.match(text, after, limit)
    if dash is not None:
        start = dash.end()
        end = text.find(dash.group(1), start, limit)
        found = _enumeration(text, start, end if end >= 0 else limit, dash.group(1) if end >= 0 else None)
        # "three victims — two women and a child": counts of groups, not items
        return None if found is None or any(_numbered(item) for item in found.items) else found
    opener = _OPENER.match(text, after, limit)
    if opener is None:
        return None
    start = opener.end()
    closer = ")" if opener.group(1) == "(" else None
    end = text.find(closer, start, limit) if closer else limit
    if end < 0:
        return None
    return _enumeration(text, start, end, closer)


_FOLLOWING = re.compile(r"\s*(?:these|they|those)\s+(are|were|include|included|comprise|cover)\b\s*:?\s*", re.I)


def following_list(text: str, start: int, limit: int) -> Enumeration | None:
    """The sentence after a count that spells out its items: "... five priorities. These are a, b and c." """
    opener = _FOLLOWING.match(text, start, limit)
    if opener is None:
        return None
    found = _enumeration(text, opener.end(), limit, None)
    if found is not None and opener.group(1).lower().startswith("includ"):
        found = replace(found, partial="include")  # "these include" may leave some out
    return found


def _enumeration(text: str, start: int, end: int, closer: str | None) -> Enumeration | None:
    body = text[start:end].rstrip(" .\n")
    if closer is None and "." in body:
        body = body[: body.index(".")]  # one sentence only
    pieces = _pieces(body)
    if len(pieces) < 2 or not _LAST_JOIN.search(body):
        return None  # an enumeration ends "... and c" or "... or c"; "(dlrs 1,667)" is not one
    spans, cursor = [], start
    for piece in pieces:
        at = text.index(piece, cursor)
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    return Enumeration(
        start=spans[0][0], end=spans[-1][1], items=tuple(pieces), item_spans=tuple(spans), style="inline"
    )


def _numbered(item: str) -> bool:
    """An item that opens with a number ("two women"): a part of a breakdown, not one thing."""
    first = item.split()[0].lower() if item.split() else ""
    return any(ch.isdigit() for ch in first) or first in _NUMBER_WORDS


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "dozen"}


def _pieces(body: str) -> list[str]:
    parts = [p for p in _SEPARATOR.split(body) if p.strip()]
    if parts:
        last = _LAST_JOIN.split(parts[-1], maxsplit=1)
        if len(parts) > 1 or len(last) > 1:
            parts = parts[:-1] + last
    return [p.strip() for p in parts if p.strip()]
