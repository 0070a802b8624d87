"""An article's publication date: the date lines the furniture rules leave, and the choice among the dates found.

published.py reads the date forms; this module decides which one is the article's
(header, metadata, byline, dateline, in that order) and marks the date lines at the top.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from claimcheck.furniture_cues import config
from claimcheck.line_shapes import ends_sentence
from claimcheck.models import Block
from claimcheck.published import byline_date, find_dateline, loose_date, url_date

LOOSE_DATE_LINES = 4  # blocks at the top of an article where a page's date line may sit


def mark_loose_date_lines(text: str, blocks: list[Block]) -> list[Block]:
    """Short lines at the top that are a date with a cue or an agency ("Found March 08, 2013"): date lines.

    The furniture rules know the usual forms; what they leave, dateparser reads (published.loose_date).
    """
    out = list(blocks)
    seen = 0
    for i, block in enumerate(blocks):
        if block.kind == "furniture":
            continue
        seen += 1
        if seen > LOOSE_DATE_LINES:
            break
        line = text[block.start:block.end]
        if seen == 1 and re.match(r"\s*https?://\S+\s*$", line):
            out[i] = Block(block.start, block.end, "furniture", "page address")
            continue
        if "\n" in line.strip() or ends_sentence(line.strip()):
            continue
        if loose_date(line) is not None:
            out[i] = Block(block.start, block.end, "furniture", "date line")
    return out


def address_date(text: str, blocks: list[Block]) -> tuple[date | None, tuple[int, int] | None]:
    """A scraped page's first line is often its address, and news addresses often carry the date."""
    first = next((b for b in blocks if text[b.start:b.end].strip()), None)
    if first is None or first.reason != "page address":
        return None, None
    line = text[first.start:first.end].strip()
    if not re.match(r"https?://\S+$", line):
        return None, None
    return url_date(line), None


def choose_published(text: str, blocks: list[Block], header, meta_date, meta_span):
    """(date, where from, span in text, warnings). Priority: header, metadata, byline, dateline."""
    byline_best = None  # (rank, DateMatch shifted into text)
    byline_span = None
    first_text = next((b.end for b in blocks if b.kind == "text"), len(text))
    section = config()["section"]["teasers"]["reason"]
    teasers = next((b.start for b in blocks if b.reason in (section, "list of other stories")), len(text))
    for b in blocks:
        if b.start >= teasers:
            break  # dates under "Related Stories" belong to other stories
        if b.kind == "furniture" and b.reason in ("byline", "date line"):
            hit = byline_date(text[b.start:b.end])
            if hit is None:
                continue
            d, rank = hit
            if rank == 1 and b.start > first_text:
                continue  # a bare date below the article's first paragraph is not its byline
            if byline_span is None:
                byline_span = (b.start + d.start, b.start + d.end)
            if d.year is None:
                continue
            key = (rank, b.start + d.start)
            if byline_best is None or key < byline_best[0]:
                byline_best = (key, d, (b.start + d.start, b.start + d.end))
    dateline = None
    for b in [b for b in blocks if b.kind == "text"][:3]:
        dateline = find_dateline(text, b.start, b.end)
        if dateline:
            break
    published: date | None = None
    origin = span = None
    if header:
        published, origin, span = header[0].to_date(), "header", (header[0].start, header[0].end)
    elif meta_date:
        published, origin, span = meta_date, "metadata", meta_span
    elif byline_best:
        published, origin, span = byline_best[1].to_date(), "byline", byline_best[2]
    if dateline:
        span = dateline.span  # the part the NLP stage sees: keep it from being read as a claim
        dm = dateline.match
        if published is None and dm.year is not None:
            published, origin = dm.to_date(), "dateline"
        elif origin == "byline" and published is not None and byline_best is not None and byline_best[0][0] == 2:
            # the byline only says when the story was updated: an earlier dateline is the filing date
            filed = dm.to_date() if dm.year is not None else resolve_yearless(dm.month, dm.day, published)
            if filed and filed < published:
                published, origin = filed, "dateline"
    elif span is None and byline_span:
        span = byline_span
    warnings = []
    if published is None:
        if dateline and dateline.match.year is None:
            shown = text[dateline.span[0]:dateline.span[1]]
            warnings.append(f"publication date unknown: the dateline {shown!r} has no year and the article "
                            "gives none, so relative dates (\"on Friday\") stay unresolved")
        else:
            warnings.append("publication date unknown: no date header, byline, dateline or metadata, "
                            "so relative dates (\"on Friday\") stay unresolved")
    return published, origin, span, warnings


def resolve_yearless(month: int, day: int, known: date) -> date | None:
    """A year-less date near a known date: the same year unless that puts it well after the known date."""
    try:
        d = date(known.year, month, day)
    except ValueError:
        return None
    if d > known + timedelta(days=7):
        try:
            d = date(known.year - 1, month, day)
        except ValueError:
            return None
    return d
