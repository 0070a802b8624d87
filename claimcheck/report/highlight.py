"""Where a claim's value sits inside its quoted sentence, and that sentence as HTML with the value marked."""
from __future__ import annotations

import html

from claimcheck.models import Claim


def value_spans(claim: Claim) -> list[tuple[int, int]]:
    """Offsets into `claim.text` of what to mark: the value, or each item of a list.

    The claim's offsets point into the file on disk; for HTML sources the quoted
    text is the extracted text, so an offset that does not land on the value
    falls back to finding the value's words in the sentence.
    """
    text = claim.text
    relative = claim.value_start - claim.start
    if claim.value.kind == "list" and claim.value.items:
        return _item_spans(text, claim.value.items, max(relative, 0) if relative < len(text) else 0)
    length = claim.value_end - claim.value_start
    wanted = claim.value.text
    if relative >= 0 and relative + length <= len(text) and _same(text[relative : relative + length], wanted):
        return [(relative, relative + length)]
    found = text.find(wanted.strip()) if wanted.strip() else -1
    return [(found, found + len(wanted.strip()))] if found >= 0 else []


def _item_spans(text: str, items: tuple[str, ...], cursor: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for item in items:
        item = item.strip()
        found = text.find(item, cursor) if item else -1
        if found < 0:
            found = text.find(item) if item else -1
            if found < 0 or any(start <= found < end for start, end in spans):
                continue
        spans.append((found, found + len(item)))
        cursor = found + len(item)
    return sorted(spans)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def marked_html(text: str, spans: list[tuple[int, int]]) -> str:
    """The text escaped, with each span wrapped in <mark>."""
    out, at = [], 0
    for start, end in spans:
        if start < at:
            continue
        out.append(html.escape(text[at:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)
