"""Normalisers of quarters and halves ("the third quarter", "Q3 2024", "the quarter", "H1"),
and of year-ago comparisons ("the year-earlier quarter"), which mostly refer to a quarter."""
from __future__ import annotations

import re

from claimcheck.timex.anchoring import year_for_month, year_for_quarter
from claimcheck.timex.calendar_math import previous_quarter, quarter_of
from claimcheck.timex.context import DocumentContext, TimexSpan
from claimcheck.timex.patterns import MONTH_NAME, YEAR_DIGITS
from claimcheck.timex.quantities import year_of
from claimcheck.timex.tense import FUTURE, PAST
from claimcheck.timex.vocabulary import MONTHS, QUARTER_ORDINALS, modifier

Match = re.Match[str]
_YEAR_STEP = {"this": 0, "last": -1, "next": 1}
# what follows "the quarter" when it is named by its last day: "ended Sept. 30", "ending June 30, 2025"
_ENDED = re.compile(rf"\s+(?:ended|ending)\s+(?:on\s+)?(?P<mon>{MONTH_NAME})\s*\d{{1,2}}(?!\d)"
                    rf"(?:,?\s+(?P<yr>{YEAR_DIGITS}))?")


def normalise_quarter(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    quarter = QUARTER_ORDINALS[match["ord"].lower()]
    determiner = (match["the"] or "").lower()
    if determiner in ("its", "their") or (determiner in ("a", "the") and not match["rel"] and not match["yr"]
                                          and context.text[match.end("ord")] == "-"):
        start = match.start("ord")  # TimeBank's span: "a [third-quarter] loss", "its [fourth quarter]"
    relation = (match["rel"] or "").lower()
    written_year = match["yr"] or match["yr2"]
    mod = modifier(match["pre"])
    anchored = False
    year: int | None
    if written_year:
        year = int(written_year)
    elif match["rel2"]:
        if context.dct is None:
            return [TimexSpan(start, end, "DATE", f"XXXX-Q{quarter}", mod)]
        year = context.dct.year + _YEAR_STEP[match["rel2"].lower()]
        anchored = True
    elif relation in ("year-earlier", "year-ago", "corresponding", "comparable"):
        base = context.last_quarter[0] if context.last_quarter else (context.dct.year if context.dct else None)
        if base is None:
            return [TimexSpan(start, end, "DATE", f"XXXX-Q{quarter}", mod)]
        return [TimexSpan(start, end, "DATE", f"{base - 1}-Q{quarter}", mod, memo=False)]
    elif context.dct is None:
        return [TimexSpan(start, end, "DATE", f"XXXX-Q{quarter}", mod)]
    elif "year's" in relation:
        step = -1 if relation.startswith("last") else 1 if relation.startswith("next") else 0
        year = context.dct.year + step
        anchored = True
    elif match["rel3"] and "previous" in match["rel3"].lower():
        year = context.dct.year - 1
        anchored = True
    else:
        year = year_for_quarter(context, quarter, start)
        anchored = True
    return [TimexSpan(start, end, "DATE", f"{year}-Q{quarter}", mod, anchored)]


def normalise_quarter_code(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    half = match["h"] or match["h2"] or match["h0"]
    number = int(half or match["q"] or match["q2"] or match["q0"])
    code = f"H{number}" if half else f"Q{number}"
    written_year = match["yr"] or match["yr0"] or match["yr2"]
    if written_year:
        year = year_of(written_year, context.dct)
        return [TimexSpan(start, end, "DATE", f"{year}-{code}")]
    if half and not (match["h"] or match["h2"]):
        return None
    if context.dct is None:
        return [TimexSpan(start, end, "DATE", f"XXXX-{code}")]
    if half:
        return [TimexSpan(start, end, "DATE", f"{context.dct.year}-{code}", None, True)]
    return [TimexSpan(start, end, "DATE", f"{year_for_quarter(context, number, start)}-Q{number}", None, True)]


def normalise_the_quarter(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    """"the quarter", "the latest period", "the year-ago quarter": the last quarter mentioned,
    else the one before the document date."""
    if match["mon"]:  # "the December quarter": the calendar quarter that ends that month
        quarter = MONTHS[match["mon"].lower()] // 3
        if context.dct is None:
            return [TimexSpan(start, end, "DATE", f"XXXX-Q{quarter}")]
        return [TimexSpan(start, end, "DATE", f"{year_for_quarter(context, quarter, start)}-Q{quarter}", None, True)]
    relation = re.sub(r"\s+", " ", (match["rel"] or "").strip().lower())
    unit = match["unit"].lower()
    if match["yr"]:
        if unit == "period":
            return [TimexSpan(start, end, "DATE", match["yr"])]
        if context.last_quarter is None:
            return None
        return [TimexSpan(start, end, "DATE", f"{match['yr']}-Q{context.last_quarter[1]}", memo=False)]
    words = set(relation.split())
    a_year_back = (bool(words & {"year-earlier", "year-ago", "same", "comparable", "corresponding"})
                   or bool(match["ago"]))
    latest = bool(words & {"latest", "just-ended"}) or "most recent" in relation
    said_before = context.last_reported_quarter if latest else context.last_quarter
    if said_before is not None and not (words & {"current", "past", "previous", "prior", "last"}):
        year, quarter = said_before
        anchored = False
    elif context.dct is not None:
        if "current" in words:
            year, quarter = context.dct.year, quarter_of(context.dct.month)
        else:
            year, quarter = previous_quarter(context.dct)
        anchored = True
    else:
        return [TimexSpan(start, end, "DATE", "XXXX-QX")]
    if a_year_back:
        return [TimexSpan(start, end, "DATE", f"{year - 1}-Q{quarter}", None, anchored, memo=False)]
    # a fiscal quarter said before ("the fiscal first quarter ended Sept. 30") keeps its number
    ended = _ENDED.match(context.text, end) if unit == "quarter" and said_before is None else None
    if ended and MONTHS[ended["mon"].lower().rstrip(".")] % 3 == 0:
        # "the quarter ended Sept. 30": the calendar quarter that ends that month (the date is its own span)
        month = MONTHS[ended["mon"].lower().rstrip(".")]
        quarter = month // 3
        written = ended["yr"]
        end_year = int(written) if written else year_for_month(context, month, ended.start("mon"))
        if end_year is not None:
            return [TimexSpan(start, end, "DATE", f"{end_year}-Q{quarter}", None, not written)]
    return [TimexSpan(start, end, "DATE", f"{year}-Q{quarter}", None, anchored)]


def normalise_half_year(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    if match["h2"] and not (match["yr"] or match["rel"]):
        return None
    half = 1 if match["h2"] or (match["h"] or match["h3"]).lower() == "first" else 2
    if match["yr"]:
        return [TimexSpan(start, end, "DATE", f"{match['yr']}-H{half}")]
    if context.dct is None:
        return [TimexSpan(start, end, "DATE", f"XXXX-H{half}")]
    year = context.dct.year
    if match["rel"]:
        year += _YEAR_STEP[match["rel"].lower()]
    else:
        tense = context.tense(start)
        current_half = 1 if context.dct.month <= 6 else 2
        if tense == PAST and half > current_half:
            year -= 1
        elif tense == FUTURE and half < current_half:
            year += 1
    return [TimexSpan(start, end, "DATE", f"{year}-H{half}", None, True)]


def normalise_year_ago(match: Match, start: int, end: int, context: DocumentContext) -> list[TimexSpan] | None:
    """"the year-earlier quarter", "year-ago levels": the year before the quarter or year just said."""
    compared = (match["u"] or "").lower()
    if compared not in ("quarter", "period", "month", "year"):
        start, end = match.span("k")
    if context.last_quarter is not None and ((compared in ("quarter", "period", "")
                                             and context.last_quarter_end > start - 600) or compared == "quarter"):
        year, quarter = context.last_quarter
        return [TimexSpan(start, end, "DATE", f"{year - 1}-Q{quarter}", memo=False)]
    if context.dct is None:
        return [TimexSpan(start, end, "DATE", "XXXX")]
    base = context.last_year if context.last_year and context.last_kind in ("year",) else context.dct.year
    token = context.token_at(start)
    if base == context.dct.year - 1 and token is not None and context.last_end <= token.sent.start_char:
        # "... compared with a loss in the 1988 period. The year-ago results ...": the year before the
        # document's, said in an earlier sentence, is already the comparison period. In the same
        # sentence ("sales fell last year from year-earlier levels") it is the period compared.
        base = context.dct.year
    return [TimexSpan(start, end, "DATE", str(base - 1), None, True, memo=False)]
