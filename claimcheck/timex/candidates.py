"""Candidates: every rule's matches as spans to emit, and the choice among overlapping ones."""
from __future__ import annotations

import re
from typing import NamedTuple

from claimcheck.timex.context import DocumentContext
from claimcheck.timex.matching import rule_matches
from claimcheck.timex.validation import is_valid

# TimeBank leaves these outside the span ("earlier [this week]", "about [five hours]"); the
# modifier itself is kept in Timex.mod where the normaliser reads it from the match.
_LEAD_TRIM = re.compile(r"(?:earlier|later|about|barely|just|only)\s+", re.I)


class Candidate(NamedTuple):
    start: int
    end: int
    rule_index: int
    rule: str
    match: re.Match[str]


def find_candidates(text: str) -> list[Candidate]:
    """Every match of every rule, narrowed to the span it would be tagged with."""
    out = []
    for index, name, _pattern, has_span_group, matches in rule_matches(text):
        for m in matches:
            if has_span_group and m.group("T") is not None:
                start, end = m.span("T")
            else:
                start, end = m.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            if (lead := _LEAD_TRIM.match(text, start, end)) and lead.end() < end:
                start = lead.end()
            if end <= start:
                continue
            if ((start > 0 and text[start - 1].isalnum() and text[start].isalnum())
                    or (end < len(text) and text[end].isalnum() and text[end - 1].isalnum())):
                continue  # inside a word ("k-now-n")
            out.append(Candidate(start, end, index, name, m))
    return out


def choose(candidates: list[Candidate], context: DocumentContext) -> list[Candidate]:
    """The valid candidates that overlap no longer one, in text order.

    Longest first, so "January this year" wins over "this year"; equal lengths go to the
    earlier start, then to the earlier rule. A candidate that fails validation frees its
    text for shorter ones."""
    candidates.sort(key=lambda c: (-(c.end - c.start), c.start, c.rule_index))
    taken = bytearray(len(context.text) + 1)
    chosen = []
    for candidate in candidates:
        start, end = candidate.start, candidate.end
        if taken.find(1, start, end) != -1:
            continue
        if not is_valid(candidate.rule, candidate.match, start, end, context):
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return chosen
