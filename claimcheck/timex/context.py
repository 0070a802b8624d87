"""What the normalisers know about the document: its tokens, its date, and the dates said so far."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from claimcheck.models import DateInterval
from claimcheck.timex.calendar_math import QUARTER_OR_HALF_VALUE, value_interval
from claimcheck.timex.tense import PAST, PERFECT, Tense, tense_of_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass
class TimexSpan:
    """One normalised expression; a match gives one, or two for "August 29 to 30"."""

    start: int
    end: int
    type: TimexType
    value: str
    mod: str | None = None
    anchored: bool = False  # the value needed the document date
    interval: DateInterval | None = None  # set by a normaliser only for ranges; else from the value
    # the two timexes TimeML writes for a range that is one span here: ((start, end, value), ...)
    split: tuple[tuple[int, int, str], ...] | None = None
    # False: a comparison date ("a year earlier") that must not become the new anchor
    memo: bool = True
    # how TimeML writes the expression when that differs from the anchored reading kept here:
    # (start, end, type, value). "three days later" is a day for the conflict checks, but the
    # TimeML guidelines annotate the offset, the DURATION "three days", with "later" as a signal
    timeml: tuple[int, int, TimexType, str] | None = None


class DocumentContext:
    """One document being tagged. Normalisation runs in document order, so that anaphoric
    expressions ("that year", "the quarter", "two days later") can use the last date remembered."""

    def __init__(self, doc: Doc, dct: dt.date | None, text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # doc.text joins every token: take it once
        self.dct = dct
        self.token_starts: list[int] = doc.to_array("IDX").tolist()
        self.last_day: dt.date | None = None
        self.last_year: int | None = None
        self.last_month: tuple[int, int] | None = None  # (year, month)
        self.last_quarter: tuple[int, int] | None = None  # (year, quarter)
        self.last_quarter_end = -10_000
        # the last quarter mentioned in a past or perfect clause: the one "the latest quarter" means
        # (not "a fourth-quarter charge" an earthquake will bring)
        self.last_reported_quarter: tuple[int, int] | None = None
        self.last_kind: str | None = None  # the granularity of the last date remembered
        self.last_end = -1  # where the last date remembered ends
        self._tenses: dict[int, Tense | None] = {}

    # tokens ----------------------------------------------------------------
    def token_at(self, char: int) -> Token | None:
        if not len(self.doc):
            return None
        i = bisect.bisect_right(self.token_starts, char) - 1
        return self.doc[max(i, 0)]

    def token_before(self, char: int) -> Token | None:
        """The last non-space token that starts before char."""
        i = bisect.bisect_left(self.token_starts, char) - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        return self.doc[i] if i >= 0 else None

    def token_after(self, char: int) -> Token | None:
        """The first non-space token that starts at or after char."""
        i = bisect.bisect_left(self.token_starts, char)
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        return self.doc[i] if i < len(self.doc) else None

    def tense(self, char: int) -> Tense | None:
        """The tense of the clause at a character offset (see tense.py); each token's is worked out once."""
        token = self.token_at(char)
        if token is None:
            return None
        if token.i in self._tenses:
            return self._tenses[token.i]
        tense = tense_of_token(token)
        self._tenses[token.i] = tense
        return tense

    # the dates said so far ------------------------------------------------
    def anchor_day(self) -> dt.date | None:
        """The day an anaphor such as "the next day" counts from: the last one said, else the dct."""
        return self.last_day or self.dct

    def remember(self, span: TimexSpan) -> None:
        value = span.value
        if not span.memo or span.type not in ("DATE", "TIME") or "X" in value or value.endswith("REF"):
            return
        interval = span.interval or value_interval(value)
        if interval is None:
            return
        self.last_year = interval.start.year
        self.last_end = span.end
        if (m := QUARTER_OR_HALF_VALUE.match(value)) and m[2] == "Q":
            self.last_quarter = (int(m[1]), int(m[3]))
            self.last_quarter_end = span.end
            if self.tense(span.start) in (PAST, PERFECT):
                self.last_reported_quarter = self.last_quarter
            self.last_kind = "quarter"
        elif interval.granularity == "day":
            self.last_day = interval.start
            self.last_month = (interval.start.year, interval.start.month)
            self.last_kind = "day"
        elif interval.granularity == "month":
            self.last_month = (interval.start.year, interval.start.month)
            self.last_kind = "month"
        else:
            self.last_kind = interval.granularity


# A normaliser turns the match of the rule of the same name into TIMEX3 values; None or []
# drops the match. start/end are the span to emit (the match, narrowed by trimming).
Normaliser = Callable[[re.Match[str], int, int, DocumentContext], list[TimexSpan] | None]
