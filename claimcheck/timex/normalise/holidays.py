"""Normalisers of holidays ("Christmas", "Thanksgiving", "Easter 2024") and seasons
("last fall", "the summer of 1999"). Both name a known part of a year, and a year-less one
is placed by "last"/"next" or by the tense, like a year-less month."""
from __future__ import annotations

import calendar
import datetime as dt
import re

from claimcheck.timex.calendar_math import season_of
from claimcheck.timex.context import DocumentContext, TimexSpan
from claimcheck.timex.quantities import year_of
from claimcheck.timex.tense import FUTURE, PAST
from claimcheck.timex.vocabulary import HOLIDAYS, SEASON_ORDER, SEASONS, modifier

Match = re.Match[str]


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) ISO weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    # the anonymous Gregorian algorithm (Meeus/Jones/Butcher)
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(name: str, year: int) -> dt.date:
    """The date of a holiday of vocabulary.HOLIDAYS (US ones where countries differ) in a year."""
    spec = HOLIDAYS[name]
    if isinstance(spec, tuple):
        return dt.date(year, *spec)
    if spec == "thanks":
        return _nth_weekday(year, 11, 4, 4)
    if spec == "labor":
        return _nth_weekday(year, 9, 1, 1)
    if spec == "memorial":
        return _nth_weekday(year, 5, 1, -1)
    if spec == "election":
        return _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if spec == "easter":
        return _easter(year)
    return _easter(year) - dt.timedelta(days=2)  # Good Friday


def normalise_holiday(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    name = re.sub(r"\s+", " ", match["h"].lower())
    if match["yr"]:
        return [TimexSpan(start, end, "DATE", holiday_date(name, int(match["yr"])).isoformat())]
    if context.dct is None:
        spec = HOLIDAYS[name]
        value = f"XXXX-{spec[0]:02d}-{spec[1]:02d}" if isinstance(spec, tuple) else "XXXX-XX-XX"
        return [TimexSpan(start, end, "DATE", value)]
    dct = context.dct
    relation = (match["rel"] or "").lower()
    this_year = holiday_date(name, dct.year)
    if relation == "last":
        year = dct.year if this_year < dct else dct.year - 1
    elif relation == "next":
        year = dct.year if this_year > dct else dct.year + 1
    else:
        year = year_by_tense(context, start, dct.year, ahead=this_year > dct, behind=this_year < dct)
    return [TimexSpan(start, end, "DATE", holiday_date(name, year).isoformat(), None, True)]


def normalise_season(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    code = SEASONS[match["s"].lower()]
    mod = modifier(match["pre"])
    if match["yr"]:
        year = year_of(match["yr"], context.dct)
        return [TimexSpan(start, end, "DATE", f"{year}-{code}", mod)] if year else None
    if context.dct is None:
        return [TimexSpan(start, end, "DATE", f"XXXX-{code}", mod)]
    dct = context.dct
    index = SEASON_ORDER[code]
    current, current_year = season_of(dct)  # a January dct is in the previous year's winter
    relation = re.sub(r"\s+", " ", (match["rel"] or "").lower())
    if relation in ("last", "previous"):
        year = dct.year - 1
    elif relation in ("past", "this past"):
        year = current_year if index < current else current_year - 1
    elif relation in ("next", "coming", "this coming", "following"):
        year = current_year if index > current else current_year + 1
    elif relation == "this":
        year = current_year if code == "WI" else dct.year
    else:
        year = year_by_tense(context, start, dct.year, ahead=index > current, behind=index < current)
    return [TimexSpan(start, end, "DATE", f"{year}-{code}", mod, True)]


def year_by_tense(context: DocumentContext, start: int, year: int, ahead: bool, behind: bool) -> int:
    """The year of a day or season named without one: in a past-tense clause, one still `ahead` of the
    document date is last year's; in a future-tense clause, one already `behind` it is next year's."""
    tense = context.tense(start)
    if tense == PAST and ahead:
        return year - 1
    if tense == FUTURE and behind:
        return year + 1
    return year
