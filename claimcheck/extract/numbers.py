"""Numbers as values: "eight" is 8, "5 billion euros" is 5e9 EUR, "35 per cent" is 35 %, "48km" is 48 km.

Compare values, never strings: "GBP 4 million" and "GBP 4 billion" differ by
one word and a factor of a thousand. Beside the number, a written figure says
how it is bounded ("at least 20", "between 20 and 30") and how coarse it is
("3.2%" is to a tenth): `Amount` keeps both, so the decision stage can tell a
rounding from a contradiction.
"""
from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from claimcheck.models import Qualifier

AmountKind = Literal["number", "money", "percent"]


@dataclass(frozen=True)
class Amount:
    number: float
    unit: str | None  # "USD", "%", "km", None for a bare count
    kind: AmountKind
    high: float | None = None  # the upper end of a range: "75-100 basis points"
    step: float = 0.0  # the rounding the written figure implies: "3.2" -> 0.1, "2.5 billion" -> 1e8


@lru_cache(maxsize=1)
def _tables() -> dict:
    with resources.files("claimcheck.data").joinpath("units.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def units() -> dict[str, tuple[str, float]]:
    """Unit word -> (unit class, factor to the class's base unit)."""
    return {word: (cls, float(factor)) for word, (cls, factor) in _tables()["units"].items()}


_NUMERAL = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_TOKEN = re.compile(r"[$€£¥₹]|\d+/\d+(?![\d/])|\d[\d,]*(?:\.\d+)?|%|km/h|[A-Za-z]+\.?|-|–|/")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_RANGE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:-|–|to)\s*(\d[\d,]*(?:\.\d+)?)")
_MULTIWORD_UNITS = re.compile(r"\b(basis points?|percentage points?)\b", re.I)


def parse_amount(text: str) -> Amount | None:
    """Parse a number phrase as written in news copy; None when it is not a number."""
    tables = _tables()
    small, magnitude, currency = tables["small"], tables["magnitude"], tables["currency"]
    lowered = text.lower().replace("per cent", "%").replace("percent", "%")
    multiword = _MULTIWORD_UNITS.search(lowered)
    tokens = _TOKEN.findall(lowered)
    total: float | None = None
    current: float | None = None
    unit: str | None = multiword.group(1).lower() if multiword else None
    if unit is not None and unit not in units():
        unit = unit.rstrip("s") + "s"
    kind: AmountKind = "number"
    ranged = False
    for index, token in enumerate(tokens):
        bare = token if token in ("rs.", "km/h") else token.rstrip(".")
        if (fraction := _FRACTION.match(bare)) and int(fraction.group(2)):
            current = int(fraction.group(1)) / int(fraction.group(2))  # "1/2 liter"
        elif _NUMERAL.match(bare):
            if bare.startswith("0") and len(bare) > 1 and not bare.startswith("0."):
                return None  # "2, 000ft": a number split by a stray space, not 000
            value = float(bare.replace(",", ""))
            if ranged:
                continue
            if current is not None and total is None and not _compounds(current, value):
                ranged = True  # "75-100 million": a range, its high end read below; "1 2" is not 3
                continue
            current = value if current is None else current + value
        elif bare in tables["fractions"] and current is not None and total is None:
            current /= tables["fractions"][bare]  # "three-quarters", "a third"
        elif bare == "half" and current is not None and index and tokens[index - 1] == "a":
            current += 0.5  # "one and a half"
        elif bare in small:
            if bare in ("a", "an") and current is not None:
                continue
            value = float(small[bare])
            if bare == "dozen" and current is not None:
                current *= value
            elif current is not None and _compounds(current, value):
                current += value  # "twenty one", "two hundred and fifty"
            else:
                current = value
        elif bare in magnitude and current is None and total is not None and magnitude[bare] >= 1e3:
            total *= float(magnitude[bare])  # "2.5 lakh crore", "a thousand million"
        elif bare in magnitude and current is not None and (len(bare) > 1 or kind == "money"):
            # a lone "m" or "k" is a magnitude only in money ("€40m"); elsewhere "85.3m" is metres
            current *= float(magnitude[bare])
            if magnitude[bare] >= 1e3:
                total = (total or 0) + current
                current = None
        elif bare in currency or token in currency:
            unit = currency.get(bare, currency.get(token))
            kind = "money"
        elif token == "%":
            unit, kind = "%", "percent"
        elif bare in units() and unit is None and (current is not None or total is not None):
            unit = bare
        elif bare in ("and", "-", "of"):
            continue
    if current is not None:
        total = (total or 0) + current
    if total is None or not math.isfinite(total):
        return None
    number = _tidy(total)
    high = _range_high(text, number)
    if unit is not None and unit in units() and units()[unit][0] == "percentage points":
        kind = "percent"
    return Amount(number=number, unit=unit, kind=kind, high=high, step=rounding_step(text, number))


def _range_high(text: str, low: float) -> float | None:
    """ "75-100" -> 100, when the range's first number is the one read."""
    match = _RANGE.search(text)
    if match is None:
        return None
    first, second = (float(g.replace(",", "")) for g in match.groups())
    if second <= first or first == 0 or not math.isfinite(second * low / first):
        return None
    scale = low / first  # "75-100 million": the magnitude word applies to both ends
    return _tidy(second * scale)


def _compounds(current: float, value: float) -> bool:
    if current >= 100 and current % 100 == 0 and value < 100:
        return True
    return 20 <= current < 100 and current % 10 == 0 and value < 10


def _tidy(value: float) -> float:
    if abs(value) >= 1e15:
        return float(value)
    rounded = round(value, 6)
    return float(int(rounded)) if rounded == int(rounded) else rounded


def is_currency(word: str) -> bool:
    return word.lower() in _tables()["currency"]


def is_unit(word: str) -> bool:
    return word.lower().rstrip(".") in units()


def unit_class(unit: str) -> str | None:
    """ "km" -> "length": the kind of quantity a unit measures (None for currencies, percent, counts)."""
    found = units().get(unit.lower().rstrip("."))
    return found[0] if found else None


def is_magnitude(word: str) -> bool:
    return word.lower().rstrip(".") in _tables()["magnitude"] and len(word.rstrip(".")) > 1


def rounding_step(text: str, number: float | None = None) -> float:
    """How coarse a written figure is: "4.3" is to 0.1, "2.5 billion" to 0.1 billion; whole numbers are exact."""
    match = re.search(r"(\d+)(?:\.(\d+))?", text.replace(",", ""))
    if not match:
        return 0.0
    decimals = len(match.group(2) or "")
    if not decimals:
        return 0.0
    step = 10.0 ** -decimals
    bare = float(match.group(0))
    if number is not None and bare:
        step *= abs(number / bare)  # scale by the magnitude word
    return step


# ------------------------------------------------------------------ qualifiers

_QUALIFIERS: tuple[tuple[Qualifier, tuple[str, ...]], ...] = (
    ("at_least", ("at least", "no fewer than", "no less than", "a minimum of", "minimum of", "at a minimum",
                  "as low as", "starting at", "from as little as")),
    ("more_than", ("more than", "over", "above", "upwards of", "in excess of", "greater than", "exceeding",
                   "nearly over")),
    ("up_to", ("up to", "as many as", "as much as", "at most", "no more than", "a maximum of", "maximum of",
               "as high as")),
    ("less_than", ("less than", "fewer than", "under", "below", "short of")),
    ("about", ("about", "around", "approximately", "approx", "roughly", "some", "nearly", "almost", "close to",
               "an estimated", "estimated", "circa", "just over", "just under", "just", "~", "or so")),
)
_QUALIFIER_RX = [
    (name, re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(p) for p in phrases) + r")\.?\s*$", re.I))
    for name, phrases in _QUALIFIERS
]
_QUALIFIER_START = [
    (name, re.compile(r"^(?:" + "|".join(re.escape(p) for p in phrases) + r")\s", re.I))
    for name, phrases in _QUALIFIERS
]
_BETWEEN = re.compile(r"(?:^|\s)between\s*$", re.I)


def qualifier_of(before: str, text: str) -> Qualifier:
    """How the words just before a figure (or its own first words) bound it: "at least 20" -> at_least."""
    for name, rx in _QUALIFIER_START:
        if rx.match(text.strip() + " "):
            return name
    if _BETWEEN.search(before) or _RANGE.search(text):
        return "between"
    for name, rx in _QUALIFIER_RX:
        if rx.search(before):
            return name
    return "exact"


# Verbs after which "around", "over" and "across" are prepositions: "built around six goals"
# is six goals, not about six.
_PREPOSITIONAL_VERBS = {"structure", "build", "center", "centre", "base", "revolve", "organise", "organize",
                        "focus", "design", "frame", "arrange", "shape", "wrap", "gather", "cluster", "spread",
                        "split", "divide", "stretch", "span", "hover", "hang"}


def takes_preposition(before) -> bool:
    """Whether the last word before a figure is a preposition of the verb before it, not a qualifier."""
    if len(before) < 2 or before[-1].lower_ not in ("around", "over", "across", "under"):
        return False
    return before[-2].pos_ == "VERB" and before[-2].lemma_.lower() in _PREPOSITIONAL_VERBS
