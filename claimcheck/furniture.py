"""Line-level classification of an article: prose, headings, list items and page furniture.

The rules look at the shape of lines (length, case, end punctuation, runs of
short lines, position in the page) and at cue words from data/furniture.toml;
no rule knows any particular site. See `classify` for the order they apply in:
single lines are judged in furniture_lines, runs of lines in furniture_runs.
"""
from __future__ import annotations

import re

from claimcheck.furniture_lines import line_reason
from claimcheck.furniture_runs import (
    Line,
    mark_boxes,
    mark_duplicates,
    mark_menus,
    mark_sections,
    mark_teasers,
    mark_trailing_headlines,
)
from claimcheck.line_shapes import heading_like, is_item
from claimcheck.models import Block


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
    lines: list[Line] = []
    for a, b, reason in _pieces(text, reserved or []):
        s = re.sub(r"[^\S\n]", " ", text[a:b])  # no-break spaces etc.: same length, plain spaces
        if reason:
            lines.append(Line(a, b, s, "furniture", reason))
            continue
        lines.append(Line(a, b, s, _kind(s, hints.get(a), markdown)))
    lines = _join_wrapped(text, lines)
    if not prose_blocks:
        lines = _join_continuations(text, lines, markdown)
    body = [ln for ln in lines if ln.reason is None]
    for ln in body:
        if markdown and re.match(r"^\[[^\]]+\]:\s*\S+", ln.s):
            ln.reason = "link reference"
        else:
            ln.reason = line_reason(ln.s)
    mark_duplicates(body)
    mark_teasers(body)
    mark_menus(body)
    mark_sections(body)
    mark_boxes(body)
    mark_trailing_headlines(body)
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


def _join_wrapped(text: str, lines: list[Line]) -> list[Line]:
    """In a hard-wrapped file, the lines of one paragraph become one block."""
    width = wrap_width(text, [(ln.start, ln.end) for ln in lines if ln.reason is None])
    if width is None:
        return lines
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (prev is not None and prev.reason is None and ln.reason is None
                and text.count("\n", prev.end, ln.start) == 1
                and len(text[prev.start:prev.end].rsplit("\n", 1)[-1]) >= 0.6 * width
                and not is_item(ln.s)):
            merged = prev.s + " " * (ln.start - prev.end) + ln.s
            out[-1] = Line(prev.start, ln.end, re.sub(r"\s", " ", merged), "text")
            continue
        out.append(ln)
    return out


def _join_continuations(text: str, lines: list[Line], markdown: bool) -> list[Line]:
    """Lines that plainly go on in the next line are one block, even in a file too short to measure its wrap.

    A line that stops mid-sentence and a next line that starts in lower case are one
    sentence. In Markdown, where a paragraph runs to the next blank line, a long line
    that stops mid-sentence also goes on.
    """
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (prev is not None and prev.reason is None and ln.reason is None and prev.kind != "item"
                and not is_item(ln.s) and not (markdown and re.match(r"^\s*#", ln.s))
                and text.count("\n", prev.end, ln.start) == 1
                and not re.search(r"[.!?:;\"”’)]\s*$", prev.s)
                and (re.match(r"^\s*[a-z]", ln.s) or (markdown and len(prev.s.strip()) >= 40)
                     or _ends_on_function_word(prev.s))):
            merged = prev.s + " " * (ln.start - prev.end) + ln.s
            out[-1] = Line(prev.start, ln.end, re.sub(r"\s", " ", merged), "text")
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
