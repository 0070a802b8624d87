"""Hand-built claims and frames for the stages after extraction: no model needed."""
from __future__ import annotations

from datetime import date

from claimcheck.models import Claim, DateInterval, Frame, Value

YEAR_2023 = DateInterval(date(2023, 1, 1), date(2023, 12, 31), "year")
YEAR_2025 = DateInterval(date(2025, 1, 1), date(2025, 12, 31), "year")
AUG_2025 = DateInterval(date(2025, 8, 1), date(2025, 8, 31), "month")


def words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


def claim(doc: str, start: int, value: Value, text: str = "", **frame) -> Claim:
    """A claim of `doc` whose sentence starts at `start`; `frame` sets Frame fields.

    The sentence's content words (`context`) default to the words of `text`, so
    two claims meant to say one thing are given the same text.
    """
    text = text or f"sentence {start} of {doc}"
    frame.setdefault("context", words(text))
    if isinstance(frame.get("names"), (tuple, list, set)):
        frame["names"] = frozenset(frame["names"])
    return Claim(
        id=f"{doc}:{start}:{value.text}", document=doc, text=text, start=start, end=start + len(text),
        line=start // 100 + 1,
        value=value, value_start=start, value_end=start + len(value.text), frame=Frame(**frame),
    )


def on(interval: DateInterval, text: str = "", **extra) -> Value:
    return Value(kind="date", text=text or str(interval.start.year), interval=interval, **extra)


def figure(number: float, text: str = "", kind: str = "number", **extra) -> Value:
    return Value(kind=kind, text=text or f"{number:g}", number=number, **extra)


def money(number: float, text: str, unit: str = "USD") -> Value:
    return Value(kind="money", text=text, number=number, unit=unit)


def signed(doc: str, start: int, value: Value, **extra) -> Claim:
    """A date of one event: Acme and Beta Corp signing a memorandum."""
    frame = dict(measure="sign memorandum", measured_by="event", predicate="sign", object="memorandum",
                 names=("acme", "beta corp"))
    frame.update(extra)
    return claim(doc, start, value, "acme and beta corp signed the memorandum", **frame)


def toll(doc: str, start: int, number: float, text: str = "", qualifier: str = "exact", **extra) -> Claim:
    """A count of the dead of one crash."""
    frame = dict(measure="dead", measured_by="class", counted="people", predicate="kill",
                 names=("cusco",))
    frame.update(extra)
    value = figure(number, text or f"{number:g}", qualifier=qualifier)
    return claim(doc, start, value, "people were killed when a bus overturned near cusco", **frame)
