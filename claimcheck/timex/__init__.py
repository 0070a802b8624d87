"""Time expressions: find them in a parsed article and normalise each to a TIMEX3 value
with the calendar interval it denotes. docs/dates.md has the map of this package.

    tag_dates(doc, dct)       -> list[Timex] for a parsed spaCy Doc
    tag_text(text, dct, nlp)  -> the same for raw text
    timebank_entry(text, dct) -> dicts for shared/eval/timex_score.py --python
    value_interval(value)     -> the DateInterval of a resolved TIMEX3 value
"""
from __future__ import annotations

from claimcheck.timex.calendar_math import value_interval
from claimcheck.timex.tagger import tag_dates, tag_text, timebank_entry

__all__ = ["tag_dates", "tag_text", "timebank_entry", "value_interval"]
