"""Normalisers of calendar dates: ISO and slashed dates, month-day-year, months, years, ranges,
fiscal years, decades and centuries. A year-less date takes its year from anchoring.py."""
from __future__ import annotations

import datetime as dt
import re

from claimcheck.models import DateInterval
from claimcheck.timex.anchoring import year_for_month
from claimcheck.timex.calendar_math import iso_week, safe_date
from claimcheck.timex.context import DocumentContext, TimexSpan
from claimcheck.timex.quantities import day_of_month, leading_number, spoken_year, year_of
from claimcheck.timex.vocabulary import DECADE_WORDS, modifier, month_number

Match = re.Match[str]


def normalise_iso_date(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    day = safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if day is None:
        return None
    if match["hh"]:
        return [TimexSpan(start, end, "TIME", f"{day.isoformat()}T{match['hh']}:{match['mi']}")]
    return [TimexSpan(start, end, "DATE", day.isoformat())]


def normalise_slash_date(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    a, b = int(match["a"]), int(match["b"])
    year = year_of(match["y"], context.dct) if len(match["y"]) == 2 else int(match["y"])
    if year is None:
        return None
    month, day_number = (a, b) if a <= 12 else (b, a)  # month first (US) unless it cannot be a month
    day = safe_date(year, month, day_number)
    return [TimexSpan(start, end, "DATE", day.isoformat())] if day else None


def normalise_month_day_year(match: Match, start: int, end: int,
                             context: DocumentContext) -> list[TimexSpan] | None:
    month = month_number(match["mon"])
    day_number = day_of_month(match["day"])
    if day_number is None:
        return None
    mod = modifier(match["pre"])
    anchored = False
    if match["yr"]:
        year = year_of(match["yr"], context.dct)
    else:
        year = year_for_month(context, month, start)
        anchored = year is not None
    second_day = leading_number(match["day2"]) if match["day2"] else None
    if year is None and match["weekof"] and not match["day2"]:
        return [TimexSpan(start, end, "DATE", "XXXX-WXX", mod)]
    if year is None:
        first_value = f"XXXX-{month:02d}-{day_number:02d}"
        spans = [TimexSpan(start, end if not second_day else match.end("day"), "DATE", first_value, mod)]
        if second_day:
            spans.append(TimexSpan(match.start("day2"), end, "DATE", f"XXXX-{month:02d}-{second_day:02d}"))
        return spans
    first = safe_date(year, month, day_number)
    if first is None:
        return None
    second = None
    if second_day is not None:
        second = safe_date(year, month, second_day)
        if second is None or second <= first:
            second_day = None
    if match["weekof"] and second_day is None:
        return [TimexSpan(start, end, "DATE", iso_week(first), mod, anchored)]
    if second_day is None or second is None:
        if match["day2"]:  # not a range after all ("Nov. 6 and 7 percent"): tag the first date only
            return [TimexSpan(start, match.end("day"), "DATE", first.isoformat(), mod, anchored)]
        return [TimexSpan(start, end, "DATE", first.isoformat(), mod, anchored)]
    separator = match["sep"].strip().lower()
    if separator in ("-", "–", "—"):
        # "Aug. 29-30": one span for the whole range; TimeML writes it as two timexes
        return [TimexSpan(start, end, "DATE", first.isoformat(), mod, anchored, DateInterval(first, second, "day"),
                          split=((start, match.end("day"), first.isoformat()),
                                 (match.start("day2"), end, second.isoformat())))]
    return [TimexSpan(start, match.end("day"), "DATE", first.isoformat(), mod, anchored),
            TimexSpan(match.start("day2"), end, "DATE", second.isoformat(), None, anchored)]


def normalise_day_month_year(match: Match, start: int, end: int,
                             context: DocumentContext) -> list[TimexSpan] | None:
    month = month_number(match["mon"])
    day_number = leading_number(match["day"])
    anchored = False
    if match["yr"]:
        year: int | None = int(match["yr"])
    else:
        year = year_for_month(context, month, start)
        anchored = year is not None
    if year is None:
        return [TimexSpan(start, end, "DATE", f"XXXX-{month:02d}-{day_number:02d}")]
    first = safe_date(year, month, day_number)
    if first is None:
        return None
    if match["day2"]:
        second = safe_date(year, month, int(match["day2"]))
        if second and second > first:
            return [TimexSpan(start, end, "DATE", first.isoformat(), None, anchored,
                              DateInterval(first, second, "day"),
                              split=((start, match.end("day2"), first.isoformat()),
                                     (match.start("day2"), end, second.isoformat())))]
    return [TimexSpan(start, end, "DATE", first.isoformat(), None, anchored)]


def normalise_month_name(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    month = month_number(match["mon"])
    mod = modifier(match["pre"])
    relation = re.sub(r"\s+", " ", (match["rel"] or "").lower())
    year_words = (match["post"] or "").lower()
    if match["yr"]:
        year = year_of(match["yr"], context.dct)
        return [TimexSpan(start, end, "DATE", f"{year}-{month:02d}", mod)] if year else None
    if relation in ("that", "same", "following"):
        if context.last_year is None:
            return None
        return [TimexSpan(start, end, "DATE", f"{context.last_year}-{month:02d}", mod)]
    if context.dct is None:
        return [TimexSpan(start, end, "DATE", f"XXXX-{month:02d}", mod)]
    dct = context.dct
    if year_words:
        year = dct.year + (-1 if "last" in year_words else 1 if "next" in year_words else 0)
    elif relation in ("last", "previous", "past", "this past", "latest"):
        year = dct.year if month < dct.month else dct.year - 1
    elif relation in ("next", "coming", "this coming", "following"):
        year = dct.year if month > dct.month else dct.year + 1
    elif relation in ("this", "current"):
        year = dct.year
    else:
        year = year_for_month(context, month, match.start("mon"))
    return [TimexSpan(start, end, "DATE", f"{year}-{month:02d}", mod, True)]


def normalise_year(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    written = match["yr"]
    year = int(written) if written[0].isdigit() else spoken_year(written)
    if year is None:
        return None
    return [TimexSpan(start, end, "DATE", str(year), modifier(match["pre"]))]


def _second_year(first: int, written: str) -> int:
    """The end of a range as written: "1999" or the last two digits "99"."""
    return int(written) if len(written) == 4 else first // 100 * 100 + int(written)


def normalise_year_range(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    first = int(match["y1"])
    second = _second_year(first, match["y2"])
    separator = match["sep"].strip().lower()
    if separator == "to":
        return [TimexSpan(start, match.end("y1"), "DATE", str(first), modifier(match["pre"])),
                TimexSpan(match.start("y2"), end, "DATE", str(second))]
    interval = DateInterval(dt.date(first, 1, 1), dt.date(second, 12, 31), "year")
    return [TimexSpan(start, end, "DATE", str(first), modifier(match["pre"]), False, interval,
                      split=((start, match.end("y1"), str(first)), (match.start("y2"), end, str(second))))]


def normalise_fiscal_year(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    # fiscal years are read as calendar years: when each company's year starts is not known
    first = year_of(match["y1"], context.dct)
    if first is None:
        return None
    if match["y2"]:
        second = _second_year(first, match["y2"])
        if first < second <= first + 2:
            interval = DateInterval(dt.date(first, 1, 1), dt.date(second, 12, 31), "year")
            return [TimexSpan(start, end, "DATE", str(first), modifier(match["pre"]), False, interval)]
    return [TimexSpan(start, end, "DATE", str(first), modifier(match["pre"]))]


def normalise_decade(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    mod = modifier(match["pre"])
    if match["dec"]:
        decade = int(match["dec"])
        if decade % 100 == 0 and decade < 2000:
            return [TimexSpan(start, end, "DATE", f"{decade // 100:02d}", mod)]  # "the 1900s": the century
        return [TimexSpan(start, end, "DATE", str(decade // 10), mod)]
    if match["dec2"]:
        two_digits = int(match["dec2"])
        # "the '90s" is the 1990s unless the 2090s... are already past
        base = 1900
        if context.dct is not None and 2000 + two_digits <= context.dct.year:
            base = 2000
        elif context.dct is None and two_digits <= 20:
            base = 2000
        return [TimexSpan(start, end, "DATE", str((base + two_digits) // 10), mod)]
    words = match["decw"].lower()
    for word, tens in DECADE_WORDS.items():
        if words.endswith(word):
            mod = mod or modifier(words.split()[0].split("-")[0]) if (" " in words or "-" in words) else mod
            return [TimexSpan(start, end, "DATE", f"19{tens}", mod)]
    return None


def normalise_century(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    ordinal = match["ord"].lower()
    n = leading_number(ordinal) if ordinal[0].isdigit() else day_of_month(ordinal)
    if not n or n > 30:
        return None
    return [TimexSpan(start, end, "DATE", f"{n - 1:02d}", modifier(match["pre"]))]
