"""Lines that are page furniture on their own: navigation, share buttons, bylines, date lines, copyright.

`line_reason` says why one line is furniture, in words, or None; the rules that
need the lines around it are in furniture_runs.
"""
from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.furniture_cues import config, rules
from claimcheck.line_shapes import ends_sentence, internal_sentence_break, norm, segments, words
from claimcheck.published import MONTHS, WEEKDAYS, find_dates, is_date_line


def _social(s: str) -> bool:
    r = rules()
    low = re.sub(r"[•●·|/,;:()\[\]{}<>]+", " ", s.lower())
    hits = [m.group() for m in r.social.finditer(low)]
    if not any(len(h) > 1 and h not in {"print", "copy", "link", "mail", "line"} for h in hits):
        return False
    return all(w in r.glue for w in r.social.sub(" ", low).split())


def _names_network(low: str) -> bool:
    return any(len(h) > 1 and h not in {"print", "copy", "link", "mail", "line"}
               for h in (m.group() for m in rules().social.finditer(low)))


def _pipe_menu(s: str) -> bool:
    """"Home | News | Politics | Sport": one line of short links."""
    parts = segments(s)
    if len(parts) < 3 or any(len(words(p)) > 3 or ends_sentence(p) for p in parts):
        return False
    r = rules()
    cues = r.whole["navigation"][1] | r.whole["sections"][1]
    return len(parts) >= 5 or any(norm(p) in cues for p in parts)


@lru_cache(maxsize=4)
def _byline_name_rx(particles: frozenset[str]) -> re.Pattern[str]:
    """A byline's name: capitalised words, with "von der" and the like between them."""
    particle = r"(?:" + "|".join(map(re.escape, sorted(particles, key=len, reverse=True))) + r")"
    return re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|" + particle
                      + r"(?=(?:\s+" + particle + r")*\s+[A-Z])))*")


def _byline(s: str) -> bool:
    """"By Jane Doe", "By AGENCY | Updated: ...", "Author: Jane Doe"; not "By March, prices had..."."""
    r = rules()
    n = len(words(s))
    if n > 20:
        return False
    low = s.lower()
    if r.prefixes["byline"][1].match(low):  # "Author: Jane Doe"
        return True
    for cue in sorted(config()["prefix"]["byline"]["cues"], key=len, reverse=True):
        if low.startswith(cue + " "):
            rest = s[len(cue):].strip()
            break
    else:
        return False
    name = _byline_name_rx(r.particles).match(rest)
    if not name:
        return False
    first = name.group().split()[0].lower().strip(".,")
    if first in MONTHS or first in WEEKDAYS:
        return False
    tail = rest[name.end():].strip()
    if tail and not re.match(r"[,|•·/–—-]|(?:in|for|at|with)\b", tail):
        return False
    return not (ends_sentence(s) and n > 8 and not re.search(r"[|•·]", s))


def _date_line(s: str) -> bool:
    """"Updated: August 29, 2025 22:00 IST", "Published 12 March 2024", "Friday, 29 August 2025",
    and a masthead: "Daily News | Business | Friday 29 August 2025", "Agency, 29 August 2025"."""
    if len(words(s)) > 16:
        return False
    if is_date_line(s.strip(" *_")):
        return True
    if len(words(s)) <= 14 and not ends_sentence(s):
        parts = segments(s)
        if len(parts) >= 2 and any(is_date_line(p) for p in parts):
            return True
        head, _, tail = s.strip(" *_").partition(", ")
        if tail and len(words(head)) <= 4 and is_date_line(tail):
            return True
    low = re.sub(r"^[\W_]+", "", s.lower())
    return bool(rules().date_cue.match(low)) and bool(find_dates(s)) and not internal_sentence_break(s)


def line_reason(s: str) -> str | None:
    """Why a single line is furniture on its own, or None."""
    r = rules()
    nwords = len(words(s))
    if not re.search(r"[^\W_]", s):
        return "separator"
    n = norm(s) if nwords <= 12 else ""
    reason, cues = r.whole["navigation"]
    if n in cues:
        return reason
    reason, cues = r.whole["comments"]
    if n in cues:
        return reason
    low = s.lower().replace("’", "'").strip()
    low_np = low.lstrip("•●·*-–—|>»#: \t")
    for name in ("disclaimer", "copyright", "teaser", "credit", "tags"):
        reason, rx = r.prefixes[name]
        if rx.match(low_np):
            if name == "teaser" and nwords > r.limits["title_max_words"] + 3:
                continue
            if name in ("credit", "tags") and nwords > r.limits["phrase_max_words"]:
                continue
            return reason
    if re.match(r"^(?:copyright|\(c\))(?:\s*[:©]|\s*\(c\)|\s+\d{4}|\s*$)", low_np):
        return "copyright line"
    for reason, most, rx in r.phrases:
        if nwords <= most and rx.search(low):
            return reason
    if nwords <= 40 and r.signoff.match(low):
        return config()["signoff"]["reason"]
    if nwords <= 30 and _pipe_menu(s):
        return "menu"
    if nwords <= 12 and _social(s):
        return config()["social"]["reason"]
    if nwords <= 15 and r.follow.match(low) and _names_network(low):
        return "social media prompt"
    if nwords <= config()["signup"]["max_words"] and r.signup_verb.match(low_np) and r.signup_object.search(low):
        return config()["signup"]["reason"]
    stamp = re.sub(r"\s+", " ", low.strip(" .,;:|•·-–()[]")) if nwords <= 8 else ""
    if stamp and (r.timestamp.match(stamp) or stamp in r.timestamp_words):
        return config()["timestamp"]["reason"]
    if _byline(s):
        return "byline"
    if _date_line(s):
        return "date line"
    return None
