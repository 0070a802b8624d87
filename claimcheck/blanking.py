"""Characters turned into spaces, so that offsets and line numbers still point into the source file.

Page furniture, HTML comments and Markdown markup are blanked after the lines are
classified; control characters and long symbol runs before.
"""
from __future__ import annotations

import re


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


# control characters but tab, line feed and carriage return (terminal escapes, NULs, C1 codes) and the
# bidirectional overrides and isolates: no text, and in the parser they break the sentence they sit in
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def blank_controls(text: str) -> str:
    """`text` with each control character a space: offsets and line numbers stay the source's."""
    return _CONTROLS.sub(" ", text)


_SYMBOL_RUN = re.compile(r"[^\w\s]{50,}")


def defuse_symbol_runs(text: str) -> tuple[str, int]:
    """Runs of 50+ symbols ("€€€€...", "=====...") kept as their first three, the rest blanked (offsets unchanged)."""
    runs = list(_SYMBOL_RUN.finditer(text))
    if not runs:
        return text, 0
    chars = list(text)
    for run in runs:
        chars[run.start() + 3 : run.end()] = " " * (run.end() - run.start() - 3)
    return "".join(chars), len(runs)
