"""Vetoes for the relative rules: references ("now", "soon"), "last week", "two days before",
"the quarter", sets. Split from validation.py, which holds the calendar rules' vetoes."""
from __future__ import annotations

import re
from collections.abc import Callable

from claimcheck.timex.context import DocumentContext
from claimcheck.timex.tense import PAST
from claimcheck.timex.vocabulary import MONTHS, unit_key

Validator = Callable[[re.Match[str], int, int, DocumentContext], bool]

_NOT_CURRENT_TIME = ("account", "accounts", "affairs", "events", "law", "laws", "rules", "system", "members",
                     "member")


def _ends_a_clause(context: DocumentContext, end: int) -> bool:
    # "two days before" on its own is a date; "two days before the vote" is an offset from an event
    after = context.token_after(end)
    return after is None or after.is_punct or bool(after.is_sent_start)


def is_a_title(match: re.Match[str], context: DocumentContext) -> bool:
    """A capitalised unit in mid-sentence: "60 Minutes", "This Week"."""
    unit = match["unit"]
    if unit[0].isupper() and not unit.isupper():
        token = context.token_at(match.start("unit"))
        if token is not None and not token.is_sent_start:
            return True
    return False


def _set(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if match["adv"] and match["adv"][0].isupper() and not match["adv"].isupper():
        after = context.token_after(end)
        if after is not None and after.is_title and after.is_alpha:
            return False  # a capitalised "Daily" before a capitalised word names a paper: "the Daily Mail"
    if match["adv"] and match["adv"].lower() == "quarterly":
        token = context.token_at(start)
        return token is not None and token.pos_ == "ADV"  # not "quarterly results"
    return True


def _units_ago(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if match["dir"].lower() in ("before", "after"):
        return _ends_a_clause(context, end)
    if match["q"].lower() == "the" and unit_key(match["unit"]) not in ("day", "week", "month", "year"):
        return False
    return True


def _bare_ago(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    direction = match["dir"].lower()
    return direction != "later" and (direction not in ("before",) or _ends_a_clause(context, end))


def _anaphor(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if match["unit2"] and re.search(r"(before|after)$", match["unit2"]):
        return _ends_a_clause(context, end)
    return True


def _reference(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    word = match["w"].lower()
    token = context.token_at(start)
    if word == "current" and token is not None and token.tag_ != "JJ":
        return False
    if word == "current":
        after = context.token_after(end)
        if after is not None and after.lower_ in _NOT_CURRENT_TIME:
            return False
    if word.endswith("future") and context.text[end:end + 4].lower() == " of ":
        return False  # "the future of the alliance": its fate, not a time
    if word == "soon":
        before = context.token_before(start)
        if before is not None and before.lower_ == "as":
            return False  # "as soon as"
        after = context.token_after(end)
        if after is not None and after.lower_ in ("after", "afterwards", "thereafter", "afterward"):
            return False  # "soon after the crash": relative to an event, not to the document date
        if context.tense(start) == PAST:
            return False  # "the crowd soon dispersed": soon after a past event, no FUTURE_REF
    if word == "now":
        after = context.token_after(end)
        if after is not None and after.lower_ in ("that",) and token is not None and token.dep_ == "mark":
            return False  # "now that": a conjunction
    return True


def _the_quarter(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if match["unit"].lower() == "period" and not (match["rel"] or match["yr"]):
        return False
    if match["mon"] and MONTHS[match["mon"].lower()] % 3:
        return False  # "the January quarter" is a fiscal one: left to the month
    if not match["rel"] and match["unit"].lower() == "quarter":
        after = context.token_after(end)
        if after is not None and after.lower_ in ("of", "century", "mile", "hour", "point", "percent"):
            return False
    return True


def _relative_unit(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if is_a_title(match, context):
        return False  # a programme: ABC's "This Week"
    unit = match["unit"].lower()
    relation = re.sub(r"\s+", " ", match["rel"].lower())
    if relation == "the" and unit not in ("year", "weekend", "fiscal year", "month") and not match["pre"]:
        return False
    if relation == "the" and unit == "month" and not match["pre"]:
        return False
    if unit == "day" and relation not in ("that", "same", "following", "previous"):
        return False
    if relation == "the" and unit == "year":
        following = context.text[match.end():match.end() + 8].lower()
        if following.startswith(" before") or following.startswith(" after") or following.startswith("-"):
            return False
    return True


def _part_of_day(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if match["rel"] and match["rel"].lower() == "the":
        # "in the morning", "during the night"; not "the night of the vote", "the morning papers"
        before = context.token_before(start)
        after = context.token_after(end)
        if before is None or before.lower_ not in ("in", "during", "through", "throughout"):
            return False
        return after is None or not (after.lower_ in ("of", "before", "after") or after.pos_ in ("NOUN", "PROPN"))
    return True


_TODAY_IS = re.compile(r"(?i)\b(?:it|today|this)\s*(?:is|'s|’s)\s+$")


def _ordinal_day(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    # only as what today is: "the first day of the month" elsewhere is no one day
    return bool(_TODAY_IS.search(context.text[max(0, start - 20):start]))


RELATIVE_VALIDATORS: dict[str, Validator] = {
    "ordinal_day": _ordinal_day,
    "part_of_day": _part_of_day,
    "set": _set,
    "units_ago": _units_ago,
    "bare_ago": _bare_ago,
    "anaphor": _anaphor,
    "reference": _reference,
    "the_quarter": _the_quarter,
    "relative_unit": _relative_unit,
}
