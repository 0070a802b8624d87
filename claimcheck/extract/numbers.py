"""Numbers as values: "eight" is 8, "10 trillion yen" is 1e13 JPY, "35 per cent" is 35 %.

Compare values, never strings: "GBP 4 million" and "GBP 4 billion" differ by
one word and a factor of a thousand.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Amount:
    number: float
    unit: str | None  # "USD", "%", None for a bare count
    kind: str  # "number", "money", "percent"


@lru_cache(maxsize=1)
def _tables() -> dict:
    with resources.files("claimcheck.data").joinpath("units.toml").open("rb") as fh:
        return tomllib.load(fh)


_NUMERAL = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_TOKEN = re.compile(r"[$€£¥₹]|\d[\d,]*(?:\.\d+)?|%|[A-Za-z]+\.?|-")
_HEDGES = re.compile(
    r"\b(?:about|around|approximately|almost|nearly|roughly|some|up to|more than|over|"
    r"less than|under|at least|at most|an estimated|estimated|close to|as many as|as much as)\s*$",
    re.I,
)


def parse_amount(text: str) -> Amount | None:
    """Parse a number phrase as written in news copy; None when it is not a number."""
    tables = _tables()
    small, magnitude, currency = tables["small"], tables["magnitude"], tables["currency"]
    lowered = text.lower().replace("per cent", "%").replace("percent", "%")
    tokens = _TOKEN.findall(lowered)
    total: float | None = None
    current: float | None = None
    unit: str | None = None
    kind = "number"
    for token in tokens:
        bare = token if token == "rs." else token.rstrip(".")
        if _NUMERAL.match(bare):
            value = float(bare.replace(",", ""))
            current = value if current is None else current + value
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
        elif bare in magnitude and current is not None and (len(bare) > 1 or unit is not None):
            # a lone "m" or "k" is a magnitude only in money ("€40m"); elsewhere it may be metres
            current *= float(magnitude[bare])
            if magnitude[bare] >= 1e3:
                total = (total or 0) + current
                current = None
        elif bare in currency or token in currency:
            unit = currency.get(bare, currency.get(token))
            kind = "money"
        elif token == "%":
            unit, kind = "%", "percent"
        elif bare in ("and", "-", "of"):
            continue
    if current is not None:
        total = (total or 0) + current
    if total is None:
        return None
    return Amount(number=_tidy(total), unit=unit, kind=kind)


def _compounds(current: float, value: float) -> bool:
    if current >= 100 and current % 100 == 0 and value < 100:
        return True
    return 20 <= current < 100 and current % 10 == 0 and value < 10


def _tidy(value: float) -> float:
    rounded = round(value, 6)
    return float(int(rounded)) if rounded == int(rounded) else rounded


def is_currency(word: str) -> bool:
    return word.lower() in _tables()["currency"]


_HEDGED_START = re.compile(_HEDGES.pattern.replace(r"\s*$", r"\s").replace(r"\b(?:", r"^(?:", 1), re.I)


def starts_hedged(text: str) -> bool:
    """True when a number phrase itself opens with a hedge: "at least four", "nearly 200"."""
    return bool(_HEDGED_START.match(text.strip() + " "))


def is_hedged(prefix: str) -> bool:
    """True when the words just before a number soften it ("up to 500", "about 40")."""
    return bool(_HEDGES.search(prefix))


def agree(a: float, b: float, a_text: str = "", b_text: str = "") -> bool:
    """Equal after normalisation, allowing for the rounding a shorter figure implies (4.27 ~ 4.3)."""
    if a == b:
        return True
    tolerance = max(_rounding_step(a_text), _rounding_step(b_text))
    return abs(a - b) <= tolerance / 2 + 1e-9 * max(abs(a), abs(b))


def _rounding_step(text: str) -> float:
    """How coarse a written figure is: "4.3" is to 0.1, "2.5 billion" to 0.1 billion."""
    match = re.search(r"(\d+)(?:\.(\d+))?", text.replace(",", ""))
    if not match:
        return 0.0
    decimals = len(match.group(2) or "")
    step = 10.0 ** -decimals
    amount = parse_amount(text)
    bare = float(match.group(0))
    if amount and bare:
        step *= amount.number / bare  # scale by the magnitude word
    return step if decimals else 0.0
