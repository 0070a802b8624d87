"""Normalisers of days and times of day: weekdays, today/yesterday/tomorrow, "Tuesday night",
"this morning", "the next evening", clock times ("7:15 p.m. Friday")."""
from __future__ import annotations

import datetime as dt
import re

from claimcheck.timex.anchoring import weekday_date, year_for_month
from claimcheck.timex.calendar_math import safe_date
from claimcheck.timex.context import DocumentContext, TimexSpan
from claimcheck.timex.quantities import day_of_month, leading_number
from claimcheck.timex.vocabulary import DAY_WORD_OFFSETS, PARTS_OF_DAY, WEEKDAYS, modifier, month_number

Match = re.Match[str]


def _day_word_date(word: str, position: int, relation: str | None,
                   context: DocumentContext) -> tuple[dt.date | None, str | None]:
    """A weekday or today/yesterday/tomorrow/tonight -> (date, placeholder when unresolved)."""
    key = word.lower().rstrip(".")
    if key in DAY_WORD_OFFSETS:
        if context.dct is None:
            return None, "XXXX-XX-XX"
        return context.dct + dt.timedelta(days=DAY_WORD_OFFSETS[key]), None
    weekday = WEEKDAYS[key]
    if context.dct is None:
        return None, f"XXXX-WXX-{weekday}"
    return weekday_date(context, weekday, position, relation), None


def normalise_day_name(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    word = match["d"]
    relation = re.sub(r"\s+", " ", match["rel"].lower()) if match["rel"] else None
    mod = modifier((match["pre"] or "").lower())
    part = (match["part"] or "").lower()
    part_code = PARTS_OF_DAY.get("night" if part == "overnight" else part)
    key = word.lower().rstrip(".")
    if match["pl"] or match["pl2"]:
        # "Mondays", "Friday nights": every such day
        if key in WEEKDAYS:
            return [TimexSpan(start, end, "SET", f"XXXX-WXX-{WEEKDAYS[key]}" + (f"T{part_code}" if part_code else ""))]
        return None
    date: dt.date | None
    placeholder: str | None
    if match["mon"]:
        month = month_number(match["mon"])
        day_number = day_of_month(match["day"])
        if day_number is None:
            return None
        year: int | None
        if match["yr"]:
            year, anchored = int(match["yr"]), False
        else:
            year = year_for_month(context, month, start)
            anchored = year is not None
        if year is None:
            date, placeholder = None, f"XXXX-{month:02d}-{day_number:02d}"
        else:
            date, placeholder = safe_date(year, month, day_number), None
            if date is None:
                return None
    else:
        date, placeholder = _day_word_date(word, match.start("d"), relation, context)
        anchored = date is not None
    if key == "tonight" and not part_code:
        part_code = "NI"
    if match["next"]:
        if date is None:
            return [TimexSpan(start, end, "DATE", "XXXX-XX-XX", mod)]
        date += dt.timedelta(days=1 if match["next"].lower().endswith("after") else -1)
    base = date.isoformat() if date else placeholder
    if part_code:
        return [TimexSpan(start, end, "TIME", f"{base}T{part_code}", mod, anchored)]
    return [TimexSpan(start, end, "DATE", str(base), mod, anchored)]


def normalise_part_of_day(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    if match["over"]:
        return None  # "overnight" on its own: TimeBank tags it inconsistently
    if match["mid"]:
        words = match["mid"].lower()
        code = "MO" if "morning" in words else "AF" if "afternoon" in words else "12:00"
        if context.dct is None:
            return [TimexSpan(start, end, "TIME", f"XXXX-XX-XXT{code}")]
        # "mid-afternoon yesterday": that day's afternoon
        offset = {"yesterday": -1, "tomorrow": 1}.get((match["day"] or "").lower(), 0)
        named_day = context.dct + dt.timedelta(days=offset)
        return [TimexSpan(start, end, "TIME", f"{named_day.isoformat()}T{code}", None, True)]
    relation = re.sub(r"\s+", " ", match["rel"].lower())
    part = PARTS_OF_DAY[match["part"].lower()]
    mod = modifier(match["pre"])
    if relation in ("that", "the", "the next", "the previous", "the following"):
        # "in the morning" after "Friday": that Friday's morning, as "that morning" would be
        anchor = context.anchor_day()
        step = {"that": 0, "the": 0, "the next": 1, "the following": 1, "the previous": -1}[relation]
        if anchor is None:
            return [TimexSpan(start, end, "TIME", f"XXXX-XX-XXT{part}", mod)]
        day = (anchor + dt.timedelta(days=step)).isoformat()
        return [TimexSpan(start, end, "TIME", f"{day}T{part}", mod, anchor is context.dct)]
    if context.dct is None:
        return [TimexSpan(start, end, "TIME", f"XXXX-XX-XXT{part}", mod)]
    # "last night" is the night before; "last morning" too
    offset = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[relation]
    day = (context.dct + dt.timedelta(days=offset)).isoformat()
    return [TimexSpan(start, end, "TIME", f"{day}T{part}", mod, True)]


def normalise_clock_time(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    before = (match["pre"] or "").lower()
    if before and before not in ("about", "around", "approximately"):
        # "shortly before 9 a.m.": TimeBank leaves the words out
        start = match.start("h") if match["h"] else match.start("nm") if match["nm"] else match.start("h24")
    mod = "APPROX" if before in ("about", "around", "approximately") else None
    if match["h"]:
        hour = int(match["h"]) % 12
        if match["ap"] and match["ap"].lower().startswith("p"):
            hour += 12
        elif match["pod"] and (match["pod"].lower() in ("afternoon", "evening")
                               or (match["pod"].lower() == "night" and hour >= 6)):
            hour += 12  # "4 in the afternoon", "10 in the night"; "2 in the night" is 02:00
        clock = f"{hour:02d}:{match['mi'] or '00'}"
    elif match["nm"]:
        clock = "24:00" if match["nm"].lower() == "midnight" else "12:00"
    else:
        clock = f"{match['h24']}:{match['mi24']}"
    date: dt.date | None = None
    placeholder: str | None = None
    anchored = False
    if match["d"]:
        if match["mon2"]:
            month = month_number(match["mon2"])
            year = year_for_month(context, month, start)
            date = safe_date(year, month, leading_number(match["day2"])) if year else None
            # the placeholder reads ASCII digits only, unlike the date: kept so, as it always was
            ascii_day = re.match(r"[0-9]+", match["day2"])
            placeholder = None if date else f"XXXX-{month:02d}-{int(ascii_day[0] if ascii_day else ''):02d}"
        else:
            date, placeholder = _day_word_date(match["d"], match.start("d"), None, context)
        anchored = date is not None
    elif match["mon"]:
        month = month_number(match["mon"])
        day_number = leading_number(match["day"])
        year = int(match["yr"]) if match["yr"] else year_for_month(context, month, start)
        anchored = not match["yr"] and year is not None
        date = safe_date(year, month, day_number) if year else None
        placeholder = None if date else f"XXXX-{month:02d}-{day_number:02d}"
    else:
        # a bare time: on the day its own sentence names further on ("at 10:35 a.m. (0735 GMT)
        # Friday"), else on the day just talked about, if recent enough, else on the dct
        named = _day_named_later_in_sentence(context, end)
        if named is not None:
            date, anchored = named, True
        elif context.last_day is not None and context.last_end > start - 300:
            date = context.last_day
        elif context.dct is not None:
            date, anchored = context.dct, True
        else:
            placeholder = "XXXX-XX-XX"
    base = date.isoformat() if date else placeholder
    return [TimexSpan(start, end, "TIME", f"{base}T{clock}", mod, anchored)]


def _day_named_later_in_sentence(context: DocumentContext, end: int) -> dt.date | None:
    """The date of the first weekday or today/yesterday/tomorrow after `end`, within 8 tokens of its sentence."""
    token = context.token_after(end)
    if token is None or context.dct is None:
        return None
    sentence_end = token.sent.end
    for following in token.doc[token.i:min(token.i + 8, sentence_end)]:
        word = following.lower_.rstrip(".")
        if word in WEEKDAYS or word in DAY_WORD_OFFSETS:
            return _day_word_date(following.text, following.idx, None, context)[0]
    return None


def normalise_ordinal_day(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    """"It's the second day of the offensive": the day the clause is in, the document's (validation_relative
    lets only "it/today/this is" through)."""
    if context.dct is None:
        return [TimexSpan(start, end, "DATE", "XXXX-XX-XX")]
    return [TimexSpan(start, end, "DATE", context.dct.isoformat(), None, True)]
