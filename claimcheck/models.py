"""Typed records passed between the stages: files -> articles -> docs -> claims -> stories -> findings -> report.

Every record is a frozen dataclass so a stage can never change what an earlier
stage produced; offsets are always character offsets into `Article.text`
unless a field says otherwise.
"""
from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Granularity = Literal["day", "week", "month", "season", "quarter", "year", "decade", "century"]
BlockKind = Literal["text", "heading", "item", "furniture"]


@dataclass(frozen=True)
class DateInterval:
    """An inclusive range of days, with the precision the text actually gave."""

    start: date
    end: date
    granularity: Granularity

    def overlaps(self, other: DateInterval) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class Timex:
    """One time expression, as TIMEX3 sees it plus the interval claimcheck compares."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str  # ISO-TimeML value: "2023", "2025-08", "P10Y", "PRESENT_REF", "XXXX-08-29"...
    interval: DateInterval | None = None  # None for durations, sets and unresolved dates
    mod: str | None = None  # TIMEX3 mod: START, END, MID, APPROX, BEFORE, AFTER...
    anchored: bool = False  # True when the value needed the document date


@dataclass(frozen=True)
class Block:
    """A line-level piece of an article: prose, a heading, a list item or page furniture."""

    start: int
    end: int
    kind: BlockKind
    reason: str | None = None  # why a block is furniture, in words ("copyright line")


@dataclass(frozen=True)
class Article:
    """A decoded file, its furniture marked, ready for the NLP stage.

    `text` has the same length as the text the offsets refer to; furniture is
    blanked out with spaces (newlines kept) so the NLP stage never sees it but
    every offset still points into the file. For HTML, `text` is the extracted
    text and `source_offsets[i]` is where character i came from in `source`.
    """

    id: str
    path: str
    source: str
    text: str
    blocks: tuple[Block, ...]
    published: date | None = None
    published_from: Literal["header", "byline", "dateline", "metadata"] | None = None
    published_span: tuple[int, int] | None = None
    warnings: tuple[str, ...] = ()
    source_offsets: tuple[int, ...] | None = None
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def source_offset(self, offset: int) -> int:
        if self.source_offsets is None:
            return offset
        if not self.source_offsets:
            return 0
        return self.source_offsets[min(offset, len(self.source_offsets) - 1)]

    def line_of(self, offset: int) -> int:
        """1-based line number in the original file of a character offset into `text`."""
        starts = self._line_starts or _line_starts(self.source)
        return bisect.bisect_right(starts, self.source_offset(offset))


def _line_starts(source: str) -> tuple[int, ...]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(source) if ch == "\n")
    return tuple(starts)


def make_article(**kwargs) -> Article:
    """Build an Article with its line index computed once."""
    return Article(**kwargs, _line_starts=_line_starts(kwargs["source"]))


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


ValueKind = Literal["date", "number", "money", "percent", "count", "list"]
Qualifier = Literal["exact", "about", "at_least", "more_than", "up_to", "less_than", "between"]
Modality = Literal["asserted", "expected", "rumoured", "ruled_out", "earlier"]


@dataclass(frozen=True)
class Value:
    """What a claim asserts: a date, a number, a stated count or a list, normalised.

    `qualifier` is how the text bounds the number ("at least 20" is at_least 20;
    "between 20 and 30" is between 20 and `high` 30); `step` is the rounding the
    written figure implies (3.2 is to 0.1, so 3.16 agrees with it).
    """

    kind: ValueKind
    text: str
    interval: DateInterval | None = None
    number: float | None = None
    unit: str | None = None
    items: tuple[str, ...] = ()
    qualifier: Qualifier = "exact"
    high: float | None = None
    step: float = 0.0
    timex: str | None = None  # a date's TIMEX3 value: "2025-08", or "XXXX-WXX-5" for a Friday left unanchored


@dataclass(frozen=True)
class Frame:
    """What a value is a value of: the measure, whose it is, its scope and how firmly it is stated.

    Two claims state one fact when their frames match: same measure, compatible
    holder and scope, and close context once the values are masked.
    """

    measure: str | None = None  # what is measured: "dead", "injured", "medal", "price", "age"; for a date, its event
    measured_by: str | None = None  # what the measure was read from: "class", "noun" or only the "verb"
    counted: str | None = None  # the counted noun as written: "people", "goals"
    predicate: str | None = None  # the verb the value hangs off, normalised: "sign", "kill"
    object: str | None = None  # that verb's object (or the dated thing), normalised
    object_is_name: bool = False  # the object is a proper name: two different names are two things
    holder: str | None = None  # whose value it is, a normalised name: "acme corp", "jane doe"
    holder_is_name: bool = False  # a proper name ("Acme"), not a description ("the company")
    places: frozenset[str] = frozenset()  # the places of the value's clause: its scope in space
    groups: frozenset[str] = frozenset()  # who within the measure: "passenger", "ground", "kenya"
    when: tuple[DateInterval, ...] = ()  # the other dates of the sentence: the period the value is for
    periods_said: frozenset[str] = frozenset()  # every other time expression of the sentence, as TIMEX3 values
    era: date | None = None  # the latest day the sentence names: a sentence of 2004 tells of 2004
    modality: Modality = "asserted"
    statement: bool = False  # a date of saying ("said on Friday"), not of the event
    anchored: bool = False  # a date read from the publication date ("on Friday", "last year")
    names: frozenset[str] = frozenset()  # every name of the sentence, normalised
    context: frozenset[str] = frozenset()  # the sentence's content words, values left out
    near: frozenset[str] = frozenset()  # the words the value hangs on: verb, counted noun, their modifiers


@dataclass(frozen=True)
class Claim:
    """One value asserted in one sentence, with the frame that says what it is a value of."""

    id: str
    document: str
    text: str  # the sentence (or the list) verbatim
    start: int
    end: int
    line: int
    value: Value
    value_start: int
    value_end: int
    frame: Frame = Frame()
    related: str | None = None  # a stated count: the id of the list claim it introduces
    # a list announced as maybe partial ("include": "these include") or as examples ("examples": "such as")
    partial: str = ""


@dataclass(frozen=True)
class DocumentTerms:
    """What a document is about, as weighted terms (names, figures and content words): what stories group by."""

    terms: Mapping[str, int]
    names: Mapping[str, str] = field(default_factory=dict)  # name key -> the name as first written


@dataclass(frozen=True)
class DocumentResult:
    """What the per-document stages (parse, dates, claims, terms) made of one article.

    It is what the claims store keeps and what a worker process sends back, so
    it holds nothing but plain records: no spaCy Doc. A document that failed
    has no terms and its `fault` in words (it becomes the document's warning).
    """

    claims: tuple[Claim, ...] = ()
    terms: DocumentTerms | None = None
    fault: str | None = None


@dataclass(frozen=True)
class Story:
    """Documents that report one event: copies, near-copies and other outlets' takes."""

    id: str
    label: str  # what the story is about, in words
    documents: tuple[str, ...]


# every kind of finding compare() reports; the configuration's `severity` table and inline
# suppressions are checked against it
FINDING_KINDS = ("date_conflict", "number_conflict", "count_mismatch", "list_mismatch", "name_variant")
Severity = Literal["error", "warning", "info"]
BaselineStatus = Literal["new", "unchanged"]


@dataclass(frozen=True)
class Finding:
    id: str
    kind: str
    severity: Severity
    confidence: float
    subject: str
    summary: str
    claims: tuple[Claim, ...]
    reason: str = ""  # why the claims were matched, in words (claimcheck explain shows it)
    baseline: BaselineStatus | None = None  # set only when the run is compared with a baseline
    # `claimcheck check` only: corpus claims on the same fact that disagree / agree with the draft
    disagreeing: tuple[Claim, ...] = ()
    agreeing: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """What comparing a scan's documents gives, before severities, suppressions and the confidence floor.

    Kept in the claims store under the keys of all the scan's documents, so that a rescan of unchanged
    files neither parses nor compares again.
    """

    copies: tuple[tuple[str, str], ...]  # (document id, the first copy of its near-duplicate group)
    stories: tuple[Story, ...]
    findings: tuple[Finding, ...]
    corroborations: tuple[Finding, ...]


@dataclass(frozen=True)
class DocumentSummary:
    id: str
    path: str
    published: date | None
    published_from: str | None
    claims: int
    warnings: tuple[str, ...]
    near_duplicates: tuple[str, ...] = ()  # other documents that are copies of the same text


@dataclass(frozen=True)
class Suppressed:
    """A finding an inline `claimcheck: ignore` comment took out of the report, with the comment's reason."""

    finding: Finding
    reason: str
    document: str
    line: int  # the comment's line in the document's file


@dataclass(frozen=True)
class BaselineEntry:
    """One known finding in a baseline file: the fingerprint decides, kind and summary are for people."""

    fingerprint: str
    kind: str
    summary: str


@dataclass(frozen=True)
class BaselineOutcome:
    path: str
    fixed: tuple[BaselineEntry, ...]  # known findings that no longer occur


@dataclass(frozen=True)
class CheckScope:
    """What `claimcheck check` compared: drafts against a corpus."""

    against: str
    drafts: tuple[str, ...]  # document ids of the drafts
    corpus_findings: int  # findings inside the corpus alone, left out of the report


@dataclass(frozen=True)
class Report:
    root: str
    documents: tuple[DocumentSummary, ...]
    findings: tuple[Finding, ...]
    corroborations: tuple[Finding, ...]
    skipped: tuple[Skipped, ...] = ()
    suppressed: tuple[Suppressed, ...] = ()
    baseline: BaselineOutcome | None = None
    check: CheckScope | None = None
    stories: tuple[Story, ...] = ()
