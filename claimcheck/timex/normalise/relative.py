"""Normalisers of relative and anaphoric expressions: "last week", "year-end", "two years ago",
"a year earlier", "the following day", "now", "recently".

Relative ones count from the document date; anaphoric ones ("that year", "two days later")
from the last date said before them (DocumentContext.remember), falling back on the
document date.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from claimcheck.timex.calendar_math import add_months, iso_week, shift
from claimcheck.timex.context import DocumentContext, TimexSpan, TimexType
from claimcheck.timex.quantities import iso_duration, number_of
from claimcheck.timex.tense import FUTURE, PAST, PERFECT, PRESENT
from claimcheck.timex.vocabulary import PARTS_OF_DAY, VAGUE_UNITS, modifier, unit_key

Match = re.Match[str]

# placeholders when there is no date to count from (any other unit: "XXXX")
_UNRESOLVED_UNIT = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "decade": "XXX",
                    "century": "XX"}
# "three days later": TimeML annotates the offset as a DURATION. Not years: "a year earlier" in a
# results comparison is the year-ago period, a DATE in TimeBank too
_OFFSET_UNITS = ("second", "minute", "hour", "day", "week", "fortnight", "month")
_UNRESOLVED_SHIFT = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
                     "decade": "XXX", "century": "XX"}


def _anaphoric_unit(start: int, end: int, unit: str, step: int, mod: str | None,
                    context: DocumentContext) -> list[TimexSpan] | None:
    """A day, month or year step units from the last date said ("the following day"), else from the dct.

    Weeks are left to the callers: they mark `anchored` differently for them."""
    dct = context.dct
    if unit == "day":
        if step == 0 and context.last_kind == "month" and context.last_month is not None:
            # "last October ... that same day": the nearest date named is a month, so the day is
            # in that month but not known
            year, month = context.last_month
            return [TimexSpan(start, end, "DATE", f"{year}-{month:02d}-XX", mod)]
        anchor = context.anchor_day()
        if anchor is None:
            return [TimexSpan(start, end, "DATE", "XXXX-XX-XX", mod)]
        return [TimexSpan(start, end, "DATE", (anchor + dt.timedelta(days=step)).isoformat(), mod,
                          anchor is dct)]
    if unit == "year":
        if context.last_year is not None:
            return [TimexSpan(start, end, "DATE", str(context.last_year + step), mod)]
        if dct is None:
            return [TimexSpan(start, end, "DATE", "XXXX", mod)]
        return [TimexSpan(start, end, "DATE", str(dct.year + step), mod, True)]
    if unit == "month":
        base = context.last_month or ((dct.year, dct.month) if dct else None)
        if base is None:
            return [TimexSpan(start, end, "DATE", "XXXX-XX", mod)]
        year, month = add_months(base[0], base[1], step)
        return [TimexSpan(start, end, "DATE", f"{year}-{month:02d}", mod)]
    return None


def _month_just_said(context: DocumentContext, start: int) -> bool:
    """A month or day named in this sentence or the one before, and a past clause: a narrative step
    ("the next month"), not a span ahead of the document date ("over the next month")."""
    token = context.token_at(start)
    if token is None or context.last_month is None or context.last_kind not in ("month", "day"):
        return False
    if context.tense(start) != PAST:
        return False
    sentence = token.sent
    previous = token.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    return context.last_end > previous.start_char


def normalise_relative_unit(match: Match, start: int, end: int,
                            context: DocumentContext) -> list[TimexSpan] | None:
    unit = re.sub(r"\s+", " ", match["unit"].lower())
    relation = re.sub(r"\s+", " ", match["rel"].lower())
    position = (match["pre"] or "").lower()
    mod = modifier(position)
    ended = (match["post"] or "").strip().lower()
    dct = context.dct
    if unit in ("fiscal year", "calendar year", "financial year"):
        is_year = True
        if relation == "the" and (ended in ("ended", "ending") or not position):
            # "the fiscal year (ended...)": a year-long period, not a particular year
            if ended in ("ended", "ending"):
                return [TimexSpan(start, match.end("unit"), "DURATION", "P1Y")]
            return [TimexSpan(start, end, "DURATION", "P1Y")]
    else:
        is_year = unit == "year"
        if is_year and relation == "the" and ended in ("ended", "ending"):
            return [TimexSpan(start, match.end("unit"), "DURATION", "P1Y")]
    if ended:
        end = match.end("unit")
    if (relation == "next" and unit == "month" and context.text[start:start + 3].lower() == "the"
            and _month_just_said(context, start)):
        relation = "following"  # "In March 2019 the envoy left. She returned the next month": April 2019
    if (relation in ("that", "same", "following", "previous")
            and not (relation == "previous" and unit in ("week", "month") and dct)):
        step = {"that": 0, "same": 0, "following": 1, "previous": -1}[relation]
        if unit == "week":
            anchor = context.anchor_day()
            if anchor is None:
                return [TimexSpan(start, end, "DATE", "XXXX-WXX", mod)]
            return [TimexSpan(start, end, "DATE", iso_week(anchor + dt.timedelta(days=7 * step)), mod)]
        return _anaphoric_unit(start, end, "year" if is_year else unit, step, mod, context)
    if dct is None:
        return [TimexSpan(start, end, "DATE", _UNRESOLVED_UNIT.get(unit, "XXXX"), mod)]
    if relation == "full":
        relation = "this"
    back = relation in ("last", "past", "previous", "this past", "latest")
    ahead = relation in ("next", "coming", "this coming")
    step = -1 if back else 1 if ahead else 0
    if unit == "week":
        return [TimexSpan(start, end, "DATE", iso_week(dct + dt.timedelta(days=7 * step)), mod, True)]
    if unit == "weekend":
        weekday = dct.isoweekday()
        if back:
            sunday = dct - dt.timedelta(days=weekday)  # the Sunday before (or a week before if today is Sunday)
        elif ahead:
            sunday = dct + dt.timedelta(days=7 - weekday) if weekday < 6 else dct + dt.timedelta(days=7)
        else:
            tense = context.tense(start)
            if weekday >= 6 or (tense in (FUTURE, PRESENT) and relation == "this") or tense == FUTURE:
                sunday = dct
            else:
                sunday = dct - dt.timedelta(days=weekday)
        return [TimexSpan(start, end, "DATE", iso_week(sunday) + "-WE", mod, True)]
    if unit == "month":
        year, month = add_months(dct.year, dct.month, step)
        return [TimexSpan(start, end, "DATE", f"{year}-{month:02d}", mod, True)]
    if is_year:
        if relation == "the" and context.last_year is not None and context.last_end > start - 80:
            return [TimexSpan(start, end, "DATE", str(context.last_year), mod)]  # "2021: the year the plant opened"
        return [TimexSpan(start, end, "DATE", str(dct.year + step), mod, True)]
    if unit == "decade":
        return [TimexSpan(start, end, "DATE", str(dct.year // 10 + step), mod, True)]
    if unit == "century":
        return [TimexSpan(start, end, "DATE", f"{dct.year // 100 + step:02d}", mod, True)]
    return None


def normalise_unit_end(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    unit = match["unit"].lower()
    dct = context.dct
    mod = "END" if match["e"].lower() == "end" else "START"
    if dct is None:
        return [TimexSpan(start, end, "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit], mod)]
    # "since year-end": the last one gone, so the year before unless the document is dated on it
    before = context.token_before(start)
    back = 1 if before is not None and before.lower_ == "since" else 0
    # TimeBank's value for "year-end" and "month-end" is the last day
    if mod == "END" and unit == "year":
        year = dct.year - back if (dct.month, dct.day) != (12, 31) else dct.year
        return [TimexSpan(start, end, "DATE", f"{year}-12-31", mod, True)]
    if mod == "END" and unit == "month":
        year, month = add_months(dct.year, dct.month, -back)
        last_day = dt.date(year, month, calendar.monthrange(year, month)[1])
        return [TimexSpan(start, end, "DATE", last_day.isoformat(), mod, True)]
    value = {"year": str(dct.year), "month": f"{dct.year}-{dct.month:02d}", "week": iso_week(dct)}[unit]
    return [TimexSpan(start, end, "DATE", value, mod, True)]


def normalise_units_ago(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    unit = unit_key(match["unit"])
    quantity = match["q"].lower()
    direction = re.sub(r"\s+", " ", match["dir"].lower())
    modifier_words = (match["mod"] or "").lower()
    if modifier_words in ("just", "only"):
        start = match.start("q")
    mod = modifier(modifier_words)
    if unit is None:
        return None
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back") else 1
    n = 1.0 if quantity == "the" else number_of(quantity)
    if n is None:
        ahead = sign > 0 and not (direction == "later" and context.tense(start) in (PAST, PERFECT))
        # "a few hours later" in a past clause: after a past moment, still before the document date
        span = TimexSpan(start, end, "DATE", "FUTURE_REF" if ahead else "PAST_REF", mod)
        if direction in ("later", "earlier") and unit in _OFFSET_UNITS:
            span.timeml = (start, match.end("unit"), "DURATION", iso_duration(None, unit))  # "a few days later"
        return [span]
    timeml: tuple[int, int, TimexType, str] | None = None
    if direction in ("later", "earlier") and unit in _OFFSET_UNITS:
        timeml = (start, match.end("unit"), "DURATION", iso_duration(n, unit))
    anchor: dt.date | None
    if direction in ("ago", "from now", "hence", "back"):
        anchor, anchored = context.dct, True
    else:
        # "two days later", "a year earlier": relative to the last date mentioned, else the dct
        anchor, anchored = None, False
        if unit in ("day", "week") and context.last_day is not None:
            anchor = context.last_day
        elif unit in ("year", "decade", "century") and context.last_year is not None and context.last_kind != "quarter":
            if context.last_day is not None and context.last_day.year == context.last_year:
                anchor = context.last_day
            else:
                anchor = dt.date(context.last_year, 6, 30)
        elif unit in ("month",) and context.last_month is not None:
            anchor = dt.date(context.last_month[0], context.last_month[1], 1)
        if anchor is None:
            anchor, anchored = context.dct, True
    if unit == "year" and n == 1 and sign < 0 and context.last_quarter and context.last_quarter_end > start - 600:
        year, quarter = context.last_quarter  # "a year earlier" after a quarter: that quarter a year before
        return [TimexSpan(start, end, "DATE", f"{year - 1}-Q{quarter}", mod, memo=False)]
    if anchor is None:
        return [TimexSpan(start, end, "DATE", _UNRESOLVED_SHIFT.get(unit, "XXXX"), mod, timeml=timeml)]
    value = shift(anchor, unit, sign * n)
    if value is None:
        return None
    # "a year ago"/"a year earlier" is a comparison period: what comes after is compared with the
    # present, not with it, so it is not remembered (as "the year-ago quarter" is not)
    comparison = unit == "year" and n == 1 and sign < 0
    return [TimexSpan(start, end, "DATE", value, mod, anchored, timeml=timeml, memo=not comparison)]


def normalise_bare_ago(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    return [TimexSpan(start, end, "DATE", "PAST_REF")]  # "years ago"


def normalise_reference(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    words = re.sub(r"\s+", " ", match["w"].lower())
    if words == "right now":
        start = end - 3  # TimeBank tags "now" alone
    then = re.search(r"(?i)\bthen[\s-]$", context.text[max(0, start - 5):start]) if words == "current" else None
    if then:
        # "the then-current price": current at a past time, not at the document's
        return [TimexSpan(start - len(then.group()), end, "DATE", "PAST_REF")]
    if words in ("now", "right now", "currently", "nowadays", "these days", "at present", "presently", "current"):
        value = "PRESENT_REF"
    elif words.split()[-1] == "quarters":
        value = "PAST_REF" if "recent" in words else "FUTURE_REF"
    elif (words.startswith("recent ") or words.startswith("the recent ")) and (unit := unit_key(words.split()[-1])):
        return [TimexSpan(start, end, "DURATION", VAGUE_UNITS[unit])]  # "recent years"
    elif words in ("recently", "lately", "recent", "the past"):
        value = "PAST_REF"
    else:
        value = "FUTURE_REF"
    return [TimexSpan(start, end, "DATE", value)]


def normalise_anaphor(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    if match["unit2"]:
        words = match["unit2"].lower().split()  # "the day before"
        unit, step = words[1], (-1 if words[2] == "before" else 1)
    else:
        unit = match["unit"].lower()
        relation = re.sub(r"\s+", " ", match["rel"].lower())
        step = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
                "the prior": -1, "the preceding": -1}[relation]
    mod = modifier(match["pre"]) if match["pre"] else None
    if unit in PARTS_OF_DAY:
        anchor = context.anchor_day()
        if anchor is None:
            return [TimexSpan(start, end, "TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", mod)]
        day = (anchor + dt.timedelta(days=step)).isoformat()
        return [TimexSpan(start, end, "TIME", f"{day}T{PARTS_OF_DAY[unit]}", mod, anchor is context.dct)]
    if unit == "week":
        anchor = context.anchor_day()
        if anchor is None:
            return [TimexSpan(start, end, "DATE", "XXXX-WXX", mod)]
        return [TimexSpan(start, end, "DATE", iso_week(anchor + dt.timedelta(days=7 * step)), mod,
                          anchor is context.dct)]
    if unit == "quarter":
        if context.last_quarter is None:
            return None
        year, quarter = context.last_quarter
        k = year * 4 + quarter - 1 + step
        return [TimexSpan(start, end, "DATE", f"{k // 4}-Q{k % 4 + 1}", mod)]
    return _anaphoric_unit(start, end, unit, step, mod, context)
