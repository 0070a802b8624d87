"""Anchoring: which year a year-less month or quarter is in, and which date a weekday is.

All of it uses the document date (dct) and the tense of the clause; with no dct
nothing is anchored and the callers keep X placeholders.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from claimcheck.timex.calendar_math import quarter_of
from claimcheck.timex.context import DocumentContext
from claimcheck.timex.tense import ARRANGEMENT_VERBS, FUTURE, PAST, PERFECT, PRESENT, governing_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

# a month after these is an end point
_END_POINT_PREPOSITIONS = {"until", "till", "through"}
# after "until"/"before"/"by" under these, a weekday is a deadline ahead even in a past sentence
_DEADLINE_VERBS = {"postpone", "delay", "extend", "give", "adjourn", "defer", "suspend", "push", "move",
                   "grant", "set", "allow"}


def year_for_month(context: DocumentContext, month: int, position: int) -> int | None:
    if context.dct is None:
        return None
    # HeidelTime's tense rule, softened by distance: a past-tense sentence may still name a
    # month one or two months ahead (a schedule), and a future one a month just gone.
    year = context.dct.year
    months_ahead = month - context.dct.month
    tense = context.tense(position)
    before = context.token_before(position)
    if before is not None and before.lower_ in ("last", "next"):
        # "last Oct. 23": the latest one gone; "next Feb. 1": the first one ahead
        if before.lower_ == "last":
            return year - 1 if months_ahead > 0 else year
        return year + 1 if months_ahead < 0 else year
    token = context.token_at(position)
    preposition = _governing_preposition(token)
    if preposition == "since":
        return year - 1 if months_ahead > 0 else year  # "since June": the last June gone
    if preposition == "effective" or (preposition in _END_POINT_PREPOSITIONS
                                      and (tense != PAST or _deadline_verb(token))):
        # "effective Feb. 1", "extended loans through January": the tense is the announcing's,
        # the date is ahead. Otherwise a past end point is past ("was at large until Dec. 7").
        tense = FUTURE
    if tense in (PAST, PERFECT):
        return year - 1 if months_ahead > 2 else year
    if tense == FUTURE:
        return year + 1 if months_ahead < -3 else year
    if months_ahead > 5:
        return year - 1
    if months_ahead < -6:
        return year + 1
    return year


def year_for_quarter(context: DocumentContext, quarter: int, position: int) -> int | None:
    if context.dct is None:
        return None
    year = context.dct.year
    tense = context.tense(position)
    # never forward: a "third quarter" in an October article has already happened
    if tense in (PAST, PERFECT) and quarter > quarter_of(context.dct.month):
        year -= 1
    return year


def weekday_date(context: DocumentContext, weekday: int, position: int, relation: str | None) -> dt.date | None:
    """The date of an ISO weekday said at position, with "last"/"next"/"this" if any."""
    dct = context.dct
    if dct is None:
        return None
    days_back = (dct.isoweekday() - weekday) % 7
    days_ahead = (weekday - dct.isoweekday()) % 7
    if relation in ("the previous", "the preceding", "the following"):
        # counted from the day just talked about: "down 4.5% from the previous Friday"
        anchor = context.anchor_day() or dct
        if relation == "the following":
            return anchor + dt.timedelta(days=(weekday - anchor.isoweekday()) % 7 or 7)
        return anchor - dt.timedelta(days=(anchor.isoweekday() - weekday) % 7 or 7)
    if relation in ("last", "past", "this past"):
        return dct - dt.timedelta(days=days_back or 7)
    if relation in ("next", "coming", "this coming"):
        return dct + dt.timedelta(days=days_ahead or 7)
    if weekday == dct.isoweekday():
        return dct
    token = context.token_at(position)
    tense = context.tense(position)
    # "before Friday's purchases" names an event, not a deadline: a possessive weekday is
    # anchored by its tense alone
    governors = ([token.head, token.head.head, token.head.head.head]
                 if token is not None and token.dep_ != "poss" else [])
    for governor in governors:
        if governor.lower_ in ("until", "till", "before", "by") and governor.dep_ == "prep":
            if tense != PAST or governor.head.lemma_ in _DEADLINE_VERBS:
                return dct + dt.timedelta(days=days_ahead)  # a deadline: "postponed until Tuesday"
            break
    # "has scheduled a news conference Thursday", "plans to hold a news conference on Tuesday":
    # the arranged event is ahead. In the past ("planned ... for Saturday was canceled") it may
    # be over, so the past tense still decides there.
    verb = governing_verb(token) if token is not None else None
    if verb is not None and verb.lemma_ in ARRANGEMENT_VERBS and tense in (PRESENT, PERFECT):
        return dct + dt.timedelta(days=days_ahead)
    if relation == "this":
        return dct - dt.timedelta(days=days_back) if tense == PAST else dct + dt.timedelta(days=days_ahead)
    if tense == FUTURE:
        return dct + dt.timedelta(days=days_ahead)
    return dct - dt.timedelta(days=days_back)


def _governing_preposition(token: Token | None) -> str | None:
    """The preposition (or "effective") a date is the object of: "since [the Oct. 23] slaying",
    "through January", "effective June 1". Climbs through the noun the date modifies."""
    for _ in range(3):
        if token is None or token.head is token:
            return None
        head = token.head
        if token.dep_ in ("pobj", "npadvmod", "compound", "nmod", "nummod", "appos") or head.lower_ == "effective":
            if head.pos_ in ("ADP", "SCONJ") or head.lower_ == "effective":
                return head.lower_
            token = head
            continue
        return None
    return None


def _deadline_verb(token: Token | None) -> bool:
    verb = governing_verb(token) if token is not None else None
    return verb is not None and verb.lemma_ in _DEADLINE_VERBS
