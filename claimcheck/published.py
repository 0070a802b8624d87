"""A small date parser for publication dates: headers, bylines, datelines, metadata.

Only the formats news pages use for their own date are understood: ISO dates
(``2025-08-30``, ``2025-08-30T10:00:00Z``), month-name dates (``August 29,
2025``, ``Aug. 29``, ``29th Aug 2025``, ``Friday, 29 August 2025``) and
unambiguous numeric dates (``29/08/2025``, ``29.08.2025``). Cue words
("Published", "Updated") live in data/furniture.toml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from claimcheck.furniture_cues import config

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"

_ISO = re.compile(
    r"(?<![\d/.-])(?P<year>(?:1[89]|20)\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)" + _TIME + r"(?![\d])"
)
_MDY = re.compile(r"\b" + _MON + r"\s+" + _DAY + r"\b(?:(?:\s*,\s*|\s+)" + _YEAR + r"\b)?", re.I)
_DMY = re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MON + r"(?![a-z])(?:(?:\s*,\s*|\s+)" + _YEAR + r"\b)?", re.I)
_NUM = re.compile(r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:1[89]|20)\d\d)(?![\d])")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    year: int | None
    month: int
    day: int

    def to_date(self, year: int | None = None) -> date | None:
        return _safe_date(self.year if self.year is not None else year, self.month, self.day)


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _valid_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31 and _safe_date(2024, month, day) is not None


def find_dates(s: str) -> list[DateMatch]:
    """Every full or year-less day date in `s`, left to right, longest match first on overlaps."""
    found: list[DateMatch] = []
    for m in _ISO.finditer(s):
        month, day = int(m["m"]), int(m["d"])
        if _valid_day(month, day):
            found.append(DateMatch(m.start(), m.end(), int(m["year"]), month, day))
    for rx in (_MDY, _DMY):
        for m in rx.finditer(s):
            if not m["mon"][0].isupper():
                continue  # "may 5" in running text is a verb, not a month
            month, day = MONTHS[m["mon"].lower()], int(m["day"])
            if _valid_day(month, day):
                year = int(m["year"]) if m["year"] else None
                found.append(DateMatch(m.start(), m.end(), year, month, day))
    for m in _NUM.finditer(s):
        a, b = int(m["a"]), int(m["b"])
        if m["sep"] == "." and _valid_day(b, a):
            month, day = b, a  # 29.08.2025 is always day first
        elif a > 12 and _valid_day(b, a):
            month, day = b, a
        elif b > 12 and _valid_day(a, b):
            month, day = a, b
        else:
            continue  # 03/04/2025 is ambiguous: don't guess
        found.append(DateMatch(m.start(), m.end(), int(m["year"]), month, day))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    result: list[DateMatch] = []
    for d in found:
        if result and d.start < result[-1].end:
            continue
        result.append(d)
    return result


def parse_date_value(value: str) -> date | None:
    """A metadata value ("2024-03-01T10:00:00+05:30", "March 1, 2024") as a date, or None."""
    for d in find_dates(value.strip()):
        if d.year is not None:
            return d.to_date()
    return None


def date_at(s: str, pos: int = 0) -> DateMatch | None:
    """The date starting exactly at `pos` (after an optional weekday), or None."""
    m = re.match(r"(?:(?P<wd>[A-Za-z]{3,9})\.?,?\s+)?", s[pos:pos + 40])
    offsets = [pos]
    if m and m["wd"] and m["wd"].lower() in WEEKDAYS:
        offsets.insert(0, pos + m.end())
    for off in offsets:
        for d in find_dates(s[off:off + 60]):
            if d.start == 0:
                return DateMatch(d.start + off, d.end + off, d.year, d.month, d.day)
            break
    return None


def is_date_line(line: str) -> bool:
    """A line that is only a date, maybe with weekday, time and time zone: "Friday, 29 August 2025, 10:02 IST"."""
    d = date_at(line.strip())
    if d is None or d.year is None:
        return False
    rest = line.strip()[d.end:]
    return re.fullmatch(r"[\s,|•·-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?\s*"
                        r"(?:\(?[A-Z]{2,5}(?:\s?[+-]\d{1,2}(?::?\d{2})?)?\)?)?\s*", rest, re.I) is not None


# ------------------------------------------------------------------ datelines

_PLACE_WORD = r"(?:[A-Z][\w.'’-]*)"
_DATELINE = re.compile(
    r"(?P<place>" + _PLACE_WORD + r"(?:[ -](?:" + _PLACE_WORD + r"|de|del|da|al|el|la|le|upon|on|of)){0,4}"
    r"(?:\s*\[[^\]\n]{1,40}\])?(?:\s*\([^)\n]{1,40}\))?"
    r"(?:\s*,\s*" + _PLACE_WORD + r"(?:\s" + _PLACE_WORD + r"){0,2})?)\s*,\s*"
)


@dataclass(frozen=True)
class Dateline:
    span: tuple[int, int]  # the date expression, e.g. "Aug 29"
    match: DateMatch


def find_dateline(text: str, start: int, end: int) -> Dateline | None:
    """A wire dateline at text[start:end]: "Lyon [France], August 30 (AFP):",
    "NEW YORK, Jan. 5, 2024 /PRNewswire/ --"."""
    chunk = text[start:min(end, start + 160)]
    m = _DATELINE.match(chunk)
    if not m:
        return None
    first = m["place"].split()[0].lower().strip(".,")
    if first in MONTHS or first in WEEKDAYS or first in _cues()["not_place"]:
        return None
    d = date_at(chunk, m.end())
    if d is None:
        return None
    # a dateline date is a month-name date followed by an agency, a dash, a colon or the sentence
    after = chunk[d.end:]
    if not re.match(r"\s*(?:\([^)\n]{1,40}\)|/[^/\n]{1,40}/|[-–—:]|[A-Z\"“‘'(]|$)", after):
        return None
    return Dateline((start + d.start, start + d.end), d)


# ------------------------------------------------------------------ headers and bylines

@lru_cache(maxsize=1)
def _cues() -> dict:
    return config()["published"]  # the word lists live with the furniture cues


def _cue_rx(words: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(r"\b(?:" + alts + r")\b", re.I)


def find_header(text: str) -> tuple[DateMatch, tuple[int, int]] | None:
    """`date 2025-08-30` / `Date: 2025-08-30` at the very start: (the date, the whole header span)."""
    m = re.match(r"\s*", text)
    pos = m.end() if m else 0
    keys = _cues()["header_keys"]
    alts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    km = re.compile(r"(?:" + alts + r")\s*[:=]?\s*", re.I).match(text, pos)
    if not km:
        return None
    d = date_at(text, km.end())
    if d is None or d.year is None:
        return None
    end = d.end
    tail = re.match(
        r"[ \t]*,?[ \t]*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:[ \t]*[A-Z]{2,5}\b)?", text[end:]
    )
    if tail:
        end += tail.end()
    return d, (pos, end)


def byline_date(line: str) -> tuple[DateMatch, int] | None:
    """The best date in a byline or date line, with a rank (0 published, 1 bare date, 2 updated)."""
    cues = _cues()
    first, updated = _cue_rx(cues["first"]), _cue_rx(cues["updated"])
    best: tuple[int, int, DateMatch] | None = None
    for d in find_dates(line):
        before = re.split(r"[|•·]", line[:d.start])[-1]
        if updated.search(before):
            rank = 2
        elif first.search(before):
            rank = 0
        else:
            rank = 1
        key = (rank, d.start)
        if best is None or key < best[:2]:
            best = (rank, d.start, d)
    if best is None or best[2].year is None:
        loose = loose_date(line)
        if loose is not None:
            return DateMatch(0, len(line), loose.year, loose.month, loose.day), 1
    if best is None:
        return None
    return best[2], best[0]


# ------------------------------------------------------------------ loose date lines and addresses

# (?<!\s): whitespace before a cut is taken from where its run starts, so a long run of spaces is crossed
# once, not tried from each of its positions (which was quadratic)
_SEGMENT_CUT = re.compile(r"(?:(?<!\s)\s+)?(?:[|•·@]|\s[-–—]\s"
                          r"|\b(?:last\s+)?(?:updated|published|posted|modified|found)(?:\s+(?:on|at))?\b:?)\s*", re.I)
_DATEISH = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_MONTHISH = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
_LOOSE_LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl"]
MAX_DATE_LINE_WORDS = 14


def loose_date(line: str) -> date | None:
    """The date of a page's date line however it is written: "Found March 08, 2013",
    "10:55 P.M. FEB. 2, 2009", "Posted at 3:21 PM ET, 01/5/2011", "Sun., Aug. 4, 2013 11:29 AM PDT".

    The line is cut at cue words and separators, and each piece that holds a year is read:
    by the patterns above when they can, else by dateparser, which knows times, zones and
    other languages' month names. Only whole dates count (day, month and year), and a
    numeric date whose day and month could be swapped is left alone.
    """
    if len(line.split()) > MAX_DATE_LINE_WORDS or not _DATEISH.search(line):
        return None
    pieces = [p for p in _SEGMENT_CUT.split(line) if p and _DATEISH.search(p)]
    for piece in pieces:
        for found in find_dates(piece):
            if found.year is not None:
                return found.to_date()
    for piece in pieces:
        parsed = _dateparser(piece.strip(" ,;:()[]"))
        if parsed is not None:
            return parsed
    return None


def _dateparser(piece: str) -> date | None:
    numeric = _NUM.search(piece)
    if numeric and not _MONTHISH.search(piece.replace("PM", "").replace("AM", "")):
        a, b = int(numeric["a"]), int(numeric["b"])
        if numeric["sep"] != "." and a <= 12 and b <= 12 and a != b:
            return None  # 03/04/2025: April or March? not guessed
    import dateparser  # imported here: only date lines that the patterns cannot read need it

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        parsed = dateparser.parse(piece, languages=_LOOSE_LANGUAGES, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed is not None else None


_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")


def url_date(url: str) -> date | None:
    """The date a page address carries in its path: ".../2013/04/12/story", ".../2013-09-18-patch"."""
    path = urlsplit(url.strip()).path
    for match in _URL_DATE.finditer(path):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None
