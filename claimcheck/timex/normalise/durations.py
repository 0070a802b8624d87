"""Normalisers of durations ("three months", "two-day", "several years", "for years",
"half an hour") and sets ("each year", "every Monday", "weekly", "twice a week", "$10 a day")."""
from __future__ import annotations

import re

from claimcheck.timex.context import DocumentContext, TimexSpan
from claimcheck.timex.quantities import iso_duration, number_of
from claimcheck.timex.tense import FUTURE
from claimcheck.timex.vocabulary import MONTHS, PARTS_OF_DAY, SEASONS, VAGUE_UNITS, WEEKDAYS, modifier, unit_key

Match = re.Match[str]

_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
                "yearly": "P1Y", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "biweekly": "P2W",
                "fortnightly": "P2W", "semiannually": "P6M", "biannually": "P6M"}
# written with a hyphen the prefix is a word of its own to the patterns: "bi-[monthly]"
_BI_SETS = {"weekly": "P2W", "monthly": "P2M", "annually": "P6M"}


def normalise_duration(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    unit = unit_key(match["unit"])
    if unit is None:
        return None
    quantity = match["q"].lower()
    determiner = (match["the"] or "").lower()
    modifier_words = (match["mod"] or "").lower()
    if determiner in ("a", "an", "its", "their", "his", "her") and not modifier_words:
        # TimeBank leaves such a determiner out ("its [first three months]"), but keeps the "a" of "a few"
        start = match.start("rel") if match["rel"] else match.start("q")
        if determiner in ("a", "an") and quantity in ("few", "couple", "couple of"):
            start = match.start("the")
    if context.text[match.end("q"):match.end("q") + 1] == "-" and not modifier_words:
        start = max(start, match.start("q"))  # attributive "the two-week [visit]": TimeBank tags "two-week"
    if match["orso"] and "or so" not in match["orso"]:
        end = match.end("unit")  # "a year or two": only the part next to the unit
    # a rate: "50,000 CDs a year", "$10 a day" -> SET
    if quantity in ("a", "an") and not determiner and not modifier_words:
        before = context.token_before(match.start("q"))
        after = context.token_after(end)
        offset = after is not None and after.lower_ in ("after", "before", "later", "earlier", "ago")
        if before is not None and not offset and (
                (before.tag_ in ("NNS", "CD", "$", "NN") and before.lower_ not in ("time",))
                or before.lower_ in ("%", "percent")):
            return [TimexSpan(match.start("q"), end, "SET", iso_duration(1, unit))]
    if quantity == "one" and unit == "day" and not (determiner or modifier_words) and _someday(start, end, context):
        return [TimexSpan(start, end, "DATE", "FUTURE_REF")]
    n = number_of(quantity)
    if quantity in ("a", "an") and match["more"] and match["more"].lower() in ("additional", "further", "extra"):
        n = 1
    return [TimexSpan(start, end, "DURATION", iso_duration(n, unit), modifier(modifier_words))]


def _someday(start: int, end: int, context: DocumentContext) -> bool:
    """ "Islam will one day be the second religion": "one day" as "some day", in a clause ahead."""
    before = context.token_before(start)
    after = context.token_after(end)
    if before is not None and (before.pos_ in ("ADP", "NUM", "VERB") or before.lower_ in ("for", "in", "within")):
        return False  # "for one day", "in one day", "lasted one day": a day's length
    if after is not None and after.lower_ in ("of", "after", "before", "later", "earlier", "ahead", "long"):
        return False
    return context.tense(start) == FUTURE


def normalise_hyphenated_duration(match: Match, start: int, end: int,
                                  context: DocumentContext) -> list[TimexSpan] | None:
    unit = unit_key(match["unit"])
    if unit is None:
        return None
    quantity = match["q"].lower()
    if quantity == "multi":
        n = None
    elif quantity == "half":
        n = 0.5
    else:
        n = number_of(quantity)
    mod = "MORE_THAN" if (match["long"] or "").lower() == "plus" else None  # "10-year-plus"
    return [TimexSpan(start, end, "DURATION", iso_duration(n, unit), mod)]


def normalise_unit_long(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    """"a day-long meeting" lasts one day (P1D); "a decades-long feud" some decades: TimeML tags the
    length an adjective like this names, as it does "a two-day visit"."""
    unit = unit_key(match["unit"])
    if unit is None:
        return None
    plural = match["unit"].lower().rstrip(".") != unit
    return [TimexSpan(start, end, "DURATION", iso_duration(None if plural else 1, unit))]


def normalise_vague_period(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    """"for a while", "for some time": a length of no stated unit (TimeML's PXX)."""
    return [TimexSpan(start, end, "DURATION", "PXX")]


def normalise_vague_duration(match: Match, start: int, end: int,
                             context: DocumentContext) -> list[TimexSpan] | None:
    unit = unit_key(match["unit"])
    if unit is None:
        return None
    return [TimexSpan(start, end, "DURATION", VAGUE_UNITS[unit])]


def normalise_for_units(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    unit = unit_key(match["unit"])
    return [TimexSpan(start, end, "DURATION", VAGUE_UNITS[unit])] if unit else None


def normalise_half_unit(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    n: float | None
    if match["unit"]:
        unit = unit_key(match["unit"])
        n = 0.5
    else:
        unit = unit_key(match["unit2"])
        base = number_of(match["q"])
        n = None if base is None else base + 0.5
    if unit is None:
        return None
    if unit == "minute" and n is not None and not float(n).is_integer():
        # seconds, which iso_duration does not go down to
        return [TimexSpan(start, end, "DURATION", f"PT{int(n)}M30S" if n >= 1 else "PT30S", modifier(match["mod"]))]
    return [TimexSpan(start, end, "DURATION", iso_duration(n, unit), modifier(match["mod"]))]


def normalise_set(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    if match["adv"]:
        adverb = match["adv"].lower()
        if context.text[max(0, start - 3):start].lower() == "bi-" and adverb in _BI_SETS:
            return [TimexSpan(start - 3, end, "SET", _BI_SETS[adverb])]  # "the bi-monthly review"
        return [TimexSpan(start, end, "SET", _ADVERB_SETS[adverb])]
    if match["times"]:
        unit = unit_key(match["u2"])
        if unit is None:
            return None
        return [TimexSpan(start, end, "SET", iso_duration(1, unit) if unit != "quarter" else "P1Q")]
    every = match["u"]
    ordinal = (match["ord"] or "").lower()
    n = 2 if ordinal in ("other", "second") else 3 if ordinal == "third" else 1
    key = every.lower().rstrip(".")
    if key in WEEKDAYS and every[0].isupper():
        return [TimexSpan(start, end, "SET", f"XXXX-WXX-{WEEKDAYS[key]}")]
    if key in MONTHS and every[0].isupper():
        return [TimexSpan(start, end, "SET", f"XXXX-{MONTHS[key]:02d}")]
    if key in SEASONS:
        return [TimexSpan(start, end, "SET", f"XXXX-{SEASONS[key]}")]
    if key in PARTS_OF_DAY:
        return [TimexSpan(start, end, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[key]}")]
    if key == "weekend":
        return [TimexSpan(start, end, "SET", "XXXX-WXX-WE")]
    unit = unit_key(key)
    if unit is None:
        return None
    if unit == "quarter":
        return [TimexSpan(start, end, "SET", f"P{n}Q")]
    return [TimexSpan(start, end, "SET", iso_duration(n, unit))]
