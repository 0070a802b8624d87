"""Anchoring: which year a year-less month or quarter is in, and which date a weekday is.

All of it uses the document date (dct) and the tense of the clause; with no dct
nothing is anchored and the callers keep X placeholders.
"""
from __future__ import annotations

import datetime as dt

from claimcheck.timex.calendar_math import quarter_of
from claimcheck.timex.context import DocumentContext
from claimcheck.timex.tense import FUTURE, PAST, PERFECT

# after "until"/"before" under these, a weekday is a deadline ahead even in a past sentence
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
    if relation in ("last", "past", "this past"):
        return dct - dt.timedelta(days=days_back or 7)
    if relation in ("next", "coming", "this coming"):
        return dct + dt.timedelta(days=days_ahead or 7)
    if weekday == dct.isoweekday():
        return dct
    token = context.token_at(position)
    tense = context.tense(position)
    governors = [token.head, token.head.head, token.head.head.head] if token is not None else []
    for governor in governors:
        if governor.lower_ in ("until", "till", "before") and governor.dep_ == "prep":
            if tense != PAST or governor.head.lemma_ in _DEADLINE_VERBS:
                return dct + dt.timedelta(days=days_ahead)  # a deadline: "postponed until Tuesday"
            break
    if relation == "this":
        return dct - dt.timedelta(days=days_back) if tense == PAST else dct + dt.timedelta(days=days_ahead)
    if tense == FUTURE:
        return dct + dt.timedelta(days=days_ahead)
    return dct - dt.timedelta(days=days_back)
