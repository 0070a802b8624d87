"""Lists as claims, and the stated counts that introduce them: "eight goals: a, b, c ...".

A list is a claim of its own (its items, and how many); a stated count
("five priorities") is linked to the list it announces, in the same sentence,
after a colon or between dashes, or in the next sentence ("These are ..."), so the two can be
held against each other. A list of examples ("such as") or one announced as
partial ("these include") says so in the link.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from claimcheck.extract import lists
from claimcheck.extract.numbers import parse_amount
from claimcheck.models import Article, Claim, Frame, Value

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_COUNT = 40  # "five measures" is a count of a list; "70 companies" is a figure, not an enumeration


def _firm(count: Claim) -> bool:
    """A stated count that can be held against its list: not "about five", not "up to ten"."""
    return count.value.qualifier == "exact" and count.frame.modality == "asserted"


def list_claims(
    article: Article, doc: Doc, claims: list[Claim], sentences: list[tuple[Span, str, frozenset[str]]]
) -> tuple[list[Claim], dict[str, Claim]]:
    """List claims, and the stated counts re-issued with a link to the list they introduce."""
    counts = [c for c in claims if c.value.kind == "count" and 2 <= (c.value.number or 0) <= MAX_COUNT]
    linked: dict[str, Claim] = {}
    found: list[Claim] = []
    for enum in lists.bullet_lists(article):
        list_claim = _as_claim(article, enum, names=frozenset())
        intro = [
            c for c in counts
            if enum.intro_start is not None and enum.intro_start <= c.value_start < (enum.intro_end or enum.start)
        ]
        if intro and _firm(intro[-1]):
            partiality = lists.partiality(article.text[intro[-1].value_end : enum.start])
            linked[intro[-1].id] = _link(intro[-1], list_claim, partiality)
        found.append(list_claim)
    previous: Span | None = None
    for sent, kind, names in sentences:
        if kind == "item":
            continue
        taken: list[lists.Enumeration] = []
        following = _following_list(article, sent) if previous is not None else None
        if previous is not None and following is not None:
            announcing = [
                c for c in counts
                if previous.start_char <= c.value_start < previous.end_char and c.id not in linked
            ]
            if announcing and _firm(announcing[-1]):
                list_claim = _as_claim(article, following, names=names, sentence=sent)
                linked[announcing[-1].id] = _link(announcing[-1], list_claim, following.partial)
                found.append(list_claim)
                taken.append(following)
        previous = sent
        for count in counts:
            if count.id in linked or not (sent.start_char <= count.value_start < sent.end_char):
                continue
            delimited = lists.delimited_list(article.text, _noun_end(doc, count), sent.end_char)
            if delimited is not None and _verbless(doc, delimited) and not _breakdown(delimited):
                list_claim = _as_claim(article, delimited, names=names, sentence=sent)
                linked[count.id] = _link(count, list_claim, delimited.partial)
                found.append(list_claim)
                taken.append(delimited)
        for first, enum in lists.inline_lists(sent, article.text):
            if any(enum.start < t.end and t.start < enum.end for t in taken) or _breakdown(enum):
                continue
            list_claim = _as_claim(article, enum, names=names, sentence=sent)
            candidates = [c for c in counts if c.id not in linked and _introduces(doc, c, first, sent)]
            if candidates and _firm(candidates[-1]):
                stated = candidates[-1]
                partial = lists.partiality(article.text[stated.value_end : enum.start])
                linked[stated.id] = _link(stated, list_claim, partial)
            found.append(list_claim)
    return found, linked


def _breakdown(enum: lists.Enumeration) -> bool:
    """ "six black women, two white women, two black men and one Asian man": counts of groups, a
    breakdown rather than a list of things, and the count before it is its first item."""
    firsts = [item.split()[0].lower() for item in enum.items if item.split()]
    numbered = sum(1 for word in firsts if word not in ("a", "an") and parse_amount(word) is not None)
    return numbered * 2 > len(enum.items)


_LIST_VERBS = {"include", "be", "comprise", "cover"}
_LIST_SUBJECTS = {"these", "they", "those"}
_LIST_PREPOSITIONS = {"including", "as", "like", "among", "namely"}


def _following_list(article: Article, sent: Span) -> lists.Enumeration | None:
    """ "These are a, b and c.": the sentence is nothing but the list ("They are aided by ..." is not)."""
    root = sent.root
    if root.lemma_.lower() not in _LIST_VERBS or root.i + 1 >= sent.end or root.nbor().pos_ in ("VERB", "ADV", "ADP"):
        return None
    enum = lists.following_list(article.text, sent.start_char, sent.end_char)
    if enum is None or any(len(item.split()) > 6 for item in enum.items):
        return None
    return enum


def _verbless(doc: Doc, enum: lists.Enumeration) -> bool:
    """ "two sides: the tribes of the south and the north battled for decades" is a clause, not a list."""
    span = doc.char_span(enum.start, enum.end, alignment_mode="expand")
    return span is None or not any(t.tag_ in ("VBD", "VBZ", "VBP") for t in span)


def _introduces(doc: Doc, count: Claim, first: Token, sent: Span) -> bool:
    """A count announces a coordination only when the grammar ties them together:
    the list hangs off the counted noun ("four models, the A, the B and the C"), or the next
    sentence opens with "These include ..." / "They are ..." and the list is what it names."""
    span = doc.char_span(count.value_start, count.value_end, alignment_mode="expand")
    if span is None:
        return False
    noun = span.root.head if span.root.dep_ == "nummod" else span.root
    if noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children):
        return False  # "his father, his mother and the dozen classmates": the count is itself an item
    if noun.sent.start == sent.start:
        if first.i <= noun.i:
            return False
        if first.dep_ == "appos" and first.head.i == noun.i:
            return True
        via = first.head
        return first.dep_ == "pobj" and via.lower_ in _LIST_PREPOSITIONS and via.head.i == noun.i
    if sent.start == 0 or doc[sent.start - 1].sent.start != noun.sent.start:
        return False
    opener = next((t for t in sent if not t.is_space), None)
    root = sent.root
    return (
        opener is not None and opener.lower_ in _LIST_SUBJECTS and opener.head.i == root.i
        and opener.dep_ == "nsubj" and root.lemma_.lower() in _LIST_VERBS and first.head.i == root.i
    )


def _noun_end(doc: Doc, count: Claim) -> int:
    """Where the counted noun ends: a delimited list starts after it."""
    span = doc.char_span(count.value_start, count.value_end, alignment_mode="expand")
    if span is None:
        return count.value_end
    head = span.root.head if span.root.dep_ == "nummod" else span.root
    return max(count.value_end, head.idx + len(head.text))


def _link(count: Claim, list_claim: Claim, partial: str) -> Claim:
    return replace(count, related=list_claim.id, partial=partial)


def _as_claim(article: Article, enum: lists.Enumeration, names, sentence: Span | None = None) -> Claim:
    start = sentence.start_char if sentence is not None else enum.start
    end = sentence.end_char if sentence is not None else enum.end
    text = article.text[start:end].strip()
    start += len(article.text[start:end]) - len(article.text[start:end].lstrip())
    value = Value(kind="list", text=article.text[enum.start : enum.end], number=len(enum.items), items=enum.items)
    return Claim(
        id=f"{article.id}:{enum.start}:list",
        document=article.id,
        text=text,
        start=start,
        end=start + len(text),
        line=article.line_of(start),
        value=value,
        value_start=enum.start,
        value_end=enum.end,
        frame=Frame(names=names),
        partial=enum.partial,
    )
