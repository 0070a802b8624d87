"""The shape of one line of text: its words, its end, whether it reads as a sentence, a heading or a list item.

Shape only: no cue words but the few limits and word lists in data/furniture.toml
(title length, abbreviations, small words of a title).
"""
from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.furniture_cues import rules

ELLIPSIS = re.compile(r"(?:\.\s?\.\s?\.|…)\s*[\"”’)\]]?\s*$")
ITEM = re.compile(r"^(?:[•●○◦▪▫■□►▸‣⁃∙·◆◇❖➢➤✓✔*+\-–]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)])\s+\S")
CLOSERS = "\"'”’)]»*_"


@lru_cache(maxsize=4096)
def words(s: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\W_][\w'’.&-]*", s))


@lru_cache(maxsize=4096)
def norm(s: str) -> str:
    """Lower case, bullets, counts and outer punctuation gone: "• 12 Comments »" -> "comments"."""
    s = s.lower().replace("’", "'").replace("‘", "'")
    s = _strip_symbols(s)
    s = _strip_counts(s)
    return re.sub(r"\s+", " ", s).strip()


def _strip_symbols(s: str) -> str:
    """Symbols off both ends (what is not a letter or digit), in linear time whatever the run."""
    start, end = 0, len(s)
    while start < end and not s[start].isalnum():
        start += 1
    while end > start and not s[end - 1].isalnum():
        end -= 1
    return s[start:end]


_LEADING_COUNT = re.compile(r"\d+\s+")


def _strip_counts(s: str) -> str:
    """A count before ("12 comments") or after ("comments (12)") the words, in linear time."""
    if (lead := _LEADING_COUNT.match(s)) is not None:
        s = s[lead.end():]
    end = len(s) - 1 if s.endswith(")") else len(s)
    digits = end
    while digits > 0 and s[digits - 1].isdecimal():
        digits -= 1
    if digits == end:
        return s
    if digits > 0 and s[digits - 1] == "(":
        digits -= 1
    return s[:digits].rstrip()


def is_item(s: str) -> bool:
    return ITEM.match(s) is not None and not re.match(r"^\d{1,3}[.)]\d", s)


def without_closers(s: str) -> str:
    """`s` without trailing quotes, brackets and emphasis marks: the punctuation it really ends on."""
    return s.rstrip().rstrip(CLOSERS).rstrip()


def ends_with_ellipsis(s: str) -> bool:
    return ELLIPSIS.search(s) is not None


def ends_sentence(s: str) -> bool:
    e = without_closers(s)
    return e.endswith((".", "!", "?", "。")) and not ends_with_ellipsis(s)


# the word before the stop is at most 40 characters: a longer run of non-space ("4444...4.") would make
# the search quadratic, and no abbreviation is that long
_SENTENCE_BREAK = re.compile(r"(\S{1,40})[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]")


def internal_sentence_break(s: str) -> bool:
    """A full stop (not after an initial or abbreviation) followed by a capitalised word."""
    abbreviations = rules().abbreviations
    for m in _SENTENCE_BREAK.finditer(s):
        token = m.group(1).lower().strip("\"“‘(")
        if s[m.end(1)] == "." and (len(token) <= 1 or token in abbreviations or "." in token):
            continue
        return True
    return False


def title_like(s: str) -> bool:
    """A headline: short, no sentence punctuation at the end, one piece."""
    w = words(s)
    if not w or len(w) > rules().limits["title_max_words"]:
        return False
    if not re.search(r"[^\W\d_]", s):
        return False
    e = without_closers(ELLIPSIS.sub("", s))
    if e.endswith((".", "!", ";", ":", ",")):
        return False
    return not internal_sentence_break(s)


def heading_like(s: str) -> bool:
    w = words(s)
    if not w or len(w) > rules().limits["heading_max_words"] or ends_with_ellipsis(s):
        return False
    first = re.search(r"[^\W_]", s)
    if first is None or not (first.group().isupper() or first.group().isdigit()):
        return False
    if without_closers(s).endswith((".", "!", ";", ":", ",")):
        return False
    return not internal_sentence_break(s)


def title_case_share(s: str) -> float:
    small = rules().small_words
    ws = [w for w in words(s) if re.match(r"[^\W\d_]", w) and w.lower() not in small]
    if not ws:
        return 0.0
    return sum(1 for w in ws if w[0].isupper()) / len(ws)


def short_line(s: str) -> bool:
    w = words(s)
    return 0 < len(w) <= rules().limits["short_line_words"] and not ends_sentence(s)


# Leading whitespace is matched only from where its run starts: tried at every space of a long run, "\s*"
# made split() quadratic (16,000 spaces took 10 s). The matches are the same: one starting inside a run
# cannot be leftmost, and after a match (which takes all trailing whitespace) a bar matches on its own.
SEGMENTS = re.compile(r"(?<!\s)\s*[|•·]\s*|[|•·]\s*|(?<!\s)\s+[—–-]\s+")


def segments(s: str) -> list[str]:
    """"Site | Section | date" -> its parts, without emphasis marks."""
    return [p.strip(" *_") for p in SEGMENTS.split(s) if p.strip(" *_")]
