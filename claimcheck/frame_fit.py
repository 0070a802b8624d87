"""Can two frames be one fact: what each value is of, whose, and in what scope.

Two values can state one fact only when their frames agree on what is
measured (the same class or noun, units of one kind), whose it is (two
different named holders never meet), and the scope (no two different places,
groups or periods). Dates fit when they date one event: the same action on
the same thing, or one of the two when the other is unsaid. The fit is a
bonus on top of the overlap of the two sentences, or None when the frames
cannot be one fact.
"""
from __future__ import annotations

from claimcheck.extract.entities import countries, same_name
from claimcheck.extract.numbers import units
from claimcheck.models import Claim


def frame_fit(a: Claim, b: Claim) -> float | None:
    """How well two frames fit one fact (a bonus added to the sentences' overlap), or None when they cannot."""
    fa, fb = a.frame, b.frame
    if not _same_family(a, b):
        return None
    if fa.statement or fb.statement:
        return None  # "said on Friday": the day of saying, paired only in restated sentences
    if fa.holder and fb.holder and fa.holder_is_name and fb.holder_is_name and not same_name(fa.holder, fb.holder):
        return None  # Chopra's throw is not Weber's
    if "age" in (fa.measure, fb.measure) and not (fa.holder_is_name and fb.holder_is_name):
        return None  # an age is a fact only of a named person: "he's 16" may be anyone
    if fa.groups != fb.groups:
        return None  # the dead on board are not the whole toll
    if fa.object_is_name and fb.object_is_name and not same_name(fa.object or "", fb.object or ""):
        return None  # bought Lindqvist Optics for $1.2 billion, Maison Rive for $300 million
    if fa.places and fb.places and not _places_fit(fa.places, fb.places):
        return None  # 40 killed in one city, six in another
    if a.value.kind != "date" and fa.when and fb.when and not any(x.overlaps(y) for x in fa.when for y in fb.when):
        return None  # revenue for 2024 and for 2023
    if (a.value.kind != "date" and fa.periods_said and fb.periods_said
            and not periods_meet(fa.periods_said, fb.periods_said)):
        return None  # "in the year-earlier period" and "in 1988": figures for two periods
    bonus = 0.0
    if a.value.kind == "date":
        bonus += date_event_fit(fa, fb)
        if bonus < 0:
            return None
    elif fa.measure and fb.measure:
        if not _same_measure(fa.measure, fb.measure):
            return None
        bonus += 0.15
    else:
        return None  # a figure that says nothing of what it measures is paired only in restated sentences
    if fa.holder and fb.holder and same_name(fa.holder, fb.holder):
        bonus += 0.1
    if fa.near & fb.near:
        bonus += 0.05
    return bonus


def periods_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of TIMEX3 values name a period in common; an unknown year ("XXXX-04") meets any year."""
    return any(_timex_meet(x, y) for x in a for y in b)


def _timex_meet(x: str, y: str) -> bool:
    if x == y:
        return True
    if len(x) != len(y) or not (x.startswith("XXXX") or y.startswith("XXXX")):
        return False
    return x[4:] == y[4:]


def frames_clash(a: Claim, b: Claim, edited: bool) -> bool:
    """Whether two values of restated sentences are two facts: figures of two periods ("revenue in 2023",
    "in 2025"), or, when the sentence was `edited`, another measure or holder ("killed" for "injured")."""
    fa, fb = a.frame, b.frame
    if a.value.kind != "date" and fa.when and fb.when and not any(x.overlaps(y) for x in fa.when for y in fb.when):
        return True
    if not edited:
        return False
    if a.value.kind != b.value.kind and "date" in (a.value.kind, b.value.kind):
        return True
    if fa.measure and fb.measure and not _same_measure(fa.measure, fb.measure):
        return True
    if fa.holder_is_name and fb.holder_is_name and not same_name(fa.holder or "", fb.holder or ""):
        return True
    return fa.object_is_name and fb.object_is_name and not same_name(fa.object or "", fb.object or "")


def date_event_fit(fa, fb) -> float:
    """Two dates of one event: the same action on the same thing, or one of the two when the other is unsaid.

    "achieved in Stockholm last year" and "set at the 2022 Stockholm meeting" both date the record.
    """
    if fa.measure and fa.measure == fb.measure:
        return 0.15
    same_object = bool(fa.object and fb.object) and (
        same_name(fa.object, fb.object)
        or fa.object.split(" of ")[0].split()[-1] == fb.object.split(" of ")[0].split()[-1]
    )
    same_action = bool(fa.predicate) and fa.predicate == fb.predicate
    if same_object and (same_action or not (fa.predicate and fb.predicate)):
        return 0.1
    if same_object and " of " in (fa.object or ""):
        return 0.05  # "achieved the record of 89.94m" / "set the record of 89.94m": one specific thing
    if same_object or (same_action and not (fa.object and fb.object)):
        return 0.0
    if not (fa.measure or fb.measure):
        return 0.0  # nothing said of either event: only the sentences can tell
    return -1.0


def _same_family(a: Claim, b: Claim) -> bool:
    x, y = a.value, b.value
    if x.kind == "date" or y.kind == "date":
        return x.kind == y.kind
    if {x.kind, y.kind} - {"number", "count"} and x.kind != y.kind:
        return False  # money with money, percentages with percentages
    if x.unit == y.unit:
        return True
    table = units()
    return x.unit in table and y.unit in table and table[x.unit][0] == table[y.unit][0]


def _same_measure(a: str, b: str) -> bool:
    return a == b  # "career points" are not the game's "points"


def _places_fit(a: frozenset[str], b: frozenset[str]) -> bool:
    """Places that can be one scope: some in common, and where both name places below a country
    ("Indonesia's Aceh province", "Indonesia's West Papua province"), one of those in common."""
    if not (a & b) and not _places_meet(a, b):
        return False
    local_a, local_b = a - countries(), b - countries()
    return not (local_a and local_b) or bool(local_a & local_b) or _places_meet(local_a, local_b)


def _places_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(same_name(x, y) for x in a for y in b)
