"""Page furniture seen in runs of lines: duplicates, teaser lists, menus, related-story sections, boxes.

Each pass takes the article's lines in order (`Line`), reads the reasons the
earlier passes gave and marks more lines with a reason; `furniture.classify`
runs them in order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from claimcheck.furniture_cues import config, rules
from claimcheck.line_shapes import (
    ELLIPSIS,
    ITEM,
    ends_sentence,
    ends_with_ellipsis,
    heading_like,
    norm,
    short_line,
    title_case_share,
    title_like,
    without_closers,
    words,
)


@dataclass
class Line:
    """One line (or joined paragraph) of the article; `reason` is set once a rule finds it is furniture."""

    start: int
    end: int
    s: str
    kind: str
    reason: str | None = None


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def mark_duplicates(lines: list[Line]) -> None:
    floor = rules().limits["min_duplicate_chars"]
    for prev, ln in pairwise(lines):
        if ln.reason is None and len(ln.s) >= floor and _squash(ln.s) == _squash(prev.s):
            ln.reason = "duplicate line"


def mark_teasers(lines: list[Line]) -> None:
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
    run: list[Line] = []
    # cut holds one flag per line; the sentinel at the end closes a run that reaches the last line
    for line, c in zip([*lines, None], [*cut, False], strict=True):
        if c and line is not None and title_like(line.s):
            run.append(line)
            continue
        if len(run) >= 2:
            for r in run:
                r.reason = r.reason or "cut-off headline"
        run = []


def mark_menus(lines: list[Line]) -> None:
    """Runs of very short lines (menus, section lists) and a section kicker above the title."""
    r = rules()
    nav_reason, nav = r.whole["navigation"]
    _, sections = r.whole["sections"]

    def entry(ln: Line) -> bool:
        return ln.reason is None and ln.kind != "item" and short_line(ln.s)

    i = 0
    seen_content = False
    while i < len(lines):
        if not entry(lines[i]):
            seen_content = seen_content or lines[i].reason is None
            i += 1
            continue
        j = i
        run: list[Line] = []
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
        if before is not None and without_closers(before.s).endswith((":", ",")):
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


def mark_sections(lines: list[Line]) -> None:
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


def mark_boxes(lines: list[Line]) -> None:
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


def mark_trailing_headlines(lines: list[Line]) -> None:
    """Two or more title-like lines after the last paragraph: a list of other stories."""
    run: list[Line] = []
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
    before = without_closers(lines[k].s)
    if lines[k].kind == "heading" or before.endswith((":", ",")):
        return  # the lines are the list the paragraph introduces
    for ln in run:
        ln.reason = "list of other stories"
