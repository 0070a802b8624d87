"""Time-expression tagger and normaliser (TIMEX3 values + calendar intervals).

    tag_dates(doc, dct)      -> list[Timex] for a parsed spaCy Doc
    tag_text(text, dct, nlp) -> the same for raw text
    timebank_entry(text, dct)-> dicts for /work/shared/eval/timex_score.py

How it works (details in docs/dates.md): every pattern in timex_rules.RULES is
run over doc.text (only where its trigger words are: see "scan windows" below; the
matches are the same); overlapping candidates are resolved longest-first; each
survivor is checked against the spaCy tokens (modal "may", "March" the verb,
"1500 troops", ages...) and normalised in document order, so that anaphoric
expressions ("that year", "the quarter", "a year earlier") can use the last
date mentioned. Underspecified dates are anchored to the document date (dct)
using the tense of the clause, HeidelTime-style. With dct=None nothing is
anchored: relative and year-less expressions keep X placeholders and no interval.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass

from claimcheck.extract import timex_rules as R
from claimcheck.models import DateInterval, Timex

PAST, PRESENT, FUTURE, PERFECT = "PAST", "PRESENT", "FUTURE", "PERFECT"

__all__ = ["tag_dates", "tag_text", "timebank_entry", "value_interval"]


# --------------------------------------------------------------------------- small date helpers

def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(m: int) -> int:
    return (m - 1) // 3 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _season_now(d: dt.date) -> tuple[int, int]:
    """(season index, season year) of a day; Jan/Feb belong to the previous year's winter."""
    m = d.month
    if m in (3, 4, 5):
        return 0, d.year
    if m in (6, 7, 8):
        return 1, d.year
    if m in (9, 10, 11):
        return 2, d.year
    return 3, d.year if m == 12 else d.year - 1


def _nth_weekday(y: int, m: int, wd: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) ISO weekday wd of a month."""
    if n > 0:
        first = dt.date(y, m, 1)
        return first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(y, m, calendar.monthrange(y, m)[1])
    return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)


def _easter(y: int) -> dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


_V_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_V_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_V_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_V_Q = re.compile(r"^(\d{4})-([QH])([1-4])$")
_V_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_V_YEAR = re.compile(r"^(\d{4})$")
_V_DECADE = re.compile(r"^(\d{3})$")
_V_CENTURY = re.compile(r"^(\d{2})$")


def value_interval(value: str) -> DateInterval | None:
    """The calendar range a resolved TIMEX3 DATE/TIME value denotes (None if it has X's or is a ref)."""
    try:
        if m := _V_DAY.match(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return DateInterval(d, d, "day")
        if m := _V_WEEK.match(value):
            mon = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return DateInterval(mon + dt.timedelta(days=5), mon + dt.timedelta(days=6), "week")
            return DateInterval(mon, mon + dt.timedelta(days=6), "week")
        if m := _V_MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return DateInterval(dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month")
        if m := _V_Q.match(value):
            y, n = int(m[1]), int(m[3])
            size = 3 if m[2] == "Q" else 6
            if m[2] == "H" and n > 2:
                return None
            first = (n - 1) * size + 1
            last = first + size - 1
            return DateInterval(dt.date(y, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1]), "quarter")
        if m := _V_SEASON.match(value):
            y, s = int(m[1]), m[2]
            if s == "SP":
                return DateInterval(dt.date(y, 3, 1), dt.date(y, 5, 31), "season")
            if s == "SU":
                return DateInterval(dt.date(y, 6, 1), dt.date(y, 8, 31), "season")
            if s == "FA":
                return DateInterval(dt.date(y, 9, 1), dt.date(y, 11, 30), "season")
            return DateInterval(dt.date(y, 12, 1), dt.date(y + 1, 2, calendar.monthrange(y + 1, 2)[1]), "season")
        if m := _V_YEAR.match(value):
            y = int(m[1])
            return DateInterval(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
        if m := _V_DECADE.match(value):
            y = int(m[1]) * 10
            return DateInterval(dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31), "decade")
        if m := _V_CENTURY.match(value):
            y = int(m[1]) * 100
            return DateInterval(dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "century")
    except ValueError:
        return None
    return None


# --------------------------------------------------------------------------- numbers

def _num(s: str) -> float | None:
    """A quantity as written ("two", "24", "2 1/2", "a couple of") -> number; None for vague ones."""
    s = s.lower().strip().replace("-", " ")
    s = re.sub(r"\s+", " ", s)
    if s in ("a", "an", "one", "a single"):
        return 1
    if s in ("a couple of", "a couple", "couple of"):
        return 2
    if s in ("half a", "half an", "a half", "half"):
        return 0.5
    if s in ("a dozen", "dozen"):
        return 12
    if s in R.VAGUE or s in ("a few", "few", "several", "many", "some", "multi"):
        return None
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", s):
        v = float(m[1])
        if m[2]:
            v += int(m[2]) / int(m[3])
        return v
    if m := re.fullmatch(r"(\d)/(\d)", s):
        return int(m[1]) / int(m[2])
    if m := re.fullmatch(r"(.+) and a half", s):
        base = _num(m[1])
        return None if base is None else base + 0.5
    total, cur = 0, 0
    for w in s.split(" "):
        if w == "a":
            cur = cur or 1
        elif w in R.ONES:
            cur += R.ONES[w]
        elif w in R.TEENS:
            cur += R.TEENS[w]
        elif w in R.TENS:
            cur += R.TENS[w]
        elif w == "hundred":
            cur = (cur or 1) * 100
        elif w == "thousand":
            total += (cur or 1) * 1000
            cur = 0
        elif w == "dozen":
            cur = (cur or 1) * 12
        else:
            return None
    return float(total + cur)


def _spoken_year(s: str) -> int | None:
    s = s.lower().replace("-", " ")
    s = re.sub(r"\s+", " ", s).strip()
    if s.isdigit():
        return int(s)
    words = s.split(" ")
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        n = _num(" ".join(rest)) if rest else 0
        return None if n is None else 2000 + int(n)
    head = {"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}.get(words[0])
    if head is None:
        return None
    rest = words[1:]
    if rest == ["hundred"]:
        return head * 100
    if rest and rest[0] == "oh":
        rest = rest[1:]
    n = _num(" ".join(rest))
    return None if n is None else head * 100 + int(n)


def _year_of(s: str | None, dct: dt.date | None) -> int | None:
    if not s:
        return None
    s = s.strip()
    if s.startswith("'") or (len(s) == 2 and s.isdigit()):
        yy = int(s.strip("'"))
        if dct is not None:
            y = dct.year // 100 * 100 + yy
            return y - 100 if y > dct.year + 20 else y
        return 2000 + yy if yy < 50 else 1900 + yy
    if s.upper().startswith("FY"):
        return _year_of(s[2:].strip(), dct)
    return _spoken_year(s)


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _duration(n: float | None, unit: str) -> str:
    letter, mult, timepart = R.UNITS[unit]
    if n is None:
        return R.VAGUE_UNITS[unit]
    pre = "PT" if timepart else "P"
    if unit == "millennium":
        return f"P{_fmt_num(n)}L"
    n = n * mult
    if not float(n).is_integer():
        whole, frac = int(n), n - int(n)
        sub = {"Y": (12, "M", "P"), "M": (30, "D", "P"), "W": (7, "D", "P"), "D": (24, "H", "PT"),
               "H": (60, "M", "PT"), }.get(letter)
        if sub and (frac * sub[0]).is_integer():
            small = f"{int(frac * sub[0])}{sub[1]}"
            if letter == "D":
                return f"P{whole}DT{small}" if whole else f"PT{small}"
            return f"{pre}{whole}{letter}{small}" if whole else f"{sub[2]}{small}"
        return f"{pre}{n:g}{letter}"
    return f"{pre}{int(n)}{letter}"


_MODS = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
         "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
         "well over": "MORE_THAN", "just over": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
         "just under": "LESS_THAN", "barely": "LESS_THAN", "at least": "EQUAL_OR_MORE",
         "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
         "no more than": "EQUAL_OR_LESS", "not more than": "EQUAL_OR_LESS"}
_PRE_MOD = {"early": "START", "late": "END", "mid": "MID", "end": "END", "start": "START", "the beginning of": "START", "the start of": "START",
            "the middle of": "MID", "the end of": "END", "the first half of": "START",
            "the second half of": "END", "earlier": None, "later": None, "the rest of": None}


def _mod(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"\s+", " ", s.lower().strip(" -"))
    return _MODS.get(s, _PRE_MOD.get(s))


# --------------------------------------------------------------------------- context

@dataclass
class _Part:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchored: bool = False
    interval: DateInterval | None = None
    split: tuple | None = None  # ((start, end, value), ...) for ranges TimeML writes as two timexes
    memo: bool = True  # False: a comparison date ("a year earlier") that must not become the new anchor


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
              "last", "next", "this", "before", "after", "between", "and", "or", "to", "on", "until", "that",
              "around", "about", "for", "into", "past", "coming", "each", "every", "end", "beginning"}
_FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"}
_TIME_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries",
               "quarters", "eyes"}
_BAD_ENTS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "LAW", "LANGUAGE"}
_DEADLINE_VERBS = {"postpone", "delay", "extend", "give", "adjourn", "defer", "suspend", "push", "move",
                   "grant", "set", "allow"}
_FUT_HEADS = {"plan", "expect", "schedule", "set", "due", "hope", "intend", "want", "aim", "prepare",
              "propose", "agree", "promise", "vow", "threaten", "decide", "seek", "likely", "ready",
              "about", "go", "going", "able", "need", "have"}


class _Ctx:
    def __init__(self, doc, dct: dt.date | None, text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # doc.text joins every token: take it once
        self.dct = dct
        self.starts = doc.to_array("IDX").tolist()
        self.last_day: dt.date | None = None
        self.last_year: int | None = None
        self.last_month: tuple[int, int] | None = None
        self.last_q: tuple[int, int] | None = None
        self.last_q_end = -10_000
        self.last_kind: str | None = None
        self.last_end = -1
        self._tense: dict[int, str | None] = {}

    # tokens ----------------------------------------------------------------
    def tok_at(self, char: int):
        if not len(self.doc):
            return None
        i = bisect.bisect_right(self.starts, char) - 1
        return self.doc[max(i, 0)]

    def prev_tok(self, char: int):
        i = bisect.bisect_left(self.starts, char) - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        return self.doc[i] if i >= 0 else None

    def next_tok(self, char: int):
        i = bisect.bisect_left(self.starts, char)
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        return self.doc[i] if i < len(self.doc) else None

    # tense -----------------------------------------------------------------
    def tense(self, char: int) -> str | None:
        tok = self.tok_at(char)
        if tok is None:
            return None
        if tok.i in self._tense:
            return self._tense[tok.i]
        t = self._tense_of(tok)
        self._tense[tok.i] = t
        return t

    def _tense_of(self, tok) -> str | None:
        v = tok
        for _ in range(8):
            if v.pos_ in ("VERB", "AUX") and v.dep_ not in ("amod", "compound"):
                break
            if v.head is v:
                v = None
                break
            v = v.head
        else:
            v = None
        if v is not None and v.pos_ in ("VERB", "AUX"):
            t = self._verb_tense(v, 0)
            if t:
                return t
        # fall back on the closest tense marker in the sentence, left first
        sent = tok.sent
        left = list(range(tok.i - 1, sent.start - 1, -1))
        right = list(range(tok.i + 1, sent.end))
        for idxs in (left, right):
            for i in idxs:
                t = self._tag_tense(self.doc[i])
                if t:
                    return t
        return None

    @staticmethod
    def _tag_tense(t) -> str | None:
        if t.tag_ == "MD":
            return FUTURE if t.lower_ in ("will", "'ll", "shall", "wo") else None
        if t.tag_ == "VBD":
            return PAST
        if t.tag_ in ("VBZ", "VBP"):
            return PRESENT
        return None

    def _verb_tense(self, v, depth: int) -> str | None:
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        low = {a.lower_ for a in auxes}
        if low & {"will", "'ll", "shall", "wo"}:
            return FUTURE
        if "going" in low or (v.head.lower_ == "going" and "to" in low):
            return FUTURE
        md = [a for a in auxes if a.tag_ == "MD"]
        if md:
            if any(a.lemma_ == "have" for a in auxes):
                return PAST
            if any(a.lower_ in ("would", "'d") for a in md):
                return FUTURE
            return None
        if any(a.tag_ == "VBD" for a in auxes):
            return PAST
        if v.tag_ == "VBD":
            return PAST
        if "to" in low and v.tag_ in ("VB", "VBN"):
            h = v.head
            if h is v:
                return None
            ht = self._verb_tense(h, depth + 1) if depth < 3 and h.pos_ in ("VERB", "AUX", "ADJ") else None
            if h.lemma_ in _FUT_HEADS or h.lower_ in _FUT_HEADS:
                # "set to resume Monday", "planned to leave Friday": future, unless pluperfect
                had = any(c.lower_ in ("had", "'d") for c in h.children if c.dep_ in ("aux", "auxpass"))
                return PAST if had else FUTURE
            return ht
        if v.tag_ == "VBN":
            if any(a.lemma_ == "have" for a in auxes):
                return PERFECT
            if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
                return PRESENT
            return PAST
        if v.tag_ == "VB":
            if v.dep_ in ("xcomp", "ccomp", "conj") and depth < 3 and v.head is not v:
                return self._verb_tense(v.head, depth + 1)
            return None
        if v.tag_ == "VBG":
            if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
                return FUTURE  # "is leaving Friday"
            if any(a.tag_ == "VBD" for a in auxes):
                return PAST
            if depth < 3 and v.head is not v:
                return self._verb_tense(v.head, depth + 1)
            return None
        if v.tag_ in ("VBZ", "VBP"):
            return PRESENT
        if v.tag_ == "MD":
            return FUTURE if v.lower_ in ("will", "'ll", "shall", "wo", "would") else None
        if v.pos_ == "ADJ" and depth:
            cop = [c for c in v.children if c.dep_ in ("cop", "aux") or c.lemma_ == "be"]
            if any(c.tag_ == "VBD" for c in cop):
                return PAST
            if any(c.lower_ in ("will", "'ll") for c in cop):
                return FUTURE
            if any(c.tag_ in ("VBZ", "VBP") for c in cop):
                return PRESENT
        return None

    # anchoring -------------------------------------------------------------
    def year_for_month(self, month: int, pos: int) -> int | None:
        if self.dct is None:
            return None
        # HeidelTime's tense rule, softened by distance: a past-tense sentence may still name a
        # month one or two months ahead (a schedule), and a future one a month just gone.
        y = self.dct.year
        diff = month - self.dct.month
        t = self.tense(pos)
        if t in (PAST, PERFECT):
            return y - 1 if diff > 2 else y
        if t == FUTURE:
            return y + 1 if diff < -3 else y
        if diff > 5:
            return y - 1
        if diff < -6:
            return y + 1
        return y

    def year_for_quarter(self, q: int, pos: int) -> int | None:
        if self.dct is None:
            return None
        y = self.dct.year
        t = self.tense(pos)
        cq = _quarter(self.dct.month)
        if t in (PAST, PERFECT) and q > cq:
            y -= 1
        return y

    def weekday(self, wd: int, pos: int, rel: str | None) -> dt.date | None:
        d = self.dct
        if d is None:
            return None
        back = (d.isoweekday() - wd) % 7
        fwd = (wd - d.isoweekday()) % 7
        if rel in ("last", "past", "this past"):
            return d - dt.timedelta(days=back or 7)
        if rel in ("next", "coming", "this coming"):
            return d + dt.timedelta(days=fwd or 7)
        if wd == d.isoweekday():
            return d
        tok = self.tok_at(pos)
        t = self.tense(pos)
        anc = [tok.head, tok.head.head, tok.head.head.head] if tok is not None else []
        for a in anc:
            if a.lower_ in ("until", "till", "before") and a.dep_ == "prep":
                if t != PAST or a.head.lemma_ in _DEADLINE_VERBS:
                    return d + dt.timedelta(days=fwd)  # a deadline: "postponed until Tuesday"
                break
        if rel == "this":
            return d - dt.timedelta(days=back) if t == PAST else d + dt.timedelta(days=fwd)
        if t == FUTURE:
            return d + dt.timedelta(days=fwd)
        return d - dt.timedelta(days=back)

    def remember(self, p: _Part) -> None:
        v = p.value
        if not p.memo or p.type not in ("DATE", "TIME") or "X" in v or v.endswith("REF"):
            return
        iv = p.interval or value_interval(v)
        if iv is None:
            return
        self.last_year = iv.start.year
        self.last_end = p.end
        if (m := _V_Q.match(v)) and m[2] == "Q":
            self.last_q = (int(m[1]), int(m[3]))
            self.last_q_end = p.end
            self.last_kind = "quarter"
        elif iv.granularity == "day":
            self.last_day = iv.start
            self.last_month = (iv.start.year, iv.start.month)
            self.last_kind = "day"
        elif iv.granularity == "month":
            self.last_month = (iv.start.year, iv.start.month)
            self.last_kind = "month"
        else:
            self.last_kind = iv.granularity


# --------------------------------------------------------------------------- validation (phase 1)

def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _bad_month_token(ctx: _Ctx, start: int, word: str) -> bool:
    tok = ctx.tok_at(start)
    if tok is None:
        return False
    w = word.rstrip(".")
    if w in ("May", "MAY") and (tok.tag_ == "MD" or tok.dep_ == "aux"):
        return True
    if w in ("March", "MARCH") and tok.pos_ == "VERB":
        return True
    if tok.ent_type_ in _BAD_ENTS:
        return True
    nxt = ctx.next_tok(start + len(word))
    if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and nxt.ent_type_ in ("PERSON", "ORG"):
        return True
    prv = ctx.prev_tok(start)
    if prv is not None and prv.is_title and prv.pos_ == "PROPN" and prv.ent_type_ == "PERSON" and tok.ent_type_ != "DATE":
        return True
    return False


def _bad_year(ctx: _Ctx, start: int, end: int, y: int, spoken: bool = False) -> bool:
    prv = ctx.prev_tok(start)
    nxt = ctx.next_tok(end)
    tok = ctx.tok_at(start)
    if tok is not None and tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
        return True
    if prv is not None and prv.lower_ in _NOT_YEAR_BEFORE:
        return True
    if nxt is not None:
        nl = nxt.lower_
        if nl in ("%", "percent", "gmt", "utc", "est", "edt", "hours", "hrs", "am", "pm", "a.m.", "p.m."):
            return True
        if nxt.tag_ in ("NNS", "NNPS") and nl not in _TIME_UNITS and not nxt.is_title:
            return True
        if nl in ("-", "–") and (n2 := ctx.next_tok(nxt.idx + 1)) is not None and n2.lower_ in ("strong", "member", "page"):
            return True
    cue = prv is not None and (prv.lower_ in _YEAR_CUE or prv.ent_type_ == "DATE")
    lo = 1900
    hi = (ctx.dct.year + 60) if ctx.dct else 2060
    if not (lo <= y <= hi) and not cue:
        return True
    if spoken and y >= 2000 and not cue and ctx.text[start:end].lower().startswith("two"):
        return True
    return False


def _ok_before_after(ctx: _Ctx, end: int) -> bool:
    nxt = ctx.next_tok(end)
    return nxt is None or nxt.is_punct or nxt.is_sent_start


def _valid(name: str, m: re.Match, s: int, e: int, ctx: _Ctx) -> bool:
    text = ctx.text
    if name == "month":
        if not (_g(m, "yr") or _g(m, "rel") or _g(m, "post") or _g(m, "pre")):
            if _bad_month_token(ctx, m.start("mon"), m.group("mon")):
                return False
            mon = m.group("mon").rstrip(".").lower()
            if mon in ("march", "may"):
                # the verb / the modal / a name ("March on Washington"): only with a date-like cue
                prv = ctx.prev_tok(m.start("mon"))
                tok = ctx.tok_at(m.start("mon"))
                if not ((prv is not None and (prv.lower_ in _MONTH_CUE or prv.is_punct and prv.text in ",-–(")) or (tok is not None and tok.ent_type_ == "DATE" and prv is not None and not tok.is_sent_start
                             and prv.lower_ not in ("the", "a", "an"))):
                    return False
            if mon not in R.MONTHS or (mon not in _FULL_MONTHS and not m.group("mon").endswith(".")):
                return False  # bare abbreviations only with a day or year
        if (yr := _g(m, "yr")) and yr[0].isdigit() and _bad_year(ctx, m.start("yr"), m.end("yr"), int(yr)):
            return False
        return True
    if name in ("mdy", "dmy"):
        if name == "mdy" and not _g(m, "yr") and m.group("mon") in ("May", "March") and _bad_month_token(ctx, m.start("mon"), m.group("mon")):
            return False
        if name == "dmy":
            if _bad_month_token(ctx, m.start("mon"), m.group("mon")) and not _g(m, "yr"):
                return False
            prv = ctx.prev_tok(m.start("day"))
            if prv is not None and (prv.like_num or prv.lower_ in ("$", "#", "no.", "at")):
                return False
            tok = ctx.tok_at(m.start("day"))
            if tok is not None and tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
                return False
        nxt = ctx.next_tok(e)
        if nxt is not None and nxt.lower_ in ("%", "percent", "p.m.", "a.m.", ":"):
            return False
        return True
    if name == "year":
        yr = m.group("yr")
        if yr[0].isdigit():
            if m.group("theyear") or m.group("pre"):
                return not _bad_year(ctx, m.start("yr"), m.end("yr"), 1999)
            return not _bad_year(ctx, m.start("yr"), m.end("yr"), int(yr))
        y = _spoken_year(yr)
        if y is None:
            return False
        return not (_bad_year(ctx, m.start("yr"), m.end("yr"), y, spoken=True) and not m.group("theyear"))
    if name == "yrange":
        y1 = int(m.group("y1"))
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
        if len(y2s) == 2 and y2 <= y1:
            return False
        if not (y1 < y2 <= y1 + 100):
            return False
        if len(y2s) == 4 and _bad_year(ctx, m.start("y2"), m.end("y2"), y2):
            return False
        return not _bad_year(ctx, m.start("y1"), m.end(), y1) or bool(m.group("pre"))
    if name == "fiscal":
        return _year_of(m.group("y1"), ctx.dct) is not None
    if name == "season":
        if _g(m, "yr") or _g(m, "rel") or _g(m, "pre"):
            return True
        after = text[m.end():m.end() + 4]
        if after.startswith(" of"):
            return False
        prv = ctx.prev_tok(s)
        w = m.group("s").lower()
        cues = {"in", "during", "by", "until", "since", "through", "over", "all", "throughout", "this", "last",
                "next", "early", "late", "each", "every", "until", "till", "before", "after"}
        if w in ("fall", "autumn"):
            return bool(m.group("the")) and prv is not None and prv.lower_ in cues
        return prv is not None and prv.lower_ in cues
    if name == "dayref":
        d = m.group("d")
        tok = ctx.tok_at(m.start("d"))
        if tok is not None and tok.ent_type_ in _BAD_ENTS and not (d.lower() in ("today", "tomorrow", "yesterday", "tonight") and tok.ent_type_ not in ("ORG", "WORK_OF_ART", "PRODUCT")):
            return False
        if d.lower() in ("today", "yesterday", "tomorrow", "tonight") and m.group("rel"):
            return False
        if m.group("pl") and d.lower() in ("today", "yesterday", "tomorrow", "tonight"):
            return False
        prv = ctx.prev_tok(m.start("d"))
        if d[0].isupper() and d.lower() not in ("today", "yesterday", "tomorrow", "tonight") and prv is not None and prv.lower_ in ("black", "good", "cyber", "man", "girl", "ash", "holy", "maundy", "super"):
            return False
        return True
    if name in ("dur", "durvague", "forunits") and m.group("unit")[0].isupper() and not m.group("unit").isupper():
        tok = ctx.tok_at(m.start("unit"))
        if tok is not None and not tok.is_sent_start:
            return False  # "60 Minutes", "This Week": titles
    if name == "set" and _g(m, "adv") and m.group("adv").lower() == "quarterly":
        tok = ctx.tok_at(s)
        return tok is not None and tok.pos_ == "ADV"
    if name == "dur":
        unit = R.unit_key(m.group("unit"))
        q = m.group("q").lower()
        nxt_text = text[m.end():m.end() + 4].lower()
        if unit == "quarter" and (q in ("a", "an", "one") or nxt_text.startswith(" of")):
            return False
        if unit == "second" and not m.group("unit").lower().endswith("s") and not q[0].isdigit():
            return False
        if q in ("a", "an") and unit == "second":
            return False
        if nxt_text.startswith(" old") or nxt_text.startswith(" of age"):
            return False
        if unit == "year" and q[0].isdigit() and not m.group("the"):
            # "1996 year", "2000 years" are rarely durations of that length...
            n = _num(q)
            if n is not None and n > 500 and m.group("unit").lower() != "years":
                return False
        if unit in ("second", "minute", "hour") and q[0].isdigit() and ":" in text[m.start():m.end()]:
            return False
        return True
    if name == "durhyph":
        if m.group("long") and m.group("long").lower() == "old":
            return False
        return True
    if name == "durvague":
        v = (m.group("v") or "").strip().lower()
        rel = (m.group("rel") or "").lower()
        if v in ("recent",) or rel in ("coming",):
            return False
        if not v and not m.group("the"):
            return False
        if not v and m.group("the") and not rel and text[m.end():m.end() + 4].lower().startswith(" of"):
            return False
        return True
    if name in ("ago", "anaphor") and ((_g(m, "dir") or "").lower() in ("before", "after") or (_g(m, "unit2") and re.search(r"(before|after)$", m.group("unit2")))):
        return _ok_before_after(ctx, e)
    if name == "ago":
        q = m.group("q").lower()
        if q == "the" and R.unit_key(m.group("unit")) not in ("day", "week", "month", "year"):
            return False
        return True
    if name == "bareago":
        return m.group("dir").lower() != "later" and (m.group("dir").lower() not in ("before",) or _ok_before_after(ctx, e))
    if name == "ref":
        w = m.group("w").lower()
        tok = ctx.tok_at(s)
        if w == "current" and tok is not None and tok.tag_ != "JJ":
            return False
        if w == "current":
            nxt = ctx.next_tok(e)
            if nxt is not None and nxt.lower_ in ("account", "accounts", "affairs", "events", "law", "laws", "rules", "system", "members", "member"):
                return False
        if w == "soon":
            prv = ctx.prev_tok(s)
            if prv is not None and prv.lower_ == "as":
                return False
        if w == "now":
            nxt = ctx.next_tok(e)
            if nxt is not None and nxt.lower_ in ("that",) and tok is not None and tok.dep_ == "mark":
                return False
        return True
    if name == "set":
        if (adv := _g(m, "adv")) and adv.lower() == "daily":
            return True
        return True
    if name == "clock":
        if m.group("nm") and not m.group("d") and not m.group("mon"):
            prv = ctx.prev_tok(s)
            if prv is None or prv.lower_ not in ("at", "by", "until", "till", "before", "after", "around", "about", "from", "since", "past"):
                return False
        if m.group("h"):
            h = int(m.group("h"))
            if not 1 <= h <= 12:
                return False
        return True
    if name == "holiday":
        return True
    if name == "thequarter":
        if m.group("unit").lower() == "period" and not (m.group("rel") or m.group("yr")):
            return False
        if not m.group("rel") and m.group("unit").lower() == "quarter":
            nxt = ctx.next_tok(e)
            if nxt is not None and nxt.lower_ in ("of", "century", "mile", "hour", "point", "percent"):
                return False
        return True
    if name == "quarter":
        nxt = ctx.next_tok(e)
        if nxt is not None and nxt.lower_ in ("century", "mile", "hour", "point", "percent"):
            return False
        return True
    if name == "rel":
        unit = m.group("unit").lower()
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        if rel == "the" and unit not in ("year", "weekend", "fiscal year", "month") and not m.group("pre"):
            return False
        if rel == "the" and unit == "month" and not m.group("pre"):
            return False
        if unit == "day" and rel not in ("that", "same", "following", "previous"):
            return False
        if rel == "the" and unit == "year":
            nxt_text = text[m.end():m.end() + 8].lower()
            if nxt_text.startswith(" before") or nxt_text.startswith(" after") or nxt_text.startswith("-"):
                return False
        return True
    if name == "slash":
        a, b = int(m.group("a")), int(m.group("b"))
        return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 13 <= a <= 31)
    return True


# --------------------------------------------------------------------------- normalisers (phase 2)

def _unres(ctx: _Ctx) -> bool:
    return ctx.dct is None


def _date_part(s, e, d: dt.date, anchored: bool, mod=None, typ="DATE", suffix="") -> _Part:
    return _Part(s, e, typ, d.isoformat() + suffix, mod, anchored)


def _n_iso(m, s, e, ctx):
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["hh"]:
        return [_Part(s, e, "TIME", f"{d.isoformat()}T{m['hh']}:{m['mi']}")]
    return [_Part(s, e, "DATE", d.isoformat())]


def _n_slash(m, s, e, ctx):
    a, b = int(m["a"]), int(m["b"])
    y = _year_of(m["y"], ctx.dct) if len(m["y"]) == 2 else int(m["y"])
    mo, da = (a, b) if a <= 12 else (b, a)
    d = _safe_date(y, mo, da)
    return [_Part(s, e, "DATE", d.isoformat())] if d else None


def _day_of(s: str) -> int | None:
    s = s.lower()
    if s[:1].isdigit():
        return int(re.match(r"\d+", s)[0])
    s = s.replace("twenty-", "").replace("thirty-", "")
    base = 20 if "twenty" in s else 0
    if s.startswith("thirty"):
        return 31
    n = R.ORDINALS.get(s)
    if n is None:
        return None
    return base + n if base and n < 10 else (n if not base else base)


def _month_num(s: str) -> int:
    return R.MONTHS[s.rstrip(".").lower()]


def _n_mdy(m, s, e, ctx):
    mon = _month_num(m["mon"])
    day = _day_of(m["day"])
    if day is None:
        return None
    mod = _mod(_g(m, "pre"))
    anchored = False
    if m["yr"]:
        y = _year_of(m["yr"], ctx.dct)
    else:
        y = ctx.year_for_month(mon, s)
        anchored = y is not None
    day2 = int(re.match(r"\d+", m["day2"])[0]) if m["day2"] else None
    if y is None:
        v1 = f"XXXX-{mon:02d}-{day:02d}"
        parts = [_Part(s, e if not day2 else m.end("day"), "DATE", v1, mod)]
        if day2:
            parts.append(_Part(m.start("day2"), e, "DATE", f"XXXX-{mon:02d}-{day2:02d}"))
        return parts
    d1 = _safe_date(y, mon, day)
    if d1 is None:
        return None
    if day2 is not None:
        d2 = _safe_date(y, mon, day2)
        if d2 is None or d2 <= d1:
            day2 = None
    if day2 is None:
        if m["day2"]:  # not a range after all ("Nov. 6 and 7 percent"): tag the first date only
            return [_Part(s, m.end("day"), "DATE", d1.isoformat(), mod, anchored)]
        return [_Part(s, e, "DATE", d1.isoformat(), mod, anchored)]
    sep = m["sep"].strip().lower()
    if sep in ("-", "–", "—"):
        return [_Part(s, e, "DATE", d1.isoformat(), mod, anchored, DateInterval(d1, d2, "day"),
                      split=((s, m.end("day"), d1.isoformat()), (m.start("day2"), e, d2.isoformat())))]
    return [_Part(s, m.end("day"), "DATE", d1.isoformat(), mod, anchored),
            _Part(m.start("day2"), e, "DATE", d2.isoformat(), None, anchored)]


def _n_dmy(m, s, e, ctx):
    mon = _month_num(m["mon"])
    day = int(re.match(r"\d+", m["day"])[0])
    anchored = False
    if m["yr"]:
        y = int(m["yr"])
    else:
        y = ctx.year_for_month(mon, s)
        anchored = y is not None
    if y is None:
        return [_Part(s, e, "DATE", f"XXXX-{mon:02d}-{day:02d}")]
    d1 = _safe_date(y, mon, day)
    if d1 is None:
        return None
    if m["day2"]:
        d2 = _safe_date(y, mon, int(m["day2"]))
        if d2 and d2 > d1:
            return [_Part(s, e, "DATE", d1.isoformat(), None, anchored, DateInterval(d1, d2, "day"),
                          split=((s, m.end("day2"), d1.isoformat()), (m.start("day2"), e, d2.isoformat())))]
    return [_Part(s, e, "DATE", d1.isoformat(), None, anchored)]


def _n_month(m, s, e, ctx):
    mon = _month_num(m["mon"])
    mod = _mod(m["pre"])
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    post = (m["post"] or "").lower()
    if m["yr"]:
        y = _year_of(m["yr"], ctx.dct)
        return [_Part(s, e, "DATE", f"{y}-{mon:02d}", mod)] if y else None
    if rel in ("that", "same", "following"):
        if ctx.last_year is None:
            return None
        return [_Part(s, e, "DATE", f"{ctx.last_year}-{mon:02d}", mod)]
    if ctx.dct is None:
        return [_Part(s, e, "DATE", f"XXXX-{mon:02d}", mod)]
    d = ctx.dct
    if post:
        y = d.year + (-1 if "last" in post else 1 if "next" in post else 0)
    elif rel in ("last", "previous", "past", "this past", "latest"):
        y = d.year if mon < d.month else d.year - 1
    elif rel in ("next", "coming", "this coming", "following"):
        y = d.year if mon > d.month else d.year + 1
    elif rel in ("this", "current"):
        y = d.year
    else:
        y = ctx.year_for_month(mon, m.start("mon"))
    return [_Part(s, e, "DATE", f"{y}-{mon:02d}", mod, True)]


def _n_year(m, s, e, ctx):
    yr = m["yr"]
    y = int(yr) if yr[0].isdigit() else _spoken_year(yr)
    if y is None:
        return None
    return [_Part(s, e, "DATE", str(y), _mod(m["pre"]))]


def _n_yrange(m, s, e, ctx):
    y1 = int(m["y1"])
    y2s = m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
    sep = m["sep"].strip().lower()
    if sep == "to":
        return [_Part(s, m.end("y1"), "DATE", str(y1), _mod(m["pre"])), _Part(m.start("y2"), e, "DATE", str(y2))]
    iv = DateInterval(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year")
    return [_Part(s, e, "DATE", str(y1), _mod(m["pre"]), False, iv,
                  split=((s, m.end("y1"), str(y1)), (m.start("y2"), e, str(y2))))]


def _n_fiscal(m, s, e, ctx):
    y1 = _year_of(m["y1"], ctx.dct)
    if y1 is None:
        return None
    if m["y2"]:
        y2s = m["y2"]
        y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
        if y1 < y2 <= y1 + 2:
            iv = DateInterval(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year")
            return [_Part(s, e, "DATE", str(y1), _mod(m["pre"]), False, iv)]
    return [_Part(s, e, "DATE", str(y1), _mod(m["pre"]))]


def _n_decade(m, s, e, ctx):
    mod = _mod(m["pre"])
    if m["dec"]:
        dec = int(m["dec"])
        if dec % 100 == 0 and dec < 2000:
            return [_Part(s, e, "DATE", f"{dec // 100:02d}", mod)]
        return [_Part(s, e, "DATE", str(dec // 10), mod)]
    if m["dec2"]:
        dd = int(m["dec2"])
        base = 1900
        if ctx.dct is not None and 2000 + dd <= ctx.dct.year:
            base = 2000
        elif ctx.dct is None and dd <= 20:
            base = 2000
        return [_Part(s, e, "DATE", str((base + dd) // 10), mod)]
    w = m["decw"].lower()
    for k, v in R.DECADE_WORDS.items():
        if w.endswith(k):
            mod = mod or _mod(w.split()[0].split("-")[0]) if (" " in w or "-" in w) else mod
            return [_Part(s, e, "DATE", f"19{v}", mod)]
    return None


def _n_century(m, s, e, ctx):
    o = m["ord"].lower()
    n = int(re.match(r"\d+", o)[0]) if o[0].isdigit() else _day_of(o)
    if not n or n > 30:
        return None
    return [_Part(s, e, "DATE", f"{n - 1:02d}", _mod(m["pre"]))]


_QORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _prev_quarter(d: dt.date) -> tuple[int, int]:
    q = _quarter(d.month) - 1
    return (d.year, q) if q else (d.year - 1, 4)


def _n_quarter(m, s, e, ctx):
    q = _QORD[m["ord"].lower()]
    the = (m["the"] or "").lower()
    if the in ("its", "their") or (the in ("a", "the") and not m["rel"] and not m["yr"] and ctx.text[m.end("ord")] == "-"):
        s = m.start("ord")
    rel = (m["rel"] or "").lower()
    yr = m["yr"] or m["yr2"]
    mod = _mod(m["pre"])
    anchored = False
    if yr:
        y = int(yr)
    elif m["rel2"]:
        if ctx.dct is None:
            return [_Part(s, e, "DATE", f"XXXX-Q{q}", mod)]
        y = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["rel2"].lower()]
        anchored = True
    elif rel in ("year-earlier", "year-ago", "corresponding", "comparable"):
        base = ctx.last_q[0] if ctx.last_q else (ctx.dct.year if ctx.dct else None)
        if base is None:
            return [_Part(s, e, "DATE", f"XXXX-Q{q}", mod)]
        return [_Part(s, e, "DATE", f"{base - 1}-Q{q}", mod, memo=False)]
    elif ctx.dct is None:
        return [_Part(s, e, "DATE", f"XXXX-Q{q}", mod)]
    elif "year's" in rel:
        y = ctx.dct.year + (-1 if rel.startswith("last") else 1 if rel.startswith("next") else 0)
        anchored = True
    elif m["rel3"] and "previous" in m["rel3"].lower():
        y = ctx.dct.year - 1
        anchored = True
    else:
        y = ctx.year_for_quarter(q, s)
        anchored = True
    return [_Part(s, e, "DATE", f"{y}-Q{q}", mod, anchored)]


def _n_qcode(m, s, e, ctx):
    half = m["h"] or m["h2"] or m["h0"]
    q = int(half or m["q"] or m["q2"] or m["q0"])
    code = f"H{q}" if half else f"Q{q}"
    yr = m["yr"] or m["yr0"] or m["yr2"]
    if yr:
        y = _year_of(yr, ctx.dct)
        return [_Part(s, e, "DATE", f"{y}-{code}")]
    if half and not (m["h"] or m["h2"]):
        return None
    if ctx.dct is None:
        return [_Part(s, e, "DATE", f"XXXX-{code}")]
    if half:
        return [_Part(s, e, "DATE", f"{ctx.dct.year}-{code}", None, True)]
    return [_Part(s, e, "DATE", f"{ctx.year_for_quarter(q, s)}-Q{q}", None, True)]


def _n_thequarter(m, s, e, ctx):
    rel = re.sub(r"\s+", " ", (m["rel"] or "").strip().lower())
    unit = m["unit"].lower()
    if m["yr"]:
        if unit == "period":
            return [_Part(s, e, "DATE", m["yr"])]
        if ctx.last_q is None:
            return None
        return [_Part(s, e, "DATE", f"{m['yr']}-Q{ctx.last_q[1]}", memo=False)]
    words = set(rel.split())
    yearback = bool(words & {"year-earlier", "year-ago", "same", "comparable", "corresponding"}) or bool(m["ago"])
    if rel == "current":
        pass
    if ctx.last_q is not None and not (words & {"current", "past", "previous", "prior", "last"}):
        y, q = ctx.last_q
        anchored = False
    elif ctx.dct is not None:
        if "current" in words:
            y, q = ctx.dct.year, _quarter(ctx.dct.month)
        else:
            y, q = _prev_quarter(ctx.dct)
        anchored = True
    else:
        return [_Part(s, e, "DATE", "XXXX-QX")]
    if yearback:
        return [_Part(s, e, "DATE", f"{y - 1}-Q{q}", None, anchored, memo=False)]
    return [_Part(s, e, "DATE", f"{y}-Q{q}", None, anchored)]


def _n_half(m, s, e, ctx):
    if m["h2"] and not (m["yr"] or m["rel"]):
        return None
    h = 1 if m["h2"] or m["h"].lower() == "first" else 2
    if m["yr"]:
        return [_Part(s, e, "DATE", f"{m['yr']}-H{h}")]
    if ctx.dct is None:
        return [_Part(s, e, "DATE", f"XXXX-H{h}")]
    y = ctx.dct.year
    if m["rel"]:
        y += {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    else:
        t = ctx.tense(s)
        ch = 1 if ctx.dct.month <= 6 else 2
        if t == PAST and h > ch:
            y -= 1
        elif t == FUTURE and h < ch:
            y += 1
    return [_Part(s, e, "DATE", f"{y}-H{h}", None, True)]


def _n_season(m, s, e, ctx):
    code = R.SEASONS[m["s"].lower()]
    mod = _mod(m["pre"])
    if m["yr"]:
        y = _year_of(m["yr"], ctx.dct)
        return [_Part(s, e, "DATE", f"{y}-{code}", mod)] if y else None
    if ctx.dct is None:
        return [_Part(s, e, "DATE", f"XXXX-{code}", mod)]
    idx = R.SEASON_ORDER[code]
    cur, cy = _season_now(ctx.dct)
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if rel in ("last", "previous"):
        y = ctx.dct.year - 1
    elif rel in ("past", "this past"):
        y = cy if idx < cur else cy - 1
    elif rel in ("next", "coming", "this coming", "following"):
        y = cy if idx > cur else cy + 1
    elif rel == "this":
        y = cy if code == "WI" else ctx.dct.year
    else:
        t = ctx.tense(s)
        y = ctx.dct.year
        if t == PAST and idx > cur:
            y -= 1
        elif t == FUTURE and idx < cur:
            y += 1
    return [_Part(s, e, "DATE", f"{y}-{code}", mod, True)]


def _anchor_day(ctx: _Ctx) -> dt.date | None:
    return ctx.last_day or ctx.dct


def _n_rel(m, s, e, ctx):
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    pre = (m["pre"] or "").lower()
    mod = _mod(pre)
    post = (m["post"] or "").strip().lower()
    d = ctx.dct
    if unit in ("fiscal year", "calendar year", "financial year"):
        unit_y = True
        if rel == "the" and (post in ("ended", "ending") or not pre):
            if post in ("ended", "ending"):
                return [_Part(s, m.end("unit"), "DURATION", "P1Y")]
            return [_Part(s, e, "DURATION", "P1Y")]
    else:
        unit_y = unit == "year"
        if unit_y and rel == "the" and post in ("ended", "ending"):
            return [_Part(s, m.end("unit"), "DURATION", "P1Y")]
    if post:
        e = m.end("unit")
    if rel in ("that", "same", "following", "previous") and not (rel == "previous" and unit in ("week", "month") and d):
        # anaphoric: relative to the last date mentioned
        step = {"that": 0, "same": 0, "following": 1, "previous": -1}[rel]
        if unit == "day":
            a = _anchor_day(ctx)
            if a is None:
                return [_Part(s, e, "DATE", "XXXX-XX-XX", mod)]
            return [_Part(s, e, "DATE", (a + dt.timedelta(days=step)).isoformat(), mod, a is ctx.dct)]
        if unit_y:
            if ctx.last_year is not None:
                return [_Part(s, e, "DATE", str(ctx.last_year + step), mod)]
            if d is None:
                return [_Part(s, e, "DATE", "XXXX", mod)]
            return [_Part(s, e, "DATE", str(d.year + step), mod, True)]
        if unit == "month":
            base = ctx.last_month or ((d.year, d.month) if d else None)
            if base is None:
                return [_Part(s, e, "DATE", "XXXX-XX", mod)]
            y, mo = _add_months(base[0], base[1], step)
            return [_Part(s, e, "DATE", f"{y}-{mo:02d}", mod)]
        if unit == "week":
            a = _anchor_day(ctx)
            if a is None:
                return [_Part(s, e, "DATE", "XXXX-WXX", mod)]
            return [_Part(s, e, "DATE", _week(a + dt.timedelta(days=7 * step)), mod)]
        return None
    if d is None:
        ph = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "decade": "XXX",
              "century": "XX"}.get(unit, "XXXX")
        return [_Part(s, e, "DATE", ph, mod)]
    if rel == "full":
        rel = "this"
    back = rel in ("last", "past", "previous", "this past", "latest")
    fwd = rel in ("next", "coming", "this coming")
    if unit == "week":
        if back:
            return [_Part(s, e, "DATE", _week(d - dt.timedelta(days=7)), mod, True)]
        if fwd:
            return [_Part(s, e, "DATE", _week(d + dt.timedelta(days=7)), mod, True)]
        return [_Part(s, e, "DATE", _week(d), mod, True)]
    if unit == "weekend":
        wd = d.isoweekday()
        if back:
            ref = d - dt.timedelta(days=wd)  # the Sunday before (or a week before if today is Sunday)
        elif fwd:
            ref = d + dt.timedelta(days=7 - wd) if wd < 6 else d + dt.timedelta(days=7)
        else:
            t = ctx.tense(s)
            if wd >= 6:
                ref = d
            elif t in (FUTURE, PRESENT) and rel == "this":
                ref = d
            elif t == FUTURE:
                ref = d
            else:
                ref = d - dt.timedelta(days=wd)
        return [_Part(s, e, "DATE", _week(ref) + "-WE", mod, True)]
    if unit == "month":
        n = -1 if back else 1 if fwd else 0
        y, mo = _add_months(d.year, d.month, n)
        return [_Part(s, e, "DATE", f"{y}-{mo:02d}", mod, True)]
    if unit_y:
        if rel == "the" and ctx.last_year is not None and ctx.last_end > s - 80:
            return [_Part(s, e, "DATE", str(ctx.last_year), mod)]  # "2021: the year the plant opened"
        n = -1 if back else 1 if fwd else 0
        return [_Part(s, e, "DATE", str(d.year + n), mod, True)]
    if unit == "decade":
        n = -1 if back else 1 if fwd else 0
        return [_Part(s, e, "DATE", str(d.year // 10 + n), mod, True)]
    if unit == "century":
        n = -1 if back else 1 if fwd else 0
        return [_Part(s, e, "DATE", f"{d.year // 100 + n:02d}", mod, True)]
    if unit == "millennium":
        return None
    return None


def _n_relend(m, s, e, ctx):
    unit = m["unit"].lower()
    d = ctx.dct
    mod = "END" if m["e"].lower() == "end" else "START"
    if d is None:
        return [_Part(s, e, "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit], mod)]
    if mod == "END" and unit == "year":
        return [_Part(s, e, "DATE", f"{d.year}-12-31", mod, True)]
    if mod == "END" and unit == "month":
        return [_Part(s, e, "DATE", dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1]).isoformat(), mod, True)]
    v = {"year": str(d.year), "month": f"{d.year}-{d.month:02d}", "week": _week(d)}[unit]
    return [_Part(s, e, "DATE", v, mod, True)]


def _n_yearago(m, s, e, ctx):
    u = (m["u"] or "").lower()
    if u not in ("quarter", "period", "month", "year"):
        s, e = m.span("k")
    if ctx.last_q is not None and (u in ("quarter", "period", "") and ctx.last_q_end > s - 600 or u == "quarter"):
        y, q = ctx.last_q
        return [_Part(s, e, "DATE", f"{y - 1}-Q{q}", memo=False)]
    if ctx.dct is None:
        return [_Part(s, e, "DATE", "XXXX")]
    base = ctx.last_year if ctx.last_year and ctx.last_kind in ("year",) else ctx.dct.year
    return [_Part(s, e, "DATE", str(base - 1), None, True, memo=False)]


def _shift(d: dt.date, unit: str, n: float) -> str | None:
    k = int(round(n))
    if unit == "day":
        return (d + dt.timedelta(days=k)).isoformat()
    if unit == "week":
        return _week(d + dt.timedelta(days=7 * k))
    if unit == "fortnight":
        return _week(d + dt.timedelta(days=14 * k))
    if unit == "month":
        y, mo = _add_months(d.year, d.month, k)
        return f"{y}-{mo:02d}"
    if unit == "quarter":
        y, mo = _add_months(d.year, d.month, 3 * k)
        return f"{y}-Q{_quarter(mo)}"
    if unit == "year":
        return str(d.year + k)
    if unit == "decade":
        return str((d.year + 10 * k) // 10)
    if unit == "century":
        return f"{(d.year + 100 * k) // 100:02d}"
    if unit in ("hour", "minute", "second"):
        return d.isoformat()
    return None


def _n_ago(m, s, e, ctx):
    unit = R.unit_key(m["unit"])
    q = m["q"].lower()
    d_ = re.sub(r"\s+", " ", m["dir"].lower())
    modw = (m["mod"] or "").lower()
    if modw in ("just", "only"):
        s = m.start("q")
    mod = _mod(modw)
    if unit is None:
        return None
    sign = -1 if d_ in ("ago", "earlier", "before", "previously", "back") else 1
    if q == "the":
        n = 1.0
    else:
        n = _num(q)
    if n is None:
        return [_Part(s, e, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)]
    if d_ in ("ago", "from now", "hence", "back"):
        anchor, anchored = ctx.dct, True
    else:
        # "two days later", "a year earlier": relative to the last date mentioned, else the dct
        anchor, anchored = None, False
        if unit in ("day", "week") and ctx.last_day is not None:
            anchor = ctx.last_day
        elif unit in ("year", "decade", "century") and ctx.last_year is not None and ctx.last_kind != "quarter":
            if ctx.last_day is not None and ctx.last_day.year == ctx.last_year:
                anchor = ctx.last_day
            else:
                anchor = dt.date(ctx.last_year, 6, 30)
        elif unit in ("month",) and ctx.last_month is not None:
            anchor = dt.date(ctx.last_month[0], ctx.last_month[1], 1)
        if anchor is None:
            anchor, anchored = ctx.dct, True
    if unit == "year" and n == 1 and sign < 0 and ctx.last_q and ctx.last_q_end > s - 600:
        y, qq = ctx.last_q
        return [_Part(s, e, "DATE", f"{y - 1}-Q{qq}", mod, memo=False)]
    if anchor is None:
        ph = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
              "decade": "XXX", "century": "XX"}.get(unit, "XXXX")
        return [_Part(s, e, "DATE", ph, mod)]
    v = _shift(anchor, unit, sign * n)
    if v is None:
        return None
    return [_Part(s, e, "DATE", v, mod, anchored)]


def _n_bareago(m, s, e, ctx):
    return [_Part(s, e, "DATE", "PAST_REF")]


def _n_dur(m, s, e, ctx):
    unit = R.unit_key(m["unit"])
    if unit is None:
        return None
    q = m["q"].lower()
    the = (m["the"] or "").lower()
    modw = (m["mod"] or "").lower()
    if the in ("a", "an", "its", "their", "his", "her") and not modw:
        s = m.start("rel") if m["rel"] else m.start("q")
        if the in ("a", "an") and q in ("few", "couple", "couple of"):
            s = m.start("the")
    if ctx.text[m.end("q"):m.end("q") + 1] == "-" and not modw:
        s = max(s, m.start("q"))  # attributive "the two-week [visit]": TimeBank tags "two-week"
    if m["orso"]:
        e = m.end("unit") if "or so" not in m["orso"] else e
    # a rate: "50,000 CDs a year", "$10 a day" -> SET
    if q in ("a", "an") and not the and not modw:
        prv = ctx.prev_tok(m.start("q"))
        if prv is not None and (prv.tag_ in ("NNS", "CD", "$", "NN") and prv.lower_ not in ("time",) or prv.lower_ in ("%", "percent")):
            s = m.start("q")
            return [_Part(s, e, "SET", _duration(1, unit).replace("P1", "P1", 1))]
    n = _num(q)
    if q in ("a", "an") and m["more"] and m["more"].lower() in ("additional", "further", "extra"):
        n = 1
    mod = _mod(modw)
    return [_Part(s, e, "DURATION", _duration(n, unit), mod)]


def _n_durhyph(m, s, e, ctx):
    unit = R.unit_key(m["unit"])
    q = m["q"].lower()
    if q == "multi":
        n = None
    elif q == "half":
        n = 0.5
    else:
        n = _num(q)
    return [_Part(s, e, "DURATION", _duration(n, unit), "MORE_THAN" if (m["long"] or "").lower() == "plus" else None)]


def _n_durvague(m, s, e, ctx):
    unit = R.unit_key(m["unit"])
    if unit is None:
        return None
    rel = (m["rel"] or "").lower()
    if m["the"] and not rel and not m["v"] and m["T0"] is None:
        pass
    return [_Part(s, e, "DURATION", R.VAGUE_UNITS[unit])]


def _n_forunits(m, s, e, ctx):
    unit = R.unit_key(m["unit"])
    return [_Part(s, e, "DURATION", R.VAGUE_UNITS[unit])] if unit else None


def _n_halfunit(m, s, e, ctx):
    if m["unit"]:
        unit = R.unit_key(m["unit"])
        n = 0.5
    else:
        unit = R.unit_key(m["unit2"])
        base = _num(m["q"])
        n = None if base is None else base + 0.5
    if unit is None:
        return None
    if unit == "minute" and n is not None and not float(n).is_integer():
        return [_Part(s, e, "DURATION", f"PT{int(n)}M30S" if n >= 1 else "PT30S", _mod(m["mod"]))]
    return [_Part(s, e, "DURATION", _duration(n, unit), _mod(m["mod"]))]


def _n_set(m, s, e, ctx):
    if m["adv"]:
        v = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
             "yearly": "P1Y", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "biweekly": "P2W",
             "fortnightly": "P2W", "semiannually": "P6M", "biannually": "P6M"}[m["adv"].lower()]
        return [_Part(s, e, "SET", v)]
    if m["times"]:
        unit = R.unit_key(m["u2"])
        return [_Part(s, e, "SET", _duration(1, unit) if unit != "quarter" else "P1Q")]
    u = m["u"]
    n = 2 if (m["ord"] or "").lower() in ("other", "second") else 3 if (m["ord"] or "").lower() == "third" else 1
    ul = u.lower().rstrip(".")
    if ul in R.WEEKDAYS and u[0].isupper():
        return [_Part(s, e, "SET", f"XXXX-WXX-{R.WEEKDAYS[ul]}")]
    if ul in R.MONTHS and u[0].isupper():
        return [_Part(s, e, "SET", f"XXXX-{R.MONTHS[ul]:02d}")]
    if ul in R.SEASONS:
        return [_Part(s, e, "SET", f"XXXX-{R.SEASONS[ul]}")]
    if ul in R.PARTS_OF_DAY:
        return [_Part(s, e, "SET", f"XXXX-XX-XXT{R.PARTS_OF_DAY[ul]}")]
    if ul == "weekend":
        return [_Part(s, e, "SET", "XXXX-WXX-WE")]
    unit = R.unit_key(ul)
    if unit is None:
        return None
    if unit == "quarter":
        return [_Part(s, e, "SET", f"P{n}Q")]
    return [_Part(s, e, "SET", _duration(n, unit))]


_DAYWORD = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def _resolve_dayword(d: str, pos: int, rel: str | None, ctx: _Ctx) -> tuple[dt.date | None, str | None]:
    """-> (date, placeholder when unresolved)."""
    dl = d.lower().rstrip(".")
    if dl in _DAYWORD:
        if ctx.dct is None:
            return None, "XXXX-XX-XX"
        return ctx.dct + dt.timedelta(days=_DAYWORD[dl]), None
    wd = R.WEEKDAYS[dl]
    if ctx.dct is None:
        return None, f"XXXX-WXX-{wd}"
    return ctx.weekday(wd, pos, rel), None


def _n_dayref(m, s, e, ctx):
    d = m["d"]
    rel = re.sub(r"\s+", " ", m["rel"].lower()) if m["rel"] else None
    pre = (m["pre"] or "").lower()
    mod = _mod(pre)
    part = (m["part"] or "").lower()
    pcode = R.PARTS_OF_DAY.get("night" if part == "overnight" else part)
    dl = d.lower().rstrip(".")
    if m["pl"] or m["pl2"]:
        if dl in R.WEEKDAYS:
            return [_Part(s, e, "SET", f"XXXX-WXX-{R.WEEKDAYS[dl]}" + (f"T{pcode}" if pcode else ""))]
        return None
    if m["mon"]:
        mon = _month_num(m["mon"])
        day = _day_of(m["day"])
        if day is None:
            return None
        if m["yr"]:
            y, anchored = int(m["yr"]), False
        else:
            y = ctx.year_for_month(mon, s)
            anchored = y is not None
        if y is None:
            date, ph = None, f"XXXX-{mon:02d}-{day:02d}"
        else:
            date, ph = _safe_date(y, mon, day), None
            if date is None:
                return None
    else:
        date, ph = _resolve_dayword(d, m.start("d"), rel, ctx)
        anchored = date is not None
    if dl == "tonight" and not pcode:
        pcode = "NI"
    base = date.isoformat() if date else ph
    if pcode:
        return [_Part(s, e, "TIME", f"{base}T{pcode}", mod, anchored)]
    return [_Part(s, e, "DATE", base, mod, anchored)]


def _n_partref(m, s, e, ctx):
    if m["over"]:
        return None
    if m["mid"]:
        w = m["mid"].lower()
        code = "MO" if "morning" in w else "AF" if "afternoon" in w else "MI"
        if code == "MI":
            code = "12:00"
        if ctx.dct is None:
            return [_Part(s, e, "TIME", f"XXXX-XX-XXT{code}")]
        return [_Part(s, e, "TIME", f"{ctx.dct.isoformat()}T{code}", None, True)]
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    part = R.PARTS_OF_DAY[m["part"].lower()]
    mod = _mod(m["pre"])
    if rel in ("that", "the next", "the previous", "the following"):
        a = _anchor_day(ctx)
        step = {"that": 0, "the next": 1, "the following": 1, "the previous": -1}[rel]
        if a is None:
            return [_Part(s, e, "TIME", f"XXXX-XX-XXT{part}", mod)]
        return [_Part(s, e, "TIME", f"{(a + dt.timedelta(days=step)).isoformat()}T{part}", mod, a is ctx.dct)]
    if ctx.dct is None:
        return [_Part(s, e, "TIME", f"XXXX-XX-XXT{part}", mod)]
    off = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[rel]
    if rel == "last" and part != "NI":
        off = -1
    return [_Part(s, e, "TIME", f"{(ctx.dct + dt.timedelta(days=off)).isoformat()}T{part}", mod, True)]


def _n_clock(m, s, e, ctx):
    pre = (m["pre"] or "").lower()
    if pre and pre not in ("about", "around", "approximately"):
        s = m.start("h") if m["h"] else m.start("nm") if m["nm"] else m.start("h24")
    mod = "APPROX" if pre in ("about", "around", "approximately") else None
    if m["h"]:
        h = int(m["h"]) % 12
        if m["ap"].lower().startswith("p"):
            h += 12
        hm = f"{h:02d}:{m['mi'] or '00'}"
    elif m["nm"]:
        hm = "24:00" if m["nm"].lower() == "midnight" else "12:00"
    else:
        hm = f"{m['h24']}:{m['mi24']}"
    date, ph, anchored = None, None, False
    if m["d"]:
        if m["mon2"]:
            y = ctx.year_for_month(_month_num(m["mon2"]), s)
            date = _safe_date(y, _month_num(m["mon2"]), int(re.match(r"\d+", m["day2"])[0])) if y else None
            ph = None if date else f"XXXX-{_month_num(m['mon2']):02d}-{int(re.match(r'[0-9]+', m['day2'])[0]):02d}"
        else:
            date, ph = _resolve_dayword(m["d"], m.start("d"), None, ctx)
        anchored = date is not None
    elif m["mon"]:
        mon = _month_num(m["mon"])
        day = int(re.match(r"\d+", m["day"])[0])
        y = int(m["yr"]) if m["yr"] else ctx.year_for_month(mon, s)
        anchored = not m["yr"] and y is not None
        date = _safe_date(y, mon, day) if y else None
        ph = None if date else f"XXXX-{mon:02d}-{day:02d}"
    else:
        if ctx.last_day is not None and ctx.last_end > s - 300:
            date = ctx.last_day
        elif ctx.dct is not None:
            date, anchored = ctx.dct, True
        else:
            ph = "XXXX-XX-XX"
    base = date.isoformat() if date else ph
    return [_Part(s, e, "TIME", f"{base}T{hm}", mod, anchored)]


def _n_ref(m, s, e, ctx):
    w = re.sub(r"\s+", " ", m["w"].lower())
    if w == "right now":
        s = e - 3
    if w in ("now", "right now", "currently", "nowadays", "these days", "at present", "presently", "current"):
        v = "PRESENT_REF"
    elif w.split()[-1] == "quarters":
        v = "PAST_REF" if "recent" in w else "FUTURE_REF"
    elif (w.startswith("recent ") or w.startswith("the recent ")) and (u := R.unit_key(w.split()[-1])):
        return [_Part(s, e, "DURATION", R.VAGUE_UNITS[u])]
    elif w in ("recently", "lately", "recent", "the past"):
        v = "PAST_REF"
    else:
        v = "FUTURE_REF"
    return [_Part(s, e, "DATE", v)]


def _holiday_date(key, y: int) -> dt.date:
    spec = R.HOLIDAYS[key]
    if isinstance(spec, tuple):
        return dt.date(y, *spec)
    if spec == "thanks":
        return _nth_weekday(y, 11, 4, 4)
    if spec == "labor":
        return _nth_weekday(y, 9, 1, 1)
    if spec == "memorial":
        return _nth_weekday(y, 5, 1, -1)
    if spec == "election":
        return _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1)
    if spec == "easter":
        return _easter(y)
    return _easter(y) - dt.timedelta(days=2)


def _n_holiday(m, s, e, ctx):
    key = re.sub(r"\s+", " ", m["h"].lower())
    if m["yr"]:
        return [_Part(s, e, "DATE", _holiday_date(key, int(m["yr"])).isoformat())]
    if ctx.dct is None:
        spec = R.HOLIDAYS[key]
        return [_Part(s, e, "DATE", f"XXXX-{spec[0]:02d}-{spec[1]:02d}" if isinstance(spec, tuple) else "XXXX-XX-XX")]
    d = ctx.dct
    rel = (m["rel"] or "").lower()
    this = _holiday_date(key, d.year)
    if rel == "last":
        y = d.year if this < d else d.year - 1
    elif rel == "next":
        y = d.year if this > d else d.year + 1
    else:
        t = ctx.tense(s)
        y = d.year
        if t == PAST and this > d:
            y -= 1
        elif t == FUTURE and this < d:
            y += 1
    return [_Part(s, e, "DATE", _holiday_date(key, y).isoformat(), None, True)]


def _n_anaphor(m, s, e, ctx):
    if m["unit2"]:
        w = m["unit2"].lower().split()
        unit, step = w[1], (-1 if w[2] == "before" else 1)
    else:
        unit = m["unit"].lower()
        rel = re.sub(r"\s+", " ", m["rel"].lower())
        step = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
                "the prior": -1, "the preceding": -1}[rel]
    mod = _mod(m["pre"]) if _g(m, "pre") else None
    if unit in R.PARTS_OF_DAY:
        a = _anchor_day(ctx)
        if a is None:
            return [_Part(s, e, "TIME", f"XXXX-XX-XXT{R.PARTS_OF_DAY[unit]}", mod)]
        return [_Part(s, e, "TIME", f"{(a + dt.timedelta(days=step)).isoformat()}T{R.PARTS_OF_DAY[unit]}", mod, a is ctx.dct)]
    if unit == "day":
        a = _anchor_day(ctx)
        if a is None:
            return [_Part(s, e, "DATE", "XXXX-XX-XX", mod)]
        return [_Part(s, e, "DATE", (a + dt.timedelta(days=step)).isoformat(), mod, a is ctx.dct)]
    if unit == "week":
        a = _anchor_day(ctx)
        if a is None:
            return [_Part(s, e, "DATE", "XXXX-WXX", mod)]
        return [_Part(s, e, "DATE", _week(a + dt.timedelta(days=7 * step)), mod, a is ctx.dct)]
    if unit == "month":
        base = ctx.last_month or ((ctx.dct.year, ctx.dct.month) if ctx.dct else None)
        if base is None:
            return [_Part(s, e, "DATE", "XXXX-XX", mod)]
        y, mo = _add_months(base[0], base[1], step)
        return [_Part(s, e, "DATE", f"{y}-{mo:02d}", mod)]
    if unit == "quarter":
        if ctx.last_q is None:
            return None
        y, q = ctx.last_q
        k = y * 4 + q - 1 + step
        return [_Part(s, e, "DATE", f"{k // 4}-Q{k % 4 + 1}", mod)]
    if unit == "year":
        if ctx.last_year is not None:
            return [_Part(s, e, "DATE", str(ctx.last_year + step), mod)]
        if ctx.dct is None:
            return [_Part(s, e, "DATE", "XXXX", mod)]
        return [_Part(s, e, "DATE", str(ctx.dct.year + step), mod, True)]
    return None


_NORM = {name: globals()[f"_n_{name}"] for name, _ in R.RULES}


# --------------------------------------------------------------------------- scan windows
#
# Running all ~30 rules over the whole text was most of the tagger's time. A match of a rule
# lies between two of its cut characters and holds its trigger tokens (R.CUTS, R.TRIGGERS:
# both proven from the patterns by tests/test_dates_windows.py), so each rule runs only on
# the runs between cuts that hold its triggers, with finditer(text, pos, endpos): lookbehinds
# still see the text before pos, and endpos stops just after the cut, which no match or
# lookahead reads past. The matches are exactly those of finditer(text).

_TOKEN = re.compile(r"[A-Za-z]+|\d+|[-/]")
# chars that re.I matches to an ASCII letter ("K" Kelvin sign, long s, dotted/dotless i): a
# rule could match them where no ASCII-letter token shows a trigger, so such texts run in full
_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a]")
_KEY_IDS = {name: k for k, name in enumerate(R.TRIGGER_KEYS)}
_KEYS_OF_KIND: dict[str, list[tuple[int, str, re.Pattern]]] = {"a": [], "d": [], "p": []}
for _name, (_kind, _mode, _rx) in R.TRIGGER_KEYS.items():
    _KEYS_OF_KIND[_kind].append((_KEY_IDS[_name], _mode, re.compile(_rx)))
_TOKEN_KEYS: dict[str, tuple[int, ...]] = {}  # token -> the trigger keys it carries


def _keys_of(tok: str) -> tuple[int, ...]:
    if len(_TOKEN_KEYS) > 50_000:
        _TOKEN_KEYS.clear()
    c = tok[0]
    kind = "p" if c in "-/" else "a" if c.isascii() and c.isalpha() else "d"
    low = tok.lower()
    if kind == "p":
        keys = tuple(k for k, _m, rx in _KEYS_OF_KIND["p"] if rx.pattern == tok)
    else:
        keys = tuple(k for k, mode, rx in _KEYS_OF_KIND[kind] if rx.search(low if mode == "i" else tok))
    _TOKEN_KEYS[tok] = keys
    return keys


def _cut_patterns(hard: str, guarded: str) -> tuple[re.Pattern, re.Pattern]:
    """Forward and reversed-text patterns of a cut: a hard char, or a guarded one before no digit."""
    h = "[" + "".join(re.escape(c) for c in hard) + "]"
    if not guarded:
        return re.compile(h), re.compile(h)
    g = "[" + "".join(re.escape(c) for c in guarded) + "]"
    both = "[" + "".join(re.escape(c) for c in hard + guarded) + "]"
    # a character class first lets the regex engine skip ahead quickly
    return re.compile(rf"{both}(?:(?<={h})|(?!\d))"), re.compile(rf"{both}(?:(?<={h})|(?<!\d{g}))")


_CUT_PATTERNS: dict[tuple[str, str], tuple[re.Pattern, re.Pattern]] = {}
_RULE_LIST = []
for _i, (_name, _pat) in enumerate(R.RULES):
    _hard = R.CUT_COMMON + R.CUTS[_name][0]
    _cut = _CUT_PATTERNS.setdefault((_hard, R.CUTS[_name][1]), _cut_patterns(_hard, R.CUTS[_name][1]))
    _spec = tuple(tuple(tuple(_KEY_IDS[k] for k in group) for group in alt) for alt in R.TRIGGERS[_name])
    _RULE_LIST.append((_i, _name, _pat, "T" in _pat.groupindex, _spec, _cut, frozenset(_hard)))
del _i, _name, _pat, _hard, _cut, _spec, _kind, _mode, _rx


def _rule_matches(text: str):
    """(rule index, name, pattern, has T group, its matches in text), as pattern.finditer(text)."""
    if _EXOTIC.search(text):
        for i, name, pat, has_t, *_ in _RULE_LIST:
            yield i, name, pat, has_t, pat.finditer(text)
        return
    n = len(text)
    at: list[list[int]] = [[] for _ in _KEY_IDS]  # key -> starts of the tokens that carry it
    token_keys = _TOKEN_KEYS
    for m in _TOKEN.finditer(text):
        tok = m.group()
        keys = token_keys.get(tok)
        if keys is None:
            keys = _keys_of(tok)
        for k in keys:
            at[k].append(m.start())
    groups: dict[tuple[int, ...], list[int]] = {}
    runs_of: dict[tuple, dict[int, tuple[int, int, int]]] = {}  # cut patterns -> token start -> its run
    rtext = None
    for i, name, pat, has_t, spec, cut, hard in _RULE_LIST:
        windows = set()
        for alt in spec:
            starts = []
            for group in alt:
                got = groups.get(group)
                if got is None:
                    got = at[group[0]] if len(group) == 1 else sorted(p for k in group for p in at[k])
                    groups[group] = got
                if not got:
                    break
                starts.append(got)
            else:
                if rtext is None:
                    rtext = text[::-1]
                runs = runs_of.get(cut)
                if runs is None:
                    runs = runs_of[cut] = {}
                fwd, rev = cut
                others = starts[1:]
                nxt = -1
                for p in starts[0]:
                    if p < nxt:
                        continue  # same run as the last one
                    run = runs.get(p)
                    if run is None:
                        found = fwd.search(text, p)
                        if found is None:
                            nxt = end = n
                        else:
                            b = found.start()
                            nxt = b + 1  # where the next run starts
                            end = nxt if text[b] in hard else min(b + 2, n)  # a guarded cut: read its next char
                        back = rev.search(rtext, n - p)
                        run = runs[p] = (n - back.start() if back else 0, nxt, end)
                    a, nxt, end = run
                    if all((j := bisect.bisect_left(o, a)) < len(o) and o[j] < nxt for o in others):
                        windows.add((a, end))
        yield i, name, pat, has_t, _in_windows(pat, text, sorted(windows))


def _in_windows(pat: re.Pattern, text: str, windows):
    for a, e in windows:
        yield from pat.finditer(text, a, e)


# --------------------------------------------------------------------------- driver

# TimeBank leaves these outside the span ("earlier [this week]", "about [five hours]"); the
# modifier itself is kept in Timex.mod where the normaliser reads it from the match.
_LEAD_TRIM = re.compile(r"(?:earlier|later|about|barely|just|only)\s+", re.I)


def _candidates(ctx: _Ctx):
    text = ctx.text
    out = []
    for i, name, pat, has_t, matches in _rule_matches(text):
        for m in matches:
            if has_t and m.group("T") is not None:
                s, e = m.span("T")
            else:
                s, e = m.span()
            while e > s and text[e - 1].isspace():
                e -= 1
            while s < e and text[s].isspace():
                s += 1
            if (lead := _LEAD_TRIM.match(text, s, e)) and lead.end() < e:
                s = lead.end()
            if e <= s:
                continue
            if (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (e < len(text) and text[e].isalnum() and text[e - 1].isalnum()):
                continue  # inside a word ("k-now-n")
            out.append((s, e, i, name, m))
    return out


def _select(cands, ctx: _Ctx):
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken = bytearray(len(ctx.text) + 1)
    chosen = []
    for s, e, i, name, m in cands:
        if taken.find(1, s, e) != -1:
            continue
        if not _valid(name, m, s, e, ctx):
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append((s, e, i, name, m))
    chosen.sort(key=lambda c: c[0])
    return chosen


def _parts(doc, dct: dt.date | None, text: str | None = None) -> list[_Part]:
    ctx = _Ctx(doc, dct, text)
    out: list[_Part] = []
    for s, e, _i, name, m in _select(_candidates(ctx), ctx):
        try:
            parts = _NORM[name](m, s, e, ctx)
        except (ValueError, KeyError, TypeError, OverflowError):
            parts = None
        if not parts:
            continue
        for p in parts:
            if p.type in ("DATE", "TIME") and p.interval is None:
                p.interval = value_interval(p.value)
            out.append(p)
            ctx.remember(p)
    out.sort(key=lambda p: p.start)
    return out


def _as_date(dct) -> dt.date | None:
    if dct is None:
        return None
    if isinstance(dct, dt.datetime):
        return dct.date()
    if isinstance(dct, dt.date):
        return dct
    s = str(dct).strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        if re.fullmatch(r"\d{8}", s):
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
        return None


def tag_dates(doc, dct: dt.date | None) -> list[Timex]:
    """All time expressions of a parsed Doc, sorted by start (character offsets into doc.text)."""
    d = _as_date(dct)
    text = doc.text
    return [Timex(p.start, p.end, text[p.start:p.end], p.type, p.value,
                  p.interval if p.type in ("DATE", "TIME") else None, p.mod, p.anchored)
            for p in _parts(doc, d, text)]


def tag_text(text: str, dct: dt.date | None, nlp=None) -> list[Timex]:
    """Parse `text` with `nlp` (default: claimcheck.nlp.load_model()) and tag it."""
    if nlp is None:
        from claimcheck.nlp import load_model
        nlp = load_model()
    return tag_dates(nlp(text), dct)


def timebank_entry(text: str, dct: str) -> list[dict]:
    """Entry point for timex_score.py --python: TimeML conventions (a '2019-2020' range is two timexes)."""
    from claimcheck.nlp import load_model
    doc = load_model()(text)
    out = []
    for p in _parts(doc, _as_date(dct)):
        if p.split:
            for s, e, v in p.split:
                out.append({"start": s, "end": e, "text": text[s:e], "type": p.type, "value": v})
        else:
            out.append({"start": p.start, "end": p.end, "text": text[p.start:p.end], "type": p.type,
                        "value": p.value})
    return out
