"""Numbers and years as written ("two", "2 1/2", "nineteen ninety-six", "'98"), and ISO durations."""
from __future__ import annotations

import datetime as dt
import re

from claimcheck.timex.vocabulary import ONES, ORDINALS, TEENS, TENS, UNITS, VAGUE, VAGUE_UNITS


def number_of(words: str) -> float | None:
    """A quantity as written ("two", "24", "2 1/2", "a couple of") -> number; None for vague ones."""
    s = words.lower().strip().replace("-", " ")
    s = re.sub(r"\s+", " ", s)
    if s in ("a", "an", "one", "a single"):
        return 1
    if s in ("a couple of", "a couple", "couple of"):
        return 2
    if s in ("half a", "half an", "a half", "half"):
        return 0.5
    if s in ("a dozen", "dozen"):
        return 12
    if s in VAGUE or s in ("a few", "few", "several", "many", "some", "multi"):
        return None
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", s):
        value = float(m[1])
        if m[2]:
            if m[3] == "0":
                return None  # "1 1/0 years": no fraction
            value += int(m[2]) / int(m[3])
        return value
    if m := re.fullmatch(r"(\d)/(\d)", s):
        return None if m[2] == "0" else int(m[1]) / int(m[2])
    if m := re.fullmatch(r"(.+) and a half", s):
        base = number_of(m[1])
        return None if base is None else base + 0.5
    total, current = 0, 0
    for w in s.split(" "):
        if w == "a":
            current = current or 1
        elif w in ONES:
            current += ONES[w]
        elif w in TEENS:
            current += TEENS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif w == "dozen":
            current = (current or 1) * 12
        else:
            return None
    return float(total + current)


def spoken_year(words: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001; digits pass through."""
    s = words.lower().replace("-", " ")
    s = re.sub(r"\s+", " ", s).strip()
    if s.isdigit():
        return int(s)
    parts = s.split(" ")
    if parts[:2] == ["two", "thousand"]:
        rest = [w for w in parts[2:] if w != "and"]
        n = number_of(" ".join(rest)) if rest else 0
        return None if n is None else 2000 + int(n)
    head = {"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}.get(parts[0])
    if head is None:
        return None
    rest = parts[1:]
    if rest == ["hundred"]:
        return head * 100
    if rest and rest[0] == "oh":
        rest = rest[1:]
    n = number_of(" ".join(rest))
    return None if n is None else head * 100 + int(n)


def year_of(written: str | None, dct: dt.date | None) -> int | None:
    """A year as written: "1998", "'98" and "98" (the century nearest the document date), "FY98", spoken."""
    if not written:
        return None
    s = written.strip()
    if s.startswith("'") or (len(s) == 2 and s.isdigit()):
        two_digits = int(s.strip("'"))
        if dct is not None:
            year = dct.year // 100 * 100 + two_digits
            return year - 100 if year > dct.year + 20 else year
        return 2000 + two_digits if two_digits < 50 else 1900 + two_digits
    if s.upper().startswith("FY"):
        return year_of(s[2:].strip(), dct)
    return spoken_year(s)


def _number_text(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def iso_duration(n: float | None, unit: str) -> str:
    """The TIMEX3 duration of n units ("P3M", "PT2H", "P1Y6M"); a vague one ("PXY") when n is None."""
    letter, multiplier, is_time_part = UNITS[unit]
    if n is None:
        return VAGUE_UNITS[unit]
    prefix = "PT" if is_time_part else "P"
    if unit == "millennium":
        return f"P{_number_text(n)}L"
    n = n * multiplier
    if not float(n).is_integer():
        # a fraction in the next smaller unit where it comes out whole: 1.5 years -> P1Y6M
        whole, fraction = int(n), n - int(n)
        smaller = {"Y": (12, "M", "P"), "M": (30, "D", "P"), "W": (7, "D", "P"), "D": (24, "H", "PT"),
                   "H": (60, "M", "PT"), }.get(letter)
        if smaller and (fraction * smaller[0]).is_integer():
            small = f"{int(fraction * smaller[0])}{smaller[1]}"
            if letter == "D":
                return f"P{whole}DT{small}" if whole else f"PT{small}"
            return f"{prefix}{whole}{letter}{small}" if whole else f"{smaller[2]}{small}"
        return f"{prefix}{n:g}{letter}"
    return f"{prefix}{int(n)}{letter}"


def day_of_month(written: str) -> int | None:
    """"29", "29th", "twenty-first" -> the day number."""
    s = written.lower()
    if s[:1].isdigit():
        return int(_leading_digits(s))
    s = s.replace("twenty-", "").replace("thirty-", "")
    base = 20 if "twenty" in s else 0
    if s.startswith("thirty"):
        return 31
    n = ORDINALS.get(s)
    if n is None:
        return None
    if base and n < 10:
        return base + n
    return base or n


def leading_number(written: str) -> int:
    """The number a day or ordinal starts with: "29th" -> 29."""
    return int(_leading_digits(written))


def _leading_digits(written: str) -> str:
    m = re.match(r"\d+", written)
    if m is None:
        raise ValueError(f"no digits at the start of {written!r}")
    return m[0]
