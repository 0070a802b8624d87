"""Validation: a veto on a candidate match, from the spaCy tokens around it.

The patterns see only characters; here the parse rules out what only looks like a
date: the modal "may", "March" the verb, "1500 troops", "60 Minutes", ages. A rule
without a validator is always valid. Candidates are validated longest first, so a
vetoed match leaves its text to a shorter candidate ("May 2" -> nothing, "2" alone).
The vetoes of the relative rules ("now", "last week", "the quarter") are in
validation_relative.py.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from claimcheck.timex.context import DocumentContext
from claimcheck.timex.quantities import number_of, spoken_year, year_of
from claimcheck.timex.validation_relative import RELATIVE_VALIDATORS, is_a_title
from claimcheck.timex.vocabulary import DAY_WORDS, ERA_NOUNS, MONTHS, unit_key

Validator = Callable[[re.Match[str], int, int, DocumentContext], bool]

_NOT_YEAR_BEFORE = {"$", "£", "€", "#", "no", "no.", "nos", "number", "page", "pages", "p.", "pp.", "flight",
                    "route", "room", "highway", "interstate", "tel", "phone", "model", "version", "windows",
                    "boeing", "airbus", "article", "section", "rule", "resolution", "code", "chapter",
                    "paragraph", "item", "line", "box", "suite", "apartment", "unit", "bus", "channel",
                    "grade", "level", "size", "than", "nearly", "approximately", "almost", "roughly", "some",
                    "exactly", "only", "just", "over", "under", "about", "around", "nasdaq", "dow",
                    "index", "rose", "fell", "dropped", "jumped", "gained", "lost",
                    "apollo", "mig", "sr", "su"}
_YEAR_CUE = {"in", "since", "of", "from", "until", "till", "by", "before", "after", "year", "the", "circa",
             "c.", "between", "during", "through", "early", "late", "mid", "and", "-", "–", "spring",
             "summer", "autumn", "fall", "winter", "'s"}
_MONTH_CUE = {"in", "since", "until", "till", "by", "of", "from", "through", "during", "early", "late", "mid",
              "last", "next", "this", "before", "after", "between", "and", "or", "to", "on", "that",
              "around", "about", "for", "into", "past", "coming", "each", "every", "end", "beginning"}
_SEASON_CUE = {"in", "into", "during", "by", "until", "since", "through", "over", "all", "throughout", "this", "last",
               "next", "early", "late", "each", "every", "till", "before", "after"}
_FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"}
# a plural noun after a number makes it a count ("1500 troops"), except these
_TIME_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries",
               "quarters", "eyes"}
_NAME_ENTITIES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "LAW", "LANGUAGE"}
# "Black Friday", "Good Friday" (a holiday rule of its own), "Super Tuesday": not that weekday
_NAMED_DAY_WORDS = ("black", "good", "cyber", "man", "girl", "ash", "holy", "maundy", "super")
_CLOCK_CUES = ("at", "by", "until", "till", "before", "after", "around", "about", "from", "since", "past")


def _is_not_a_month(context: DocumentContext, start: int, word: str) -> bool:
    """A month name that the parse reads as something else: the modal, the verb, part of a name."""
    token = context.token_at(start)
    if token is None:
        return False
    w = word.rstrip(".")
    if w in ("May", "MAY") and (token.tag_ == "MD" or token.dep_ == "aux"):
        return True
    if w in ("March", "MARCH") and token.pos_ == "VERB":
        return True
    if token.ent_type_ in _NAME_ENTITIES:
        return True
    after = context.token_after(start + len(word))
    if after is not None and after.is_title and after.pos_ == "PROPN" and after.ent_type_ in ("PERSON", "ORG"):
        return True
    before = context.token_before(start)
    if (before is not None and before.is_title and before.pos_ == "PROPN" and before.ent_type_ == "PERSON"
            and token.ent_type_ != "DATE"):
        return True
    return False


def _is_not_a_year(context: DocumentContext, start: int, end: int, year: int, spoken: bool = False) -> bool:
    """A number that the words around it make a count, an amount, a model or a page, not a year."""
    before = context.token_before(start)
    after = context.token_after(end)
    token = context.token_at(start)
    if token is not None and token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
        return True
    if before is not None and before.lower_ in _NOT_YEAR_BEFORE:
        return True
    if after is not None:
        word = after.lower_
        if word in ("%", "percent", "gmt", "utc", "est", "edt", "hours", "hrs", "am", "pm", "a.m.", "p.m."):
            return True
        if after.tag_ in ("NNS", "NNPS") and word not in _TIME_UNITS and not after.is_title:
            return True
        if (word in ("-", "–") and (second := context.token_after(after.idx + 1)) is not None
                and second.lower_ in ("strong", "member", "page")):
            return True
    cue = before is not None and (before.lower_ in _YEAR_CUE or before.ent_type_ == "DATE")
    lowest = 1900
    highest = (context.dct.year + 60) if context.dct else 2060
    if not (lowest <= year <= highest) and not cue:
        return True
    if spoken and year >= 2000 and not cue and context.text[start:end].lower().startswith("two"):
        return True  # "two thousand people"
    return False






def _month_name(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if not (match["yr"] or match["rel"] or match["post"] or match["pre"]):
        if _is_not_a_month(context, match.start("mon"), match["mon"]):
            return False
        month = match["mon"].rstrip(".").lower()
        if month in ("march", "may"):
            # the verb / the modal / a name ("March on Washington"): only with a date-like cue
            before = context.token_before(match.start("mon"))
            token = context.token_at(match.start("mon"))
            cue_word = before is not None and (before.lower_ in _MONTH_CUE
                                               or (before.is_punct and before.text in ",-–("))
            date_entity = (token is not None and token.ent_type_ == "DATE" and before is not None
                           and not token.is_sent_start and before.lower_ not in ("the", "a", "an"))
            # "the March deadline": a month that describes the common noun after it
            modifier_of_noun = (before is not None and before.lower_ in ("the", "a", "its", "their")
                                and (noun := context.token_after(match.end("mon"))) is not None
                                and noun.tag_ in ("NN", "NNS") and noun.is_lower)
            if not (cue_word or date_entity or modifier_of_noun):
                return False
            if not cue_word and re.match(r"\s+(?:for|on|against)\s+[A-Z]", context.text[match.end("mon"):]):
                return False  # "the annual March for Life": a name
        if month not in MONTHS or (month not in _FULL_MONTHS and not match["mon"].endswith(".")):
            return False  # bare abbreviations only with a day or year
    year = match["yr"]
    if year and year[0].isdigit() and _is_not_a_year(context, match.start("yr"), match.end("yr"), int(year)):
        return False
    return True


def _not_a_figure_after(context: DocumentContext, end: int) -> bool:
    after = context.token_after(end)
    if after is not None and after.text == ":":
        # "May 5:30" is a clock time; "PAHALGAM, April 22: Terrorists..." is a dateline
        return not context.text[after.idx + 1:after.idx + 2].isdigit()
    return not (after is not None and after.lower_ in ("%", "percent", "p.m.", "a.m."))


def _month_day_year(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if (not match["yr"] and match["mon"] in ("May", "March")
            and _is_not_a_month(context, match.start("mon"), match["mon"])):
        return False
    return _not_a_figure_after(context, end)


def _day_month_year(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if _is_not_a_month(context, match.start("mon"), match["mon"]) and not match["yr"]:
        return False
    before = context.token_before(match.start("day"))
    if before is not None and (before.like_num or before.lower_ in ("$", "#", "no.", "at")):
        return False
    token = context.token_at(match.start("day"))
    if token is not None and token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    return _not_a_figure_after(context, end)


def _year(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    written = match["yr"]
    if written[0].isdigit():
        if context.text[max(0, start - 5):start].lower().endswith(("pre-", "post-")) and len(written) == 4:
            return True  # "the post-1959 politics": a year, whatever the noun after it
        if match["theyear"] or match["pre"]:
            # "the year 2525", "early 1850": a year whatever its value, so only the context can veto
            return not _is_not_a_year(context, match.start("yr"), match.end("yr"), 1999)
        return not _is_not_a_year(context, match.start("yr"), match.end("yr"), int(written))
    year = spoken_year(written)
    if year is None:
        return False
    return not (_is_not_a_year(context, match.start("yr"), match.end("yr"), year, spoken=True)
                and not match["theyear"])


def _year_range(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    first = int(match["y1"])
    second_written = match["y2"]
    second = int(second_written) if len(second_written) == 4 else first // 100 * 100 + int(second_written)
    if len(second_written) == 2 and second <= first:
        return False
    if not (first < second <= first + 100):
        return False
    if len(second_written) == 4 and _is_not_a_year(context, match.start("y2"), match.end("y2"), second):
        return False
    return not _is_not_a_year(context, match.start("y1"), match.end(), first) or bool(match["pre"])


def _fiscal_year(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    return year_of(match["y1"], context.dct) is not None


def _season(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if match["yr"] or match["rel"] or match["pre"]:
        return True
    if context.text[match.end():match.end() + 4].startswith(" of"):
        return False  # "the fall of Saigon"
    before = context.token_before(start)
    word = match["s"].lower()
    if word in ("fall", "autumn"):
        return bool(match["the"]) and before is not None and before.lower_ in _SEASON_CUE
    return before is not None and before.lower_ in _SEASON_CUE


def _names_an_era(context: DocumentContext, start: int, end: int) -> bool:
    """ "the leaders of tomorrow", "today's youth": the present or the future as an era."""
    before = context.token_before(start)
    if before is not None and before.lower_ == "of" and before.i > 0:
        owner = before.nbor(-1)  # "the leaders of tomorrow", but "the end of today" is a day
        if owner.tag_ in ("NNS", "NNPS") or owner.lower_ in ERA_NOUNS:
            return True
    after = context.token_after(end)
    if after is not None and after.text in ("'s", "’s"):
        noun = context.token_after(after.idx + len(after.text))
        return noun is not None and noun.lower_ in ERA_NOUNS
    return False


def _day_name(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    day = match["d"]
    is_day_word = day.lower() in DAY_WORDS
    token = context.token_at(match.start("d"))
    if (token is not None and token.ent_type_ in _NAME_ENTITIES
            and not (is_day_word and token.ent_type_ not in ("ORG", "WORK_OF_ART", "PRODUCT"))):
        return False
    if is_day_word and match["rel"]:
        return False
    if is_day_word and day[0].isupper() and not day.isupper() and token is not None and not token.is_sent_start:
        before_name = context.token_before(match.start("d"))
        if before_name is not None and before_name.pos_ == "PROPN" and before_name.text[0].isupper():
            return False  # "USA Today", "VOA Today": a title
    if is_day_word and not (match["mon"] or match["part"]) and _names_an_era(context, match.start("d"), end):
        return False
    if match["pl"] and is_day_word:
        return False
    before = context.token_before(match.start("d"))
    if day[0].isupper() and not is_day_word and before is not None and before.lower_ in _NAMED_DAY_WORDS:
        return False
    return True


def _duration(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if is_a_title(match, context):
        return False
    text = context.text
    unit = unit_key(match["unit"])
    quantity = match["q"].lower()
    following = text[match.end():match.end() + 4].lower()
    if unit == "quarter" and (quantity in ("a", "an", "one") or following.startswith(" of")):
        return False  # "three quarters of": a fraction
    if unit == "second" and not match["unit"].lower().endswith("s") and not quantity[0].isdigit():
        return False  # "the second": an ordinal
    if quantity in ("a", "an") and unit == "second":
        return False
    if following.startswith(" old") or following.startswith(" of age"):
        return False
    if unit == "year" and quantity[0].isdigit() and not match["the"]:
        # "1996 year", "2000 years" are rarely durations of that length...
        n = number_of(quantity)
        if n is not None and n > 500 and match["unit"].lower() != "years":
            return False
    if unit in ("second", "minute", "hour") and quantity[0].isdigit() and ":" in text[match.start():match.end()]:
        return False  # a clock time
    return True


def _hyphenated_duration(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    return not (match["long"] and match["long"].lower() == "old")  # "6-year-old": an age


def _vague_duration(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if is_a_title(match, context):
        return False
    vague = (match["v"] or "").strip().lower()
    relation = (match["rel"] or "").lower()
    if vague in ("recent",) or relation in ("coming",):
        return False
    if not vague and not match["the"]:
        return False
    if (not vague and match["the"] and relation in ("", "early")
            and context.text[match.end():match.end() + 4].lower().startswith(" of")):
        return False  # "the days of ...", "the early hours of Thursday": a time of that day, not a length
    return True


def _for_units(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    return not is_a_title(match, context)












def _clock_time(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    if match["h24"] and context.text[max(0, start - 3):start].rstrip().endswith("("):
        return False  # "10:35 a.m. (0735 GMT)": the local time again, in GMT; not a time of its own
    if match["nm"] and not match["d"] and not match["mon"]:
        before = context.token_before(start)
        if before is None or before.lower_ not in _CLOCK_CUES:
            return False  # "noon" alone is too often something else
    if match["h"]:
        hour = int(match["h"])
        if not 1 <= hour <= 12:
            return False
        if match["pod"]:
            before = context.token_before(start)
            return before is not None and before.lower_ in _CLOCK_CUES  # not "scored 2 in the afternoon"
    return True




def _quarter(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    after = context.token_after(end)
    return not (after is not None and after.lower_ in ("century", "mile", "hour", "point", "percent"))




def _slash_date(match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    a, b = int(match["a"]), int(match["b"])
    return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 13 <= a <= 31)


VALIDATORS: dict[str, Validator] = {
    "month_name": _month_name,
    "month_day_year": _month_day_year,
    "day_month_year": _day_month_year,
    "year": _year,
    "year_range": _year_range,
    "fiscal_year": _fiscal_year,
    "season": _season,
    "day_name": _day_name,
    "duration": _duration,
    "hyphenated_duration": _hyphenated_duration,
    "vague_duration": _vague_duration,
    "for_units": _for_units,
    "clock_time": _clock_time,
    "quarter": _quarter,
    "slash_date": _slash_date,
    **RELATIVE_VALIDATORS,
}


def is_valid(rule: str, match: re.Match[str], start: int, end: int, context: DocumentContext) -> bool:
    validator = VALIDATORS.get(rule)
    return validator is None or validator(match, start, end, context)
