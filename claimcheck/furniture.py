"""Line-level classification of an article: prose, headings, list items and page furniture.

The rules look at the shape of lines (length, case, end punctuation, runs of
short lines, position in the page) and at cue words from data/furniture.toml;
no rule knows any particular site. See `classify` for the order they apply in.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from claimcheck.models import Block
from claimcheck.published import MONTHS, WEEKDAYS, find_dates, is_date_line

DATA = Path(__file__).parent / "data" / "furniture.toml"

ELLIPSIS = re.compile(r"(?:\.\s?\.\s?\.|…)\s*[\"”’)\]]?\s*$")
ITEM = re.compile(r"^(?:[•●○◦▪▫■□►▸‣⁃∙·◆◇❖➢➤✓✔*+\-–]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)])\s+\S")
CLOSERS = "\"'”’)]»*_"


@lru_cache(maxsize=1)
def config() -> dict:
    with DATA.open("rb") as fh:
        return tomllib.load(fh)


def _phrase_rx(cues: list[str]) -> re.Pattern[str]:
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        p = re.escape(cue.lower()).replace(r"\ ", r"\s+")
        if cue[:1].isalnum():
            p = r"\b" + p
        if cue[-1:].isalnum():
            p = p + r"\b"
        parts.append(p)
    return re.compile("|".join(parts))


@lru_cache(maxsize=4)
def _byline_name_rx(particles: frozenset[str]) -> re.Pattern[str]:
    """A byline's name: capitalised words, with "von der" and the like between them."""
    particle = r"(?:" + "|".join(map(re.escape, sorted(particles, key=len, reverse=True))) + r")"
    return re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|" + particle
                      + r"(?=(?:\s+" + particle + r")*\s+[A-Z])))*")


def _start_rx(cues: list[str]) -> re.Pattern[str]:
    """Matches a line (lower case) that starts with one of the cues as whole words."""
    alts = "|".join(re.escape(w.lower()).replace(r"\ ", r"\s+") for w in sorted(cues, key=len, reverse=True))
    return re.compile(r"^(?:" + alts + r")\b")


@dataclass(frozen=True)
class _Rules:
    whole: dict[str, tuple[str, frozenset[str]]]
    phrases: list[tuple[str, int, re.Pattern[str]]]
    social: re.Pattern[str]
    date_cue: re.Pattern[str]
    signoff: re.Pattern[str]
    follow: re.Pattern[str]
    signup_verb: re.Pattern[str]
    signup_object: re.Pattern[str]
    prefixes: dict[str, tuple[str, re.Pattern[str]]]
    teaser_heads: frozenset[str]
    teaser_open: tuple[str, ...]
    box_heads: frozenset[str]
    glue: frozenset[str]
    timestamp: re.Pattern[str]
    timestamp_words: frozenset[str]
    abbreviations: frozenset[str]
    small_words: frozenset[str]
    particles: frozenset[str]
    limits: dict[str, int]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    c = config()
    prefixes = {}
    for name, table in c["prefix"].items():
        cues = sorted(table["cues"], key=len, reverse=True)
        alts = "|".join(re.escape(w.lower()).replace(r"\ ", r"\s+") for w in cues)
        prefixes[name] = (table["reason"], re.compile(r"^(?:" + alts + r")(?=\s*[:|]|\s+[-–—]\s)"))
    ts = c["timestamp"]
    units = "|".join(map(re.escape, sorted(ts["units"], key=len, reverse=True)))
    after = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ts["after"], key=len, reverse=True))
    first = [w.lower() for w in c["published"]["first"] + c["published"]["updated"]]
    lead = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(first, key=len, reverse=True))
    teasers = [w.lower() for w in c["section"]["teasers"]["cues"]]
    return _Rules(
        whole={k: (v["reason"], frozenset(w.lower() for w in v["cues"])) for k, v in c["whole_line"].items()},
        phrases=[(v["reason"], v.get("max_words", c["limits"]["phrase_max_words"]), _phrase_rx(v["cues"]))
                 for v in c["phrase"].values()],
        signoff=re.compile(r"^\(?(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
            (w.lower().lstrip("(") for w in c["signoff"]["cues"]), key=len, reverse=True)) + r")\b"),
        follow=_start_rx(c["social"]["prompt_verbs"]),
        signup_verb=_start_rx(c["signup"]["verbs"]),
        signup_object=_phrase_rx(c["signup"]["objects"]),
        prefixes=prefixes,
        teaser_heads=frozenset(teasers),
        teaser_open=tuple(w + " " for w in teasers if w.split()[-1] in {"from", "in", "on", "about", "by", "for"}),
        box_heads=frozenset(w.lower() for w in c["section"]["boxes"]["cues"]),
        social=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w.lower()) for w in sorted(
            c["social"]["networks"], key=len, reverse=True)) + r")(?![\w-])"),
        date_cue=re.compile(r"^(?:" + lead + r")\b"),
        glue=frozenset(w.lower() for w in c["social"]["glue"]),
        timestamp=re.compile(rf"^(?:(?:{lead})\s*:?\s*)?(?:\d+|an?|few)\s*(?:{units})\.?\s+(?:{after})$"),
        timestamp_words=frozenset(w.lower() for w in ts["words"]),
        abbreviations=frozenset(w.lower() for w in c["text"]["abbreviations"]),
        small_words=frozenset(w.lower() for w in c["text"]["title_small_words"]),
        particles=frozenset(w.lower() for w in c["text"]["name_particles"]),
        limits=c["limits"],
    )


# ------------------------------------------------------------------ line shape

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


def _end(s: str) -> str:
    return s.rstrip().rstrip(CLOSERS).rstrip()


def ends_with_ellipsis(s: str) -> bool:
    return ELLIPSIS.search(s) is not None


def ends_sentence(s: str) -> bool:
    e = _end(s)
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
    e = _end(ELLIPSIS.sub("", s))
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
    if _end(s).endswith((".", "!", ";", ":", ",")):
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


# ------------------------------------------------------------------ single-line rules

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


# Leading whitespace is matched only from where its run starts: tried at every space of a long run, "\s*"
# made split() quadratic (16,000 spaces took 10 s). The matches are the same: one starting inside a run
# cannot be leftmost, and after a match (which takes all trailing whitespace) a bar matches on its own.
SEGMENTS = re.compile(r"(?<!\s)\s*[|•·]\s*|[|•·]\s*|(?<!\s)\s+[—–-]\s+")


def segments(s: str) -> list[str]:
    """"Site | Section | date" -> its parts, without emphasis marks."""
    return [p.strip(" *_") for p in SEGMENTS.split(s) if p.strip(" *_")]


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


# ------------------------------------------------------------------ the classifier

@dataclass
class _Line:
    start: int
    end: int
    s: str
    kind: str
    reason: str | None = None


def _pieces(text: str, reserved: list[tuple[int, int, str]]) -> list[tuple[int, int, str | None]]:
    """Non-blank stripped line pieces (start, end, reserved reason) in order."""
    cuts = sorted(reserved)
    out: list[tuple[int, int, str | None]] = []
    pos = 0
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        segs = [(ls, le)]
        for rs, re_, _ in cuts:
            nxt = []
            for a, b in segs:
                if re_ <= a or rs >= b:
                    nxt.append((a, b))
                else:
                    if a < rs:
                        nxt.append((a, rs))
                    if re_ < b:
                        nxt.append((re_, b))
            segs = nxt
        for a, b in segs:
            piece = text[a:b]
            stripped = piece.strip()
            if stripped:
                a2 = a + (len(piece) - len(piece.lstrip()))
                out.append((a2, a2 + len(stripped), None))
    for rs, re_, reason in cuts:
        out.append((rs, re_, reason))
    out.sort()
    return out


def classify(
    text: str,
    hints: dict[int, str] | None = None,
    markdown: bool = False,
    reserved: list[tuple[int, int, str]] | None = None,
    prose_blocks: bool = False,
) -> list[Block]:
    """Cut `text` into line blocks and mark page furniture.

    `prose_blocks`: the text's line breaks already separate paragraphs (text taken from
    HTML), so lines are never joined as a hard-wrapped paragraph's.

    Order: reserved spans (headers, front matter) -> single-line cues ->
    duplicate lines -> cut-off teasers -> menu runs -> related-story sections
    -> author/disclaimer boxes -> trailing headline lists.
    """
    hints = hints or {}
    lines: list[_Line] = []
    for a, b, reason in _pieces(text, reserved or []):
        s = re.sub(r"[^\S\n]", " ", text[a:b])  # no-break spaces etc.: same length, plain spaces
        if reason:
            lines.append(_Line(a, b, s, "furniture", reason))
            continue
        lines.append(_Line(a, b, s, _kind(s, hints.get(a), markdown)))
    lines = _join_wrapped(text, lines)
    if not prose_blocks:
        lines = _join_continuations(text, lines, markdown)
    body = [ln for ln in lines if ln.reason is None]
    for ln in body:
        if markdown and re.match(r"^\[[^\]]+\]:\s*\S+", ln.s):
            ln.reason = "link reference"
        else:
            ln.reason = line_reason(ln.s)
    _duplicates(body)
    _teasers(body)
    _menus(body)
    _sections(body)
    _boxes(body)
    _trailing_headlines(body)
    blocks = []
    for ln in lines:
        if ln.reason:
            blocks.append(Block(ln.start, ln.end, "furniture", ln.reason))
        else:
            blocks.append(Block(ln.start, ln.end, ln.kind))  # type: ignore[arg-type]
    return blocks


def wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The column a hard-wrapped text file breaks its paragraphs at, or None if it is not wrapped.

    Wrapped: no line is much longer than the others (40-100 columns), many lines
    come close to that width, and most of those end mid-sentence with the
    paragraph going on in the next line.
    """
    if len(lines) < 8:
        return None
    width = max(b - a for a, b in lines)
    if not 40 <= width <= 100:
        return None
    near = [(a, b) for a, b in lines if b - a >= 0.7 * width]
    if len(near) < 0.4 * len(lines):
        return None
    going_on = [(a, b) for a, b in near if text.count("\n", b, b + 3) == 1 and text[b:b + 3].strip()]
    mid_sentence = [1 for a, b in going_on if not re.search(r"[.!?:\"”’]$", text[a:b])]
    return width if going_on and len(mid_sentence) >= 0.5 * len(going_on) else None


def _join_wrapped(text: str, lines: list[_Line]) -> list[_Line]:
    """In a hard-wrapped file, the lines of one paragraph become one block."""
    width = wrap_width(text, [(ln.start, ln.end) for ln in lines if ln.reason is None])
    if width is None:
        return lines
    out: list[_Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (prev is not None and prev.reason is None and ln.reason is None
                and text.count("\n", prev.end, ln.start) == 1
                and len(text[prev.start:prev.end].rsplit("\n", 1)[-1]) >= 0.6 * width
                and not is_item(ln.s)):
            merged = prev.s + " " * (ln.start - prev.end) + ln.s
            out[-1] = _Line(prev.start, ln.end, re.sub(r"\s", " ", merged), "text")
            continue
        out.append(ln)
    return out


def _join_continuations(text: str, lines: list[_Line], markdown: bool) -> list[_Line]:
    """Lines that plainly go on in the next line are one block, even in a file too short to measure its wrap.

    A line that stops mid-sentence and a next line that starts in lower case are one
    sentence. In Markdown, where a paragraph runs to the next blank line, a long line
    that stops mid-sentence also goes on.
    """
    out: list[_Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (prev is not None and prev.reason is None and ln.reason is None and prev.kind != "item"
                and not is_item(ln.s) and not (markdown and re.match(r"^\s*#", ln.s))
                and text.count("\n", prev.end, ln.start) == 1
                and not re.search(r"[.!?:;\"”’)]\s*$", prev.s)
                and (re.match(r"^\s*[a-z]", ln.s) or (markdown and len(prev.s.strip()) >= 40)
                     or _ends_on_function_word(prev.s))):
            merged = prev.s + " " * (ln.start - prev.end) + ln.s
            out[-1] = _Line(prev.start, ln.end, re.sub(r"\s", " ", merged), "text")
            continue
        out.append(ln)
    return out


_FUNCTION_WORDS = frozenset(
    "a an the of on in at to for from with by and or but that as than its their his her".split()
)


def _ends_on_function_word(s: str) -> bool:
    """ "... 40 million euros on" cannot end a heading or a sentence."""
    last = re.findall(r"[A-Za-z]+", s[-20:])
    return bool(last) and last[-1] in _FUNCTION_WORDS and len(s.split()) >= 5


def _kind(s: str, hint: str | None, markdown: bool) -> str:
    if markdown and re.match(r"^#{1,6}\s+\S", s):
        return "heading"
    if hint in ("heading", "item"):
        return hint
    if is_item(s):
        return "item"
    if heading_like(s):
        return "heading"
    return "text"


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _duplicates(lines: list[_Line]) -> None:
    floor = rules().limits["min_duplicate_chars"]
    for prev, ln in pairwise(lines):
        if ln.reason is None and len(ln.s) >= floor and _squash(ln.s) == _squash(prev.s):
            ln.reason = "duplicate line"


def _teasers(lines: list[_Line]) -> None:
    """Lines cut off with "..." that are teaser headlines or truncated copies of another paragraph."""
    squashed = [_squash(ln.s) for ln in lines]
    cut: list[bool] = []
    for i, ln in enumerate(lines):
        is_cut = ln.reason is None and ends_with_ellipsis(ln.s)
        cut.append(is_cut)
        if not is_cut:
            continue
        head = _squash(ELLIPSIS.sub("", ln.s)).rstrip(" ,;:-–")
        if len(head) >= 20 and any(
            j != i and len(o) > len(head) and o.startswith(head) for j, o in enumerate(squashed)
        ):
            ln.reason = "cut-off copy of another paragraph"
        elif title_like(ln.s) and (
            title_case_share(head) >= 0.6
            or re.search(r"\s(?:\.\.\.|…)\s*$", ln.s)  # "and ...": cut at a space
            or re.search(r"(?:^|\s)\S{1,2}(?:\.\.\.|…)\s*$", ln.s)  # "G...": cut in a word
        ):
            ln.reason = "cut-off headline"
    # two or more cut-off title-like lines in a row are a teaser list
    run: list[_Line] = []
    # cut holds one flag per line; the sentinel at the end closes a run that reaches the last line
    for line, c in zip([*lines, None], [*cut, False], strict=True):
        if c and line is not None and title_like(line.s):
            run.append(line)
            continue
        if len(run) >= 2:
            for r in run:
                r.reason = r.reason or "cut-off headline"
        run = []


def _menus(lines: list[_Line]) -> None:
    """Runs of very short lines (menus, section lists) and a section kicker above the title."""
    r = rules()
    nav_reason, nav = r.whole["navigation"]
    _, sections = r.whole["sections"]

    def entry(ln: _Line) -> bool:
        return ln.reason is None and ln.kind != "item" and short_line(ln.s)

    i = 0
    seen_content = False
    while i < len(lines):
        if not entry(lines[i]):
            seen_content = seen_content or lines[i].reason is None
            i += 1
            continue
        j = i
        run: list[_Line] = []
        glued_menu = False
        while j < len(lines) and (entry(lines[j]) or lines[j].reason is not None):
            if lines[j].reason is None:
                run.append(lines[j])
            elif lines[j].reason in ("menu", nav_reason):
                glued_menu = True
            j += 1
        cue = glued_menu or any(norm(ln.s) in nav or norm(ln.s) in sections for ln in run)
        # above the title: one- and two-word lines, not a heading that introduces a list
        at_top = not seen_content and all(len(words(ln.s)) <= 2 for ln in run) \
            and not (j < len(lines) and lines[j].kind == "item")
        before = next((ln for ln in reversed(lines[max(0, i - 50):i]) if ln.reason is None), None)
        if before is not None and _end(before.s).endswith((":", ",")):
            # a list the previous line introduces ("these include:"), unless it is all prompts
            menu = all(norm(ln.s) in nav for ln in run)
        else:
            menu = (len(run) >= 2 and (cue or at_top)) or len(run) >= r.limits["menu_run_without_cue"] \
                or (len(run) == 1 and not seen_content and cue)
        if menu:
            for ln in run:
                ln.reason = "menu"
        else:
            seen_content = True
        i = j


def _is_teaser_head(s: str) -> bool:
    r = rules()
    n = norm(s)
    if len(words(s)) > 8:
        return False
    if n in r.teaser_heads:
        return True
    return any(n.startswith(p) for p in r.teaser_open) and len(words(s)) <= 6


def _sections(lines: list[_Line]) -> None:
    """A "Related Stories" / "Also read" / "Trending" heading and the headlines after it."""
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not (_is_teaser_head(ln.s) and (heading_like(ln.s) or ln.reason)):
            i += 1
            continue
        ln.reason = ln.reason if ln.reason and ln.reason != "menu" else config()["section"]["teasers"]["reason"]
        j = i + 1
        while j < len(lines):
            nxt = lines[j]
            s = ITEM.sub("", nxt.s) if nxt.kind == "item" else nxt.s
            if nxt.reason or title_like(s) or (len(words(s)) <= 6 and not ends_sentence(s)):
                nxt.reason = nxt.reason or "related story"
                j += 1
            else:
                break
        i = j


def _boxes(lines: list[_Line]) -> None:
    """An "About the Author" / "Disclaimer" heading and its paragraphs up to the next heading or furniture."""
    r = rules()
    i = 0
    while i < len(lines):
        ln = lines[i]
        if len(words(ln.s)) <= 6 and norm(ln.s) in r.box_heads and not ends_sentence(ln.s):
            reason = config()["section"]["boxes"]["reason"]
            if "disclaimer" in norm(ln.s):
                reason = "disclaimer"
            ln.reason = reason
            j = i + 1
            while j < len(lines) and lines[j].reason is None and not (
                lines[j].kind == "heading" and heading_like(lines[j].s) and len(words(lines[j].s)) > 1
            ):
                lines[j].reason = reason
                j += 1
            i = j
        else:
            i += 1


def _trailing_headlines(lines: list[_Line]) -> None:
    """Two or more title-like lines after the last paragraph: a list of other stories."""
    run: list[_Line] = []
    k = len(lines) - 1
    while k >= 0:
        ln = lines[k]
        if ln.reason:
            k -= 1
            continue
        if ln.kind != "item" and title_like(ln.s) and not ends_sentence(ln.s):
            run.append(ln)
            k -= 1
            continue
        break
    if k < 0 or len(run) < 2:
        return
    before = _end(lines[k].s)
    if lines[k].kind == "heading" or before.endswith((":", ",")):
        return  # the lines are the list the paragraph introduces
    for ln in run:
        ln.reason = "list of other stories"


# ------------------------------------------------------------------ blanking

def blank(text: str, spans) -> str:
    """`text` with every span's characters turned into spaces, line breaks kept."""
    chars = list(text)
    for a, b in spans:
        for k in range(a, b):
            if chars[k] not in "\r\n":
                chars[k] = " "
    return "".join(chars)


HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


def blank_comments(text: str) -> str:
    """HTML comments in Markdown blanked before lines are classified: a comment is never article text."""
    return blank(text, [m.span() for m in HTML_COMMENT.finditer(text)])


_MD_INLINE = [
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # images: all of it
    HTML_COMMENT,
    re.compile(r"</?[A-Za-z][^>\n]*>"),  # inline HTML tags
]
_MD_LINK = re.compile(r"(\[)([^\]\n]+)(\]\([^)\n]*\)|\]\[[^\]\n]*\])")
_MD_MARKS = re.compile(r"\*\*|__|`+|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")
_MD_LEAD = re.compile(r"^(?:#{1,6}\s+|>+\s?)")
_MD_TRAIL = re.compile(r"\s#+\s*$")


def markdown_spans(text: str, blocks) -> list[tuple[int, int]]:
    """Markdown markup inside non-furniture blocks: link targets, emphasis marks, heading hashes."""
    out: list[tuple[int, int]] = []
    for b in blocks:
        if b.kind == "furniture":
            continue
        s = text[b.start:b.end]
        for rx in _MD_INLINE:
            out.extend((b.start + m.start(), b.start + m.end()) for m in rx.finditer(s))
        for m in _MD_LINK.finditer(s):
            out.append((b.start + m.start(1), b.start + m.end(1)))
            out.append((b.start + m.start(3), b.start + m.end(3)))
        out.extend((b.start + m.start(), b.start + m.end()) for m in _MD_MARKS.finditer(s))
        lead = _MD_LEAD.match(s)
        if lead:
            out.append((b.start, b.start + lead.end()))
        trail = _MD_TRAIL.search(s)
        if trail and b.kind == "heading":
            out.append((b.start + trail.start(), b.start + trail.end()))
        if s.startswith("|"):
            out.extend((b.start + m.start(), b.start + m.end()) for m in re.finditer(r"\|", s))
    return out
