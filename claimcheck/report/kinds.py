"""What each finding kind means, in words, for formats that explain their rules (SARIF, HTML)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KindInfo:
    title: str
    description: str
    default_severity: str  # the usual severity; each finding still carries its own


KINDS: dict[str, KindInfo] = {
    "date_conflict": KindInfo(
        "Date conflict",
        "One event (same action, same object, names in common) dated by intervals that do not overlap.",
        "error",
    ),
    "number_conflict": KindInfo(
        "Number conflict", "One quantity given with different values after normalisation.", "error",
    ),
    "count_mismatch": KindInfo(
        "Count mismatch",
        "A stated count differs from the list it introduces, or from the size of the same list elsewhere.",
        "warning",
    ),
    "list_mismatch": KindInfo("List mismatch", "Two sources list the same set with different items.", "warning"),
    "name_variant": KindInfo(
        "Name variant", "One event whose object is named as two different kinds of thing.", "info",
    ),
}


def kind_info(kind: str) -> KindInfo:
    """Kinds added to the comparer later still get a readable title."""
    return KINDS.get(kind) or KindInfo(kind.replace("_", " ").capitalize(), f"Finding of kind {kind}.", "warning")
