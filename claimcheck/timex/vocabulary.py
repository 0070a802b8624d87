"""Word tables: what month, weekday, season, number and unit words mean.

The patterns (patterns.py) are built from some of these tables, and the
normalisers read values back out of them, so a word added here is both found
and understood.
"""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
# "final" and "last" are here for quarters ("the final quarter" is the fourth)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
            "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "final": 4, "last": 4}
QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4,
                    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
VAGUE = {"a few", "few", "several", "some", "many", "a number of", "dozens of", "hundreds of",
         "thousands of", "the", "recent", "coming", "the coming", "the next few", "the past few",
         "the last few", "the first few"}

# unit -> (ISO letter, multiplier, is-time-part)
UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "week": ("W", 1, False), "fortnight": ("W", 2, False),
    "month": ("M", 1, False), "quarter": ("M", 3, False), "year": ("Y", 1, False),
    "decade": ("Y", 10, False), "century": ("Y", 100, False), "millennium": ("Y", 1000, False),
}
VAGUE_UNITS = {"second": "PTXS", "minute": "PTXM", "hour": "PTXH", "day": "PXD", "week": "PXW",
               "fortnight": "PXW", "month": "PXM", "quarter": "PXM", "year": "PXY", "decade": "PXY",
               "century": "PXC", "millennium": "PXL"}

# month and day fixed, or the name of a rule in normalise/holidays.py
HOLIDAYS: dict[str, tuple[int, int] | str] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "thanksgiving": "thanks",
    "thanksgiving day": "thanks", "labor day": "labor", "memorial day": "memorial",
    "election day": "election", "easter": "easter", "easter sunday": "easter", "good friday": "goodfri",
}

DAY_WORD_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
DAY_WORDS = ("today", "yesterday", "tomorrow", "tonight")
# "today's youth", "by today's standards": today as an era, not the document's day
ERA_NOUNS = {"world", "youth", "society", "generation", "generations", "children", "kids", "young", "standards",
             "culture", "teenagers", "workplace"}

# TIMEX3 mod of the words before a quantity or a date
QUANTITY_MODIFIERS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "well over": "MORE_THAN", "just over": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "just under": "LESS_THAN", "barely": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "not more than": "EQUAL_OR_LESS",
}
# "earlier this week" narrows nothing that TIMEX3 can say: None
POSITION_MODIFIERS: dict[str, str | None] = {
    "early": "START", "late": "END", "mid": "MID", "end": "END", "start": "START",
    "the beginning of": "START", "the start of": "START", "the middle of": "MID", "the end of": "END",
    "the first half of": "START", "the second half of": "END",
    "earlier": None, "later": None, "the rest of": None,
}


def unit_key(word: str) -> str | None:
    """The UNITS key of a unit word as written ("Years", "centuries"), or None."""
    w = word.lower().rstrip(".")
    if w in ("centuries",):
        return "century"
    if w in ("millennia",):
        return "millennium"
    if w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return w if w in UNITS else None


def modifier(words: str | None) -> str | None:
    """The TIMEX3 mod of a modifier as written ("more than", "early", "the end of"), or None."""
    if not words:
        return None
    key = re.sub(r"\s+", " ", words.lower().strip(" -"))
    return QUANTITY_MODIFIERS.get(key, POSITION_MODIFIERS.get(key))


def month_number(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]
