"""The driver: candidates -> choice -> normalisation in document order -> Timex records."""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from claimcheck.models import Timex
from claimcheck.nlp import doc_text
from claimcheck.timex.calendar_math import value_interval
from claimcheck.timex.candidates import choose, find_candidates
from claimcheck.timex.context import DocumentContext, TimexSpan
from claimcheck.timex.normalise import NORMALISERS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def _normalised_spans(doc: Doc, dct: dt.date | None, text: str | None = None) -> list[TimexSpan]:
    context = DocumentContext(doc, dct, text)
    out: list[TimexSpan] = []
    for candidate in choose(find_candidates(context.text), context):
        try:
            spans = NORMALISERS[candidate.rule](candidate.match, candidate.start, candidate.end, context)
        except (ValueError, KeyError, TypeError, OverflowError):
            spans = None  # an impossible date ("February 30") or a word no table knows: not a timex
        if not spans:
            continue
        for span in spans:
            if span.type in ("DATE", "TIME") and span.interval is None:
                span.interval = value_interval(span.value)
            out.append(span)
            context.remember(span)  # in document order: what anaphors after it refer to
    out.sort(key=lambda span: span.start)
    return out


def _as_date(dct: Any) -> dt.date | None:
    """A document date given as a date, a datetime, an ISO string, YYYYMMDD, or nothing."""
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


def tag_dates(doc: Doc, dct: dt.date | str | None) -> list[Timex]:
    """All time expressions of a parsed Doc, sorted by start (character offsets into doc.text).

    With dct=None nothing is anchored: relative and year-less expressions keep X
    placeholders and get no interval."""
    document_date = _as_date(dct)
    text = doc_text(doc)
    return [Timex(span.start, span.end, text[span.start:span.end], span.type, span.value,
                  span.interval if span.type in ("DATE", "TIME") else None, span.mod, span.anchored)
            for span in _normalised_spans(doc, document_date, text)]


def tag_text(text: str, dct: dt.date | str | None, nlp: Language | None = None) -> list[Timex]:
    """Parse `text` with `nlp` (default: claimcheck.nlp.load_model()) and tag it."""
    if nlp is None:
        from claimcheck.nlp import load_model
        nlp = load_model()
    return tag_dates(nlp(text), dct)


def timebank_entry(text: str, dct: str) -> list[dict[str, Any]]:
    """Entry point for timex_score.py --python: TimeML conventions (a '2019-2020' range is two timexes,
    "three days later" the DURATION "three days")."""
    from claimcheck.nlp import load_model
    doc = load_model()(text)
    out: list[dict[str, Any]] = []
    for span in _normalised_spans(doc, _as_date(dct)):
        if span.timeml:
            start, end, kind, value = span.timeml
            out.append({"start": start, "end": end, "text": text[start:end], "type": kind, "value": value})
        elif span.split:
            for start, end, value in span.split:
                out.append({"start": start, "end": end, "text": text[start:end], "type": span.type, "value": value})
        else:
            out.append({"start": span.start, "end": span.end, "text": text[span.start:span.end], "type": span.type,
                        "value": span.value})
    return out
