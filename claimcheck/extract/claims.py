"""Sentence-level claims: every date and figure of an article, with its frame, as typed records.

A claim is one value (a date, an amount, an age, a stated count, a list) in
one sentence, and the frame that says what it is a value of
(`claimcheck.extract.frames`). A stated count is linked to the list it
introduces. Everything here is a pure function of (article, doc, time expressions).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from claimcheck.extract.ages import age_numbers_before, ages_in
from claimcheck.extract.entities import Aliases, demonym, ents_in, names_in, normalise, places_in
from claimcheck.extract.frames import age_frame, date_frame, figure_frame
from claimcheck.extract.grammar import after_dateline
from claimcheck.extract.list_claims import list_claims
from claimcheck.extract.measures import description_words
from claimcheck.extract.numbers import is_currency, is_magnitude, is_unit, parse_amount, qualifier_of, takes_preposition
from claimcheck.extract.scope import Sentence
from claimcheck.models import Article, Claim, Frame, Qualifier, Timex, Value, ValueKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NUMBER_LABELS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)(s|\s*[–—-]\s*\d{2,4})?$")
_WEEKDAY_TIMEX = re.compile(r"^XXXX-WXX-\d")
_NARRATIVE = re.compile(r"(?i)\b(?:later|earlier|afterwards?|before|after|prior|following|previous)\b")
_DAY_WORDS = re.compile(r"(?i)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b"
                        r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
                        r"|\d{4}|today|yesterday|tomorrow|tonight")


# A "sentence" with more values than this is a table or figures run together, not prose: only its first
# ones are read, as each value's frame is found by walking the sentence (many values in a long sentence
# would cost the square of its length)
VALUES_PER_SENTENCE = 40


def extract_claims(article: Article, doc: Doc, timexes: list[Timex], aliases: Aliases) -> list[Claim]:
    """All claims of one article, in text order."""
    kinds = _block_kinds(article)
    sentences: list[tuple[Span, str, frozenset[str]]] = []
    claims: list[Claim] = []
    people: dict[str, int] = {}  # how often each person is named so far: who "he" most likely is
    subject: str | None = None  # the person the last sentence was about: who "the 26-year-old" is
    named: set[str] = set()
    starts = [t.start for t in timexes]  # timexes come in text order: each sentence's are one slice
    may_hold_age = age_numbers_before(doc)
    for sent in doc.sents:
        text = article.text[sent.start_char : sent.end_char]  # the doc's text: no rebuilding from tokens
        if not text.strip():
            continue
        kind = kinds(sent.start_char + len(text) - len(text.lstrip()))
        if kind in ("furniture", "heading"):
            continue
        names = names_in(sent, aliases)
        sentences.append((sent, kind, names))
        first = bisect.bisect_left(starts, sent.start_char)
        own = timexes[first : bisect.bisect_left(starts, sent.end_char)]
        dates = [t for t in own if _dates_something(t, article)][:VALUES_PER_SENTENCE]
        reaching = [t for t in timexes[max(0, first - 3) : first] if t.end > sent.start_char]  # begun before it
        amounts = list(islice(_amounts(sent, reaching + own, article), VALUES_PER_SENTENCE))
        if not (dates or amounts or may_hold_age[sent.end] > may_hold_age[sent.start]):
            # no date, no amount, no number an age could be: no claim, so no context to build (half the
            # sentences of a news article); the people named still count for the sentences after it
            named.update(names)
            _count_people(sent, aliases, people)
            subject = _subject_person(sent, aliases) or subject
            continue
        quote = _quote_bounds(article, sent, kind)
        ctx = Sentence(
            sent=sent, names=names, places=places_in(after_dateline(sent), aliases),
            periods=tuple((t.start, t.end, t.interval) for t in dates if t.type == "DATE" and t.interval is not None),
            masked=_masked(sent, dates, amounts), aliases=aliases, person=subject or _main_person(people),
            named=frozenset(named),
            figures=tuple((a.start_char, a.end_char) for a in amounts),
            timexes=tuple((t.start, t.value) for t in own if not _inside(t.start, t.end, article.published_span)),
        )
        named.update(names)
        claims.extend(_date_claims(article, ctx, quote, dates))
        ages = list(_age_claims(article, ctx, quote))
        claims.extend(ages)
        taken = {c.value_start for c in ages}
        claims.extend(_amount_claims(article, ctx, quote, [a for a in amounts if a.start_char not in taken]))
        _count_people(sent, aliases, people)
        subject = _subject_person(sent, aliases) or subject
    found_lists, linked = list_claims(article, doc, claims, sentences)
    claims = [linked.get(c.id, c) for c in claims] + found_lists
    return sorted(claims, key=lambda c: (c.start, c.value_start, c.value.kind))


def _count_people(sent: Span, aliases: Aliases, people: dict[str, int]) -> None:
    for ent in ents_in(sent):
        if _personish(ent, aliases):
            _count_person(people, normalise(ent.text, aliases))


_ORGANISATION_WORDS = frozenset({
    "league", "committee", "ministry", "bank", "group", "inc", "corp", "ltd", "association", "council",
    "university", "police", "court", "party", "company", "agency", "department", "office", "club", "fc",
    "federation", "union", "board", "commission", "institute", "news", "times", "post", "airlines",
})


def _personish(ent: Span, aliases: Aliases) -> bool:
    """A PERSON name, or what the small model often tags ORG: "Neeraj Chopra" (two or three proper names).

    A country in the name ("Athletics Federation of Kenya", "Air Peru") makes it a body, not a person.
    """
    if ent.label_ == "PERSON":
        return True
    words = [t for t in ent if not t.is_punct]
    return (ent.label_ == "ORG" and 1 <= len(words) <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in words)
            and not any(t.lower_ in _ORGANISATION_WORDS or t.lower_ in aliases.countries for t in words))


def _subject_person(sent: Span, aliases: Aliases) -> str | None:
    """The person a sentence's main subject names ("Kenya's Olympic champion Faith Kipyegon broke ...")."""
    subject = next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    for ent in ents_in(sent):
        if subject.left_edge.i <= ent.start and ent.end <= subject.right_edge.i + 1 and _personish(ent, aliases):
            return normalise(ent.text, aliases)
    return None


def _count_person(people: dict[str, int], name: str) -> None:
    """Count a mention, "Chopra" as "Neeraj Chopra" once the full name has been seen."""
    if not name:
        return
    full = next((known for known in people if known.endswith(" " + name)), name)
    people[full] = people.get(full, 0) + 1
    if full != name or " " not in name:
        return
    for known in [k for k in people if " " not in k and name.endswith(" " + k)]:
        people[name] += people.pop(known)  # "Chopra" first, "Neeraj Chopra" later: one person


def _main_person(people: dict[str, int]) -> str | None:
    """The person named most so far (the most recent among equals): who an unnamed "he" is about."""
    if not people:
        return None
    order = list(people)
    return max(order, key=lambda name: (people[name], order.index(name)))


def _claim(article: Article, quote: tuple[int, int], value: Value, start: int, end: int, frame: Frame) -> Claim:
    return Claim(
        id=f"{article.id}:{start}:{value.kind}",
        document=article.id,
        text=article.text[quote[0] : quote[1]],
        start=quote[0],
        end=quote[1],
        line=article.line_of(quote[0]),
        value=value,
        value_start=start,
        value_end=end,
        frame=frame,
    )


def _dates_something(timex: Timex, article: Article) -> bool:
    """A date a claim can rest on: a day, month or year (or a weekday the text leaves unanchored), not a byline."""
    if _inside(timex.start, timex.end, article.published_span):
        return False  # a dateline or byline dates the article, not an event
    if _NARRATIVE.search(timex.text):
        return False  # "a year later", "two days earlier": counted from another event, not from today
    if timex.type == "TIME" and timex.anchored and not _DAY_WORDS.search(timex.text):
        return False  # "at 10 p.m.": a time of day, its date only guessed from the publication date
    if timex.type in ("DATE", "TIME") and timex.interval is not None:
        return True
    return timex.type in ("DATE", "TIME") and bool(_WEEKDAY_TIMEX.match(timex.value))


def _masked(sent: Span, dates: list[Timex], amounts: list[Span]) -> frozenset[int]:
    spans = [(t.start, t.end) for t in dates] + [(a.start_char, a.end_char) for a in amounts]
    return frozenset(t.i for t in sent if any(s <= t.idx < e for s, e in spans) or t.like_num)


def _block_kinds(article: Article):
    starts = [b.start for b in article.blocks]

    def kind_at(offset: int) -> str:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return "text"
        block = article.blocks[i]
        return block.kind if offset < max(block.end, block.start + 1) else "text"

    return kind_at


def _quote_bounds(article: Article, sent: Span, kind: str) -> tuple[int, int]:
    text = article.text[sent.start_char : sent.end_char]
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    if kind == "item":
        # a list item is quoted whole: "2023: MoU signed ..." is one line, one claim
        line_start = article.text.rfind("\n", 0, start) + 1
        line_end = article.text.find("\n", start)
        line_end = len(article.text) if line_end < 0 else line_end
        raw = article.text[line_start:line_end]
        start = line_start + (len(raw) - len(raw.lstrip()))
        end = max(end, line_start + len(raw.rstrip()))
    return start, end


def _inside(start: int, end: int, span: tuple[int, int] | None) -> bool:
    return span is not None and start < span[1] and end > span[0]


def _date_claims(article: Article, ctx: Sentence, quote: tuple[int, int], dates: list[Timex]) -> Iterator[Claim]:
    doc = ctx.sent.doc
    for timex in dates:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or _recurring(span) or _dated_twice(span, ctx):
            continue
        value = Value(kind="date", text=timex.text, interval=timex.interval, timex=timex.value,
                      qualifier=_date_qualifier(timex.mod))
        yield _claim(article, quote, value, timex.start, timex.end, date_frame(span, ctx, timex.anchored))


_EACH = {"each", "every"}
_DAY_TIMEX = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$|^(?:\d{4}|XXXX)-WXX-\d$|^PRESENT_REF$")


def _dated_twice(span: Span, ctx: Sentence) -> bool:
    """ "As it promised [Tuesday], Microsoft today issued a patch": two days on one verb, one of them
    misattached by the parse; neither dates the event for sure."""
    verb = span.root.head
    if verb.pos_ not in ("VERB", "AUX") or not _DAY_TIMEX.match(_timex_at(span.start_char, ctx) or ""):
        return False
    doc = span.doc
    for offset, value in ctx.timexes:
        if span.start_char <= offset < span.end_char or not _DAY_TIMEX.match(value):
            continue
        other = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if other is not None and other.root.head.i == verb.i and value != _timex_at(span.start_char, ctx):
            return True
    return False


def _timex_at(offset: int, ctx: Sentence) -> str | None:
    return next((value for start, value in ctx.timexes if start == offset), None)


def _recurring(span: Span) -> bool:
    """ "on the second Tuesday of each month", "every Friday": a schedule, not the date of an event."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    return before in _EACH or (after[:1] == ["of"] and len(after) > 1 and after[1] in _EACH)


def _date_qualifier(mod: str | None) -> Qualifier:
    by_mod: dict[str, Qualifier] = {"APPROX": "about", "BEFORE": "less_than", "AFTER": "more_than",
                                    "ON_OR_BEFORE": "up_to", "ON_OR_AFTER": "at_least"}
    return by_mod.get(mod or "", "exact")


def _age_claims(article: Article, ctx: Sentence, quote: tuple[int, int]) -> Iterator[Claim]:
    """Ages as figures counted in years, held by the person they describe."""
    for token, person in ages_in(ctx.sent, with_unnamed=False):
        if person is None or person.pos_ == "PRON" or person.pos_ == "NOUN":
            if _quoted(ctx.sent):
                continue  # "He's 16," his sister said: in a quote, "he" is rarely the person last named
            holder = ctx.person  # "she", "the 26-year-old": the person last named
        else:
            ent = next((e for e in ents_in(ctx.sent) if e.start <= person.i < e.end), None)
            holder = normalise(ent.text if ent is not None else person.text, ctx.aliases)
            if demonym(holder, ctx.aliases) != holder:
                continue  # "the 27-year-old Kenyan": a nationality, not whose age it is
        value = Value(kind="number", text=token.text, number=float(token.text), unit="years")
        yield _claim(article, quote, value, token.idx, token.idx + len(token.text), age_frame(token, holder, ctx))


_QUOTES = "\"“”‘’'"


def _quoted(sent: Span) -> bool:
    text = sent.text.strip()
    return bool(text) and (text[0] in _QUOTES or text[-1] in _QUOTES)


def _amounts(sent: Span, timexes: list[Timex], article: Article) -> Iterator[Span]:
    """The number phrases of a sentence that are not dates, bylines or years."""
    for ent in ents_in(sent):
        if ent.label_ not in _NUMBER_LABELS:
            continue
        if any(t.start < ent.end_char and t.end > ent.start_char for t in timexes):
            continue
        if _inside(ent.start_char, ent.end_char, article.published_span):
            continue
        if ent.label_ == "CARDINAL" and _YEAR.match(ent.text.strip()):
            continue
        if _bare_pair(ent) or _excepted(ent) or _per_unit(ent) or _description(ent):
            continue
        yield _with_unit(ent)


_PAIR = re.compile(r"^\d+\s*[-–/]\s*\d+$")


def _bare_pair(ent: Span) -> bool:
    """ "won 20-13", "a 5-1 margin", "190/9", "a 9-14 start": a score or a record, not one figure.

    A pair with a unit ("75-100 basis points", "$5-6 billion") is a range and is kept.
    """
    if not _PAIR.match(ent.text.strip()):
        return False
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is None or not (
        is_unit(nxt.text) or is_currency(nxt.text) or nxt.lower_ in ("%", "per", "percent", "basis", "percentage")
    )


def _description(ent: Span) -> bool:
    """ "a two-time world champion", "a two-handed dunk", "a three-way race": part of a description, not a figure."""
    doc = ent.doc
    if ent.text.count("-") and not ent.text.split("-")[-1].isdigit():
        word = ent.text.rsplit("-", 1)[-1].lower()
    elif ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end - 1].like_num:
        word = doc[ent.end + 1].lower_
    else:
        return False
    return word in description_words() or (word.endswith("ed") and not is_unit(word))


def _per_unit(ent: Span) -> bool:
    """ "$308.32 per $1,000 principal amount": the unit of a rate, not a figure."""
    before = [t.lower_ for t in ent.doc[max(ent.sent.start, ent.start - 2) : ent.start]]
    return before[-1:] == ["per"] or (before[-2:-1] == ["per"] and is_currency(before[-1]))


def _excepted(ent: Span) -> bool:
    """ "all but one of the 242", "except two", "31 votes to 12": what is left out, or the other side of a tally."""
    before = [t.lower_ for t in ent.doc[max(ent.sent.start, ent.start - 2) : ent.start]]
    if before[-2:] == ["all", "but"] or before[-1:] == ["except"] or before[-2:] == ["except", "for"]:
        return True
    window = ent.doc[max(ent.sent.start, ent.start - 3) : ent.start]
    return len(window) >= 2 and window[-1].lower_ == "to" and any(t.like_num for t in window[:-1])  # "31 votes to 12"


def _amount_claims(article: Article, ctx: Sentence, quote: tuple[int, int], amounts: list[Span]) -> Iterator[Claim]:
    doc = ctx.sent.doc
    for ent in amounts:
        amount = parse_amount(ent.text)
        if amount is None:
            continue
        counted = _counted_noun(ent)
        kind: ValueKind = amount.kind
        if kind == "number" and counted is not None and counted.tag_ in ("NNS", "NNPS") and amount.unit is None:
            kind = "count"
        before = doc[max(ctx.sent.start, ent.start - 3) : ent.start]
        if len(before) and (
            (before[-1].dep_ == "prep" and ent.root.head.i == before[-1].i) or takes_preposition(before)
        ):
            before = before[:0]  # "built around five goals": a preposition, not "about five"
        qualifier = qualifier_of(before.text + " ", ent.text)
        if qualifier == "between" and amount.high is None:
            qualifier = "exact"
        value = Value(kind=kind, text=ent.text.strip(), number=amount.number, unit=amount.unit, qualifier=qualifier,
                      high=amount.high, step=amount.step)
        frame = figure_frame(ent, ctx, counted, amount.unit)
        if kind == "money" and frame.measure is None and _is_price(ent):
            frame = replace(frame, measure="price")
        yield _claim(article, quote, value, ent.start_char, ent.end_char, frame)


def _is_price(ent: Span) -> bool:
    """ "bought X for $1.2 billion", "sold for $40m": the amount is what the deal cost."""
    prep = ent.root.head
    return ent.root.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ == "VERB"


def _with_unit(ent: Span) -> Span:
    """ "3 billion" + "euros", "84.65" + "m", "₹" + "2.5" + "lakh crore": the model often leaves units outside."""
    doc, start, end = ent.doc, ent.start, ent.end
    if start > ent.sent.start and is_currency(doc[start - 1].text) and not doc[start - 1].is_alpha:
        start -= 1
    while end < ent.sent.end and is_magnitude(doc[end].text):
        end += 1
    if end < ent.sent.end and not doc[end].is_space and (is_currency(doc[end].text) or is_unit(doc[end].text)):
        end += 1
    return doc[start:end] if (start, end) != (ent.start, ent.end) else ent


def _counted_noun(ent: Span) -> Token | None:
    root = ent.root
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
        if root.head.ent_type_ in ("DATE", "TIME"):
            return None  # "touched 270 Saturday": a misparse, not 270 Saturdays
        return root.head
    if root.pos_ == "NOUN" and root.i == ent.end - 1 and ent.label_ != "CARDINAL":
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if nxt is not None and nxt.pos_ == "NOUN":
            return nxt  # "5 billion euro investment"
    return None
