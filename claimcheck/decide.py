"""Aligned pairs -> verdicts: can both values be right?

Two claims the alignment stage paired state one fact. They conflict only
when their values cannot both be right:

- a written figure stands for the range its rounding allows (3.2% is 3.15 to
  3.25, so 3.16% agrees with it); "about" widens it by a tenth;
- bounds are ranges ("at least 20" is 20 and up: 13 clashes with it, 26
  does not); two bounds the same way that differ widely ("up to 400" /
  "up to 600") clash only in one text, which restated its own bound
  differently: two reports' "at least 5" and "at least 50" can both be right;
- units are converted within their class (30 miles = 48 km); a currency is
  compared only with itself;
- dates clash when their intervals do not overlap (2025 and August 2025
  agree); "6 months ago" is loose by a third either way; two weekdays left
  unanchored clash when they differ;
- what was expected, rumoured, ruled out or reported as an earlier figure is
  never held against what is reported as so;
- a running count (the dead, the injured, arrests) given on different days is
  an update, not a contradiction; so is an age a year apart when either
  article is undated (a birthday may lie between).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from claimcheck.extract.numbers import parse_amount, units
from claimcheck.list_match import items_meet
from claimcheck.models import Claim, DateInterval, Value

APPROXIMATE = 0.10  # "about 1,900" stands for 1,710..2,090
CONVERTED = 0.025  # a figure converted to another unit is rounded: "1,000 km" is 620 miles, not 621.4
SAME_BOUND_SPREAD = 0.10  # "more than 250" and "more than 252" are one bound; "up to 400" and "up to 600" are not
UPDATE_DAYS = 3  # figures published this many days apart may be a figure and its later update
# verbs that give a figure as a change from an earlier one: "the toll rose to 270", "taking the toll to 278"
CHANGE_VERBS = frozenset({"rise", "climb", "increase", "jump", "mount", "reach", "touch", "swell", "grow", "take",
                          "bring", "hit", "soar", "surge", "go", "update", "revise", "raise", "lower", "cut",
                          "reduce", "boost", "hike", "trim", "sweeten", "lift", "fall", "drop", "decline"})
RUNNING_COUNTS = frozenset({"dead", "injured", "missing", "arrested", "evacuated", "rescued", "displaced",
                            "identified", "infected"})
_LOWER_BOUNDS = {"at_least", "more_than"}
_UPPER_BOUNDS = {"up_to", "less_than"}
_WEEKDAY = re.compile(r"^XXXX-WXX-(\d)")

Outcome = Literal["conflict", "agree", "unrelated"]


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    reason: str  # in words, for `explain`


def decide(a: Claim, b: Claim, published: dict[str, date | None], one_text: bool | None = None) -> Verdict:
    """Whether two aligned claims contradict each other, and why (or why not).

    `one_text` says the two values come from one text (one article, or one sentence
    printed twice): only there do two bounds the same way that differ widely clash.
    By default, two values of one document are one text.
    """
    if one_text is None:
        one_text = a.document == b.document
    if a.frame.modality != b.frame.modality:
        return Verdict("unrelated", f"one is {a.frame.modality}, the other {b.frame.modality}: "
                       "an expectation or an earlier figure is not held against what is reported")
    if _written_alike(a.value, b.value):
        return Verdict("agree", "the same value, written alike (any difference is only in anchoring)")
    if a.value.kind == "date" or b.value.kind == "date":
        return _dates(a, b)
    return _amounts(a, b, published, one_text)


def _written_alike(x: Value, y: Value) -> bool:
    return x.kind == y.kind and " ".join(x.text.lower().split()) == " ".join(y.text.lower().split())


# ------------------------------------------------------------------ dates

def _dates(a: Claim, b: Claim) -> Verdict:
    x, y = a.value, b.value
    if x.kind != y.kind:
        return Verdict("unrelated", "a date and a figure")
    if a.frame.statement != b.frame.statement:
        return Verdict("unrelated", "a date of saying against a date of the event")
    if x.interval is not None and y.interval is not None:
        ix, iy = _loose(x.text, x.interval), _loose(y.text, y.interval)
        if ix.overlaps(iy):
            approximate = (ix, iy) != (x.interval, y.interval)
            return Verdict("agree", f"{_span(x.interval)} and {_span(y.interval)} overlap"
                           + (" (a count back from the publication date is approximate)" if approximate else ""))
        return Verdict("conflict", f"{_span(x.interval)} and {_span(y.interval)} do not overlap")
    wx, wy = _weekday(x), _weekday(y)
    if wx is not None and wy is not None and x.interval is None and y.interval is None:
        if wx == wy:
            return Verdict("agree", "the same weekday")
        return Verdict("conflict", "two different weekdays for one event")
    return Verdict("unrelated", "a date the text leaves unanchored")


_AGO = re.compile(r"\b(\w+)\s+(week|month|year)s?\s+(?:ago|earlier|before|back)\b", re.I)
_UNIT_DAYS = {"week": 7, "month": 31, "year": 366}


def _loose(text: str, interval: DateInterval) -> DateInterval:
    """A date counted back from the publication date ("6 months ago") is said loosely: a third either way."""
    match = _AGO.search(text)
    if match is None:
        return interval
    amount = parse_amount(match.group(1))
    count = amount.number if amount is not None else 1
    slack = timedelta(days=_UNIT_DAYS[match.group(2).lower()] * max(1.0, count / 3))
    return DateInterval(interval.start - slack, interval.end + slack, interval.granularity)


def _weekday(value: Value) -> int | None:
    match = _WEEKDAY.match(value.timex or "")
    return int(match.group(1)) if match else None


def _span(i: DateInterval) -> str:
    return i.start.isoformat() if i.start == i.end else f"{i.start.isoformat()}..{i.end.isoformat()}"


# ------------------------------------------------------------------ amounts

def _amounts(a: Claim, b: Claim, published: dict[str, date | None], one_text: bool) -> Verdict:
    x, y = a.value, b.value
    if x.number is None or y.number is None or "list" in (x.kind, y.kind):
        return Verdict("unrelated", "not two figures")
    scale = _common_scale(x.unit, y.unit)
    if scale is None:
        return Verdict("unrelated", f"units {x.unit or 'none'} and {y.unit or 'none'} cannot be compared")
    fx, fy = scale
    if _same_bound(x, y) and not one_text:
        return Verdict("agree", f"{x.text} and {y.text} are bounds the same way: both can be right")
    if _same_bound(x, y):
        spread = abs(x.number * fx - y.number * fy) / max(abs(x.number * fx), abs(y.number * fy), 1e-9)
        if spread <= SAME_BOUND_SPREAD:
            return Verdict("agree", f"two bounds the same way, {spread:.0%} apart")
        verdict = Verdict("conflict", f"the same bound given as {x.text} and {y.text}")
    else:
        converted = x.unit != y.unit  # a converted figure is rounded to the digits it is written with
        lo_x, hi_x = _range(x, x.number, fx, converted)
        lo_y, hi_y = _range(y, y.number, fy, converted)
        if lo_x <= hi_y + 1e-9 * max(abs(hi_y), 1) and lo_y <= hi_x + 1e-9 * max(abs(hi_x), 1):
            return Verdict(
                "agree", f"{x.text} and {y.text} can both be right ({_show(lo_x, hi_x)} / {_show(lo_y, hi_y)})"
            )
        verdict = Verdict("conflict", f"{x.text} and {y.text} cannot both be right "
                          f"({_show(lo_x, hi_x)} / {_show(lo_y, hi_y)})")
    update = later_update(a, b, published)
    if update:
        return Verdict("unrelated", update)
    if _birthday_between(a, b, published):
        return Verdict("unrelated", "ages a year apart in articles of unknown dates: a birthday may lie between")
    return verdict


def _birthday_between(a: Claim, b: Claim, published: dict[str, date | None]) -> bool:
    """A person's age a year apart in two articles one of which is undated: a trial's articles span months."""
    x, y = a.value.number, b.value.number
    if a.frame.measure != "age" or a.document == b.document or x is None or y is None or abs(x - y) != 1:
        return False
    return _day_of(a, published) is None or _day_of(b, published) is None


def _common_scale(unit_a: str | None, unit_b: str | None) -> tuple[float, float] | None:
    """Factors that bring both figures to one unit, or None when they are not comparable."""
    if unit_a == unit_b:
        return 1.0, 1.0
    table = units()
    if unit_a in table and unit_b in table and table[unit_a][0] == table[unit_b][0]:
        return table[unit_a][1], table[unit_b][1]
    return None


def _same_bound(x: Value, y: Value) -> bool:
    return (x.qualifier in _LOWER_BOUNDS and y.qualifier in _LOWER_BOUNDS) or (
        x.qualifier in _UPPER_BOUNDS and y.qualifier in _UPPER_BOUNDS
    )


def _range(value: Value, number: float, factor: float, converted: bool = False) -> tuple[float, float]:
    """The true values a written figure allows, in the common unit.

    When the two figures are in different units one of them was converted and
    rounded ("1,000 km (620 miles)"): each then stands for CONVERTED around it,
    and a whole number for at least its last digit ("48km" is 47.5..48.5 km).
    """
    n = number * factor
    half = value.step * factor / 2
    if converted:
        half = max(half, abs(n) * CONVERTED, (factor / 2) if number == int(number) else 0.0)
    q = value.qualifier
    if q == "about":
        spread = max(abs(n) * APPROXIMATE, half)
        return n - spread, n + spread
    if q in _LOWER_BOUNDS:
        return n - half, float("inf")
    if q in _UPPER_BOUNDS:
        return float("-inf"), n + half
    if q == "between" and value.high is not None:
        return n - half, value.high * factor + half
    return n - half, n + half


def _show(lo: float, hi: float) -> str:
    def fmt(v: float) -> str:
        return f"{v:g}"

    if lo == float("-inf"):
        return f"up to {fmt(hi)}"
    if hi == float("inf"):
        return f"{fmt(lo)} or more"
    return fmt(lo) if lo == hi else f"{fmt(lo)}..{fmt(hi)}"


def later_update(a: Claim, b: Claim, published: dict[str, date | None]) -> str | None:
    """Why two figures may be a figure and its later update, or None.

    A figure is as of the day its article appeared (else the day its sentence
    gives). A running count (a toll, arrests) told on another day is an update:
    tolls rise by the hour, and only reports of one day are held against each
    other. Any figure given as a change ("the price rose to $3") on another day
    is a later figure; other figures are when more than UPDATE_DAYS apart.
    """
    if a.document == b.document:
        return None
    first, second = _day_of(a, published), _day_of(b, published)
    if first is None or second is None:
        return None
    apart = abs((first - second).days)
    running = a.frame.measure in RUNNING_COUNTS or b.frame.measure in RUNNING_COUNTS
    changing = a.frame.predicate in CHANGE_VERBS or b.frame.predicate in CHANGE_VERBS
    if running and apart >= 1:
        return f"a running count given {apart} day(s) apart: a later update"
    if changing and apart >= 1:
        return f"given as a change ('{a.frame.predicate or b.frame.predicate}') {apart} day(s) apart: a later figure"
    if apart > UPDATE_DAYS:
        return f"figures given {apart} days apart: possibly a later update"
    return None


def _day_of(claim: Claim, published: dict[str, date | None]) -> date | None:
    if published.get(claim.document) is not None:
        return published[claim.document]
    days = [i.start for i in claim.frame.when if i.start == i.end]
    return days[0] if days else None


# ------------------------------------------------------------------ lists

def unmatched(a: tuple[str, ...], b: tuple[str, ...]) -> list[str]:
    """Items of `a` that say what no item of `b` says, as written."""
    return [item for item in a if not any(items_meet(item, other) for other in b)]
